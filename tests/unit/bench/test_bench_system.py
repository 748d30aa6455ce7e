"""The benchmark's process accounting and its load generator's guard."""

from __future__ import annotations

import os

import pytest
from bench.cpu import CpuMeter, cpu_seconds
from bench.load import LoadConfig
from bench.server import child_pids


def test_cpu_of_this_process_is_measured() -> None:
    assert cpu_seconds(os.getpid()) > 0
    assert cpu_seconds(2**22 + 12345) == 0.0  # no such process
    meter = CpuMeter({"me": [os.getpid()], "nobody": []})
    meter.start()
    sum(i * i for i in range(200_000))
    used = meter.stop()
    assert set(used) == {"me"} and used["me"] >= 0


def test_child_pids_finds_nothing_for_a_process_without_children() -> None:
    assert os.getpid() not in child_pids(os.getpid())


def test_load_generator_only_targets_loopback() -> None:
    LoadConfig("http://127.0.0.1:8000", {}, "bolt://127.0.0.1:7687", None, None, "neo4j")
    with pytest.raises(ValueError, match=r"127\.0\.0\.1"):
        LoadConfig("http://example.org", {}, "bolt://127.0.0.1:7687", None, None, "neo4j")
