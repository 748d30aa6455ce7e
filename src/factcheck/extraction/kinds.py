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

from factcheck.extraction.firstchar import WordStartSearch, at_word_start
from factcheck.extraction.text import fold

__all__ = ["KINDS", "classify", "has_quantity"]

KINDS = ("event", "statistic", "quote", "attribution", "prediction", "opinion", "historical", "other")

_I = re.IGNORECASE
# Each pattern matches exactly like the plain alternation quoted in its comment; it is
# written with ``at_word_start`` so the regex engine skips ahead to where a match can start,
# or is a ``WordStartSearch`` where only whether it occurs counts.

_OPINION_WORDS = (
    "it (?:appears|seems|looks like|is clear|is obvious|is evident)", "appears to be", "seems to be",
    "in (?:my|our) (?:view|opinion)", "I (?:think|believe|feel)", "we (?:think|believe)", "arguably",
    "obviously", "undoubtedly", "there is no doubt", "should", "ought to", "propaganda", "shameful",
    "disgraceful", "outrageous", "ridiculous", "absurd", "hypocrisy", "hypocritical",
)  # fmt: skip
# \b(?:it (?:appears|...)|(?:appears|seems) to be|in (?:my|our) (?:view|opinion)|...|hypocritical)\b
_OPINION = WordStartSearch.of(_OPINION_WORDS, r"\b", caseless=True)
_MONTH_NAMES = (
    "jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?",
    "sept?(?:ember)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?",
)  # fmt: skip
_MONTH = rf"(?:{'|'.join(_MONTH_NAMES)})\.?"
# \b{_MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}
# |\b(?:1[5-9]|20)\d\d(?:s)?\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b
_DATE_NUMBER_FRAGMENTS = (
    *(rf"{month}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b" for month in _MONTH_NAMES),
    rf"\d\d?(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}",
    r"\d(?:(?<=1)[5-9]|(?<=2)0)\d\d(?:s)?\b",
    r"\d\d?:\d{2}\b",
    r"\d\d?[/.-]\d{1,2}[/.-]\d{2,4}\b",
)
_DATE_NUMBER = re.compile(at_word_start(_DATE_NUMBER_FRAGMENTS, caseless=True), _I)
_HAS_DATE_NUMBER = WordStartSearch.of(_DATE_NUMBER_FRAGMENTS, caseless=True)
_DIGIT = re.compile(r"\d")
# (?<![\w.])\d[\d,.]*\b
_NUMBER = re.compile(r"\d(?<![\w.]\d)[\d,.]*\b")
_QUANTITY_WORDS = (
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
    "twenty", "thirty", "forty", "fifty", "hundreds?", "thousands?", "millions?", "billions?", "trillions?",
    "dozens?", "scores of", "percent", "per cent", "half", "twice", "double", "triple",
)  # fmt: skip
# %|\$|\u20ac|\u00a3|\b(?:two|three|...|triple)\b, as two patterns: only whether either occurs counts.
_QUANTITY_SIGN = re.compile(r"[%$\u20ac\u00a3]")
_QUANTITY_WORD = WordStartSearch.of(_QUANTITY_WORDS, r"\b", caseless=True)
# (?<!\bthe )(?<!\bno )...(?<!\bthat )\bone\s+(?!of\b|...|was\b)[a-z]+; the look-behinds are
# checked after "one", so they end with it.
_ONE = re.compile(
    at_word_start(
        [
            r"one(?<!\bthe one)(?<!\bno one)(?<!\bany one)(?<!\bevery one)(?<!\beach one)(?<!\bthis one)"
            r"(?<!\bthat one)\s+(?!of\b|another\b|day\b|time\b|way\b|hand\b|side\b|thing\b|or\b|and\b"
            r"|who\b|which\b|that\b|is\b|was\b)[a-z]+"
        ],
        caseless=True,
    ),
    _I,
)
# \b(?:1[5-9]|20)\d\d\b
_YEAR = re.compile(at_word_start([r"1[5-9]\d\d\b", r"20\d\d\b"]))
# \bhad\s+(?:been\s+|not\s+|never\s+|already\s+)?\w+(?:ed|en|wn|ght|ne|un)\b
_PAST_PERFECT = WordStartSearch.of(
    ["had"],
    r"\s+(?:been\s+|not\s+|never\s+|already\s+)?\w+(?:ed|en|wn|ght|ne|un)\b",
    caseless=True,
    literals=True,
)
_HISTORICAL_PHRASES = (
    r"former\b", r"years ago\b", r"decades? ago\b", r"centur(?:y|ies) ago\b", r"back in\b", r"in the past\b",
    r"historically\b", r"previously\b", r"at the time\b",
    r"during the (?:tenure|era|reign|rule|presidency|administration)\b", r"precedent", r"unprecedented\b",
    r"for the first time\b",
)  # fmt: skip
# \bformer\b|\byears ago\b|...|\bprecedent|\bunprecedented\b|\bfor the first time\b
_HISTORICAL = WordStartSearch.of(_HISTORICAL_PHRASES, caseless=True, literals=True)
_PREDICTION_WORDS = (
    "will", "won't", "would", "shall", "going to", "expected to", "expects? to", "set to", "plans? to",
    "intends? to", "likely to", "about to", "on the verge of", "forecasts?", "predicts?", "upcoming",
    "next (?:week|month|year)",
)  # fmt: skip
# \b(?:will|won't|...|next (?:week|month|year))\b
_PREDICTION = WordStartSearch.of(_PREDICTION_WORDS, r"\b", caseless=True)
_PAST_VERBS = (
    "held", "met", "took", "went", "came", "made", "gave", "sent", "left", "struck", "hit", "fought", "began",
    "won", "lost", "said", "told", "saw", "built", "fell", "rose", "led", "ran", "shot", "spoke", "wrote",
    "paid", "sold", "bought", "brought", "caught", "drew", "flew", "froze", "knew", "meant", "put", "set",
    "stood", "threw", "understood", "withdrew", "broke", "chose", "drove", "ate", "grew", "hid", "laid",
    "lay", "rode", "rang", "sang", "sank", "slew", "stole", "swore", "tore", "wore", "overthrew",
)  # fmt: skip
# \b(?:has|have|had|was|were)\s+(?:been\s+)?\w+(?:ed|en|wn|ght|ne|un|id)\b|\b[a-z]{3,}ed\b
# |\b(?:held|met|...|overthrew)\b, as three patterns: only whether any occurs counts.
_EVENT_PERFECT = WordStartSearch.of(
    ("has", "have", "had", "was", "were"), r"\s+(?:been\s+)?\w+(?:ed|en|wn|ght|ne|un|id)\b"
)
_EVENT_ED = re.compile(r"[a-z](?<!\w[a-z])[a-z]{2,}ed\b")
_EVENT_VERB = WordStartSearch.of(_PAST_VERBS, r"\b")


def _is_event(folded: str) -> bool:
    """Whether ``folded`` holds a perfect or passive, a word ending in -ed or a past tense verb."""
    return _EVENT_PERFECT.occurs_in(folded) or bool(_EVENT_ED.search(folded)) or _EVENT_VERB.occurs_in(folded)


def has_quantity(text: str) -> bool:
    """Whether ``text`` states a quantity other than a date, year or time."""
    folded = fold(text)
    return _has_quantity(folded, _has_digit(folded))


def _has_quantity(folded: str, digits: bool) -> bool:
    """:func:`has_quantity` of folded text; ``digits`` tells whether it holds a digit."""
    undated = _DATE_NUMBER.sub(" ", folded) if digits and _HAS_DATE_NUMBER.occurs_in(folded) else folded
    return bool(
        (digits and _NUMBER.search(undated))
        or _QUANTITY_SIGN.search(undated)
        or _QUANTITY_WORD.occurs_in(undated)
        or _ONE.search(undated)
    )


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
    if _OPINION.occurs_in(folded):
        return "opinion"
    # Dates, numbers and years all hold a digit: without one, their patterns are skipped.
    digits = _has_digit(folded)
    if _has_quantity(folded, digits):
        return "statistic"
    if attributed:
        return "attribution"
    past_perfect = not reported_speech and _PAST_PERFECT.occurs_in(folded)
    if past_perfect or _HISTORICAL.occurs_in(folded) or (digits and _is_old(folded, reference_year)):
        return "historical"
    if _PREDICTION.occurs_in(folded):
        return "prediction"
    if _is_event(folded) or (digits and _HAS_DATE_NUMBER.occurs_in(folded)):
        return "event"
    return "other"


def _has_digit(text: str) -> bool:
    """Whether ``text`` holds a decimal digit (``\\d``); in ASCII text only 0-9 are."""
    if text.isascii():
        return any(digit in text for digit in "0123456789")
    return _DIGIT.search(text) is not None


def _is_old(folded: str, reference_year: int | None) -> bool:
    if reference_year is None:
        return False
    return any(int(year) <= reference_year - 2 for year in _YEAR.findall(folded))
