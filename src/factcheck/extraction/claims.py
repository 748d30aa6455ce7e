"""Cut an attributed sentence into claim units and build the claim candidates."""

from __future__ import annotations

import re

from factcheck.extraction.actors import ActorIndex
from factcheck.extraction.attribution import Attribution
from factcheck.extraction.kinds import classify
from factcheck.extraction.models import ClaimCandidate
from factcheck.extraction.scoring import score_checkworthiness
from factcheck.extraction.text import has_words

__all__ = ["build_claim", "claim_units"]

_CLAUSE = re.compile(r";\s+")
_CLAUSE_WORDS = 8
_SPEECH_WORDS = 4
_CONSEQUENCE = re.compile(r"(?:so|thus|therefore|hence|which|that|and so)\b", re.IGNORECASE)


def claim_units(text: str, span: tuple[int, int], attribution: Attribution) -> list[tuple[int, int]]:
    """Cut the sentence at ``span`` into claim spans.

    The speech after ``X stated:`` is one unit; otherwise the sentence is cut at
    semicolons joining two clauses of eight words or more (unless the second one
    only draws a consequence: "; so, ..."). Returns at least one span.
    """
    start, end = span
    speech = attribution.speech_start
    if speech is not None and start <= speech < end and has_words(text[speech:end], _SPEECH_WORDS):
        return [_trim(text, speech, end)]
    units: list[tuple[int, int]] = []
    pos = start
    for match in _CLAUSE.finditer(text, start, end):
        left, right = text[pos : match.start()], text[match.end() : end]
        long_enough = has_words(left, _CLAUSE_WORDS) and has_words(right, _CLAUSE_WORDS)
        if long_enough and not _CONSEQUENCE.match(right):
            units.append(_trim(text, pos, match.start()))
            pos = match.end()
    units.append(_trim(text, pos, end))
    return units


def build_claim(
    text: str,
    span: tuple[int, int],
    attribution: Attribution,
    index: ActorIndex,
    *,
    year: int | None,
    speech: bool,
    language: str = "en",
) -> ClaimCandidate:
    """Classify, score and link the claim at ``span``.

    Args:
        text: The article text.
        span: The claim's offsets.
        attribution: Who states and who reports it.
        index: The article's actors, for mentions.
        year: The article's year, when known.
        speech: Whether the span continues a speaker's words.
        language: The article's language, for the check-worthiness model.
    """
    start, end = span
    claim_text = text[start:end]
    after_colon = attribution.speech_start is not None and start >= attribution.speech_start
    speech = speech or bool(attribution.stated_by and (attribution.quoted or after_colon))
    kind = classify(
        claim_text,
        speech=speech,
        attributed=bool(attribution.reported_by),
        reference_year=year,
        reported_speech=bool(attribution.stated_by),
    )
    attributed = bool(attribution.stated_by or attribution.reported_by or attribution.anonymous)
    score, reasons = score_checkworthiness(claim_text, kind=kind, attributed=attributed, language=language)
    excluded = set(attribution.stated_by) | {s.key for s in attribution.reported_by}
    used = {(m.start, m.end) for m in attribution.used}
    mentions: list[str] = []
    for mention in index.mentions(start, end):
        if (
            (mention.start, mention.end) not in used
            and mention.key not in excluded
            and mention.key not in mentions
        ):
            mentions.append(mention.key)
    return ClaimCandidate(
        text=claim_text,
        start=start,
        end=end,
        kind=kind,
        checkworthiness=score,
        reasons=reasons,
        stated_by=attribution.stated_by,
        reported_by=tuple(s.key for s in attribution.reported_by),
        mentions=tuple(mentions),
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
