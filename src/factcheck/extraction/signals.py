"""The rule signals of a sentence, each with the text that made it fire.

The check-worthiness model uses them next to the sentence's words, and names the
ones that moved a score as reasons ("a figure: 2,500"). Word and phrase cues
(hedges, opinion words, reporting verbs...) are data, ``data/cues.jsonl``, found
with one phrase matcher; the cues that need a pattern are the readable regular
expressions of :data:`PATTERNS`. Signals in :data:`NEUTRAL` read no English words
(digits, signs, capitals, punctuation, length), so they also describe sentences in
other languages.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from factcheck.extraction.caseless import Caseless, CaselessText
from factcheck.extraction.kinds import classify
from factcheck.extraction.phrases import PhraseMatcher, read_jsonl
from factcheck.extraction.text import fold

__all__ = [
    "LABELS",
    "NEUTRAL",
    "PATTERNS",
    "SIGNAL_NAMES",
    "Signal",
    "model_features",
    "ngrams",
    "sentence_signals",
    "words",
]


@dataclass(frozen=True, slots=True)
class Signal:
    """A cue found by ``pattern``; ``label`` is how a reason names it. A signal whose every
    match holds a digit is only looked for in text with a digit."""

    name: str
    label: str
    pattern: re.Pattern[str] | Caseless
    needs_digit: bool = False


_MONTHS = (
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?:\s+\d{1,2}\b)?"
)
_VIEW_VERBS = r"(?:think|believe|feel|hope|wish|want|guess|suspect|suppose|doubt|expect|intend|plan)"

PATTERNS: tuple[Signal, ...] = (
    Signal("figure", "a figure", re.compile(r"(?<![\w.])\d(?:[\d,.]*\d)?(?!\w)"), needs_digit=True),
    Signal("ordinal", "an ordinal", re.compile(r"\b\d+(?:st|nd|rd|th)\b"), needs_digit=True),
    Signal("sign", "a quantity", re.compile(r"[%$\u20ac\u00a3]\s*[\d,.]*\d*|\d[\d,.]*\s*%")),
    Signal("year", "a year", re.compile(r"\b(?:1[89]|20)\d\d(?:s)?\b"), needs_digit=True),
    Signal("date", "a date", re.compile(_MONTHS)),
    Signal(
        "reported",
        "reported speech",
        Caseless.compile(r"\baccording\s+to(?:\s+(?:the\s+)?[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3})?"),
    ),
    Signal(
        "perfect",
        "a completed action",
        Caseless.compile(r"\b(?:has|have|had|was|were|been|'ve)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ght|ne|un)\b"),
    ),
    Signal(
        "view",
        "first-person view",
        Caseless.compile(
            rf"\b(?:i|we)\s+(?:really\s+|do\s+|don't\s+|also\s+|strongly\s+)?{_VIEW_VERBS}\b"
            r"|\bin\s+my\s+(?:view|opinion|judge?ment)\b|\bi(?:'m|\s+am)\s+going\s+to\b"
        ),
    ),
    Signal("future", "future or conditional", re.compile(r"\w'll\b")),
    Signal(
        "filler",
        "spoken filler",
        Caseless.compile(r"^(?:well|now|look|listen|so|okay|ok|yes|no|thank\s+you|thanks|oh)\b"),
    ),
    Signal("name", "a name", re.compile(r"(?<=[\w,;]\s)[A-Z][\w'-]*\w|\b[A-Z]{2,}\b")),
    Signal("question", "a question", re.compile(r"\?\s*[\"')\]]*\s*$")),
)
"""The signals found by a pattern; the first match is the signal's text. The case-insensitive
ones are :class:`Caseless` patterns, written in lower case."""

_CUES = read_jsonl("cues.jsonl")
_CUE_MATCHER: PhraseMatcher[tuple[str, ...]] = PhraseMatcher(
    {
        f" {phrase} ": tuple(cue["signal"] for cue in _CUES if phrase in cue["phrases"])
        for cue in _CUES
        for phrase in cue["phrases"]
    },
    whole_words=False,
)
"""The cue phrases, padded with spaces, found in the sentence's words joined by spaces."""
LABELS: dict[str, str] = (
    {cue["signal"]: cue["label"] for cue in _CUES}
    | {s.name: s.label for s in PATTERNS}
    | {"very_short": "very short", "short": "short", "long": "long"}
)
"""How a reason names each signal."""
SIGNAL_NAMES: tuple[str, ...] = tuple(LABELS)
"""Every signal, in the order the model lists them (kinds come after, as ``kind_<kind>``)."""
NEUTRAL: tuple[str, ...] = (
    "figure",
    "ordinal",
    "sign",
    "year",
    "name",
    "question",
    "very_short",
    "short",
    "long",
)
"""The signals that read no English words."""

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"\w+(?:'\w+)?")
_NOT_NAMES = frozenset(["I", "I'm", "I'd", "I'll", "I've", "OK", "Mr", "Mrs", "Ms", "Dr"])


def sentence_signals(sentence: str, tokens: list[str] | None = None) -> dict[str, str]:
    """Return ``{signal name: matched text}`` for every signal that fires in ``sentence``.

    Length signals (``very_short`` under 6 words, ``short`` under 10, ``long`` from 25)
    carry the word count as their text. ``tokens`` are the sentence's :func:`words`, when
    the caller has them already.
    """
    text = fold(sentence).strip()
    caseless = CaselessText.of(text)
    has_digit = _DIGIT.search(text) is not None
    found: dict[str, str] = {}
    for signal in PATTERNS:
        if signal.needs_digit and not has_digit:
            continue
        match = _first_match(signal, caseless)
        if match is not None:
            found.setdefault(signal.name, " ".join(text[match.start() : match.end()].split()))
    padded = f" {' '.join(tokens if tokens is not None else _TOKEN.findall(text.lower()))} "
    for start, end, names in _CUE_MATCHER.find_all(padded):
        for name in names:
            found.setdefault(name, padded[start + 1 : end - 1])
    words = len(_WORD.findall(text))
    length = "very_short" if words < 6 else "short" if words < 10 else "long" if words >= 25 else None
    if length is not None:
        found[length] = f"{words} word" if words == 1 else f"{words} words"
    return found


def words(text: str) -> list[str]:
    """The lower-cased words of ``text`` (an apostrophe may join two: ``don't``)."""
    return _TOKEN.findall(fold(text).lower())


def _first_match(signal: Signal, text: CaselessText) -> re.Match[str] | None:
    """The first match of ``signal`` in ``text`` (for ``name``, the first that is not in
    :data:`_NOT_NAMES`); its offsets index ``text.text``."""
    pattern = signal.pattern
    if isinstance(pattern, Caseless):
        return pattern.search(text)
    if signal.name != "name":
        return pattern.search(text.text)
    return next((m for m in pattern.finditer(text.text) if m.group(0) not in _NOT_NAMES), None)


def ngrams(text: str, text_words: list[str] | None = None) -> list[str]:
    """The lower-cased words of ``text`` and its word pairs, the model's vocabulary units.

    ``text_words`` are the text's :func:`words`, when the caller has them already.
    """
    found = words(text) if text_words is None else text_words
    return found + [f"{a} {b}" for a, b in itertools.pairwise(found)]


def model_features(
    sentence: str, *, kind: str | None = None, attributed: bool = False, tokens: list[str] | None = None
) -> dict[str, str]:
    """The signals of ``sentence`` the model reads, each with the text it stands for.

    ``kind`` is the claim's kind, by default the one :func:`classify` reads in the sentence
    alone (``quote`` counts as attributed speech, with no kind feature); ``attributed``
    tells that a named speaker or source stands behind it, which the ``reported`` signal
    then marks even when the sentence has no cue for it. ``tokens`` are the sentence's
    :func:`words`, when the caller has them already.
    """
    found = sentence_signals(sentence, tokens)
    if kind is None:
        kind = classify(sentence, speech=False, attributed="reported" in found)
    if kind == "quote":
        attributed = True
    else:
        found[f"kind_{kind}"] = kind
    if attributed and "reported" not in found:
        found["reported"] = "a named speaker or source"
    return found
