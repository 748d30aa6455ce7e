"""Entities of the built-in alias table, and matching them in text.

Every alias of :mod:`factcheck.extraction.aliases` is matched on folded text
(longest first) by one :class:`~factcheck.extraction.phrases.PhraseMatcher`. A
capital used as a place ("talks in Washington") or inside a longer name ("George
Washington") does not count as its state, and the phrases that contain an alias
but name no actor ("Latin America", ``data/not_actors.jsonl``) are blocked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.extraction.aliases import COUNTRIES, NOT_ACTORS, ORGANISATIONS, OUTLETS
from factcheck.extraction.patterns import NOT_NAME_WORDS
from factcheck.extraction.phrases import PhraseMatcher
from factcheck.extraction.text import slug, word_set

__all__ = ["STATIC_ALIASES", "STATIC_ENTITIES", "Entity", "Mention", "entity_for_alias", "table_mentions"]


@dataclass(slots=True)
class Entity:
    """A registry entry; ``domain`` and ``outlet_kind`` are set for news outlets."""

    key: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    title: str | None = None
    affiliation: str | None = None
    domain: str | None = None
    outlet_kind: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an actor in the text; ``role`` is name, demonym or capital."""

    start: int
    end: int
    key: str
    role: str = "name"


def _static_tables() -> tuple[dict[str, Entity], dict[str, tuple[str, str]]]:
    entities: dict[str, Entity] = {}
    aliases: dict[str, tuple[str, str]] = {}

    def add(entity: Entity, names: tuple[str, ...], role: str = "name") -> None:
        entities.setdefault(entity.key, entity)
        for alias in names:
            aliases.setdefault(alias, (entity.key, role))
            if role == "name" and alias != entity.name and alias not in entity.aliases:
                entity.aliases.append(alias)

    for country in COUNTRIES:
        entity = Entity(slug(country.name), country.name, "country")
        add(entity, (country.name, *country.aliases))
        add(entity, country.demonyms, "demonym")
        add(entity, country.capitals, "capital")
    for org in ORGANISATIONS:
        add(Entity(slug(org.name), org.name, org.kind, affiliation=org.affiliation), (org.name, *org.aliases))
    for outlet in OUTLETS:
        entity = Entity(
            slug(outlet.name), outlet.name, "media", domain=outlet.domain, outlet_kind=outlet.kind
        )
        add(entity, (outlet.name, *outlet.aliases))
    return entities, aliases


STATIC_ENTITIES, STATIC_ALIASES = _static_tables()
_MATCHER = PhraseMatcher({**dict.fromkeys(NOT_ACTORS, ("", "blocked")), **STATIC_ALIASES})
_PLACE_WORDS = word_set("in to from at near into inside outside across around visit visited visiting via")


def entity_for_alias(alias: str) -> Entity | None:
    """Return the built-in entity that ``alias`` (folded text) names, or None."""
    hit = STATIC_ALIASES.get(alias)
    return STATIC_ENTITIES[hit[0]] if hit else None


def table_mentions(folded: str) -> list[Mention]:
    """Return every alias-table match in ``folded``; blocked phrases come back with an empty key."""
    found: list[Mention] = []
    for start, end, (key, role) in _MATCHER.find(folded):
        if role == "capital" and not _is_actor_capital(folded, start):
            continue
        found.append(Mention(start, end, key, role))
    return found


def _is_actor_capital(folded: str, start: int) -> bool:
    """A capital names its state unless used as a place or as part of a longer name."""
    before = _word_before(folded, start)
    if before is None:
        return True
    word, word_end = before
    between = folded[word_end:start]
    if word.lower() in _PLACE_WORDS:
        return False
    return not (word[0].isupper() and between == " " and word.lower() not in NOT_NAME_WORDS)


def _word_before(folded: str, start: int) -> tuple[str, int] | None:
    """The word before ``start`` and where it ends, or None.

    What ``re.compile(r"([\\w'.-]+)\\W*$").search(folded, max(0, start - 40), start)``
    captures, without the regex's tries from every offset: the captured run of word
    characters, apostrophes, dots and hyphens ends with the last word character (or,
    when there is none, starts at the first apostrophe, dot or hyphen).
    """
    low = max(0, start - 40)
    word_end = start
    while word_end > low and not _is_word_char(folded[word_end - 1]):
        word_end -= 1
    if word_end > low:
        word_start = word_end - 1
        while word_start > low and _is_word_part(folded[word_start - 1]):
            word_start -= 1
    else:
        word_start = next((i for i in range(low, start) if folded[i] in "'.-"), start)
        if word_start == start:
            return None
    word_end = word_start
    while word_end < start and _is_word_part(folded[word_end]):
        word_end += 1
    return folded[word_start:word_end], word_end


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _is_word_part(char: str) -> bool:
    return char.isalnum() or char in "_'.-"
