"""Check-worthiness: a logistic regression over a sentence's words and its rule signals.

The model ships as plain JSON (``data/checkworthiness.json``, rebuilt by
``scripts/train_checkworthiness.py``) and is read once. A score is the model's
probability that a fact-checker would check the sentence; the reasons are the
features that pushed it most, up ``(+)`` or down ``(-)``, as readable phrases.

The words are English. For another language only the language-neutral signals
(figures, signs, years, names, questions, length) count, through a second small
model trained on them alone, and the first reason names the language.
"""

from __future__ import annotations

import functools
import heapq
import json
import math
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Any

from factcheck.extraction.signals import LABELS, model_features, ngrams, words

__all__ = [
    "Model",
    "is_checkworthy",
    "load_model",
    "score_checkworthiness",
    "shipped_model",
]

MODEL_FILE = "checkworthiness.json"
_REASONS = 3
_MIN_PUSH = 0.05
"""Features that move the log-odds by less than this are not named as reasons."""


@dataclass(frozen=True, slots=True)
class _Weights:
    intercept: float
    signals: dict[str, float]


@dataclass(frozen=True, slots=True)
class Model:
    """The loaded model: TF-IDF terms with their idf and weight, and signal weights."""

    english: _Weights
    neutral: _Weights
    terms: dict[str, tuple[float, float]]
    threshold: float
    meta: dict[str, Any]

    def score(
        self, sentence: str, *, kind: str | None = None, attributed: bool = False, language: str = "en"
    ) -> tuple[float, tuple[str, ...]]:
        """Return the probability (3 decimals) and up to three reasons, strongest first."""
        sentence_words = words(sentence)
        features = model_features(sentence, kind=kind, attributed=attributed, tokens=sentence_words)
        english = not language or language.lower().startswith("en")
        weights = self.english if english else self.neutral
        pushes: list[tuple[float, str, str]] = []
        for name, text in features.items():
            weight = weights.signals.get(name, 0.0)
            if weight:
                pushes.append((weight, name, text))
        if english:
            pushes += self._term_pushes(ngrams(sentence, sentence_words))
        logit = weights.intercept + sum(push for push, _, _ in pushes)
        probability = round(1.0 / (1.0 + math.exp(-logit)), 3)
        strong = [item for item in pushes if abs(item[0]) >= _MIN_PUSH]
        strongest = heapq.nsmallest(_REASONS, strong, key=lambda item: (-abs(item[0]), item[1]))
        reasons = [f"{_phrase(name, text)} ({'+' if push > 0 else '-'})" for push, name, text in strongest]
        if not english:
            reasons.insert(0, f"language: {language}, scored on language-neutral signals only")
        elif not reasons:
            reasons.append("no strong cue")
        return probability, tuple(reasons)

    def _term_pushes(self, grams: list[str]) -> list[tuple[float, str, str]]:
        """The push of each known word or word pair: its TF-IDF value times its weight."""
        terms = self.terms
        counts = Counter(gram for gram in grams if gram in terms)
        values = {gram: (1.0 + math.log(n)) * terms[gram][0] for gram, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        return [(value / norm * terms[gram][1], "words", gram) for gram, value in values.items()]


def _phrase(name: str, text: str) -> str:
    if name == "words":
        return f'words: "{text}"'
    if name.startswith("kind_"):
        return f"kind: {text}"
    label = LABELS.get(name, name)
    return label if name == "question" else f"{label}: {text}"


def load_model(data: dict[str, Any]) -> Model:
    """Build a :class:`Model` from the parsed JSON file."""
    terms = {term: (float(idf), float(weight)) for term, (idf, weight) in data["terms"].items()}
    return Model(
        english=_Weights(float(data["intercept"]), {k: float(v) for k, v in data["signals"].items()}),
        neutral=_Weights(
            float(data["neutral"]["intercept"]), {k: float(v) for k, v in data["neutral"]["signals"].items()}
        ),
        terms=terms,
        threshold=float(data["threshold"]),
        meta={k: v for k, v in data.items() if k not in ("terms", "signals", "neutral")},
    )


@functools.cache
def shipped_model() -> Model:
    """The model shipped in the package, read once."""
    text = resources.files("factcheck.extraction").joinpath("data", MODEL_FILE).read_text("utf-8")
    return load_model(json.loads(text))


def __getattr__(name: str) -> float:
    """``CHECKWORTHY_THRESHOLD``: scores at or above it mark a sentence as worth checking.

    The shipped model's threshold, chosen with the model; read when first asked for.
    """
    if name == "CHECKWORTHY_THRESHOLD":
        return shipped_model().threshold
    raise AttributeError(name)


def score_checkworthiness(
    sentence: str, *, kind: str | None = None, attributed: bool = False, language: str = "en"
) -> tuple[float, tuple[str, ...]]:
    """Score how worth checking ``sentence`` is: the shipped model's probability and its reasons.

    The same sentence and context always give the same result.
    """
    return shipped_model().score(sentence, kind=kind, attributed=attributed, language=language)


def is_checkworthy(score: float) -> bool:
    """Whether ``score`` reaches the shipped model's threshold."""
    return score >= shipped_model().threshold
