"""The shipped re-ranker file: it loads, and says what the training script records."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from scripts import train_matching

from factcheck.matching import query
from factcheck.matching.features import FEATURE_NAMES
from factcheck.matching.rerank import MODEL_PATH, load_model

RECORD = json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def test_model_loads_with_the_features_the_code_computes() -> None:
    model = load_model()
    assert RECORD["features"] == list(FEATURE_NAMES)
    assert len(model.weights) == len(FEATURE_NAMES)
    assert model.weights == tuple(RECORD["weights"]) and model.bias == RECORD["bias"]
    assert model.candidates == RECORD["candidates"]


def test_record_matches_the_training_script() -> None:
    assert RECORD["seed"] == train_matching.SEED
    assert RECORD["candidates"] <= train_matching.MAX_CANDIDATES
    assert RECORD["query_boosts"] == {"text": query.TEXT_BOOST, "headline": query.HEADLINE_BOOST}
    assert RECORD["data"]["directory"] == train_matching.DATA_DIR.name
    assert RECORD["data"]["trained_on"].startswith("train_qrels.tsv")
    assert RECORD["data"]["chosen_on"].startswith("dev_qrels.tsv")
    date.fromisoformat(RECORD["trained_at"])
    assert RECORD["dev_map_at_5"] >= 0.9


def test_a_model_file_for_other_features_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "model.json"
    other.write_text(json.dumps({**RECORD, "features": ["something_else"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="other features"):
        load_model(other)
