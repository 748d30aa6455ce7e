"""The run's options (full and smoke sizes) and the objects every scenario uses."""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import AsyncDriver

from bench.corpus import Corpus
from bench.cpu import CpuMeter
from bench.graph_builder import BenchUsers, GraphBuilder
from bench.load import Job, LoadProcess, Op, RoundResult
from bench.raw import RawDriver
from bench.retries import RETRY_TEXT, RetryCounter
from bench.scenarios.common import Result, RoundFn
from bench.server import Server
from factcheck.settings import Settings

__all__ = ["SCENARIOS", "BenchContext", "Options"]

SCENARIOS = ("extract", "trace", "read", "workflow", "ingest")


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a run is sized by."""

    smoke: bool
    seed: int
    concurrency: int
    workers: int
    duration_s: float  # one measured round
    warmup_s: float  # the warm-up round of each side
    rounds: int  # measured rounds per side
    trace_sizes: tuple[int, ...]  # claims in the graph at each trace measurement
    published: int  # published verdicts before the read scenario (at least)
    published_share: float  # share of claims published as the graph grows (up to `published`)
    pool: int  # distinct extracted articles; more articles are revisions of these
    shapes: int  # claims published over HTTP, the models of the bulk clones
    batch_articles: int  # articles per round of `factcheck ingest` and of the raw batched writes
    post_articles: int  # articles per round of POST /articles and of the raw single writes
    contention_claims: int  # claims the clients share in the contended workflow scenario
    extract_repeats: int  # extractions of the sample article
    extract_articles: int  # generated articles extracted
    only: frozenset[str]
    docs: Path | None
    results_dir: Path
    neo4j_heap_mb: int
    neo4j_pagecache_mb: int
    server_args: tuple[str, ...] = ()
    profile: bool = False

    def runs(self, scenario: str) -> bool:
        """True when `scenario` is part of this run."""
        return not self.only or scenario in self.only


@dataclass(slots=True)
class BenchContext:
    """The run: Neo4j, the server, the load generator, the builder and the results so far."""

    options: Options
    settings: Settings
    driver: AsyncDriver
    raw: RawDriver
    server: Server
    load: LoadProcess
    builder: GraphBuilder
    users: BenchUsers
    corpus: Corpus
    neo4j_pid: int | None
    rng: random.Random
    retry_counter: RetryCounter
    results: list[Result] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    breakdown: dict[str, dict[str, float]] = field(default_factory=dict)

    def meter(self) -> CpuMeter:
        """A CPU meter over the server, Neo4j, the load generator and this process."""
        return CpuMeter(
            {
                "service": self.server.pids(),
                "neo4j": [self.neo4j_pid] if self.neo4j_pid else [],
                "load": [self.load.pid] if self.load.pid else [],
                "bench": [os.getpid()],
            }
        )

    def retries(self) -> dict[str, int]:
        """Driver retries so far: logged by the server's workers, and counted in this process."""
        return {"server": self.server.count_in_log(RETRY_TEXT), "bench": self.retry_counter.count}

    def graph_label(self) -> str:
        """How big the graph is now, for the table."""
        return f"{self.builder.claims:,} claims"

    def rounds_of(self, ops: Sequence[Op]) -> RoundFn:
        """Rounds that cycle through `ops` at the run's concurrency, for the round's duration."""

        async def round_(number: int) -> RoundResult:
            duration = self.options.warmup_s if number < 0 else self.options.duration_s
            return await self.load.run(Job(tuple(ops), self.options.concurrency, duration))

        return round_
