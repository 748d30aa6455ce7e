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

from factcheck.extraction.text import fold

__all__ = ["KINDS", "classify", "has_quantity"]

KINDS = ("event", "statistic", "quote", "attribution", "prediction", "opinion", "historical", "other")

_I = re.IGNORECASE
_OPINION = re.compile(
    r"\b(?:it (?:appears|seems|looks like|is clear|is obvious|is evident)|(?:appears|seems) to be"
    r"|in (?:my|our) (?:view|opinion)|I (?:think|believe|feel)|we (?:think|believe)|arguably|obviously"
    r"|undoubtedly|there is no doubt|should|ought to|propaganda|shameful|disgraceful|outrageous|ridiculous"
    r"|absurd|hypocrisy|hypocritical)\b",
    _I,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_NUMBER = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
    r"|\b(?:1[5-9]|20)\d\d(?:s)?\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b",
    _I,
)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,.]*\b")
_QUANTITY_WORD = re.compile(
    r"%|\$|\u20ac|\u00a3|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|scores of|percent|per cent"
    r"|half|twice|double|triple)\b",
    _I,
)
_ONE = re.compile(
    r"(?<!\bthe )(?<!\bno )(?<!\bany )(?<!\bevery )(?<!\beach )(?<!\bthis )(?<!\bthat )\bone\s+"
    r"(?!of\b|another\b|day\b|time\b|way\b|hand\b|side\b|thing\b|or\b|and\b|who\b|which\b|that\b|is\b|was\b)"
    r"[a-z]+",
    _I,
)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+|not\s+|never\s+|already\s+)?\w+(?:ed|en|wn|ght|ne|un)\b", _I)
_HISTORICAL = re.compile(
    r"\bformer\b|\byears ago\b"
    r"|\bdecades? ago\b|\bcentur(?:y|ies) ago\b|\bback in\b|\bin the past\b|\bhistorically\b|\bpreviously\b"
    r"|\bat the time\b|\bduring the (?:tenure|era|reign|rule|presidency|administration)\b|\bprecedent"
    r"|\bunprecedented\b|\bfor the first time\b",
    _I,
)
_PREDICTION = re.compile(
    r"\b(?:will|won't|would|shall|going to|expected to|expects? to|set to|plans? to|intends? to|likely to"
    r"|about to|on the verge of|forecasts?|predicts?|upcoming|next (?:week|month|year))\b",
    _I,
)
_EVENT = re.compile(
    r"\b(?:has|have|had|was|were)\s+(?:been\s+)?\w+(?:ed|en|wn|ght|ne|un|id)\b|\b[a-z]{3,}ed\b"
    r"|\b(?:held|met|took|went|came|made|gave|sent|left|struck|hit|fought|began|won|lost|said|told|saw|built"
    r"|fell|rose|led|ran|shot|spoke|wrote|paid|sold|bought|brought|caught|drew|flew|froze|knew|meant|put"
    r"|set|stood|threw|understood|withdrew|broke|chose|drove|ate|grew|hid|laid|lay|rode|rang|sang|sank"
    r"|slew|stole|swore|tore|wore|overthrew)\b",
)


def has_quantity(text: str) -> bool:
    """Whether ``text`` states a quantity other than a date, year or time."""
    folded = fold(text)
    undated = _DATE_NUMBER.sub(" ", folded)
    return bool(_NUMBER.search(undated) or _QUANTITY_WORD.search(undated) or _ONE.search(undated))


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
    folded = fold(text)
    if speech:
        return "quote"
    if _OPINION.search(folded):
        return "opinion"
    if has_quantity(folded):
        return "statistic"
    if attributed:
        return "attribution"
    past_perfect = not reported_speech and _PAST_PERFECT.search(folded) is not None
    if past_perfect or _HISTORICAL.search(folded) or _is_old(folded, reference_year):
        return "historical"
    if _PREDICTION.search(folded):
        return "prediction"
    if _EVENT.search(folded) or _DATE_NUMBER.search(folded):
        return "event"
    return "other"


def _is_old(folded: str, reference_year: int | None) -> bool:
    if reference_year is None:
        return False
    return any(int(year) <= reference_year - 2 for year in _YEAR.findall(folded))
