"""Latency of one workflow transition over HTTP against a real Neo4j. Run by hand:

    .venv/bin/python bench/transition_latency.py                  # a fresh local Neo4j in a temp dir
    NEO4J_URI=bolt://127.0.0.1:7687 .venv/bin/python bench/transition_latency.py --wipe

Sequential part: CLAIMS claims each take 8 transitions (accept, assign, unassign, take, start,
submit, approve, reopen) through `AsyncTestClient`, one request at a time, after a warm-up that
plans every query once. Each request is timed end to end (auth, the locked read, the guarded
move, side effects, the audit append, JSON). Baselines measured in the same run: `GET /health`
(no graph), and `GET /claims/{id}/verdicts` (one read query).

Concurrent part: the same transitions on CLAIMS claims, but WORKERS clients at once through
`httpx.ASGITransport` (requests really interleave, as in one server worker), and a race of
RACERS clients on one claim version, which must leave exactly one winner.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.app import create_app
from factcheck.auth.keys import hash_key, new_key
from factcheck.graph.local import LocalNeo4j, free_port
from factcheck.graph.migrations import apply_migrations
from factcheck.graph.store import create_driver
from factcheck.settings import Settings

CLAIMS, WARMUP, WORKERS, RACERS = 25, 5, 20, 20
STEPS = ["accept", "assign", "unassign", "take", "start", "submit", "approve", "reopen"]


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of `values`, in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))] * 1000


def row(name: str, values: list[float]) -> str:
    return (
        f"| {name:<36} | {len(values):>4} | {percentile(values, 50):>7.2f} | {percentile(values, 99):>7.2f}"
        f" | {statistics.fmean(values) * 1000:>7.2f} | {max(values) * 1000:>7.2f} |"
    )


async def make_users(driver: AsyncDriver) -> tuple[dict[str, str], dict[str, str]]:
    keys, ids = {}, {}
    for name in ["checker", "editor", "editor2"]:
        key, user_id = new_key(), str(uuid.uuid4())
        await driver.execute_query(
            "CREATE (:User {id: $id, name: $name, roles: [$role], key_hash: $hash, disabled: false,"
            " created_at: datetime()})",
            id=user_id,
            name=f"bench-{name}-{user_id[:6]}",
            role=name.rstrip("2"),
            hash=hash_key(key),
        )
        keys[name], ids[name] = key, user_id
    return keys, ids


async def make_claims(driver: AsyncDriver, count: int) -> list[tuple[str, str]]:
    """Candidate claims, each with one evidence item, in one UNWIND: (claim id, evidence id)."""
    rows = [{"claim": str(uuid.uuid4()), "evidence": str(uuid.uuid4())} for _ in range(count)]
    await driver.execute_query(
        "UNWIND $rows AS row"
        " CREATE (c:Claim {id: row.claim, text: 'US warplanes struck PMU bases.', kind: 'event',"
        "   checkworthiness: 0.9, reasons: [], state: 'candidate', version: 1, created_at: datetime(),"
        "   language: 'en'})"
        " CREATE (:Evidence {id: row.evidence, stance: 'supports', excerpt: 'x', start: 0, end: 1,"
        "   created_by: 'bench', created_at: datetime()})-[:ABOUT]->(c)",
        rows=rows,
    )
    return [(r["claim"], r["evidence"]) for r in rows]


class Walker:
    """Takes a claim through STEPS, timing each transition."""

    def __init__(self, client: httpx.AsyncClient, keys: dict[str, str], ids: dict[str, str]) -> None:
        self.client, self.keys, self.ids = client, keys, ids
        self.timings: dict[str, list[float]] = {"transition": [], "verdict draft": []}

    async def timed(self, name: str, call: Callable[[], Awaitable[httpx.Response]], status: int) -> Any:
        began = time.perf_counter()
        response = await call()
        self.timings.setdefault(name, []).append(time.perf_counter() - began)
        assert response.status_code == status, response.text
        return response.json()

    async def walk(self, claim: tuple[str, str]) -> None:
        claim_id, evidence_id = claim
        version = 1
        for action in STEPS:
            if action == "submit":
                await self.timed(
                    "verdict draft",
                    lambda: self.client.post(
                        f"/claims/{claim_id}/verdicts",
                        json={
                            "rating": "mostly_true",
                            "summary": "Confirmed.",
                            "evidence_ids": [evidence_id],
                        },
                        headers=self.auth("checker"),
                    ),
                    201,
                )
            body = {"action": action, "version": version}
            user = {"assign": "editor", "approve": "editor2", "reopen": "editor"}.get(action, "checker")
            if action == "assign":
                body["assignee"] = self.ids["checker"]
            if action == "reopen":
                body["reason"] = "new figures"
            result = await self.timed(
                "transition",
                lambda b=body, u=user: self.client.post(  # type: ignore[misc]
                    f"/claims/{claim_id}/transitions", json=b, headers=self.auth(u)
                ),
                200,
            )
            version = result["version"]

    def auth(self, user: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[user]}"}


async def sequential(settings: Settings, driver: AsyncDriver) -> dict[str, list[float]]:
    keys, ids = await make_users(driver)
    claims = await make_claims(driver, WARMUP + CLAIMS)
    async with AsyncTestClient(app=create_app(settings)) as client:
        walker = Walker(client, keys, ids)
        for claim in claims[:WARMUP]:
            await walker.walk(claim)
        walker.timings = {"transition": [], "verdict draft": []}
        for claim in claims[WARMUP:]:
            await walker.walk(claim)
        for _ in range(CLAIMS * len(STEPS)):
            await walker.timed("baseline: GET /health", lambda: client.get("/health"), 200)
            await walker.timed(
                "baseline: GET /claims/{id}/verdicts",
                lambda: client.get(f"/claims/{claims[-1][0]}/verdicts", headers=walker.auth("editor")),
                200,
            )
    return walker.timings


@asynccontextmanager
async def live_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with (
        app.lifespan(),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client,  # type: ignore[arg-type]
    ):
        yield client


async def concurrent(
    settings: Settings, driver: AsyncDriver
) -> tuple[dict[str, list[float]], Counter[int], float]:
    keys, ids = await make_users(driver)
    claims = await make_claims(driver, CLAIMS + 1)
    async with live_client(settings) as client:
        walker = Walker(client, keys, ids)
        queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
        for claim in claims[:-1]:
            queue.put_nowait(claim)

        async def worker() -> None:
            while not queue.empty():
                await walker.walk(queue.get_nowait())

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(WORKERS)))
        elapsed = time.perf_counter() - began
        race = await asyncio.gather(
            *(
                client.post(
                    f"/claims/{claims[-1][0]}/transitions",
                    json={"action": "accept", "version": 1},
                    headers=walker.auth("checker"),
                )
                for _ in range(RACERS)
            )
        )
        verify = (await client.get("/audit/verify", headers=walker.auth("editor"))).json()
        assert verify["ok"], verify
    return walker.timings, Counter(r.status_code for r in race), elapsed


async def main(wipe: bool) -> None:
    external = os.environ.get("NEO4J_URI")
    with tempfile.TemporaryDirectory() as tmp:
        instance = None
        if external:
            uri = external
        else:
            defaults = Settings(_env_file=None)  # type: ignore[call-arg]
            instance = LocalNeo4j(
                home=Path(tmp), port=free_port(), cache_dir=defaults.neo4j_cache_dir, heap_mb=768
            )
            instance.start()
            uri = instance.uri
        settings = Settings(_env_file=None, neo4j_uri=uri)  # type: ignore[call-arg]
        driver = create_driver(settings)
        try:
            await apply_migrations(driver, settings.cypher_dir, settings.neo4j_database)
            if wipe:
                await driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n")
            timings = await sequential(settings, driver)
            live, race, elapsed = await concurrent(settings, driver)
        finally:
            await driver.close()
            if instance is not None:
                instance.stop()

    print(f"\nSequential, AsyncTestClient, {CLAIMS} claims x {len(STEPS)} transitions after a warm-up (ms)\n")
    print("| operation                            |    n |     p50 |     p99 |    mean |     max |")
    print("|---|---|---|---|---|---|")
    for name, values in timings.items():
        print(row(name, values))
    print(f"\nConcurrent, {WORKERS} clients through httpx.ASGITransport (ms)\n")
    print("| operation                            |    n |     p50 |     p99 |    mean |     max |")
    print("|---|---|---|---|---|---|")
    print(row("transition", live["transition"]))
    throughput = len(live["transition"]) / elapsed
    print(f"\n{len(live['transition'])} transitions in {elapsed:.2f} s: {throughput:.0f} transitions/s")
    print(f"race of {RACERS} clients on one claim version: {dict(race)} (one 200 expected); chain verified")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--wipe", action="store_true", help="delete every node at NEO4J_URI but migrations first"
    )
    asyncio.run(main(parser.parse_args().wipe))
