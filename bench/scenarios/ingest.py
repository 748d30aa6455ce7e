"""Ingest: articles per second through the service's batch path and `POST /articles`.

Two pairs, each on articles never ingested before (dedupe would skip the rest):

* `factcheck ingest` on a JSONL file, the async function the CLI runs
  (`factcheck.articles.bulk.ingest_source`, in this process), against the raw driver writing
  the same batches: rows from `factcheck.articles.plan.plan_batch`, written with
  sources/upsert_sources, actors/upsert_actors, actors/link_affiliations and
  articles/create_articles in one transaction per batch, one batch at a time.
* `POST /articles` from the load generator at the run's concurrency, against the raw driver
  writing one article per transaction at the same concurrency.

The driver side gets its rows from articles extracted before the round; the service side
extracts them itself, as it does in production. The raw writes append no audit event.
"""

from __future__ import annotations

import itertools
import json
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import httpx

from bench.context import BenchContext
from bench.load import HttpOp, IngestOp, Job, RoundResult
from bench.scenarios.common import Result, RoundFn, compare
from factcheck.articles.bulk import ingest_source
from factcheck.articles.plan import PreparedArticle, plan_batch
from factcheck.graph.store import Graph, Transaction

__all__ = ["run"]

TARGET = 0.8
ROUND_LIMIT_S = 600.0
T = TypeVar("T")


class _TimedGraph(Graph):
    """The service's graph handle, noting when each write transaction (one batch) ends."""

    def __init__(self, graph: Graph) -> None:
        super().__init__(graph.driver, graph.queries, graph.database)
        self.ends: list[float] = []

    async def transaction(self, work: Callable[[Transaction], Awaitable[T]]) -> T:
        result = await super().transaction(work)
        self.ends.append(time.perf_counter())
        return result


def _sizes(ctx: BenchContext, per_round: int) -> list[int]:
    """Articles per round: a smaller warm-up, then the measured rounds."""
    return [max(5, per_round // 4)] + [per_round] * ctx.options.rounds


async def _cli_rounds(ctx: BenchContext) -> RoundFn:
    sizes = _sizes(ctx, ctx.options.batch_articles)
    files = []
    folder = Path(tempfile.mkdtemp(prefix="factcheck-bench-ingest-"))
    for number, size in enumerate(sizes):
        path = folder / f"round-{number}.jsonl"
        lines = (json.dumps(a.as_request()) for a in ctx.builder.take_articles(size))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append(path)

    async def round_(number: int) -> RoundResult:
        path = files[number + 1]
        graph = _TimedGraph(ctx.builder.graph)
        async with httpx.AsyncClient() as http:
            began = time.perf_counter()
            summary = await ingest_source(str(path), graph, http, ctx.settings, show_progress=False)
            elapsed = time.perf_counter() - began
        path.unlink()
        marks = [began, *graph.ends]
        return RoundResult(
            latencies=[b - a for a, b in itertools.pairwise(marks)],
            statuses={
                "created": summary.created,
                "existing": summary.existing,
                "failed": len(summary.failed),
            },
            elapsed_s=elapsed,
            units=summary.created,
            errors=[f"{label}: {reason}" for label, reason in summary.failed[:5]],
        )

    return round_


async def _prepared(ctx: BenchContext, sizes: list[int]) -> list[list[PreparedArticle]]:
    """Extracted articles for each round of a driver side, made before any round runs."""
    return [[await ctx.builder.prepare(a) for a in ctx.builder.take_articles(size)] for size in sizes]


async def _raw_batch_rounds(ctx: BenchContext) -> RoundFn:
    rounds = await _prepared(ctx, _sizes(ctx, ctx.options.batch_articles))
    size = ctx.settings.ingest_batch_size
    user = ctx.users.ids["checker"]

    async def round_(number: int) -> RoundResult:
        prepared = rounds[number + 1]
        plans = [plan_batch(prepared[i : i + size]) for i in range(0, len(prepared), size)]
        latencies, units = [], 0
        began = time.perf_counter()
        for plan in plans:
            start = time.perf_counter()
            units += await ctx.raw.write_articles(plan, user)
            latencies.append(time.perf_counter() - start)
        return RoundResult(latencies, {"ok": len(plans)}, time.perf_counter() - began, units)

    return round_


async def _post_rounds(ctx: BenchContext) -> RoundFn:
    sizes = _sizes(ctx, ctx.options.post_articles)
    bodies = [[a.as_request() for a in ctx.builder.take_articles(size)] for size in sizes]

    async def round_(number: int) -> RoundResult:
        ops = tuple(HttpOp("POST", "/articles", "checker", body) for body in bodies[number + 1])
        return await ctx.load.run(Job(ops, ctx.options.concurrency, ROUND_LIMIT_S, once=True))

    return round_


async def _raw_single_rounds(ctx: BenchContext) -> RoundFn:
    rounds = await _prepared(ctx, _sizes(ctx, ctx.options.post_articles))
    user = ctx.users.ids["checker"]

    async def round_(number: int) -> RoundResult:
        ops = tuple(IngestOp(plan_batch([article]), user) for article in rounds[number + 1])
        return await ctx.load.run(Job(ops, ctx.options.concurrency, ROUND_LIMIT_S, once=True))

    return round_


async def run(ctx: BenchContext) -> None:
    """Measures both pairs; appends their results."""
    options = ctx.options
    size = ctx.settings.ingest_batch_size
    cli, raw_batches = await _cli_rounds(ctx), await _raw_batch_rounds(ctx)
    service, driver = await compare(
        cli, raw_batches, options.rounds, ctx.meter, "factcheck ingest", retries=ctx.retries
    )
    ctx.results.append(
        Result(
            scenario="ingest",
            name=f"factcheck ingest (JSONL, batches of {size})",
            unit="articles/s",
            graph=ctx.graph_label(),
            service=service,
            driver=driver,
            driver_name=f"UNWIND writes of plan_batch rows, batches of {size}",
            target=TARGET,
            notes=[
                f"{options.batch_articles} new articles a round, one batch written at a time",
                f"service: {ctx.settings.ingest_workers} preparation processes (started each round)",
                "latency: time between batch commits (service: extraction overlaps the previous write)",
                "driver rows extracted before the round; no audit event",
            ],
        )
    )
    post, raw_single = await _post_rounds(ctx), await _raw_single_rounds(ctx)
    service, driver = await compare(
        post, raw_single, options.rounds, ctx.meter, "POST /articles", retries=ctx.retries
    )
    ctx.results.append(
        Result(
            scenario="ingest",
            name="POST /articles",
            unit="articles/s",
            graph=ctx.graph_label(),
            service=service,
            driver=driver,
            driver_name="UNWIND writes of plan_batch rows, one article each",
            target=TARGET,
            notes=[
                f"{options.post_articles} new articles a round, concurrency {options.concurrency}",
                "driver rows extracted before the round; no audit event",
            ],
        )
    )
