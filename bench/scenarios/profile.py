"""Profiles: the server, one worker under pyinstrument, while one scenario's load runs.

Not part of a normal run: `python -m bench --profile` writes one pyinstrument text report per
endpoint to bench/results/. With a single worker uvicorn binds its own socket (the path that
keeps TCP_NODELAY), so the profile shows the application's own costs.
"""

from __future__ import annotations

import hashlib
import json
import signal
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from litestar.serialization import encode_json

from bench.context import BenchContext
from bench.load import HttpOp, Job, LoadConfig, LoadProcess, WorkflowJob
from bench.scenarios import reads
from bench.server import Server
from factcheck.audit.chain import canonical_json
from factcheck.auth.identity import Caller
from factcheck.auth.roles import Role
from factcheck.claims.schemas import ClaimDetail
from factcheck.exports.claimreview import claim_review
from factcheck.newsroom import service as newsroom_service
from factcheck.trace.build import build_trace
from factcheck.trace.schemas import TraceRoot
from factcheck.workflow.table import ClaimFacts, allowed_actions

__all__ = ["breakdown", "run", "summarise"]


async def run(ctx: BenchContext, traced_claim: str, workflow_claims: list[str]) -> list[Path]:
    """One profile per endpoint; returns the report files."""
    options, settings = ctx.options, ctx.settings
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    jobs: list[tuple[str, Job | WorkflowJob]] = [
        (name, Job(tuple(http_ops), options.concurrency, options.duration_s))
        for name, _, http_ops, _ in await reads.cases(ctx)
    ]
    trace = (HttpOp("GET", f"/claims/{traced_claim}/trace", "auditor"),)
    jobs.append(("GET /claims/{id}/trace", Job(trace, options.concurrency, options.duration_s)))
    claims = tuple(workflow_claims[: options.concurrency])
    transitions = WorkflowJob("service", claims, options.concurrency, options.duration_s, "checker", "")
    jobs.append(("POST /claims/{id}/transitions", transitions))
    written = []
    for name, job in jobs:
        slug = name.lower().replace("/", "_").replace(" ", "").replace("{", "").replace("}", "").strip("_")
        path = options.results_dir / f"profile-{stamp}-{slug.replace('?', '-')}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        wrapper = ("-m", "pyinstrument", "-r", "json", "-o", str(path))
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
        uri = settings.bolt_uri
        server = Server(
            1,
            uri,
            ctx.users.keys["admin"],
            settings.neo4j_user,
            password,
            wrapper=wrapper,
            stop_signal=signal.SIGINT,
        )
        server.start()
        load = LoadProcess(
            LoadConfig(
                server.base_url, ctx.users.keys, uri, settings.neo4j_user, password, settings.neo4j_database
            )
        )
        try:
            load.start()
            result = await load.run(job)
        finally:
            load.close()
            server.close()
        rate = len(result.latencies) / result.elapsed_s if result.elapsed_s else 0.0
        summary = path.with_suffix(".txt")
        summary.write_text(f"{name}: {rate:.0f} req/s with one worker\n{summarise(path)}", encoding="utf-8")
        print(f"  profile {name}: {rate:.0f} req/s with one worker -> {summary}", file=sys.stderr, flush=True)
        written.append(summary)
    return written


def _largest(values: dict[str, float], top: int) -> list[tuple[str, float]]:
    return sorted(values.items(), key=lambda item: -item[1])[:top]


IDLE = frozenset({"poll", "select", "epoll.poll", "[await]", "[self]"})


def summarise(path: Path, top: int = 25) -> str:
    """Self time by package and by function, and the service's own frames, from a pyinstrument JSON file."""
    session = json.loads(path.read_text(encoding="utf-8"))
    by_package: defaultdict[str, float] = defaultdict(float)
    by_function: defaultdict[str, float] = defaultdict(float)
    ours: defaultdict[str, float] = defaultdict(float)

    def walk(frame: dict[str, Any]) -> None:
        children = frame.get("children", [])
        own = max(0.0, float(frame["time"]) - sum(float(c["time"]) for c in children))
        where = str(frame.get("file_path_short") or "?")
        name = f"{frame.get('class_name', '') + '.' if frame.get('class_name') else ''}{frame['function']}"
        if frame["function"] not in IDLE:
            by_package[where.split("/")[0]] += own
            by_function[f"{name} ({where}:{frame.get('line_no')})"] += own
        if where.startswith("factcheck/"):
            ours[f"{name} ({where}:{frame.get('line_no')})"] += float(frame["time"]) - float(
                frame.get("await_time", 0.0)
            )
        for child in children:
            walk(child)

    walk(session["root_frame"])
    lines = [
        f"duration {session['duration']:.2f} s, cpu {session.get('cpu_time', 0.0):.2f} s, "
        f"{session['sample_count']} samples (idle polling and awaits left out below)",
        "",
        "self time by package (s):",
        *(f"  {seconds:7.3f}  {package}" for package, seconds in _largest(by_package, top)),
        "",
        "self time by function (s):",
        *(f"  {seconds:7.3f}  {function}" for function, seconds in _largest(by_function, top)),
        "",
        "factcheck frames, time without awaits, including callees (s):",
        *(f"  {seconds:7.3f}  {function}" for function, seconds in _largest(ours, top)),
    ]
    return "\n".join(lines) + "\n"


Stage = Callable[[], Awaitable[Any]]


async def _median_ms(stages: dict[str, Callable[[Any], Any]], first: Stage, runs: int) -> dict[str, float]:
    """Runs `first`, then each stage on the previous stage's output, `runs` times; median ms per stage."""
    samples: dict[str, list[float]] = {name: [] for name in ("fetch", *stages)}
    for _ in range(runs):
        began = time.perf_counter()
        value = await first()
        samples["fetch"].append(time.perf_counter() - began)
        for name, stage in stages.items():
            began = time.perf_counter()
            value = stage(value)
            samples[name].append(time.perf_counter() - began)
    return {name: round(statistics.median(values) * 1000, 3) for name, values in samples.items()}


async def breakdown(ctx: BenchContext, traced_claim: str, runs: int = 100) -> dict[str, dict[str, float]]:
    """Where one request's time goes, stage by stage, done here in sequence with the service's code.

    `fetch` runs the query as `Graph.read` does (one auto-commit transaction) and fetches its
    records; `dict(record)` is what `Graph.read` does with every record, `record.data()` the
    slower alternative, for comparison. The rest are the service's own steps for that endpoint.
    """
    raw, settings = ctx.raw, ctx.settings
    records, _, _ = await ctx.driver.execute_query(
        "MATCH (v:Verdict {state: 'published'})-[:RATES]->(c:Claim) RETURN c.id AS c, v.id AS v LIMIT 1"
    )
    claim_id, verdict_id = str(records[0]["c"]), str(records[0]["v"])
    caller = Caller(id=ctx.users.ids["editor"], name="bench-editor", role=Role.EDITOR)

    def fetch(name: str, params: dict[str, Any]) -> Stage:
        async def run() -> Any:
            return await raw.records(name, params)

        return run

    def claim_detail(rows: list[dict[str, Any]]) -> ClaimDetail:
        row = dict(rows[0]["claim"])
        facts = ClaimFacts(assignee=row["assignee"], submitted_by=row.pop("submitted_by", None))
        detail = ClaimDetail.model_validate(row)
        detail.actions = allowed_actions(detail.state, caller, facts)
        return detail

    def etag(body: dict[str, Any]) -> dict[str, Any]:
        hashlib.sha256(canonical_json(body).encode()).hexdigest()
        return body

    def encode(value: Any) -> bytes:
        """What Litestar's response does: msgspec, with pydantic models through model_dump(mode="json")."""
        return encode_json(value, serializer=lambda m: m.model_dump(mode="json"))

    def alternative(value: Any) -> Any:
        value.model_dump_json()  # pydantic straight to JSON, for comparison
        return value

    depth = settings.trace_max_depth
    plans: dict[str, tuple[Stage, dict[str, Callable[[Any], Any]]]] = {
        "GET /claims/{id}": (
            fetch("claims/get_claim", {"id": claim_id}),
            {
                "dict(record)": lambda rs: ([dict(r) for r in rs], rs)[1],
                "record.data()": lambda rs: [r.data() for r in rs],
                "ClaimDetail + actions": claim_detail,
                "model_dump_json() (alternative)": alternative,
                "response: model_dump + msgspec": encode,
            },
        ),
        "GET /verdicts/{id}/claimreview": (
            fetch("newsroom/get_verdict", {"ids": [verdict_id]}),
            {
                "dict(record)": lambda rs: ([dict(r) for r in rs], rs)[1],
                "record.data()": lambda rs: [r.data() for r in rs],
                "PublicVerdictDetail": lambda rows: newsroom_service._detail(dict(rows[0]["verdict"])),
                "claim_review()": lambda verdict: claim_review(verdict, settings),
                "ETag: canonical_json + sha256": etag,
                "response: msgspec": encode,
            },
        ),
        "GET /claims/{id}/trace": (
            fetch(
                "trace/trace_provenance", {"claim_id": traced_claim, "verdict_id": None, "max_depth": depth}
            ),
            {
                "dict(record)": lambda rs: ([dict(r) for r in rs], rs)[1],
                "record.data()": lambda rs: [r.data() for r in rs],
                "build_trace (integrity checks)": lambda rows: build_trace(
                    rows[0], TraceRoot(label="Claim", id=traced_claim), depth
                ),
                "model_dump_json() (alternative)": alternative,
                "response: model_dump + msgspec": encode,
            },
        ),
    }
    return {name: await _median_ms(stages, first, runs) for name, (first, stages) in plans.items()}
