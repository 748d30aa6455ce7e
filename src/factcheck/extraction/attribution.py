"""Who said a sentence, and on whose authority it is reported.

Frames recognised (on folded text):

- ``according to [the] X['s statement]`` - X reports it (a person is a speaker);
- ``X [and Y][, citing ...,] [separately] reported|said|stated ...`` - a speech verb
  makes X the speaker, unless X is a news outlet, which then reports it;
- ``..., said X`` and ``"...," X said`` - X is the speaker;
- ``told|with|to|by|citing X`` where X is an outlet - X reports it;
- ``he|she said`` - the last person named shortly before;
- ``X stated: words`` - the speech starts after the colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from factcheck.extraction.actors import ActorIndex
from factcheck.extraction.entities import Entity, Mention
from factcheck.extraction.models import SourceMention
from factcheck.extraction.patterns import REPORT_VERBS, SPEECH_VERBS
from factcheck.extraction.text import slug

__all__ = ["Attribution", "find_attribution", "source_for", "wire_lead"]


@dataclass(frozen=True, slots=True)
class Attribution:
    """The attribution of one sentence.

    Attributes:
        stated_by: Actor keys of the speakers.
        reported_by: Sources that relay the sentence.
        used: Mentions taken as speaker or source (not counted as mentions).
        speech_start: Absolute offset where colon-introduced speech begins, or None.
        quoted: Whether the sentence holds a quotation in quote marks.
        anonymous: Whether it cites unnamed sources ("citing some sources").
    """

    stated_by: tuple[str, ...] = ()
    reported_by: tuple[SourceMention, ...] = ()
    used: tuple[Mention, ...] = ()
    speech_start: int | None = None
    quoted: bool = False
    anonymous: bool = False


_NOUNS = (
    r"statement|report|reports|claim|announcement|spokesman|spokeswoman|spokesperson|officials?|military"
    r"|government|administration|forces|army|ministry|authorities|sources|website|channel|account|media"
    r"|correspondent|office|data|figures|estimates?|analysis|communique|communiqu\u00e9"
)
# The frames that end just before a mention (``X`` in "according to X") are searched in the
# 40 characters before it, anchored at their end.
_ACCORDING = re.compile(r"\baccording to\s+(?:the\s+|a\s+|an\s+)?$", re.IGNORECASE)
_SUBJECT_TAIL = re.compile(
    rf"(?:'s?)?(?:\s(?:{_NOUNS})){{0,2}}(?:\s?\([^()]{{1,80}}\))?(?:,[^,]{{1,220}},)?\s+(?:\w+ly\s+)?"
    rf"(?:has\s+|have\s+|had\s+)?(?:(?P<speech>{SPEECH_VERBS})|(?P<report>{REPORT_VERBS}))\b(?P<colon>\s*:)?",
)
# After an appositive name ("A spokesman, Jane Roe, said") a bare comma precedes the verb.
_APPOSITIVE_TAIL = re.compile(
    rf",\s+(?:\w+ly\s+)?(?:(?P<speech>{SPEECH_VERBS})|(?P<report>{REPORT_VERBS}))\b(?P<colon>\s*:)?"
)
_INVERTED = re.compile(r"[,\"']\s*(?:said|says|added|told|wrote|stated|noted|explained)\s+(?:the\s+)?$")
_OUTLET_LEAD = re.compile(
    r"\b(?:told|to|with|by|citing|cited by|quoted by|reported by|in an interview with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)(?:the\s+)?")
_PRONOUN = re.compile(rf"\b(?:[Hh]e|[Ss]he)\s+(?:\w+ly\s+)?(?:{SPEECH_VERBS})\b(?P<colon>\s*:)?")
_COLON_SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\s*:\s*")
_ANONYMOUS = re.compile(
    r"\b(?:citing|according to|said)\s+"
    r"(?:some\s+|unnamed\s+|anonymous\s+|informed\s+|several\s+|two\s+|three\s+|senior\s+|local\s+)*"
    r"(?:sources?|officials?|reports?|people familiar|diplomats?|insiders?)\b",
    re.IGNORECASE,
)
_WIRE = re.compile(r"[A-Z][A-Za-z .,'-]{1,40}?\s*\((?P<source>[^()]{2,40})\)\s*-+\s*")
_T = TypeVar("_T")
_QUOTATION = re.compile(r"\"[^\"]{8,}\"")


def source_for(entity: Entity) -> SourceMention:
    """Return the source an entity stands for when it relays information.

    A country stands for its government ("according to the US announcement").
    """
    if entity.kind == "media":
        return SourceMention(entity.key, entity.name, entity.outlet_kind or "outlet", entity.domain)
    if entity.kind == "country":
        name = f"{entity.name} government"
        return SourceMention(slug(name), name, "government", None)
    kind = "government" if entity.kind == "government" else "organisation"
    return SourceMention(entity.key, entity.name, kind, entity.domain)


def find_attribution(folded: str, start: int, end: int, index: ActorIndex, floor: int) -> Attribution:
    """Attribute the sentence ``folded[start:end]``.

    Args:
        folded: The folded article text.
        start: Sentence start offset.
        end: Sentence end offset.
        index: The article's actors.
        floor: Earliest offset where a pronoun's antecedent may be found.
    """
    speakers: list[str] = []
    sources: list[SourceMention] = []
    used: list[Mention] = []
    speech_start: int | None = None
    for group in _groups(folded, index.mentions(start, end)):
        frame, colon_end = _frame(folded, start, end, group)
        if frame is None:
            continue
        for mention in group:
            entity = index.entity(mention.key)
            if entity is None or not _accepts(frame, entity):
                continue
            used.append(mention)
            if entity.kind == "person" or (frame == "speech" and entity.kind != "media"):
                _append(speakers, entity.key)
            else:
                _append(sources, source_for(entity))
        if colon_end is not None and speech_start is None:
            speech_start = colon_end
    pronoun = _PRONOUN.search(folded, start, end)
    if pronoun and not speakers:
        key = index.last_person_before(start, floor)
        if key is not None:
            speakers.append(key)
            if pronoun.group("colon"):
                speech_start = pronoun.end()
    if speech_start is None and (speakers or sources):
        speech_start = _colon_speech_end(folded, start, end)
    return Attribution(
        stated_by=tuple(speakers),
        reported_by=tuple(sources),
        used=tuple(used),
        speech_start=speech_start,
        quoted=bool(_QUOTATION.search(folded, start, end)),
        anonymous=_ANONYMOUS.search(folded, start, end) is not None,
    )


def _colon_speech_end(folded: str, start: int, end: int) -> int | None:
    """Where the first ``verb:`` and the spaces after it end in ``folded[start:end]``, or None."""
    match = _COLON_SPEECH.search(folded, start, end)
    return None if match is None else match.end()


def wire_lead(folded: str, start: int, end: int, index: ActorIndex) -> tuple[int, SourceMention] | None:
    """Read a wire dateline such as ``BAGHDAD (Reuters) -`` at ``start``.

    Returns where the text after the dateline starts and the agency, or None
    when there is no dateline or the agency in parentheses is not a known outlet.
    """
    match = _WIRE.match(folded, start, end)
    if match is None:
        return None
    entity = index.resolve(match.group("source").strip())
    if entity is None or entity.kind != "media":
        return None
    return match.end(), source_for(entity)


def _groups(folded: str, mentions: list[Mention]) -> list[list[Mention]]:
    """Join mentions listed with "and" or commas ("Reuters and CNN") into groups."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        if groups and _JOINER.fullmatch(folded, groups[-1][-1].end, mention.start):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return groups


def _frame(folded: str, start: int, end: int, group: list[Mention]) -> tuple[str | None, int | None]:
    """Return the frame a group of mentions stands in and, for ``X said:``, where speech starts."""
    first, last = group[0], group[-1]
    before = folded[max(start, first.start - 40) : first.start]
    if _ACCORDING.search(before):
        return "according", None
    tail = _SUBJECT_TAIL.match(folded, last.end, end)
    if tail is None and before.rstrip().endswith(","):
        tail = _APPOSITIVE_TAIL.match(folded, last.end, end)
    if tail is not None:
        colon_end = tail.end() if tail.group("colon") else None
        return ("speech" if tail.group("speech") else "report"), colon_end
    if _INVERTED.search(before):
        return "speech", None
    if _OUTLET_LEAD.search(before):
        return "outlet", None
    return None, None


def _accepts(frame: str, entity: Entity) -> bool:
    if frame == "outlet":
        return entity.kind == "media"
    return True


def _append(items: list[_T], item: _T) -> None:
    if item not in items:
        items.append(item)
