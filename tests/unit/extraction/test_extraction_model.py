"""The shipped check-worthiness model file agrees with its training script and its figures."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from factcheck.extraction.scoring import MODEL_FILE, shipped_model

REPO = Path(__file__).resolve().parents[3]
MODEL_PATH = REPO / "src" / "factcheck" / "extraction" / "data" / MODEL_FILE
DATA_DIR = Path(os.environ.get("FACTCHECK_SHARED_DIR", REPO.parent / "shared")) / "data" / "checkworthiness"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return dict(json.loads(MODEL_PATH.read_text("utf-8")))


def test_file_records_its_source_date_and_figures(document: dict[str, Any]) -> None:
    assert "CheckThat!" in document["data"] and document["trained_on"].endswith("_train.tsv")
    assert len(document["trained"]) == 10
    for split in ("dev", "dev-test"):
        assert set(document["metrics"][split]) == {"precision", "recall", "f1"}
    assert document["threshold"] == shipped_model().threshold


def test_recorded_figures_are_what_the_shipped_file_scores(document: dict[str, Any]) -> None:
    f1_script = _script("checkworthiness_f1")
    measured = f1_script.measure(DATA_DIR, shipped_model().threshold)
    for split, counts in measured.items():
        recorded = document["metrics"][split]
        assert counts.precision == pytest.approx(recorded["precision"], abs=1e-4), split
        assert counts.recall == pytest.approx(recorded["recall"], abs=1e-4), split
        assert counts.f1 == pytest.approx(recorded["f1"], abs=1e-4), split


@pytest.mark.slow
def test_the_script_rebuilds_the_shipped_weights(document: dict[str, Any]) -> None:
    train = _script("train_checkworthiness")
    rows = train.read_rows(DATA_DIR / train.TRAIN)
    rebuilt = train.export(
        train.fit(rows, **document["params"]),
        train.fit_neutral(rows),
        document["params"],
        document["threshold"],
    )
    assert rebuilt["terms"].keys() == document["terms"].keys()
    assert rebuilt["intercept"] == pytest.approx(document["intercept"], abs=1e-4)
    assert rebuilt["signals"] == pytest.approx(document["signals"], abs=1e-4)
    assert rebuilt["neutral"]["signals"] == pytest.approx(document["neutral"]["signals"], abs=1e-4)
    worst = max(abs(weight - document["terms"][term][1]) for term, (_, weight) in rebuilt["terms"].items())
    assert worst < 1e-4
