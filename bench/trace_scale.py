"""Trace latency for one claim, alone and in a graph of 100,000 other claims. Run by hand:

    .venv/bin/python bench/trace_scale.py                 # a fresh local Neo4j in a temp dir
    NEO4J_URI=bolt://127.0.0.1:7687 .venv/bin/python bench/trace_scale.py --wipe

The traced claim has a published verdict citing 10 pieces of evidence; each heads a DERIVED_FROM
chain 5 deep, so 50 evidence items quote 50 documents from 5 sources, and every node has its
audit event. The 100,000 other claims each get an article, a document, a piece of evidence, a
published verdict and an event, written with UNWIND in batches of 10,000. Their articles and
documents share the traced claim's sources, so those become hubs with 100,000+ relationships.

`GET /claims/{id}/trace` is timed through the ASGI app (auth, query, integrity checks, JSON),
and the trace query alone through the driver, both before and after the other claims are added.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.app import create_app
from factcheck.audit.chain import canonical_json, event_hash
from factcheck.auth.keys import hash_key, new_key
from factcheck.graph.local import LocalNeo4j, free_port
from factcheck.graph.migrations import apply_migrations
from factcheck.graph.queries import QueryCatalog
from factcheck.graph.store import Graph, create_driver
from factcheck.settings import Settings
from factcheck.trace.repository import TRACE_PROVENANCE

CHAINS, DEPTH, SOURCES = 10, 5, 5
BATCH = 10_000
_seq = iter(range(1, 10**9))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def new_id() -> str:
    return str(uuid.uuid4())


def event(user: str, action: str, subject: str, label: str, data: dict[str, Any]) -> dict[str, Any]:
    """An audit event that hashes correctly (chained to nothing: this is a benchmark graph)."""
    stored: dict[str, Any] = {
        "id": new_id(),
        "seq": next(_seq),
        "at": "2024-01-25T10:00:00.000000+00:00",
        "user": user,
        "action": action,
        "subject": subject,
        "subject_type": label,
        "from_state": None,
        "to_state": None,
        "data": canonical_json(data),
        "prev_hash": "",
    }
    stored["hash"] = event_hash("", stored)
    return {k: v for k, v in stored.items() if v is not None}


def page(i: int, words: int = 400) -> tuple[bytes, str]:
    text = f"Statement {i}. " + " ".join(f"word{(i * 7 + j) % 997}" for j in range(words)) + "."
    return f"<html><body><article><p>{text}</p></article></body></html>".encode(), text


SETUP_SOURCES = """
UNWIND $rows AS row
MERGE (s:Source {key: row.key}) ON CREATE SET s.id = row.id, s.name = row.name, s.kind = 'outlet'
"""
TARGET = """
CREATE (c:Claim {id: $claim, text: 'Talks took place on January 24.', kind: 'event',
                 checkworthiness: 0.9, state: 'published', version: 6, created_at: datetime()})
CREATE (a:Article {id: $article, title: 'Seed', sha256: $article_sha, text: 'Talks took place.'})
CREATE (c)-[:APPEARS_IN {start: 0, end: 31}]->(a)
WITH c, a
MATCH (s:Source {key: 'source-0'}) CREATE (a)-[:PUBLISHED_BY]->(s)
WITH c
CREATE (v:Verdict {id: $verdict, rating: 'mixed', summary: 'Bench.', version: 1, state: 'published',
                   created_by: $user, submitted_by: $user, approved_by: $user, created_at: datetime()})
CREATE (v)-[:RATES]->(c)
WITH c, v
UNWIND $docs AS doc
MATCH (s:Source {key: doc.source})
CREATE (d:Document {id: doc.id, raw: doc.raw, text: doc.text, sha256: doc.sha256,
                    text_sha256: doc.text_sha256, url: doc.url, content_type: 'text/html',
                    retrieved_at: datetime(), created_by: $user})
CREATE (d)-[:PUBLISHED_BY]->(s)
WITH DISTINCT c, v
UNWIND $evidence AS row
MATCH (d:Document {id: row.doc})
CREATE (e:Evidence {id: row.id, stance: row.stance, excerpt: row.excerpt, start: row.start,
                    end: row.end, created_by: $user, created_at: datetime()})
CREATE (e)-[:ABOUT]->(c), (e)-[:QUOTES]->(d)
FOREACH (_ IN CASE WHEN row.cited THEN [1] ELSE [] END | CREATE (v)-[:CITES]->(e))
"""
TARGET_LINKS = """
UNWIND $links AS link
MATCH (a:Evidence {id: link.from}), (b:Evidence {id: link.to})
CREATE (a)-[:DERIVED_FROM]->(b)
"""
EVENTS = """
UNWIND $events AS row
CREATE (ev:Event) SET ev = row.event
WITH ev, row
CALL (ev, row) {
  MATCH (n:Document {id: row.about}) RETURN n
  UNION MATCH (n:Evidence {id: row.about}) RETURN n
  UNION MATCH (n:Claim {id: row.about}) RETURN n
}
CREATE (ev)-[:ABOUT]->(n)
"""
OTHERS = """
UNWIND $rows AS row
MATCH (s:Source {key: row.source})
CREATE (c:Claim {id: row.claim, text: row.text, kind: 'event', checkworthiness: 0.5,
                 state: 'published', version: 5, created_at: datetime()})
CREATE (a:Article {id: row.article, title: 'Other', sha256: row.article_sha, text: row.text})
CREATE (c)-[:APPEARS_IN {start: 0, end: size(row.text)}]->(a)-[:PUBLISHED_BY]->(s)
CREATE (d:Document {id: row.doc, raw: row.raw, text: row.text, sha256: row.doc_sha,
                    text_sha256: row.text_sha, url: row.url, retrieved_at: datetime()})
CREATE (d)-[:PUBLISHED_BY]->(s)
CREATE (e:Evidence {id: row.evidence, stance: 'supports', excerpt: row.text, start: 0,
                    end: size(row.text), created_by: $user, created_at: datetime()})
CREATE (e)-[:ABOUT]->(c), (e)-[:QUOTES]->(d)
CREATE (v:Verdict {id: row.verdict, rating: 'false', state: 'published', version: 1,
                   created_by: $user, created_at: datetime()})
CREATE (v)-[:RATES]->(c), (v)-[:CITES]->(e)
CREATE (ev:Event) SET ev = row.event
CREATE (ev)-[:ABOUT]->(e), (ev)-[:ABOUT]->(c)
"""


async def build_target(driver: AsyncDriver, user: str) -> str:
    """The traced claim, its verdict, 50 evidence items in 10 chains 5 deep, 50 documents."""
    claim, verdict = new_id(), new_id()
    docs: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    links: list[dict[str, str]] = []
    events: list[dict[str, Any]] = []
    for chain in range(CHAINS):
        previous = None
        for step in range(DEPTH):
            raw, text = page(chain * DEPTH + step)
            doc: dict[str, Any] = {
                "id": new_id(),
                "raw": raw,
                "text": text,
                "sha256": sha(raw),
                "text_sha256": sha(text.encode()),
                "url": f"https://example.org/{chain}/{step}",
                "source": f"source-{(chain + step) % SOURCES}",
            }
            excerpt = text[: text.index(".") + 1]
            item: dict[str, Any] = {
                "id": new_id(),
                "doc": doc["id"],
                "stance": ("supports", "refutes", "context")[step % 3],
                "excerpt": excerpt,
                "start": 0,
                "end": len(excerpt),
                "cited": step == 0,
            }
            docs.append(doc)
            evidence.append(item)
            if previous is not None:
                links.append({"from": previous, "to": item["id"]})
            previous = item["id"]
            events.append(
                {
                    "about": doc["id"],
                    "event": event(
                        user,
                        "document.created",
                        doc["id"],
                        "Document",
                        {"sha256": doc["sha256"], "text_sha256": doc["text_sha256"]},
                    ),
                }
            )
            events.append(
                {
                    "about": item["id"],
                    "event": event(
                        user,
                        "evidence.created",
                        item["id"],
                        "Evidence",
                        {"excerpt_sha256": sha(excerpt.encode())},
                    ),
                }
            )
    events.append({"about": claim, "event": event(user, "claim.published", claim, "Claim", {})})
    await driver.execute_query(
        TARGET,
        claim=claim,
        article=new_id(),
        article_sha=sha(claim.encode()),
        verdict=verdict,
        user=user,
        docs=docs,
        evidence=evidence,
    )
    await driver.execute_query(TARGET_LINKS, links=links)
    await driver.execute_query(EVENTS, events=events)
    return claim


async def build_others(driver: AsyncDriver, user: str, total: int) -> float:
    """`total` other claims in batches; returns the seconds taken."""
    started = time.perf_counter()
    for offset in range(0, total, BATCH):
        rows = []
        for i in range(offset, min(offset + BATCH, total)):
            text = f"Other claim {i}: the figure was {i % 1000} on day {i % 28 + 1}."
            raw = f"<p>{text}</p>".encode()
            evidence = new_id()
            rows.append(
                {
                    "claim": new_id(),
                    "article": new_id(),
                    "article_sha": sha(f"article {i}".encode()),
                    "doc": new_id(),
                    "raw": raw,
                    "text": text,
                    "doc_sha": sha(raw),
                    "text_sha": sha(text.encode()),
                    "url": f"https://example.net/{i}",
                    "evidence": evidence,
                    "verdict": new_id(),
                    "source": f"source-{i % SOURCES}",
                    "event": event(user, "evidence.created", evidence, "Evidence", {}),
                }
            )
        await driver.execute_query(OTHERS, rows=rows, user=user)
        print(
            f"  {min(offset + BATCH, total):>7} other claims  {time.perf_counter() - started:6.1f}s",
            flush=True,
        )
    return time.perf_counter() - started


async def timed(call: Callable[[], Awaitable[Any]], runs: int) -> list[float]:
    for _ in range(10):  # warm-up: plan cache, page cache, connections
        await call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        await call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def p(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[q - 1]


async def measure(settings: Settings, key: str, claim: str, runs: int) -> dict[str, list[float]]:
    async with AsyncTestClient(app=create_app(settings)) as client:
        client.headers["Authorization"] = f"Bearer {key}"
        first = await client.get(f"/claims/{claim}/trace")
        assert first.status_code == 200, first.text
        body = first.json()
        assert body["intact"] and not body["truncated"], body["truncated_at"]
        counts = {
            label: sum(n["label"] == label for n in body["nodes"]) for label in ("Evidence", "Document")
        }
        assert counts == {"Evidence": CHAINS * DEPTH, "Document": CHAINS * DEPTH}, counts

        async def http() -> None:
            response = await client.get(f"/claims/{claim}/trace")
            assert response.status_code == 200

        driver = create_driver(settings)
        graph = Graph(driver, QueryCatalog.load(settings.cypher_dir / "queries"), settings.neo4j_database)

        async def query_only() -> None:
            await graph.run_one(TRACE_PROVENANCE, claim_id=claim, verdict_id=None, max_depth=10)

        try:
            return {
                "HTTP GET /claims/{id}/trace": await timed(http, runs),
                "trace query": await timed(query_only, runs),
            }
        finally:
            await driver.close()


async def count_nodes(driver: AsyncDriver) -> int:
    records, _, _ = await driver.execute_query("MATCH (n) RETURN count(n) AS n")
    return int(records[0]["n"])


async def run(uri: str, others: int, runs: int) -> None:
    settings = Settings(_env_file=None, neo4j_uri=uri)  # type: ignore[call-arg]
    driver = create_driver(settings)
    await apply_migrations(driver, settings.cypher_dir, settings.neo4j_database)
    async with driver.session(database=settings.neo4j_database) as session:  # auto-commit, for batches
        await session.run("MATCH (n) WHERE NOT n:Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS")
    key, user = new_key(), new_id()
    await driver.execute_query(
        "CREATE (:User {id: $id, name: 'bench-auditor', roles: ['auditor'], key_hash: $hash,"
        " disabled: false})",
        id=user,
        hash=hash_key(key),
    )
    await driver.execute_query(
        SETUP_SOURCES,
        rows=[{"id": new_id(), "key": f"source-{i}", "name": f"Source {i}"} for i in range(SOURCES)],
    )
    claim = await build_target(driver, user)
    small_nodes = await count_nodes(driver)
    print(f"traced claim built; graph holds {small_nodes} nodes; timing {runs} requests ...", flush=True)
    small = await measure(settings, key, claim, runs)
    print(f"adding {others} other claims in batches of {BATCH} ...", flush=True)
    build_s = await build_others(driver, user, others)
    large_nodes = await count_nodes(driver)
    print(f"graph holds {large_nodes} nodes; timing {runs} requests ...", flush=True)
    large = await measure(settings, key, claim, runs)
    await driver.close()

    print()
    items = CHAINS * DEPTH
    print(f"trace of 1 claim: {items} evidence, {items} documents, chains {DEPTH} deep; {runs} runs each")
    print(f"{'what':<30} {'graph':<34} {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for label, results, nodes in (
        ("alone", small, small_nodes),
        (f"+{others:,} claims", large, large_nodes),
    ):
        for what, samples in results.items():
            graph = f"{label} ({nodes:,} nodes)"
            mean = statistics.mean(samples)
            print(f"{what:<30} {graph:<34} {p(samples, 50):8.1f} {p(samples, 99):8.1f} {mean:8.1f}")
    print(f"building {others:,} other claims took {build_s:.1f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--others", type=int, default=100_000, help="other claims to add (default 100000)")
    parser.add_argument("--runs", type=int, default=100, help="timed requests per measurement (default 100)")
    parser.add_argument("--wipe", action="store_true", help="allow wiping the database at NEO4J_URI")
    args = parser.parse_args()
    uri = os.environ.get("NEO4J_URI")
    if uri:
        if not args.wipe:
            parser.error(f"this deletes every node at {uri}; pass --wipe to confirm")
        asyncio.run(run(uri, args.others, args.runs))
        return
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as home:
        instance = LocalNeo4j(
            home=Path(home),
            port=free_port(),
            cache_dir=settings.neo4j_cache_dir,
            heap_mb=2048,
            pagecache_mb=1024,
        )
        instance.start()
        try:
            asyncio.run(run(instance.uri, args.others, args.runs))
        finally:
            instance.stop()


if __name__ == "__main__":
    main()
