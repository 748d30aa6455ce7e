"""The re-ranker: a logistic model over pair features, shipped as `model.json`."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from factcheck.matching.features import FEATURE_NAMES, Candidate, features, prepare

__all__ = ["MODEL_PATH", "MatchModel", "load_model", "rerank"]

MODEL_PATH = Path(__file__).with_name("model.json")


@dataclass(frozen=True, slots=True)
class MatchModel:
    """Weights per feature, a bias, and how many full-text candidates to re-rank."""

    weights: tuple[float, ...]
    bias: float
    candidates: int

    def probability(self, values: list[float]) -> float:
        """The chance, 0..1, that the candidate is the claim the query repeats."""
        z = self.bias + sum(w * x for w, x in zip(self.weights, values, strict=True))
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


@cache
def load_model(path: Path = MODEL_PATH) -> MatchModel:
    """Reads the model file; ValueError when its features are not the ones this code computes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURE_NAMES:
        raise ValueError(f"{path} was trained on other features: {data['features']}")
    return MatchModel(tuple(float(w) for w in data["weights"]), float(data["bias"]), int(data["candidates"]))


def rerank(
    query: str, rows: list[dict[str, Any]], model: MatchModel | None = None
) -> list[tuple[Any, float]]:
    """Full-text rows (`claim` with `text` and `headline`, `score`) with their probability, best first."""
    model = model or load_model()
    asked = prepare(query)
    best = max((float(row["score"]) for row in rows), default=0.0)
    scored = []
    for rank, row in enumerate(rows):
        claim = row["claim"]
        candidate = Candidate(
            prepare(claim["text"]), prepare(claim.get("headline") or ""), float(row["score"]), rank
        )
        scored.append((row, model.probability(features(asked, candidate, best)), rank))
    scored.sort(key=lambda item: (-item[1], item[2]))
    return [(row, p) for row, p, _ in scored]
