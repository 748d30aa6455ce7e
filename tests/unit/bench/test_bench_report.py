"""The benchmark's statistics and report: percentiles, ratios, the generated doc section."""

from __future__ import annotations

import math
from pathlib import Path

from bench.load import RoundResult
from bench.report import BEGIN, END, update_doc
from bench.scenarios.common import Result, Side, percentile


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 50) == 50.0
    assert percentile(values, 99) == 99.0
    assert percentile([3.0], 99) == 3.0
    assert math.isnan(percentile([], 50))


def side(units: int, seconds: float) -> Side:
    merged = Side()
    merged.add(
        RoundResult(latencies=[0.001] * units, statuses={"200": units}, elapsed_s=seconds, units=units), {}
    )
    return merged


def test_ratio_is_service_over_driver_throughput() -> None:
    result = Result("read", "GET /x", "req/s", "10 claims", side(70, 1.0), side(100, 1.0), target=0.7)
    assert result.ratio == 0.7
    assert result.verdict == "ok"
    assert Result("read", "x", "req/s", "", side(69, 1.0), side(100, 1.0), target=0.7).verdict == "below"
    assert Result("extract", "x", "KB/s", "", side(5, 1.0), None).ratio is None


def test_rounds_merge_into_one_side() -> None:
    merged = side(10, 2.0)
    merged.add(RoundResult([0.002] * 30, {"200": 30}, 2.0, 30), {"service": 0.5})
    assert merged.units == 40 and merged.operations == 40 and merged.rounds == 2
    assert merged.throughput == 10.0
    assert merged.cpu_ms_per_op() == {"service": 12.5}
    assert merged.as_dict()["statuses"] == {"200": 40}


def test_update_doc_replaces_only_the_generated_section(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Benchmarks\n\nhand-written\n\n{BEGIN}\nold table\n{END}\n\nfindings\n")
    update_doc(doc, "new table")
    text = doc.read_text()
    assert "new table" in text and "old table" not in text
    assert text.startswith("# Benchmarks\n\nhand-written") and text.endswith("findings\n")
    fresh = tmp_path / "fresh.md"
    update_doc(fresh, "table")
    assert BEGIN in fresh.read_text() and "table" in fresh.read_text()
