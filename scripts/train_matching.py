"""Rebuild the claim-matching re-ranker, src/factcheck/matching/model.json.

Usage:
    .venv/bin/python scripts/train_matching.py [--sweep-boosts]

Imports the CheckThat! 2022 Task 2A English fact-checks as `scripts/claim_matching_map.py`
does, fetches the full-text candidates of every train and dev tweet with the service's own
query, fits a pairwise logistic ranker and its calibration (scikit-learn, fixed seed) on the
train pairs only, chooses the regularisation and the candidate count by dev MAP@5, and writes
the weights as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claim_matching_map import DATA_DIR, Dataset, load_dataset, mean_ap, running_stack
from factcheck.graph.queries import QueryCatalog
from factcheck.graph.store import Graph, create_driver
from factcheck.matching import query as matching_query
from factcheck.matching.features import FEATURE_NAMES, Candidate, features, prepare
from factcheck.matching.rerank import MODEL_PATH, MatchModel
from factcheck.newsroom import repository
from factcheck.settings import Settings

SEED = 20260
MAX_CANDIDATES = 50
Fetched = dict[str, list[dict[str, Any]]]
Pairs = dict[str, list[tuple[str, list[float]]]]


async def fetch_candidates(uri: str, tweets: dict[str, str], count: int) -> Fetched:
    """The full-text rows the service would re-rank, per tweet, in full-text order."""
    settings = Settings(_env_file=None, neo4j_uri=uri)  # type: ignore[call-arg]
    driver = create_driver(settings)
    graph = Graph(driver, QueryCatalog.load(settings.cypher_dir / "queries"), settings.neo4j_database)
    found: Fetched = {}
    try:
        for tweet_id, text in tweets.items():
            lucene = matching_query.match_query(matching_query.clean_text(text))
            found[tweet_id] = await repository.match_claims(graph, lucene, count) if lucene else []
    finally:
        await driver.close()
    return found


def pair_features(tweets: dict[str, str], fetched: Fetched, count: int) -> Pairs:
    """Per tweet: (claim id, features) of its first `count` candidates."""
    out = {}
    for tweet_id, rows in fetched.items():
        rows = rows[:count]
        asked = prepare(matching_query.clean_text(tweets[tweet_id]))
        best = max((float(r["score"]) for r in rows), default=0.0)
        out[tweet_id] = [
            (
                r["claim"]["id"],
                features(
                    asked,
                    Candidate(
                        prepare(r["claim"]["text"]),
                        prepare(r["claim"].get("headline") or ""),
                        float(r["score"]),
                        i,
                    ),
                    best,
                ),
            )
            for i, r in enumerate(rows)
        ]
    return out


def gold_claims(dataset: Dataset, split: str, claim_ids: dict[str, str]) -> dict[str, set[str]]:
    """The split's gold pairs with the service's claim ids."""
    return {t: {claim_ids[v] for v in vids} for t, vids in dataset.gold[split].items()}


def rank_with(model: MatchModel, pairs: Pairs) -> dict[str, list[str]]:
    """Claim ids per tweet, most probable first (ties keep the full-text order)."""
    ranked = {}
    for tweet_id, items in pairs.items():
        scored = sorted(enumerate(items), key=lambda e: (-model.probability(e[1][1]), e[0]))
        ranked[tweet_id] = [claim_id for _, (claim_id, _) in scored]
    return ranked


def fit(pairs: Pairs, gold: dict[str, set[str]], c: float, count: int) -> MatchModel:
    """A pairwise logistic ranker (gold minus each other candidate), then Platt-calibrated.

    The ranker learns which of two candidates is the repeated claim; a one-feature logistic
    regression over its score then maps the score to a probability on the same train pairs.
    The two fold into one weight vector and bias: the order is the ranker's.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit([values for t in gold for _, values in pairs[t]])
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    differences = []
    for tweet_id, relevant in gold.items():
        rows = np.array([values for _, values in pairs[tweet_id]]).reshape(-1, len(FEATURE_NAMES)) / scale
        is_gold = np.array([claim_id in relevant for claim_id, _ in pairs[tweet_id]], dtype=bool)
        for positive in rows[is_gold]:
            differences.append(positive - rows[~is_gold])
    x = np.vstack(differences)
    ranker = LogisticRegression(C=c, fit_intercept=False, max_iter=5000, random_state=SEED)
    ranker.fit(np.vstack([x, -x]), np.r_[np.ones(len(x)), np.zeros(len(x))])
    direction = ranker.coef_[0] / scale
    scores = [[float(direction @ np.array(values))] for t in gold for _, values in pairs[t]]
    labels = [int(claim_id in gold[t]) for t in gold for claim_id, _ in pairs[t]]
    platt = LogisticRegression(C=1e6, max_iter=5000, random_state=SEED).fit(scores, labels)
    slope, bias = float(platt.coef_[0][0]), float(platt.intercept_[0])
    return MatchModel(tuple(float(w) * slope for w in direction), bias, count)


def thresholds(model: MatchModel, pairs: Pairs, gold: dict[str, set[str]]) -> dict[str, dict[str, float]]:
    """Per threshold: the share of tweets whose best match reaches it, and how often that match is right."""
    best = []
    for tweet_id, relevant in gold.items():
        scored = [(model.probability(values), claim_id in relevant) for claim_id, values in pairs[tweet_id]]
        best.append(max(scored, default=(0.0, False)))
    table = {}
    for threshold in (0.3, 0.5, 0.7, 0.9):
        kept = [right for p, right in best if p >= threshold]
        table[str(threshold)] = {
            "answered": round(len(kept) / len(best), 3),
            "top_match_right": round(sum(kept) / len(kept), 3) if kept else 0.0,
        }
    return table


def recall_at(fetched: Fetched, gold: dict[str, set[str]], count: int) -> float:
    """Share of tweets whose gold claim is among the first `count` candidates."""
    return sum(bool({r["claim"]["id"] for r in fetched[t][:count]} & g) for t, g in gold.items()) / len(gold)


async def train(sweep_boosts: bool) -> int:
    """Fits, chooses on dev, writes the model; returns a process exit code."""
    dataset = load_dataset()
    wanted = {t: dataset.tweets[t] for split in ("train", "dev") for t in dataset.gold[split]}
    async with running_stack(dataset) as stack:
        if sweep_boosts:
            for text_boost, headline_boost in ((1.0, 0.0), (1.0, 0.3), (1.0, 0.6), (1.0, 1.0), (0.6, 1.0)):
                matching_query.TEXT_BOOST, matching_query.HEADLINE_BOOST = text_boost, headline_boost
                fetched = await fetch_candidates(stack.neo4j_uri, wanted, MAX_CANDIDATES)
                for split in ("train", "dev"):
                    gold = gold_claims(dataset, split, stack.claim_ids)
                    rankings = {t: [r["claim"]["id"] for r in fetched[t]] for t in gold}
                    print(
                        f"boosts text {text_boost} headline {headline_boost} {split}: full-text MAP@5"
                        f" {mean_ap(rankings, gold):.4f}, recall@{MAX_CANDIDATES}"
                        f" {recall_at(fetched, gold, MAX_CANDIDATES):.3f}"
                    )
            return 0
        fetched = await fetch_candidates(stack.neo4j_uri, wanted, MAX_CANDIDATES)
        train_gold = gold_claims(dataset, "train", stack.claim_ids)
        dev_gold = gold_claims(dataset, "dev", stack.claim_ids)
    dev_full_text = mean_ap({t: [r["claim"]["id"] for r in fetched[t]] for t in dev_gold}, dev_gold)
    print(f"dev MAP@5 of the full-text order alone: {dev_full_text:.4f}")
    best: tuple[float, float, int, MatchModel] | None = None
    for count in (10, 20, 30, 50):
        pairs = pair_features(wanted, fetched, count)
        for c in (0.01, 0.1, 1.0):
            model = fit(pairs, train_gold, c, count)
            train_map = mean_ap(rank_with(model, pairs), train_gold)
            dev_map = mean_ap(rank_with(model, pairs), dev_gold)
            print(
                f"candidates {count:>3} C {c:<5} train MAP@5 {train_map:.4f}  dev MAP@5 {dev_map:.4f}"
                f"  (dev recall@{count} {recall_at(fetched, dev_gold, count):.3f})"
            )
            if best is None or dev_map > best[0]:
                best = (dev_map, c, count, model)
    assert best is not None
    dev_map, c, count, model = best
    by_threshold = thresholds(model, pair_features(wanted, fetched, count), dev_gold)
    for threshold, row in by_threshold.items():
        print(f"dev, similarity >= {threshold}: {row}")
    record = {
        "about": "Claim-matching re-ranker: p = sigmoid(bias + weights . features), raw feature values.",
        "features": list(FEATURE_NAMES),
        "weights": [round(w, 6) for w in model.weights],
        "bias": round(model.bias, 6),
        "candidates": count,
        "regularisation_c": c,
        "seed": SEED,
        "query_boosts": {"text": matching_query.TEXT_BOOST, "headline": matching_query.HEADLINE_BOOST},
        "data": {
            "source": "CLEF 2022 CheckThat! Task 2A English (Snopes fact-checks and tweets)",
            "directory": DATA_DIR.name,
            "fact_checks": len(dataset.claims),
            "trained_on": f"train_qrels.tsv ({len(train_gold)} tweets)",
            "chosen_on": f"dev_qrels.tsv ({len(dev_gold)} tweets)",
        },
        "trained_at": datetime.now(UTC).date().isoformat(),
        "dev_map_at_5": round(dev_map, 4),
        "dev_map_at_5_full_text_only": round(dev_full_text, 4),
        "dev_best_match_by_similarity": by_threshold,
    }
    MODEL_PATH.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"chose candidates {count}, C {c}: dev MAP@5 {dev_map:.4f}; wrote {MODEL_PATH}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parses the arguments and trains."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sweep-boosts", action="store_true", help="print full-text MAP@5 per field boost")
    return asyncio.run(train(parser.parse_args(argv).sweep_boosts))


if __name__ == "__main__":
    sys.exit(main())
