"""Builds the benchmark graph from generated articles, reproducibly from a seed.

The parts whose shape matters go through the service's own code: the first articles through
the batch ingest path (`factcheck.articles.service.ingest`), and, over HTTP, the traced claim
and a handful of published claims (see `bench.review`). Bulk comes after, with batched
UNWIND writes through the driver: more articles through the repository's batch write (no
dedupe read; its audit event included), and published verdicts cloned from the handful,
node for node and event for event, each event appended to the audit chain with a correct
hash so `GET /audit/verify` and every trace stay intact.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import httpx
from neo4j import AsyncDriver, AsyncManagedTransaction

from bench.corpus import Corpus, GeneratedArticle
from bench.raw import load_queries
from bench.review import Reviewer
from factcheck.articles import service as articles_service
from factcheck.articles.inputs import prepare_article
from factcheck.articles.plan import PreparedArticle, plan_batch
from factcheck.articles.schemas import ArticleCreate
from factcheck.audit.chain import AuditEvent, EventSubject, SubjectLabel, append_events, lock_chain
from factcheck.auth.keys import hash_key, new_key
from factcheck.auth.repository import create_user
from factcheck.documents.publisher import publisher_of
from factcheck.documents.snapshot import Snapshot
from factcheck.extraction import RuleBasedExtractor
from factcheck.graph.store import Graph, Transaction
from factcheck.settings import Settings
from factcheck.verdicts.schemas import Rating

__all__ = ["BenchUsers", "GraphBuilder", "Shape", "create_users"]

GROW_BATCH = 100  # articles per bulk write transaction
CLONE_BATCH = 500  # published claims per bulk write transaction
CLAIMS_PER_ARTICLE = 10  # about what the extractor finds in a generated article (a little under)
CHAINS, DEPTH = 4, 3  # the traced claim's evidence: 4 DERIVED_FROM chains, 3 deep

CANDIDATES = """
MATCH (c:Claim {state: 'candidate'})
WHERE c.checkworthiness >= $min_score AND NOT c.id IN $reserved
RETURN c.id AS id, c.text AS text
LIMIT $limit
"""
SHAPE = """
MATCH (v:Verdict {state: 'published'})-[:RATES]->(c:Claim {id: $id})
MATCH (v)-[:CITES]->(e:Evidence)-[:QUOTES]->(d:Document)
MATCH (u:User)-[a:ASSIGNED]->(c)
RETURN properties(c) AS claim, properties(v) AS verdict, properties(e) AS evidence, d.id AS document,
       u.id AS assignee, properties(a) AS assigned
LIMIT 1
"""
SHAPE_EVENTS = """
MATCH (e:Event)-[:ABOUT]->(n)
WHERE n.id IN $ids
WITH DISTINCT e
RETURN properties(e) AS event, [(e)-[:ABOUT]->(x) | [labels(x)[0], x.id]] AS about
ORDER BY e.seq
"""
PUBLISH_CLONES = """
UNWIND $rows AS row
MATCH (c:Claim {id: row.claim})
MATCH (u:User {id: row.assignee})
SET c.state = row.state, c.version = row.version, c.updated_at = row.updated_at
CREATE (u)-[a:ASSIGNED]->(c)
SET a = row.assigned
CREATE (d:Document)
SET d = row.document, d.retrieved_at = datetime(row.document.retrieved_at), d.created_at = row.created_at
MERGE (s:Source {key: row.publisher.key})
  ON CREATE SET s.id = row.publisher.id, s.name = row.publisher.name, s.kind = row.publisher.kind,
                s.domain = row.publisher.domain, s.created_at = datetime()
CREATE (d)-[:PUBLISHED_BY]->(s)
CREATE (e:Evidence)
SET e = row.evidence
CREATE (e)-[:ABOUT]->(c), (e)-[:QUOTES]->(d)
CREATE (v:Verdict)
SET v = row.verdict
CREATE (v)-[:RATES]->(c), (v)-[:CITES]->(e)
"""
COUNT = "MATCH (n:{label}) RETURN count(n) AS n"
COUNT_PUBLISHED = "MATCH (v:Verdict {state: 'published'}) RETURN count(v) AS n"


@dataclass(frozen=True, slots=True)
class BenchUsers:
    """API keys and user ids by name: admin, checker, editor, editor2, auditor, reader."""

    keys: dict[str, str]
    ids: dict[str, str]


async def create_users(graph: Graph, admin_key: str) -> BenchUsers:
    """The users the bench acts as; the admin is the service's bootstrap admin."""
    keys, ids = {"admin": admin_key}, {}
    for name, role in (
        ("checker", "checker"),
        ("editor", "editor"),
        ("editor2", "editor"),
        ("auditor", "auditor"),
        ("reader", "reader"),
    ):
        key = new_key()
        row = await create_user(graph, str(uuid.uuid4()), f"bench-{name}", role, hash_key(key))
        keys[name], ids[name] = key, str(row["id"])
    return BenchUsers(keys, ids)


@dataclass(slots=True)
class Shape:
    """A claim published through the HTTP workflow: what the bulk clones copy."""

    claim: dict[str, Any]
    verdict: dict[str, Any]
    evidence: dict[str, Any]
    document: str
    assignee: str
    assigned: dict[str, Any]
    events: list[tuple[dict[str, Any], list[list[str]]]] = field(default_factory=list)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _native(value: Any) -> Any:
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


def _remap(value: Any, ids: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return ids.get(value, value)
    if isinstance(value, list):
        return [_remap(item, ids) for item in value]
    if isinstance(value, dict):
        return {key: _remap(item, ids) for key, item in value.items()}
    return value


class GraphBuilder:
    """Grows one graph in stages; counts what it holds."""

    def __init__(
        self,
        driver: AsyncDriver,
        settings: Settings,
        corpus: Corpus,
        users: BenchUsers,
        seed: int,
        pool_size: int,
    ) -> None:
        self.driver = driver
        self.settings = settings
        self.corpus = corpus
        self.users = users
        self.queries = load_queries()
        self.graph = Graph(driver, self.queries, settings.neo4j_database)
        self.rng = random.Random(f"builder:{seed}")
        self.pool_size = pool_size
        self.pool: list[PreparedArticle] = []
        self.next_article = 0
        self.serial = 0
        self.claims = 0
        self.shapes: list[Shape] = []
        self.reserved: list[str] = []
        self.extractor = RuleBasedExtractor()
        self.http = httpx.AsyncClient()  # prepare_article's signature wants one; text input never fetches

    async def close(self) -> None:
        """Closes the builder's HTTP client."""
        await self.http.aclose()

    # -- counting ------------------------------------------------------------------------------

    async def count(self, label: str) -> int:
        """Nodes with `label`."""
        records, _, _ = await self.driver.execute_query(COUNT.format(label=label))
        return int(records[0]["n"])

    async def count_published(self) -> int:
        """Verdicts in the `published` state."""
        records, _, _ = await self.driver.execute_query(COUNT_PUBLISHED)
        return int(records[0]["n"])

    # -- articles ------------------------------------------------------------------------------

    def take_articles(self, count: int) -> list[GeneratedArticle]:
        """The next `count` articles of the corpus, never handed out before."""
        start, self.next_article = self.next_article, self.next_article + count
        return list(self.corpus.articles(start, count))

    async def prepare(self, article: GeneratedArticle) -> PreparedArticle:
        """The article as the service prepares it: normalised and extracted."""
        data = ArticleCreate.model_validate(article.as_request())
        return await prepare_article(data, self.settings, self.http, self.extractor)

    async def ingest(self, target_claims: int) -> float:
        """Ingests new articles through the service's batch path until `target_claims` claims."""
        began = time.perf_counter()
        size = self.settings.ingest_batch_size
        while self.claims < target_claims:
            count = max(1, min(size, math.ceil((target_claims - self.claims) / CLAIMS_PER_ARTICLE)))
            prepared = [await self.prepare(article) for article in self.take_articles(count)]
            self.pool.extend(prepared[: max(0, self.pool_size - len(self.pool))])
            outcomes = await articles_service.ingest(self.graph, prepared, self.users.ids["checker"])
            self.claims += sum(o.claims for o in outcomes if o.created)
        return time.perf_counter() - began

    async def _grow_article(self) -> PreparedArticle:
        if len(self.pool) < self.pool_size:
            [article] = self.take_articles(1)
            prepared = await self.prepare(article)
            self.pool.append(prepared)
            return prepared
        self.serial += 1
        source = self.pool[self.serial % len(self.pool)]
        stamp = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(minutes=self.serial)
        suffix = f"\n\nThis report was updated on {stamp:%d %B %Y at %H:%M} (revision {self.serial})."
        return replace(source, text=source.text + suffix)

    async def grow(self, target_claims: int) -> float:
        """Adds articles with bulk batch writes until the graph holds `target_claims` claims.

        New articles are extracted until the pool is full; after that, pool articles are
        written again with a dated revision line, so texts (and their hashes) stay unique.
        """
        began = time.perf_counter()
        while self.claims < target_claims:
            count = max(1, min(GROW_BATCH, math.ceil((target_claims - self.claims) / CLAIMS_PER_ARTICLE)))
            prepared = [await self._grow_article() for _ in range(count)]
            await articles_service.write_batch(self.graph, plan_batch(prepared), self.users.ids["checker"])
            self.claims += sum(len(d.extraction.claims) for d in prepared)
        return time.perf_counter() - began

    # -- claims reviewed over HTTP ------------------------------------------------------------

    async def candidates(self, count: int, min_score: float = 0.5) -> list[tuple[str, str]]:
        """(id, text) of candidate claims that are not reserved."""
        records, _, _ = await self.driver.execute_query(
            CANDIDATES, min_score=min_score, reserved=self.reserved, limit=count
        )
        return [(str(r["id"]), str(r["text"])) for r in records]

    async def reserve(self, count: int) -> list[str]:
        """Candidate claims kept out of every later publication (the workflow scenario's)."""
        claims = [claim_id for claim_id, _ in await self.candidates(count, min_score=0.0)]
        self.reserved.extend(claims)
        return claims

    def _document_text(self, claim_text: str, outlet: str, stamp: datetime, n: int) -> tuple[str, str]:
        tail = f"Officials confirmed the account on {stamp:%d %B %Y}."
        return f"{outlet} reported (ref. {n}): {claim_text} {tail}", tail

    async def build_traced_claim(self, reviewer: Reviewer) -> tuple[str, str]:
        """The claim the trace scenario reads: evidence chains and two verdict versions.

        Returns the claim id and its published verdict id.
        """
        [(claim_id, claim_text)] = await self.candidates(1)
        self.reserved.append(claim_id)
        await reviewer.start_research(claim_id)
        heads: list[str] = []
        for chain in range(CHAINS):
            previous: str | None = None
            for depth in reversed(range(DEPTH)):
                outlet = self.rng.choice(self.corpus.publishers)
                stamp = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(days=chain * DEPTH + depth)
                self.serial += 1
                text, tail = self._document_text(claim_text, outlet.name, stamp, self.serial)
                url = f"https://{outlet.domain}/statements/{self.serial}"
                document = await reviewer.document(
                    text, f"{outlet.name} statement {chain}.{depth}", url, outlet.name
                )
                excerpt = claim_text if depth == 0 else tail
                stance = ("supports", "context", "refutes")[depth]
                previous = await reviewer.evidence(
                    claim_id, document, excerpt, stance, [previous] if previous else []
                )
            assert previous is not None
            heads.append(previous)
        first = await reviewer.draft(claim_id, "mixed", "Partly confirmed by the statements.", heads)
        await reviewer.publish(claim_id, first)
        await reviewer.reopen(claim_id, "new figures were published")
        second = await reviewer.draft(claim_id, "mostly_false", "The later statements contradict it.", heads)
        await reviewer.publish(claim_id, second, approver="editor2")
        return claim_id, second

    async def build_shapes(self, reviewer: Reviewer, count: int) -> None:
        """Publishes `count` claims over HTTP, one evidence item each, and records their shape."""
        for claim_id, claim_text in await self.candidates(count):
            self.reserved.append(claim_id)
            await reviewer.start_research(claim_id)
            outlet = self.rng.choice(self.corpus.publishers)
            self.serial += 1
            text, _ = self._document_text(claim_text, outlet.name, datetime.now(UTC), self.serial)
            url = f"https://{outlet.domain}/statements/{self.serial}"
            document = await reviewer.document(text, f"{outlet.name} statement", url, outlet.name)
            evidence = await reviewer.evidence(claim_id, document, claim_text, "supports", [])
            verdict = await reviewer.draft(claim_id, "mostly_true", "Confirmed by the statement.", [evidence])
            await reviewer.publish(claim_id, verdict)
            self.shapes.append(await self._shape(claim_id))

    async def _shape(self, claim_id: str) -> Shape:
        records, _, _ = await self.driver.execute_query(SHAPE, id=claim_id)
        row = records[0]
        shape = Shape(
            claim=dict(row["claim"]),
            verdict=dict(row["verdict"]),
            evidence=dict(row["evidence"]),
            document=str(row["document"]),
            assignee=str(row["assignee"]),
            assigned=dict(row["assigned"]),
        )
        ids = [claim_id, shape.verdict["id"], shape.evidence["id"], shape.document]
        records, _, _ = await self.driver.execute_query(SHAPE_EVENTS, ids=ids)
        shape.events = [(dict(r["event"]), list(r["about"])) for r in records]
        return shape

    # -- bulk published verdicts ---------------------------------------------------------------

    async def publish_clones(self, target_published: int) -> float:
        """Publishes candidate claims by cloning the shapes until `target_published` verdicts."""
        began = time.perf_counter()
        published = await self.count_published()
        while published < target_published:
            claims = await self.candidates(min(CLONE_BATCH, target_published - published), min_score=0.0)
            if not claims:
                break
            rows: list[dict[str, Any]] = []
            events: list[AuditEvent] = []
            for claim_id, claim_text in claims:
                row, claim_events = self._clone(
                    self.shapes[len(rows) % len(self.shapes)], claim_id, claim_text
                )
                rows.append(row)
                events.extend(claim_events)

            async def work(tx: AsyncManagedTransaction, rows: list[dict[str, Any]] = rows,
                           events: list[AuditEvent] = events) -> None:  # fmt: skip
                runner = Transaction(tx, self.queries)
                await lock_chain(runner)
                await (await tx.run(PUBLISH_CLONES, rows=rows)).consume()
                await append_events(runner, events)

            async with self.driver.session(database=self.settings.neo4j_database) as session:
                await session.execute_write(work)
            published += len(rows)
        return time.perf_counter() - began

    def _clone(self, shape: Shape, claim_id: str, claim_text: str) -> tuple[dict[str, Any], list[AuditEvent]]:
        rng = self.rng
        self.serial += 1
        shift = timedelta(days=rng.uniform(1, 730), seconds=rng.uniform(0, 86_400))

        def moved(value: Any) -> Any:
            native = _native(value)
            return native - shift if isinstance(native, datetime) else native

        ids = {
            shape.claim["id"]: claim_id,
            shape.verdict["id"]: str(uuid.uuid4()),
            shape.evidence["id"]: str(uuid.uuid4()),
            shape.document: str(uuid.uuid4()),
        }
        outlet = rng.choice(self.corpus.publishers)
        published_at = moved(shape.verdict["published_at"])
        text, _ = self._document_text(claim_text, outlet.name, published_at, self.serial)
        url = f"https://{outlet.domain}/statements/{self.serial}"
        snapshot = Snapshot(
            origin="upload",
            url=url,
            final_url=None,
            http_status=None,
            content_type="text/plain; charset=utf-8",
            raw=text.encode("utf-8"),
            text=text,
            title=f"{outlet.name} statement",
            retrieved_at=moved(shape.evidence["created_at"]).isoformat(timespec="microseconds"),
            publisher=publisher_of(outlet.name, url),
        )
        publisher = snapshot.publisher
        assert publisher is not None
        start = text.index(claim_text)
        rating = rng.choice(list(Rating))
        summary = f"Rated {rating.value.replace('_', ' ')}: {claim_text[:160]}"
        evidence = {
            **{k: moved(v) for k, v in shape.evidence.items()},
            "id": ids[shape.evidence["id"]],
            "excerpt": claim_text,
            "start": start,
            "end": start + len(claim_text),
        }
        verdict = {
            **{k: moved(v) for k, v in shape.verdict.items()},
            "id": ids[shape.verdict["id"]],
            "rating": rating.value,
            "summary": summary,
        }
        row = {
            "claim": claim_id,
            "state": shape.claim["state"],
            "version": shape.claim["version"],
            "updated_at": moved(shape.claim["updated_at"]),
            "assignee": shape.assignee,
            "assigned": {k: moved(v) for k, v in shape.assigned.items()},
            "document": snapshot.properties(ids[shape.document], shape.assignee),
            "created_at": moved(shape.evidence["created_at"]),
            "publisher": {
                "key": publisher.key,
                "id": str(uuid.uuid4()),
                "name": publisher.name,
                "kind": publisher.kind,
                "domain": publisher.domain,
            },
            "evidence": evidence,
            "verdict": verdict,
        }
        overrides: dict[str, dict[str, Any]] = {
            "document.created": {
                "sha256": snapshot.sha256,
                "text_sha256": snapshot.text_sha256,
                "url": url,
            },
            "evidence.created": {
                "excerpt_sha256": _sha(claim_text),
                "start": evidence["start"],
                "end": evidence["end"],
            },
            "verdict.create": {"rating": rating.value, "summary": summary},
        }
        events = []
        for stored, about in shape.events:
            action = str(stored["action"])
            data = {**_remap(json.loads(str(stored.get("data") or "{}")), ids), **overrides.get(action, {})}
            subject_id = str(stored["subject"])
            label = cast(SubjectLabel, stored["subject_type"])
            subject = EventSubject(label, ids.get(subject_id, subject_id))
            targets = [EventSubject(cast(SubjectLabel, lab), ids.get(i, i)) for lab, i in about]
            at = moved(datetime.fromisoformat(str(stored["at"])))
            events.append(
                AuditEvent(
                    user=str(stored["user"]),
                    action=action,
                    subject=subject,
                    data=data,
                    at=at.isoformat(timespec="microseconds"),
                    also_about=[t for t in targets if t != subject],
                    from_state=stored.get("from_state"),
                    to_state=stored.get("to_state"),
                )
            )
        return row, events
