"""Train the check-worthiness model and write it as plain JSON into the package.

Usage:
    .venv/bin/python scripts/train_checkworthiness.py [--data-dir DIR] [--out FILE] [--reuse-choice]

Trains a logistic regression over TF-IDF word n-grams plus the rule signals on the
CheckThat! 2024 English train split only. Each setting of the grid is judged on dev
and on three blocks of train held out in turn (sentences of other debates: the ids
run by debate), so the choice rewards what generalises, not what fits dev; the
threshold is chosen the same way. Dev and dev-test are then scored with the written
file itself, as the service reads it, and the figures recorded in it.
Needs scikit-learn (the ``dev`` extras); the service reads only the JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "src"))
sys.path.insert(0, str(REPO_ROOT / "scripts"))

from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from checkworthiness_data import Row, read_rows  # noqa: E402
from factcheck.extraction.kinds import KINDS  # noqa: E402
from factcheck.extraction.scoring import load_model  # noqa: E402
from factcheck.extraction.signals import NEUTRAL, model_features, ngrams  # noqa: E402
from factcheck.extraction.signals import SIGNAL_NAMES as BASE_SIGNALS  # noqa: E402

SEED = 14
DATA_DIR = REPO_ROOT / ".." / "shared" / "data" / "checkworthiness"
OUT = REPO_ROOT / "src" / "factcheck" / "extraction" / "data" / "checkworthiness.json"
TRAIN = "CT24_checkworthy_english_train.tsv"
DEV = "CT24_checkworthy_english_dev.tsv"
DEV_TEST = "CT24_checkworthy_english_dev-test.tsv"
SOURCE = "CLEF 2024 CheckThat! Task 1 English (isyufeng/FactFinders data/, commit 081c71a, MIT)"
SIGNAL_NAMES = (
    *BASE_SIGNALS,
    *(f"kind_{k}" for k in KINDS if k != "quote"),
)
NEUTRAL_NAMES = NEUTRAL
GRID = [
    {"c": c, "min_df": min_df, "signal_scale": scale}
    for c in (0.5, 1.0, 2.0)
    for min_df in (2, 5)
    for scale in (0.0, 0.3, 1.0)
]


@functools.cache
def signals_of(text: str) -> frozenset[str]:
    """The model's signals of a sentence seen alone, as the service computes them."""
    return frozenset(model_features(text))


def signal_matrix(texts: list[str], names: tuple[str, ...], scale: float) -> Any:
    from scipy.sparse import csr_matrix

    index = {name: i for i, name in enumerate(names)}
    data, rows, cols = [], [], []
    for r, text in enumerate(texts):
        for name in signals_of(text) & index.keys():
            data.append(scale)
            rows.append(r)
            cols.append(index[name])
    return csr_matrix((data, (rows, cols)), shape=(len(texts), len(names)))


@dataclass(slots=True)
class Fitted:
    """A trained model and how to turn sentences into its inputs."""

    vectorizer: TfidfVectorizer
    classifier: LogisticRegression
    scale: float

    def probabilities(self, texts: list[str]) -> list[float]:
        from scipy.sparse import hstack

        matrix = hstack([self.vectorizer.transform(texts), signal_matrix(texts, SIGNAL_NAMES, self.scale)])
        return [float(p) for p in self.classifier.predict_proba(matrix.tocsr())[:, 1]]


def fit(rows: list[Row], c: float, min_df: int, signal_scale: float) -> Fitted:
    """Train on ``rows`` with one setting of the grid."""
    from scipy.sparse import hstack

    texts = [r.text for r in rows]
    vectorizer = TfidfVectorizer(analyzer=ngrams, min_df=min_df, sublinear_tf=True)
    words = vectorizer.fit_transform(texts)
    matrix = hstack([words, signal_matrix(texts, SIGNAL_NAMES, signal_scale)]).tocsr()
    classifier = LogisticRegression(C=c, max_iter=5000, random_state=SEED, solver="liblinear")
    classifier.fit(matrix, [r.yes for r in rows])
    return Fitted(vectorizer, classifier, signal_scale)


def fit_neutral(rows: list[Row]) -> LogisticRegression:
    """The language-neutral model: the neutral signals alone."""
    classifier = LogisticRegression(C=1.0, max_iter=5000, random_state=SEED, solver="liblinear")
    classifier.fit(signal_matrix([r.text for r in rows], NEUTRAL_NAMES, 1.0), [r.yes for r in rows])
    return classifier


def prf(scores: list[float], labels: list[bool], threshold: float) -> dict[str, float]:
    """Precision, recall and F1 on the Yes class."""
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if y and s >= threshold)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if not y and s >= threshold)
    fn = sum(1 for s, y in zip(scores, labels, strict=True) if y and s < threshold)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
    }


def held_out_blocks(rows: list[Row], blocks: int = 3) -> list[tuple[list[Row], list[Row]]]:
    """Train/held-out pairs: contiguous id blocks of the train split, each held out in turn."""
    ordered = sorted(rows, key=lambda r: r.sentence_id)
    size = len(ordered) // blocks + 1
    pairs = []
    for b in range(blocks):
        held = ordered[b * size : (b + 1) * size]
        pairs.append((ordered[: b * size] + ordered[(b + 1) * size :], held))
    return pairs


def best_threshold(groups: list[tuple[list[float], list[bool]]]) -> tuple[float, float]:
    """The threshold with the best mean F1 over the groups, and that mean."""
    candidates = [t / 100 for t in range(15, 70)]
    means = [(sum(prf(s, y, t)["f1"] for s, y in groups) / len(groups), t) for t in candidates]
    mean, threshold = max(means)
    return threshold, mean


def choose(train: list[Row], dev: list[Row]) -> tuple[dict[str, Any], float, list[dict[str, Any]]]:
    """Pick the setting and threshold with the best mean F1 over dev and the held-out blocks."""
    blocks = held_out_blocks(train)
    log = []
    best: tuple[float, dict[str, Any], float] | None = None
    for params in GRID:
        groups = [(fit(train, **params).probabilities([r.text for r in dev]), [r.yes for r in dev])]
        for rest, held in blocks:
            groups.append((fit(rest, **params).probabilities([r.text for r in held]), [r.yes for r in held]))
        threshold, mean = best_threshold(groups)
        log.append({**params, "threshold": threshold, "mean_f1": round(mean, 4)})
        print(json.dumps(log[-1]), file=sys.stderr)
        if best is None or mean > best[0]:
            best = (mean, params, threshold)
    assert best is not None
    return best[1], best[2], log


def export(
    model: Fitted, neutral: LogisticRegression, params: dict[str, Any], threshold: float
) -> dict[str, Any]:
    """The JSON document of a trained model (weights rounded to 6 decimals)."""
    coef = model.classifier.coef_[0]
    n_terms = len(model.vectorizer.vocabulary_)
    terms = {
        term: [round(float(model.vectorizer.idf_[j]), 6), round(float(coef[j]), 6)]
        for term, j in sorted(model.vectorizer.vocabulary_.items())
    }
    signals = {
        name: round(float(coef[n_terms + i]) * model.scale, 6)
        for i, name in enumerate(SIGNAL_NAMES)
        if coef[n_terms + i] * model.scale
    }
    return {
        "format": "factcheck-checkworthiness/1",
        "data": SOURCE,
        "trained_on": TRAIN,
        "seed": SEED,
        "params": params,
        "threshold": threshold,
        "intercept": round(float(model.classifier.intercept_[0]), 6),
        "signals": signals,
        "neutral": {
            "intercept": round(float(neutral.intercept_[0]), 6),
            "signals": {n: round(float(w), 6) for n, w in zip(NEUTRAL_NAMES, neutral.coef_[0], strict=True)},
        },
        "terms": terms,
    }


def main(argv: list[str] | None = None) -> int:
    """Train, choose, score and write the model; returns a process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--reuse-choice", action="store_true", help="skip the grid: keep the setting recorded in --out"
    )
    args = parser.parse_args(argv)
    train, dev, dev_test = (read_rows(args.data_dir / name) for name in (TRAIN, DEV, DEV_TEST))
    if args.reuse_choice:
        recorded = json.loads(args.out.read_text("utf-8"))
        params, threshold, log = recorded["params"], recorded["threshold"], recorded["selection"]
    else:
        params, threshold, log = choose(train, dev)
    model = fit(train, **params)
    neutral = fit_neutral(train)
    document = export(model, neutral, params, threshold)
    document["trained"] = dt.date.today().isoformat()
    document["selection"] = log
    scorer = load_model(document)
    metrics = {}
    for name, rows in (("dev", dev), ("dev-test", dev_test)):
        labels = [r.yes for r in rows]
        metrics[name] = prf([scorer.score(r.text)[0] for r in rows], labels, threshold)
        neutral_scores = [scorer.score(r.text, language="xx")[0] for r in rows]
        metrics[f"{name} (neutral signals only)"] = prf(neutral_scores, labels, threshold)
    document["metrics"] = metrics
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    print(json.dumps({"params": params, "threshold": threshold, "metrics": metrics}, indent=2))
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
