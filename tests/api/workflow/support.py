"""Helpers for the workflow, verdict, audit and user tests.

Claims and evidence are written with the service's own query files (without the audit
events the endpoints add); everything the review workflow does goes over HTTP through `Flow`.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.app import create_app
from factcheck.claims import repository as claims
from factcheck.documents import repository as documents
from factcheck.evidence import repository as evidence_repository
from factcheck.graph.queries import QueryCatalog
from factcheck.graph.store import Graph
from factcheck.settings import PROJECT_ROOT, Settings
from tests.conftest import bearer
from tests.support.workflow import post_transition, walk

__all__ = [
    "Flow",
    "claim_row",
    "event_count",
    "flow",
    "live_flow",
    "make_claim",
    "make_evidence",
    "user_ids",
]


def _graph(driver: AsyncDriver) -> Graph:
    return Graph(driver, QueryCatalog.load(PROJECT_ROOT / "cypher" / "queries"), "neo4j")


async def make_claim(
    driver: AsyncDriver,
    text: str = "US warplanes struck PMU bases in Iraq on January 24.",
    kind: str = "event",
) -> str:
    """A candidate claim at version 1, written by the hand-added claim query (without an article)."""
    claim = {
        "id": str(uuid.uuid4()),
        "text": text,
        "kind": kind,
        "checkworthiness": 0.8,
        "reasons": [],
        "language": "en",
        "article_id": None,
        "start": None,
        "end": None,
    }
    await claims.create_claim(_graph(driver), claim, None, "test")
    return str(claim["id"])


async def make_evidence(driver: AsyncDriver, claim_id: str, stance: str = "refutes") -> str:
    """Evidence about a claim quoting a fresh document, written by the documents' and evidence's queries."""
    graph, document_id, evidence_id = _graph(driver), str(uuid.uuid4()), str(uuid.uuid4())
    now = datetime.now(UTC).isoformat()
    document = {"id": document_id, "title": "Pentagon briefing", "sha256": uuid.uuid4().hex}
    document |= {"text": "A briefing.", "retrieved_at": now, "content_type": "text/plain"}
    await documents.create_document(graph, document, None)
    evidence = {"id": evidence_id, "stance": stance, "excerpt": "A briefing.", "start": 0, "end": 11}
    evidence |= {"note": "read by a test", "created_by": "test", "created_at": now}
    await evidence_repository.create_evidence(graph, evidence, claim_id, document_id, [])
    return evidence_id


async def claim_row(driver: AsyncDriver, claim_id: str) -> dict[str, Any]:
    """The claim's state, version and assignee id, read straight from the graph."""
    records, _, _ = await driver.execute_query(
        "MATCH (c:Claim {id: $id}) RETURN c.state AS state, c.version AS version,"
        " [(u:User)-[:ASSIGNED]->(c) | u.id] AS assignees",
        id=claim_id,
    )
    return records[0].data()


async def event_count(driver: AsyncDriver) -> int:
    """How many audit events the graph holds."""
    records, _, _ = await driver.execute_query("MATCH (e:Event) RETURN count(e) AS n")
    return int(records[0]["n"])


async def user_ids(driver: AsyncDriver) -> dict[str, str]:
    """The ids of the test users, by the names of `api_keys` ("editor", "checker2", ...)."""
    records, _, _ = await driver.execute_query(
        "MATCH (u:User) WHERE u.name STARTS WITH 'test-' RETURN u.name AS name, u.id AS id"
    )
    return {r["name"].removeprefix("test-"): r["id"] for r in records}


@dataclass
class Flow:
    """Drives claims through the workflow over HTTP as the test users."""

    client: httpx.AsyncClient
    driver: AsyncDriver
    keys: dict[str, str]
    ids: dict[str, str]

    async def act(
        self, claim_id: str, action: str, as_: str = "editor", version: int | None = None, **extra: Any
    ) -> httpx.Response:
        """POSTs a transition; `version` defaults to the claim's current one."""
        if version is None:
            version = (await claim_row(self.driver, claim_id))["version"]
        return await post_transition(self.client, claim_id, action, self.keys[as_], version, **extra)

    async def ok(self, claim_id: str, action: str, as_: str = "editor", **extra: Any) -> dict[str, Any]:
        """A transition that must succeed; its response body."""
        response = await self.act(claim_id, action, as_, **extra)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    async def draft(
        self,
        claim_id: str,
        evidence_ids: list[str],
        as_: str = "checker",
        rating: str = "mostly_false",
        summary: str = "The strikes happened, but the casualty figure is not confirmed.",
    ) -> dict[str, Any]:
        """A verdict draft that must be created; its response body."""
        response = await self.client.post(
            f"/claims/{claim_id}/verdicts",
            json={"rating": rating, "summary": summary, "evidence_ids": evidence_ids},
            headers=bearer(self.keys[as_]),
        )
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    async def walk_to(self, claim_id: str, state: str) -> None:
        """Moves a candidate claim to `state`; the checker does the research, the editor approves."""
        if state not in ("awaiting_approval", "published"):
            await walk(self.client, claim_id, state, self.keys["checker"])
            return
        await walk(self.client, claim_id, "researching", self.keys["checker"])
        evidence_id = await make_evidence(self.driver, claim_id)
        await self.draft(claim_id, [evidence_id])
        await self.ok(claim_id, "submit", "checker")
        if state == "awaiting_approval":
            return
        await self.ok(claim_id, "approve", "editor")
        assert state == "published", state

    async def new_claim(self, state: str = "candidate") -> str:
        """A fresh claim, walked to `state`."""
        claim_id = await make_claim(self.driver)
        await self.walk_to(claim_id, state)
        return claim_id


@pytest.fixture
async def flow(
    client: AsyncTestClient,  # type: ignore[type-arg]
    empty_graph: AsyncDriver,
    api_keys: dict[str, str],
) -> Flow:
    """A workflow driver over an empty graph (users kept). Import it into a conftest to use it."""
    return Flow(client, empty_graph, api_keys, await user_ids(empty_graph))


@asynccontextmanager
async def live_flow(settings: Settings, driver: AsyncDriver, keys: dict[str, str]) -> AsyncIterator[Flow]:
    """A `Flow` whose requests really run concurrently; use it as `async with` inside a test.

    `AsyncTestClient` hands each request to its portal thread and blocks until the response,
    so `asyncio.gather` over it runs requests one after another. Here the app's lifespan runs
    in the test's own event loop (entered and left in the same task, as anyio requires) and
    `httpx.ASGITransport` serves requests as concurrent tasks, as one server worker would.
    """
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with (
        app.lifespan(),
        httpx.AsyncClient(
            transport=transport, base_url="http://factcheck.test", headers=bearer(keys["admin"])
        ) as c,
    ):
        yield Flow(c, driver, keys, await user_ids(driver))
