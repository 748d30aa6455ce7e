"""Measure the shipped check-worthiness model on the CheckThat! 2024 English sentences.

Usage:
    .venv/bin/python scripts/checkworthiness_f1.py [--data-dir DIR] [--threshold T] [--sweep]

Scores every ``Text`` with ``score_checkworthiness`` (the model shipped in the
package) and prints precision, recall and F1 on the ``Yes`` class for dev and
dev-test, next to the figures the model file records and the answer-``Yes``-to-all
baseline. The model was trained on the train split only.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "src"))
sys.path.insert(0, str(REPO_ROOT / "scripts"))

from checkworthiness_data import read_rows  # noqa: E402
from factcheck.extraction.scoring import score_checkworthiness, shipped_model  # noqa: E402

FILES = {"dev": "CT24_checkworthy_english_dev.tsv", "dev-test": "CT24_checkworthy_english_dev-test.tsv"}


@dataclass(frozen=True, slots=True)
class Counts:
    """Confusion counts on the Yes class."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def count(scores: list[tuple[float, bool]], threshold: float) -> Counts:
    """Confusion counts when ``score >= threshold`` predicts Yes."""
    tp = sum(1 for s, yes in scores if yes and s >= threshold)
    fp = sum(1 for s, yes in scores if not yes and s >= threshold)
    fn = sum(1 for s, yes in scores if yes and s < threshold)
    return Counts(tp, fp, fn)


def measure(data_dir: Path, threshold: float) -> dict[str, Counts]:
    """Counts of the shipped model on dev and dev-test at ``threshold``."""
    result = {}
    for split, name in FILES.items():
        scores = [(score_checkworthiness(row.text)[0], row.yes) for row in read_rows(data_dir / name)]
        result[split] = count(scores, threshold)
    return result


def main(argv: list[str] | None = None) -> int:
    """Print the table; returns a process exit code."""
    model = shipped_model()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir", type=Path, default=REPO_ROOT / ".." / "shared" / "data" / "checkworthiness"
    )
    parser.add_argument("--threshold", type=float, default=model.threshold)
    parser.add_argument("--sweep", action="store_true", help="also print F1 over a range of thresholds")
    args = parser.parse_args(argv)

    missing = [args.data_dir / name for name in FILES.values() if not (args.data_dir / name).exists()]
    if missing:
        print(f"missing: {', '.join(map(str, missing))} (pass --data-dir)", file=sys.stderr)
        return 2
    print(f"model trained {model.meta.get('trained')} on {model.meta.get('data')}")
    print(f"threshold {args.threshold:.3f}")
    print(f"{'split':9} {'n':>5} {'yes':>4} {'P':>6} {'R':>6} {'F1':>6}   {'recorded':>8} {'all-Yes':>7}")
    for split, name in FILES.items():
        rows = read_rows(args.data_dir / name)
        scores = [(score_checkworthiness(row.text)[0], row.yes) for row in rows]
        measured = count(scores, args.threshold)
        baseline = count(scores, float("-inf"))
        recorded = model.meta.get("metrics", {}).get(split, {}).get("f1", float("nan"))
        yes = sum(1 for row in rows if row.yes)
        print(
            f"{split:9} {len(rows):5d} {yes:4d} {measured.precision:6.3f} {measured.recall:6.3f} "
            f"{measured.f1:6.3f}   {recorded:8.3f} {baseline.f1:7.3f}"
        )
        if args.sweep:
            sweep = "  ".join(f"{t / 100:.2f}:{count(scores, t / 100).f1:.3f}" for t in range(20, 70, 5))
            print(f"  sweep {sweep}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
