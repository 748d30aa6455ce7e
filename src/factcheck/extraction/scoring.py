"""Check-worthiness: a transparent, additive score from general linguistic cues.

Each feature that fires adds its weight to a base of ``BASE_SCORE``; the sum is
clipped into 0..1 and rounded to 3 decimals. The returned reasons name every
fired feature with its weight (``"has_number:+0.2"``), so a reviewer can see why
a sentence ranks where it does. Cues are generic (numbers, dates, names,
reporting and factual verbs, comparisons versus hedges, opinion, questions and
first-person talk); nothing is learned from data. The weights were set by hand.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import product

from factcheck.extraction.firstchar import at_word_start
from factcheck.extraction.text import fold, word_set

__all__ = [
    "BASE_SCORE",
    "CHECKWORTHY_THRESHOLD",
    "FEATURES",
    "Feature",
    "is_checkworthy",
    "score_checkworthiness",
]

BASE_SCORE = 0.35
CHECKWORTHY_THRESHOLD = 0.5
"""Scores at or above this mark a sentence as worth checking."""


@dataclass(frozen=True, slots=True)
class Feature:
    """A cue: it fires when any word, any phrase or the pattern occurs (words lower-cased)."""

    name: str
    weight: float
    words: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None

    def fires(self, tokens: frozenset[str], padded: str, text: str) -> bool:
        """Whether the cue occurs; ``padded`` is the lower-cased tokens joined by spaces."""
        if not self.words.isdisjoint(tokens):
            return True
        if any(phrase in padded for phrase in self.phrases):
            return True
        return self.pattern is not None and self.pattern.search(text) is not None


def _feature(
    name: str, weight: float, terms: str = "", pattern: str | None = None, flags: int = 0
) -> Feature:
    """Build a feature from ``|``-separated terms; multi-word terms become phrases."""
    items = [" ".join(term.split()) for term in terms.split("|") if term.strip()]
    return Feature(
        name=name,
        weight=weight,
        words=frozenset(t for t in items if " " not in t),
        phrases=tuple(f" {t} " for t in items if " " in t),
        pattern=re.compile(pattern, flags) if pattern else None,
    )


@functools.cache
def _reason(name: str, weight: float) -> str:
    return f"{name}:{weight:+.3f}".rstrip("0")


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", r"Jan\.", r"Feb\.", r"Mar\.", r"Apr\.", r"Jun\.", r"Jul\.", r"Aug\.",
    r"Sept?\.", r"Oct\.", r"Nov\.", r"Dec\.",
)  # fmt: skip
# \b(?:months)(?:\s+\d{1,2})?\b|\b(?:1[89]|20)\d\d\b|\b(?:19|20)\d0s\b, written to be scanned fast.
_DATE = at_word_start(
    [
        *(rf"{month}(?:\s+\d{{1,2}})?\b" for month in _MONTHS),
        r"1[89]\d\d\b",
        r"20\d\d\b",
        r"19\d0s\b",
        r"20\d0s\b",
    ]
)
# \b(?:has|have|had|was|were|been|'ve)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ght|ne|un)\b, scanned fast.
_PERFECT_OR_PASSIVE = at_word_start(
    (
        rf"{auxiliary}\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ght|ne|un)\b"
        for auxiliary in ("has", "have", "had", "was", "were", "been", "'ve")
    ),
    caseless=True,
)
_VIEW_VERBS = sorted(
    word_set("think believe feel hope wish want guess suspect suppose doubt expect intend plan")
)
_VIEW = "|".join(
    " ".join(part for part in combo if part)
    for combo in product(("i", "we"), ("", "really", "do", "don't", "also", "strongly"), _VIEW_VERBS)
)

FEATURES: tuple[Feature, ...] = (
    # (?<![\w.])\d[\d,.]*(?!\w)|\b\d+(?:st|nd|rd|th)\b, the first digit first (see ``firstchar``).
    _feature("has_number", 0.2, pattern=r"\d(?:(?<![\w.]\d)[\d,.]*(?!\w)|(?<!\w\d)\d*(?:st|nd|rd|th)\b)"),
    _feature(
        "number_word",
        0.15,
        "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
        "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds"
        "|thousand|thousands|million|millions|billion|billions|trillion|trillions|dozen|dozens|half|twice"
        "|double|doubled|triple|tripled|quadrupled|one third|two thirds|one quarter|three quarters|a third"
        "|a quarter|a fifth",
    ),
    _feature(
        "quantity_unit",
        0.15,
        "percent|per cent|percentage|dollar|dollars|euro|euros|pounds|ton|tons|tonnes|barrels|kilometers"
        "|kilometres|miles|acres|times|rate|average|majority|minority|total|per capita|a year|a month|a day"
        "|per year|annually",
        pattern=r"[%$\u20ac\u00a3]",
    ),
    _feature("date", 0.1, pattern=_DATE),
    _feature(
        "time_reference",
        0.05,
        "last|past|previous|since|ago|yesterday|decade|decades|century|year|years|month|months|week|weeks"
        "|today|currently|now|recently|former|ever|history|historic|first time",
    ),
    _feature(
        "reporting_verb",
        0.1,
        "according to|said|says|stated|reported|reports|announced|confirmed|revealed|disclosed|told|claimed"
        "|declared|testified|estimated|found that|shows that|showed that|data|figures|study|survey|poll"
        "|statistics|report",
    ),
    _feature(
        "factual_verb",
        0.15,
        "killed|wounded|injured|died|voted|passed|signed|approved|rejected|vetoed|increased|decreased|rose"
        "|risen|fell|fallen|dropped|declined|grew|grown|cut|raised|spent|spends|spend|lost|won|created"
        "|destroyed|launched|targeted|attacked|struck|bombed|fired|invaded|occupied|arrested|detained|met"
        "|held|sent|sold|bought|paid|pays|received|funded|built|closed|opened|reduced|doubled|tripled|cost"
        "|costs|costing|owes|owe|owed|earns|earned|employs|employed|hired|deployed|withdrew|transitioned"
        "|agreed|elected|appointed|resigned|banned|imposed|lifted|supported|opposed|proposed|introduced"
        "|enacted|repealed|produced|imported|exported|consumes|consuming|consumed|borrowed|invested"
        "|collapsed|expanded|shrank|jumped|surged|plunged|halved",
    ),
    _feature("perfect_or_passive", 0.05, pattern=_PERFECT_OR_PASSIVE, flags=re.IGNORECASE),
    _feature(
        "comparison",
        0.1,
        "more|less|fewer|higher|lower|larger|smaller|bigger|greater|faster|slower|most|least|highest|lowest"
        "|largest|smallest|biggest|fastest|record|increase|decrease|growth|than|compared|only|every|all"
        "|none|no one|never|always|first|second|third|last",
    ),
    _feature(
        "first_person_view",
        -0.25,
        f"{_VIEW}|i am going to|i'm going to|i'm|i'll|i'd|in my view|in my opinion|in my judgment"
        "|in my judgement|my friend|my friends|i am|i will|i would|i can|i could",
    ),
    _feature("first_person", -0.05, "i|me|my|mine|myself"),
    _feature(
        "hedge",
        -0.15,
        "maybe|perhaps|possibly|probably|might|seem|seems|seemed|appear to|appears to|appear that"
        "|appears that|apparently|allegedly|arguably|presumably|supposedly|likely|unlikely|could be|may be"
        "|i guess|sort of|kind of",
    ),
    _feature(
        "opinion_marker",
        -0.2,
        "it appears|it seems|it is clear|it is obvious|it is evident|obviously|clearly|undoubtedly|of course"
        "|frankly|honestly|unfortunately|fortunately|hopefully|good|bad|great|wonderful|terrible|awful"
        "|horrible|excellent|fantastic|disgraceful|shameful|outrageous|ridiculous|absurd|nonsense|disaster"
        "|disastrous|propaganda|lies|hypocrisy|hypocritical|pathetic|stupid|foolish|evil|wrong|right thing"
        "|important|serious|fair|unfair|tragic|tragedy|crisis|mess|weak|strong|tough|smart|failed|failure"
        "|best|worst|nice|happy|proud|sad|shame|sorry|hostile|heroic|brave|cowardly",
    ),
    _feature(
        "normative",
        -0.15,
        "should|shouldn't|ought|must|need to|needs to|have to|has to|got to|gotta|let's|let us|let me"
        "|we can|we will|we're going to|we'll",
    ),
    # \w'll\b, found from its literal part (only whether a pattern occurs counts).
    _feature(
        "future_or_conditional", -0.05, "will|won't|would|wouldn't|if|going to", pattern=r"'ll(?<=\w'll)\b"
    ),
    _feature("second_person", -0.05, "you|your|yours|yourself"),
    _feature(
        "discourse_filler",
        -0.1,
        "uh|um|you know|i mean",
        pattern=r"^(?:well|now|look|listen|so|okay|ok|yes|no|thank you|thanks|oh)\b",
        flags=re.IGNORECASE,
    ),
)
"""The sentence features, in the order their reasons are listed."""


def _cue_index() -> tuple[dict[str, int], dict[str, tuple[tuple[str, int], ...]]]:
    """Index the words and phrases of :data:`FEATURES` for :func:`score_checkworthiness`.

    Returns, for each word, the bit set of the features it fires (bit ``i`` for
    ``FEATURES[i]``), and for each first word of a phrase, the phrases (padded with
    spaces) that start with it, each with the bit set of its features.
    """
    word_bits: dict[str, int] = {}
    phrase_bits: dict[str, int] = {}
    for bit, feature in enumerate(FEATURES):
        for word in feature.words:
            word_bits[word] = word_bits.get(word, 0) | 1 << bit
        for phrase in feature.phrases:
            phrase_bits[phrase] = phrase_bits.get(phrase, 0) | 1 << bit
    by_first: dict[str, list[tuple[str, int]]] = {}
    for phrase, bits in phrase_bits.items():
        by_first.setdefault(phrase.split()[0], []).append((phrase, bits))
    return word_bits, {first: tuple(phrases) for first, phrases in by_first.items()}


_WORD_CUES, _PHRASE_CUES = _cue_index()
_CHECKS = tuple((1 << i, f.pattern, f.weight, _reason(f.name, f.weight)) for i, f in enumerate(FEATURES))
"""For each feature in order: its bit, pattern, weight and reason."""
_CUE_WORDS = frozenset(_WORD_CUES)
_PHRASE_FIRSTS = frozenset(_PHRASE_CUES)

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|\d[\d,.]*")
# (?<![.!?:]\s)(?<!^)(?<!["(])\b[A-Z][a-zA-Z'-]*[a-zA-Z]\b|\b[A-Z]{2,}\b, the capital first: the
# assertions that held before it are checked just after it.
_CAPITALISED = re.compile(
    r"[A-Z](?<!\w[A-Z])(?:(?<![.!?:]\s[A-Z])(?<!^[A-Z])(?<![\"(][A-Z])[a-zA-Z'-]*[a-zA-Z]\b|[A-Z]+\b)"
)
_NOT_NAMES = word_set("I I'm I'd I'll I've OK Mr Mrs Ms Dr")


def score_checkworthiness(sentence: str) -> tuple[float, tuple[str, ...]]:
    """Score how worth checking ``sentence`` is, on its own text alone.

    Returns:
        The score in 0..1 (3 decimals) and the fired features with weights, in
        a fixed order. The same sentence always gives the same result.
    """
    text = fold(sentence).strip()
    cues = _cues(_TOKEN.findall(text.lower()))
    reasons: list[str] = []
    total = BASE_SCORE
    for bit, pattern, weight, reason in _CHECKS:
        # Feature.fires, with the words and phrases looked up once for all features.
        if cues & bit or (pattern is not None and pattern.search(text)):
            total += weight
            reasons.append(reason)
    names = set(_CAPITALISED.findall(text)) - _NOT_NAMES
    words = len(_WORD.findall(text))
    for name, weight, fires in (
        ("named_entity", 0.05 if len(names) == 1 else 0.1, bool(names)),
        ("question", -0.3, text.endswith("?")),
        ("very_short", -0.3, words < 6),
        ("short", -0.1, 6 <= words < 10),
        ("long", 0.05, words >= 25),
    ):
        if fires:
            total += weight
            reasons.append(_reason(name, weight))
    return round(min(1.0, max(0.0, total)), 3), tuple(reasons)


def is_checkworthy(score: float) -> bool:
    """Whether ``score`` reaches :data:`CHECKWORTHY_THRESHOLD`."""
    return score >= CHECKWORTHY_THRESHOLD


def _cues(tokens: list[str]) -> int:
    """The bit set of the features whose words or phrases occur in ``tokens``.

    The same test as :meth:`Feature.fires` for all features at once: only the words
    present and the phrases whose first word is present are looked at.
    """
    present = set(tokens)
    cues = 0
    for word in present & _CUE_WORDS:
        cues |= _WORD_CUES[word]
    firsts = present & _PHRASE_FIRSTS
    if firsts:
        padded = f" {' '.join(tokens)} "
        for first in firsts:
            for phrase, bits in _PHRASE_CUES[first]:
                if bits & ~cues and phrase in padded:
                    cues |= bits
    return cues
