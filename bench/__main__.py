"""`python -m bench`: the service against the raw Neo4j driver, in one run.

Builds a graph from generated articles, then measures each scenario twice, as the service
over HTTP and as the same Cypher through the raw async driver, alternating rounds, and
writes the table to bench/results/<timestamp>.json and docs/benchmarks.md. `--smoke` runs
tiny sizes (CI); the default sizes take about 11 minutes on two cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import shlex
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from neo4j import AsyncDriver
from pydantic import SecretStr

from bench import report
from bench.context import SCENARIOS, BenchContext, Options
from bench.corpus import Corpus
from bench.graph_builder import BenchUsers, GraphBuilder, create_users
from bench.load import LoadConfig, LoadProcess
from bench.raw import RawDriver, load_queries
from bench.retries import install
from bench.review import Reviewer
from bench.scenarios import extract, ingest, profile, reads, trace, workflow
from bench.server import Server
from factcheck.auth.keys import new_key
from factcheck.graph.local import LocalNeo4j, free_port
from factcheck.graph.migrations import apply_migrations
from factcheck.graph.store import Graph, create_driver
from factcheck.settings import PROJECT_ROOT, Settings

__all__ = ["main"]

FULL: dict[str, Any] = {
    "duration_s": 8.0,
    "warmup_s": 3.0,
    "rounds": 3,
    "trace_sizes": (1_000, 10_000, 100_000),
    "published": 12_000,
    "published_share": 0.5,
    "pool": 1_500,
    "shapes": 3,
    "batch_articles": 1_000,
    "post_articles": 200,
    "contention_claims": 2,
    "extract_repeats": 200,
    "extract_articles": 200,
    "neo4j_heap_mb": 1024,
    "neo4j_pagecache_mb": 1024,
}
SMOKE: dict[str, Any] = {
    **FULL,
    "duration_s": 1.0,
    "warmup_s": 0.5,
    "rounds": 1,
    "trace_sizes": (150, 400),
    "published": 150,
    "pool": 40,
    "shapes": 2,
    "batch_articles": 60,
    "post_articles": 20,
    "extract_repeats": 20,
    "extract_articles": 20,
    "neo4j_heap_mb": 512,
    "neo4j_pagecache_mb": 256,
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, for CI (well under a minute)")
    parser.add_argument("--concurrency", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn workers (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the generated graph (default 1)")
    parser.add_argument("--duration", type=float, help="seconds of one measured round")
    parser.add_argument("--warmup", type=float, help="seconds of each side's warm-up round")
    parser.add_argument("--rounds", type=int, help="measured rounds per side")
    parser.add_argument(
        "--trace-sizes", help="claims in the graph at each trace measurement, e.g. 1000,10000"
    )
    parser.add_argument("--published", type=int, help="published verdicts before the read scenario")
    parser.add_argument(
        "--only", action="append", choices=SCENARIOS, help="run only this scenario (repeatable)"
    )
    parser.add_argument(
        "--server-arg",
        action="append",
        default=[],
        help="an extra uvicorn argument, e.g. --server-arg=--loop --server-arg=uvloop (repeatable)",
    )
    parser.add_argument(
        "--docs", type=Path, help="the Markdown file to update (full runs: docs/benchmarks.md)"
    )
    parser.add_argument("--no-docs", action="store_true", help="do not update any Markdown file")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="after the build, profile each endpoint (pyinstrument, one worker); nothing else unless --only",
    )
    parser.add_argument("--wipe", action="store_true", help="allow deleting every node at NEO4J_URI")
    return parser


def options_from(args: argparse.Namespace) -> Options:
    """The run's options: the full or smoke profile, with the command line's overrides."""
    profile = dict(SMOKE if args.smoke else FULL)
    for name, value in (
        ("duration_s", args.duration),
        ("warmup_s", args.warmup),
        ("rounds", args.rounds),
        ("published", args.published),
    ):
        if value is not None:
            profile[name] = value
    if args.trace_sizes:
        profile["trace_sizes"] = tuple(int(x) for x in args.trace_sizes.split(","))
    docs = (
        None
        if args.no_docs
        else args.docs or (None if args.smoke else PROJECT_ROOT / "docs" / "benchmarks.md")
    )
    return Options(
        smoke=args.smoke,
        seed=args.seed,
        concurrency=args.concurrency,
        workers=args.workers,
        only=frozenset(args.only or (["profile"] if args.profile else [])),
        profile=args.profile,
        docs=docs,
        results_dir=PROJECT_ROOT / "bench" / "results",
        server_args=tuple(args.server_arg),
        **profile,
    )


async def _neo4j_version(driver: AsyncDriver) -> str:
    records, _, _ = await driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] + ' ' + edition AS v"
    )
    return str(records[0]["v"])


async def _trace_shape(client: httpx.AsyncClient, claim_id: str, key: str) -> dict[str, int]:
    response = await client.get(f"/claims/{claim_id}/trace", headers={"Authorization": f"Bearer {key}"})
    response.raise_for_status()
    body = response.json()
    if not body.get("intact", False):
        raise RuntimeError(f"the traced claim's trace is not intact: {body.get('problems')}")
    return {"nodes": len(body["nodes"]), "edges": len(body["edges"]), "bytes": len(response.content)}


CLONED = """
MATCH (v:Verdict {state: 'published'})-[:RATES]->(c:Claim)
WHERE NOT c.id IN $reserved
RETURN c.id AS id
LIMIT 1
"""


async def _check_graph(ctx: BenchContext, verify_chain: bool) -> None:
    """A cloned claim's trace is intact; with `verify_chain`, the whole audit chain verifies."""
    headers = {"Authorization": f"Bearer {ctx.users.keys['auditor']}"}
    records, _, _ = await ctx.driver.execute_query(CLONED, reserved=ctx.builder.reserved)
    async with httpx.AsyncClient(base_url=ctx.server.base_url, timeout=300.0, headers=headers) as client:
        if records:
            await _trace_shape(client, str(records[0]["id"]), ctx.users.keys["auditor"])
        if verify_chain:
            answer = (await client.get("/audit/verify")).json()
            if not answer.get("ok"):
                raise RuntimeError(f"the audit chain of the built graph does not verify: {answer}")


async def _scenarios(ctx: BenchContext) -> float:
    """Builds the graph stage by stage and runs the chosen scenarios; returns their seconds."""
    options, builder, timings = ctx.options, ctx.builder, ctx.timings
    measured = 0.0

    async def timed(step: Any) -> None:
        nonlocal measured
        began = time.perf_counter()
        await step
        measured += time.perf_counter() - began

    if options.runs("extract"):
        print("[extract]", flush=True)
        await timed(extract.run(ctx))

    print(
        f"[build] ingesting articles through the service's batch path up to {options.trace_sizes[0]:,} claims"
    )
    timings["service ingest"] = await builder.ingest(options.trace_sizes[0])
    workflow_claims = await builder.reserve(options.contention_claims + options.concurrency)
    began = time.perf_counter()
    async with httpx.AsyncClient(base_url=ctx.server.base_url, timeout=60.0) as client:
        reviewer = Reviewer(client, ctx.users.keys)
        traced, _ = await builder.build_traced_claim(reviewer)
        await builder.build_shapes(reviewer, options.shapes)
        shape = await _trace_shape(client, traced, ctx.users.keys["auditor"])
    timings["HTTP review"] = time.perf_counter() - began
    timings["bulk articles"] = timings["bulk verdicts"] = 0.0
    for size in options.trace_sizes:
        if builder.claims < size:
            print(f"[build] growing the graph to {size:,} claims", flush=True)
            timings["bulk articles"] += await builder.grow(size)
        target = min(options.published, int(builder.claims * options.published_share))
        timings["bulk verdicts"] += await builder.publish_clones(target)
        if options.runs("trace"):
            print(f"[trace] at {builder.claims:,} claims", flush=True)
            await timed(trace.run(ctx, traced, shape))
    timings["bulk verdicts"] += await builder.publish_clones(options.published)
    await _check_graph(ctx, verify_chain=options.smoke)
    if options.profile:
        print("[profile]", flush=True)
        stages = await profile.breakdown(ctx, traced)
        ctx.breakdown = stages
        for endpoint, times in stages.items():
            print(f"  {endpoint}: " + ", ".join(f"{k} {v:.2f} ms" for k, v in times.items()), flush=True)
        await profile.run(ctx, traced, workflow_claims)
    if options.runs("read"):
        print(f"[read] {await builder.count_published():,} published verdicts", flush=True)
        await timed(reads.run(ctx))
        if not options.smoke and not ctx.breakdown:
            print("[read] where one request's time goes", flush=True)
            ctx.breakdown = await profile.breakdown(ctx, traced)
    if options.runs("workflow"):
        print("[workflow]", flush=True)
        await timed(workflow.run(ctx, workflow_claims))
    if options.runs("ingest"):
        print("[ingest]", flush=True)
        await timed(ingest.run(ctx))
    return measured


async def _wipe(driver: AsyncDriver, database: str) -> None:
    async with driver.session(database=database) as session:
        await session.run("MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS")


async def run(options: Options, wipe: bool) -> int:
    """One benchmark run; returns the exit status."""
    began = time.perf_counter()
    retry_counter = install()
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    machine = report.machine()
    external = os.environ.get("NEO4J_URI")
    if external and not wipe:
        print(
            f"bench: NEO4J_URI is set; this deletes every node at {external}. Pass --wipe.", file=sys.stderr
        )
        return 2
    home = tempfile.TemporaryDirectory(prefix="factcheck-bench-")
    instance: LocalNeo4j | None = None
    if external:
        uri = external
    else:
        instance = LocalNeo4j(
            home=Path(home.name) / "neo4j",
            port=free_port(),
            cache_dir=Settings(_env_file=None).neo4j_cache_dir,  # type: ignore[call-arg]
            heap_mb=options.neo4j_heap_mb,
            pagecache_mb=options.neo4j_pagecache_mb,
        )
        print(f"[neo4j] starting a local instance ({options.neo4j_heap_mb} MB heap)", flush=True)
        instance.start()
        uri = instance.uri
    user, password = os.environ.get("NEO4J_USER"), os.environ.get("NEO4J_PASSWORD")
    database = os.environ.get("NEO4J_DATABASE", "neo4j")
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        neo4j_uri=uri,
        neo4j_user=user,
        neo4j_password=SecretStr(password) if password else None,
        neo4j_database=database,
    )
    driver = create_driver(settings)
    server: Server | None = None
    load: LoadProcess | None = None
    builder: GraphBuilder | None = None
    results = []
    meta: dict[str, Any] = {}
    try:
        await apply_migrations(driver, settings.cypher_dir, database)
        if external:
            await _wipe(driver, database)
        neo4j_version = await _neo4j_version(driver)
        admin_key = new_key()
        users: BenchUsers = await create_users(Graph(driver, load_queries(), database), admin_key)
        server = Server(options.workers, uri, admin_key, user, password, extra_args=options.server_args)
        print(f"[server] {shlex.join(server.command)}", flush=True)
        server.start()
        load = LoadProcess(LoadConfig(server.base_url, users.keys, uri, user, password, database))
        load.start()
        corpus = Corpus(options.seed)
        builder = GraphBuilder(driver, settings, corpus, users, options.seed, options.pool)
        ctx = BenchContext(
            options=options,
            settings=settings,
            driver=driver,
            raw=RawDriver(driver, load_queries(), database),
            server=server,
            load=load,
            builder=builder,
            users=users,
            corpus=corpus,
            neo4j_pid=instance.status().pid if instance else None,
            rng=random.Random(f"scenarios:{options.seed}"),
            retry_counter=retry_counter,
        )
        scenario_s = await _scenarios(ctx)
        results = ctx.results
        meta = {
            "started_at": started_at,
            "machine": machine,
            "load_average_end": [round(x, 2) for x in os.getloadavg()],
            "versions": report.package_versions(),
            "neo4j_version": neo4j_version,
            "neo4j_where": f"external at {external}"
            if external
            else f"local, {options.neo4j_heap_mb} MB heap, {options.neo4j_pagecache_mb} MB page cache",
            "server_command": shlex.join(["uvicorn", *server.command[3:]]),
            "options": _options_dict(options),
            "graph": {
                "claims": await builder.count("Claim"),
                "articles": await builder.count("Article"),
                "published": await builder.count_published(),
                "events": await builder.count("Event"),
            },
            "timings": {k: round(v, 1) for k, v in ctx.timings.items()},
            "scenario_s": round(scenario_s, 1),
            "breakdown_ms": ctx.breakdown,
        }
    finally:
        if load is not None:
            load.close()
        if server is not None:
            if results == [] and server.process is not None:
                print(server.log_tail(), file=sys.stderr)
            server.close()
        if builder is not None:
            await builder.close()
        await driver.close()
        if instance is not None:
            instance.stop()
        home.cleanup()
    meta["duration_s"] = round(time.perf_counter() - began, 1)
    meta["python_implementation"] = platform.python_implementation()
    print()
    report.print_table(results)
    path = options.results_dir / f"{datetime.now():%Y%m%d-%H%M%S}{'-smoke' if options.smoke else ''}.json"
    meta["json"] = str(path.relative_to(PROJECT_ROOT))
    report.write_json(path, meta, results)
    print(f"\nresults: {meta['json']}; scenarios {meta['scenario_s']:.1f} s, all {meta['duration_s']:.1f} s")
    if options.docs is not None:
        report.update_doc(options.docs, report.markdown(meta, results))
        print(f"table: {options.docs}")
    failed = [
        r.name for r in results for s in (r.service, r.driver) if s is not None and (s.errors or not s.units)
    ]
    if failed:
        print(f"bench: errors or no work done in: {', '.join(sorted(set(failed)))}", file=sys.stderr)
        return 1 if options.smoke else 0
    return 0


def _options_dict(options: Options) -> dict[str, Any]:
    return {
        name: sorted(value)
        if isinstance(value, frozenset)
        else str(value)
        if isinstance(value, Path)
        else value
        for name in Options.__slots__
        for value in [getattr(options, name)]
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m bench`."""
    args = _parser().parse_args(argv)
    return asyncio.run(run(options_from(args), args.wipe))


if __name__ == "__main__":
    sys.exit(main())
