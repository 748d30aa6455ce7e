"""Which links a batch of new claims gets, from their full-text candidates. Pure, no I/O.

A new claim is linked only to claims written before it: claims of earlier batches, or of the
same batch at an earlier position. `SAME_AS` goes to the earliest candidate whose similarity
reaches the `same_as` threshold and that names the same people, places and numbers (the same
sentence about another country is another claim); `SIMILAR_TO` to the best few others that
reach `similar_to`.
The thresholds are chosen on the claim-matching train pairs by scripts/lineage_thresholds.py.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from factcheck.matching.features import Prepared, prepare
from factcheck.matching.query import clean_text, match_query
from factcheck.matching.rerank import rerank

__all__ = [
    "THRESHOLDS_PATH",
    "BatchLinks",
    "NewClaim",
    "Thresholds",
    "choose_links",
    "load_thresholds",
    "names_agree",
    "search_rows",
    "text_key",
]

THRESHOLDS_PATH = Path(__file__).with_name("thresholds.json")
MAX_SIMILAR = 3
RARE = 3.0  # rarity (8 - Zipf frequency) above which a capitalised word counts as a name
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Similarity (0..1, the matcher's) at or above which a link is suggested."""

    same_as: float
    similar_to: float


@cache
def load_thresholds(path: Path = THRESHOLDS_PATH) -> Thresholds:
    """Reads the thresholds file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return Thresholds(float(data["same_as"]), float(data["similar_to"]))


@dataclass(frozen=True, slots=True)
class NewClaim:
    """A claim of the batch being written; `position` orders the batch."""

    id: str
    text: str
    position: int


@dataclass(slots=True)
class BatchLinks:
    """Link rows `{from, to, score}`; per new claim id, what it repeats and the published verdict
    it matches."""

    same: list[dict[str, Any]] = field(default_factory=list)
    similar: list[dict[str, Any]] = field(default_factory=list)
    repeats: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    already_checked: dict[str, dict[str, Any]] = field(default_factory=dict)


def text_key(text: str) -> str:
    """The key of a claim's wording: sha256 of its lower-cased words, links and handles out."""
    words = " ".join(_WORD.findall(clean_text(text).lower()))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def _unmatched_names(a: Prepared, b: Prepared) -> set[str]:
    return {name for name in a.entities - b.words if a.rarity.get(name, 8.0) > RARE}


def names_agree(text: str, other: str) -> bool:
    """True when both texts give the same numbers and neither names someone or somewhere the other does not.

    Capitalised words common in English (a sentence's first word, mostly) do not count as names.
    """
    a, b = prepare(clean_text(text)), prepare(clean_text(other))
    return a.numbers == b.numbers and not _unmatched_names(a, b) and not _unmatched_names(b, a)


def search_rows(claims: Sequence[NewClaim]) -> list[dict[str, str]]:
    """`{id, q, key}` per claim that has words to search for."""
    rows = []
    for claim in claims:
        lucene = match_query(clean_text(claim.text))
        if lucene is not None:
            rows.append({"id": claim.id, "q": lucene, "key": text_key(claim.text)})
    return rows


def choose_links(
    claims: Sequence[NewClaim], rows: Sequence[dict[str, Any]], thresholds: Thresholds
) -> BatchLinks:
    """The links to write for `claims`, given the candidate rows (`claim_id`, `claim`, `score`)."""
    position = {claim.id: claim.position for claim in claims}
    found: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        later = position.get(row["claim"]["id"], -1) >= position[row["claim_id"]]
        if not later:
            found.setdefault(row["claim_id"], []).append(row)
    links = BatchLinks()
    for claim in claims:
        ranked = [(row["claim"], p) for row, p in rerank(clean_text(claim.text), found.get(claim.id, []))]
        same = [(c, p) for c, p in ranked if p >= thresholds.same_as and names_agree(claim.text, c["text"])]
        target, target_p = min(same, key=lambda cp: (cp[0]["since"] or 0, -cp[1])) if same else (None, 0.0)
        repeats = []
        if target is not None:
            links.same.append({"from": claim.id, "to": target["id"], "score": round(target_p, 4)})
            repeats.append(
                {"claim_id": target["id"], "relation": "same_as", "similarity": round(target_p, 4)}
            )
        similar = [(c, p) for c, p in ranked if p >= thresholds.similar_to and c is not target]
        for other, p in similar[:MAX_SIMILAR]:
            links.similar.append({"from": claim.id, "to": other["id"], "score": round(p, 4)})
            repeats.append({"claim_id": other["id"], "relation": "similar_to", "similarity": round(p, 4)})
        if repeats:
            links.repeats[claim.id] = repeats
        checked = [(c, p) for c, p in ranked if p >= thresholds.similar_to and c["verdicts"]]
        if checked:
            best, p = checked[0]
            verdict = best["verdicts"][0]
            links.already_checked[claim.id] = {
                "verdict_id": verdict["id"],
                "claim_id": best["id"],
                "rating": verdict["rating"],
                "similarity": round(p, 4),
            }
    return links
