"""Actors of one article: the alias table plus what the article itself defines.

:class:`ActorIndex` is built once per article. It registers the people found
with their titles, organisations not in the table, and aliases the article
defines in parentheses, then finds every mention in the text with the longest
match winning. Later mentions of a person by surname ("Hussein") resolve to the
full name when only one person carries it.
"""

from __future__ import annotations

import bisect
import operator
import re

from factcheck.extraction.entities import (
    STATIC_ALIASES,
    STATIC_ENTITIES,
    Entity,
    Mention,
    entity_for_alias,
    table_mentions,
)
from factcheck.extraction.models import ActorMention
from factcheck.extraction.patterns import ARMED_HEADS, GOVERNMENT_HEADS, NOT_NAME_WORDS
from factcheck.extraction.people import find_definitions, find_orgs, find_people
from factcheck.extraction.phrases import PhraseMatcher
from factcheck.extraction.text import slug, word_set

__all__ = ["ActorIndex"]

_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.]{1,9}$")
_PHRASE = re.compile(r"^[A-Z][\w'-]*(?:\s(?:(?:of|the|and|for|al|el)\s)*[A-Z][\w'-]*){0,5}$")
_ARTICLE_PREFIX = re.compile(r"^(?:al|el|Al|El)-")
_CONNECTORS = word_set("of the and for al el de")


class ActorIndex:
    """Every actor and mention of one article. Build with the text and its folded form."""

    def __init__(self, text: str, folded: str) -> None:
        self._text = text
        self._folded = folded
        self._entities: dict[str, Entity] = {}
        self._doc_aliases: dict[str, str] = {}
        self._consumed: list[tuple[int, int]] = []
        self._register_orgs()
        self._register_people()
        self._register_definitions()
        self._mentions = self._find_all_mentions()
        self._starts = [m.start for m in self._mentions]
        in_titles = self._in_titles()
        self._named = [m for i, m in enumerate(self._mentions) if i not in in_titles]
        self._named_starts = [m.start for m in self._named]
        self._seen: dict[str, list[str]] = {}
        for mention in self._mentions:
            surfaces = self._seen.setdefault(mention.key, [])
            surface = text[mention.start : mention.end]
            if surface not in surfaces:
                surfaces.append(surface)

    def entity(self, key: str) -> Entity | None:
        """Return the entity with ``key``, or None when it is unknown."""
        return self._entities.get(key) or STATIC_ENTITIES.get(key)

    def mentions(self, start: int, end: int) -> list[Mention]:
        """Return the mentions inside ``[start, end)`` in text order, titles excluded."""
        low = bisect.bisect_left(self._named_starts, start)
        high = bisect.bisect_left(self._named_starts, end)
        return [m for m in self._named[low:high] if m.end <= end]

    def last_person_before(self, position: int, floor: int) -> str | None:
        """Return the key of the last person mentioned in ``[floor, position)``, or None."""
        high = bisect.bisect_left(self._starts, position)
        for mention in reversed(self._mentions[:high]):
            if mention.start < floor:
                return None
            entity = self.entity(mention.key)
            if entity is not None and entity.kind == "person":
                return mention.key
        return None

    def resolve(self, surface: str) -> Entity | None:
        """Return the entity a folded ``surface`` names, trying document aliases first."""
        key = self._doc_aliases.get(surface)
        if key is not None:
            return self.entity(key)
        return entity_for_alias(surface)

    def to_actor(self, key: str) -> ActorMention | None:
        """Return the public :class:`ActorMention` for ``key``, or None when unknown."""
        entity = self.entity(key)
        if entity is None:
            return None
        aliases = [s for s in self._seen.get(key, []) if s != entity.name]
        aliases += [a for a in entity.aliases if a not in aliases and a != entity.name]
        return ActorMention(
            key=entity.key,
            name=entity.name,
            kind=entity.kind,
            aliases=tuple(aliases),
            title=entity.title,
            affiliation=entity.affiliation,
        )

    # -- registration -------------------------------------------------------------------

    def _add_doc_alias(self, surface: str, key: str) -> None:
        if surface and surface not in STATIC_ALIASES:
            self._doc_aliases.setdefault(surface, key)
            entity = self.entity(key)
            if entity is not None and surface != entity.name and surface not in entity.aliases:
                entity.aliases.append(surface)

    def _own(self, key: str) -> Entity | None:
        """Return a per-article copy of an entity so built-in entries stay untouched."""
        if key in self._entities:
            return self._entities[key]
        static = STATIC_ENTITIES.get(key)
        if static is None:
            return None
        copy = Entity(
            static.key,
            static.name,
            static.kind,
            list(static.aliases),
            static.title,
            static.affiliation,
            static.domain,
            static.outlet_kind,
        )
        self._entities[key] = copy
        return copy

    def _register_orgs(self) -> None:
        for org in find_orgs(self._folded):
            name = self._folded[org.start : org.end]
            if name in STATIC_ALIASES or name in self._doc_aliases:
                continue
            words = name.split()
            affiliation = self._country_prefix(words)
            head = words[-1] if words[-1] not in _CONNECTORS else words[0]
            for word in reversed(words):
                if word in ARMED_HEADS or word in GOVERNMENT_HEADS:
                    head = word
                    break
            if head in ARMED_HEADS and affiliation is None:
                kind = "armed_group"
            elif head in GOVERNMENT_HEADS or head in ARMED_HEADS:
                kind = "government"
            else:
                kind = "organisation"
            display = " ".join(name.split())
            key = slug(display)
            self._entities.setdefault(key, Entity(key, display, kind, affiliation=affiliation))
            self._add_doc_alias(name, key)

    def _register_people(self) -> None:
        for person in find_people(self._folded):
            folded_name = " ".join(self._folded[person.name_start : person.name_end].split())
            key = (
                self._doc_aliases.get(folded_name)
                or self._match_known_person(folded_name)
                or slug(folded_name)
            )
            entity = self._entities.get(key)
            if entity is None:
                entity = Entity(key, folded_name, "person")
                self._entities[key] = entity
            elif entity.kind != "person":
                continue
            if entity.title is None and person.title:
                entity.title = person.title
                entity.affiliation = self._affiliation(person.affiliation_text)
            if person.title_end > person.title_start:
                self._consumed.append((person.title_start, person.title_end))
            self._add_doc_alias(folded_name, key)
        self._register_surnames()

    def _match_known_person(self, folded_name: str) -> str | None:
        """Return the key of a registered person whose name ends with ``folded_name``."""
        for key, entity in self._entities.items():
            if entity.kind == "person" and len(folded_name) >= 3:
                known = entity.name
                if known.endswith(" " + folded_name) or folded_name.endswith(" " + known):
                    return key
        return None

    def _register_surnames(self) -> None:
        owners: dict[str, set[str]] = {}
        for key, entity in self._entities.items():
            if entity.kind != "person":
                continue
            for variant in _surname_variants(entity.name):
                owners.setdefault(variant, set()).add(key)
        for variant, keys in owners.items():
            if len(keys) == 1 and variant.lower() not in NOT_NAME_WORDS and len(variant) >= 3:
                self._add_doc_alias(variant, next(iter(keys)))

    def _register_definitions(self) -> None:
        for definition in find_definitions(self._folded):
            short = definition.short
            if not (_ACRONYM.match(short) and sum(c.isupper() for c in short) >= 2) and not _PHRASE.match(
                short
            ):
                continue
            long_tokens = self._folded[definition.long_start : definition.long_end].split()
            short_entity = self.resolve(short)
            for i in range(len(long_tokens)):
                candidate = " ".join(long_tokens[i:])
                long_entity = self.resolve(candidate)
                if long_entity is not None:
                    if short_entity is None:
                        self._own(long_entity.key)
                        self._add_doc_alias(short, long_entity.key)
                    break
                if short_entity is not None and i == 0 and len(long_tokens) > 1 and "and" not in long_tokens:
                    self._own(short_entity.key)
                    self._add_doc_alias(candidate, short_entity.key)
                    break
                if short_entity is None and _initials(long_tokens[i:]) == short.replace(".", "").upper():
                    key = slug(candidate)
                    head = long_tokens[-1]
                    kind = (
                        "armed_group"
                        if head in ARMED_HEADS
                        else ("government" if head in GOVERNMENT_HEADS else "organisation")
                    )
                    self._entities.setdefault(key, Entity(key, candidate, kind))
                    self._add_doc_alias(candidate, key)
                    self._add_doc_alias(short, key)
                    break

    def _country_prefix(self, words: list[str]) -> str | None:
        for size in (3, 2, 1):
            hit = STATIC_ALIASES.get(" ".join(words[:size]))
            if hit is not None and STATIC_ENTITIES[hit[0]].kind == "country":
                return hit[0]
        return None

    def _affiliation(self, text: str | None) -> str | None:
        if not text:
            return None
        entity = self.resolve(text)
        if entity is None:
            return None
        self._own(entity.key)
        return entity.key

    # -- matching -----------------------------------------------------------------------

    def _find_all_mentions(self) -> list[Mention]:
        found: list[tuple[int, int, int, Mention]] = []
        for start, end, key in PhraseMatcher(self._doc_aliases).find(self._folded):
            found.append((start, start - end, 0, Mention(start, end, key)))
        for mention in table_mentions(self._folded):
            found.append((mention.start, -(mention.end - mention.start), 1, mention))
        found.sort(key=operator.itemgetter(0, 1, 2))
        mentions: list[Mention] = []
        last_end = -1
        for start, _, _, mention in found:
            if start >= last_end:
                last_end = mention.end
                if mention.key:
                    mentions.append(mention)
                    if mention.key not in self._entities:
                        self._own(mention.key)
        return mentions

    def _in_titles(self) -> set[int]:
        """Indexes of the mentions that lie inside a person's title."""
        inside: set[int] = set()
        for start, end in self._consumed:
            i = bisect.bisect_left(self._starts, start)
            while i < len(self._mentions) and self._mentions[i].start < end:
                if self._mentions[i].end <= end:
                    inside.add(i)
                i += 1
        return inside


def _surname_variants(name: str) -> list[str]:
    tokens = name.split()
    if len(tokens) < 2:
        return []
    last = tokens[-1]
    variants = [last]
    bare = _ARTICLE_PREFIX.sub("", last)
    if bare != last:
        variants += [bare, "Al-" + bare, "al-" + bare]
    elif tokens[-2] in {"Al", "al", "El", "el"}:
        variants += [f"{tokens[-2]} {last}", f"Al-{last}", f"al-{last}"]
    return variants


def _initials(tokens: list[str]) -> str:
    return "".join(t[0] for t in tokens if t not in _CONNECTORS).upper()
