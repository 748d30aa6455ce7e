"""Classify a claim by what kind of statement it is.

The first rule that fires wins, in this order: ``quote`` (speech with a known
speaker), ``opinion`` (hedged or evaluative), ``statistic`` (a quantity that is
not a date), ``attribution`` (relayed by a named source), ``historical`` (past
perfect, "former", years well before the article's), ``prediction`` (future or
expectation), ``event`` (a past or completed action, or anything dated), else
``other``.
"""

from __future__ import annotations

import re

from factcheck.extraction.caseless import Caseless, CaselessText
from factcheck.extraction.text import fold

__all__ = ["KINDS", "classify", "has_quantity"]

KINDS = ("event", "statistic", "quote", "attribution", "prediction", "opinion", "historical", "other")


def _any_of(words: tuple[str, ...], suffix: str = r"\b") -> str:
    """``\b(?:w1|w2|...)`` followed by ``suffix``."""
    return rf"\b(?:{'|'.join(words)}){suffix}"


_OPINION_WORDS = (
    "it (?:appears|seems|looks like|is clear|is obvious|is evident)", "appears to be", "seems to be",
    "in (?:my|our) (?:view|opinion)", "i (?:think|believe|feel)", "we (?:think|believe)", "arguably",
    "obviously", "undoubtedly", "there is no doubt", "should", "ought to", "propaganda", "shameful",
    "disgraceful", "outrageous", "ridiculous", "absurd", "hypocrisy", "hypocritical",
)  # fmt: skip
_OPINION = Caseless.compile(_any_of(_OPINION_WORDS))
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_NUMBER = Caseless.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    r"|\b(?:1[5-9]|20)\d\d(?:s)?\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b"
)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*\b")
_QUANTITY_WORDS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "hundreds?", "thousands?", "millions?", "billions?", "trillions?",
    "dozens?", "scores of", "percent", "per cent", "half", "twice", "double", "triple",
)  # fmt: skip
_QUANTITY = Caseless.compile(rf"[%$\u20ac\u00a3]|{_any_of(_QUANTITY_WORDS)}")
# "one" is looked for first: the seven look-behinds then run only where it occurs, not at every offset.
_ONE = Caseless.compile(
    r"\b(?=one\s)(?<!\bthe )(?<!\bno )(?<!\bany )(?<!\bevery )(?<!\beach )(?<!\bthis )(?<!\bthat )"
    r"one\s+(?!of\b|another\b|day\b|time\b|way\b|hand\b|side\b|thing\b|or\b|and\b|who\b|which\b"
    r"|that\b|is\b|was\b)[a-z]+"
)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_PAST_PERFECT = Caseless.compile(
    r"\bhad\s+(?:been\s+|not\s+|never\s+|already\s+)?\w+(?:ed|en|wn|ght|ne|un)\b"
)
_HISTORICAL_PHRASES = (
    r"former\b", r"years ago\b", r"decades? ago\b", r"centur(?:y|ies) ago\b", r"back in\b", r"in the past\b",
    r"historically\b", r"previously\b", r"at the time\b",
    r"during the (?:tenure|era|reign|rule|presidency|administration)\b", r"precedent", r"unprecedented\b",
    r"for the first time\b",
)  # fmt: skip
_HISTORICAL = Caseless.compile(_any_of(_HISTORICAL_PHRASES, ""))
_PREDICTION_WORDS = (
    "will", "won't", "would", "shall", "going to", "expected to", "expects? to", "set to", "plans? to",
    "intends? to", "likely to", "about to", "on the verge of", "forecasts?", "predicts?", "upcoming",
    "next (?:week|month|year)",
)  # fmt: skip
_PREDICTION = Caseless.compile(_any_of(_PREDICTION_WORDS))
_PAST_VERBS = (
    "held", "met", "took", "went", "came", "made", "gave", "sent", "left", "struck", "hit", "fought", "began",
    "won", "lost", "said", "told", "saw", "built", "fell", "rose", "led", "ran", "shot", "spoke", "wrote",
    "paid", "sold", "bought", "brought", "caught", "drew", "flew", "froze", "knew", "meant", "put", "set",
    "stood", "threw", "understood", "withdrew", "broke", "chose", "drove", "ate", "grew", "hid", "laid",
    "lay", "rode", "rang", "sang", "sank", "slew", "stole", "swore", "tore", "wore", "overthrew",
)  # fmt: skip
_EVENT = re.compile(
    r"\b(?:has|have|had|was|were)\s+(?:been\s+)?\w+(?:ed|en|wn|ght|ne|un|id)\b|\b[a-z]{3,}ed\b|"
    + _any_of(_PAST_VERBS)
)


def has_quantity(text: str) -> bool:
    """Whether ``text`` states a quantity other than a date, year or time."""
    return _has_quantity(CaselessText.of(fold(text)))


def _has_quantity(folded: CaselessText) -> bool:
    # Dates, numbers and years all hold a digit: without one, the date pattern is skipped.
    undated = _DATE_NUMBER.sub(" ", folded) if _DIGIT.search(folded.text) else folded
    return bool(_NUMBER.search(undated.text) or _QUANTITY.search(undated) or _ONE.search(undated))


def classify(
    text: str,
    *,
    speech: bool,
    attributed: bool,
    reference_year: int | None = None,
    reported_speech: bool = False,
) -> str:
    """Return the kind of the claim ``text``.

    Args:
        text: The claim text.
        speech: Whether it is direct speech by a known speaker.
        attributed: Whether a named source relays it.
        reference_year: The article's year, when known; years at least two
            before it mark a historical claim.
        reported_speech: Whether a speaker is reported indirectly ("X said the
            rates had dropped"); the past perfect is then only backshift and
            does not mark a historical claim.
    """
    if speech:
        return "quote"
    folded = fold(text)
    caseless = CaselessText.of(folded)
    if _OPINION.search(caseless):
        return "opinion"
    if _has_quantity(caseless):
        return "statistic"
    if attributed:
        return "attribution"
    past_perfect = not reported_speech and _PAST_PERFECT.search(caseless)
    if past_perfect or _HISTORICAL.search(caseless) or _is_old(folded, reference_year):
        return "historical"
    if _PREDICTION.search(caseless):
        return "prediction"
    if _EVENT.search(folded) or _DATE_NUMBER.search(caseless):
        return "event"
    return "other"


def _is_old(folded: str, reference_year: int | None) -> bool:
    if reference_year is None:
        return False
    return any(int(year) <= reference_year - 2 for year in _YEAR.findall(folded))
