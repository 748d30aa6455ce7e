"""Chooses the link thresholds of claim lineage on the claim-matching train pairs.

    .venv/bin/python scripts/lineage_thresholds.py

Imports the fact-checks as `make match` does, asks each train tweet the way the service asks
(cleaned text, fielded full-text search, the shipped re-ranker) and, per threshold on the
re-ranker's `similarity`, measures on the train pairs:

* `same_as`: the smallest threshold at which the best match, when it reaches the threshold,
  is the tweet's own fact-check at least 98% of the time;
* `similar_to`: the smallest threshold at which any candidate reaching it is a gold pair at
  least 80% of the time (reviewers confirm these, so some noise is acceptable).

Writes `src/factcheck/lineage/thresholds.json`; prints the same table on the dev pairs as a check.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claim_matching_map import load_dataset, running_stack
from factcheck.matching.rerank import load_model
from train_matching import Pairs, fetch_candidates, gold_claims, pair_features

OUT = Path(__file__).resolve().parents[1] / "src" / "factcheck" / "lineage" / "thresholds.json"
GRID = [round(0.05 * i, 2) for i in range(4, 20)] + [0.97, 0.98, 0.99]
SAME_PRECISION = 0.98
SIMILAR_PRECISION = 0.80


def table(pairs: Pairs, gold: dict[str, set[str]]) -> dict[float, dict[str, float]]:
    """Per threshold: best-match precision and coverage, and all-candidate precision."""
    model = load_model()
    scored = {t: [(model.probability(v), c in gold[t]) for c, v in pairs[t]] for t in gold}
    out = {}
    for threshold in GRID:
        best = [max(items, default=(0.0, False)) for items in scored.values()]
        kept = [right for p, right in best if p >= threshold]
        every = [right for items in scored.values() for p, right in items if p >= threshold]
        out[threshold] = {
            "answered": round(len(kept) / len(best), 3),
            "best_right": round(sum(kept) / len(kept), 3) if kept else 1.0,
            "links": len(every),
            "links_right": round(sum(every) / len(every), 3) if every else 1.0,
        }
    return out


def choose(rows: dict[float, dict[str, float]]) -> tuple[float, float]:
    """The smallest thresholds meeting the two precision targets."""
    same = min(t for t, r in rows.items() if r["best_right"] >= SAME_PRECISION and r["answered"] > 0)
    similar = min(t for t, r in rows.items() if r["links_right"] >= SIMILAR_PRECISION and r["links"] > 0)
    return same, min(similar, same)


async def main() -> int:
    """Measures, chooses on train, checks on dev, writes the file."""
    dataset = load_dataset()
    model = load_model()
    async with running_stack(dataset) as stack:
        results = {}
        for split in ("train", "dev"):
            tweets = {t: dataset.tweets[t] for t in dataset.gold[split]}
            fetched = await fetch_candidates(stack.neo4j_uri, tweets, model.candidates)
            pairs = pair_features(tweets, fetched, model.candidates)
            results[split] = table(pairs, gold_claims(dataset, split, stack.claim_ids))
    for split, rows in results.items():
        print(f"{split}: threshold answered best_right links links_right")
        for t, r in rows.items():
            print(
                f"  {t:.2f} {r['answered']:.3f} {r['best_right']:.3f} {r['links']:>6} {r['links_right']:.3f}"
            )
    same, similar = choose(results["train"])
    data = {
        "about": "Similarity thresholds for lineage links at ingest (scripts/lineage_thresholds.py).",
        "same_as": same,
        "similar_to": similar,
        "chosen_on": "train_qrels.tsv",
        "targets": {"same_as_best_right": SAME_PRECISION, "similar_to_links_right": SIMILAR_PRECISION},
        "train": {str(k): v for k, v in results["train"].items() if k in (same, similar)},
        "dev": {str(k): v for k, v in results["dev"].items() if k in (same, similar)},
    }
    OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"same_as >= {same}, similar_to >= {similar}; wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
