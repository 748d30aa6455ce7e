"""Helpers for webhook tests: register over HTTP, enqueue as the workflow does, wait, read rows."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.graph.store import Graph, Transaction
from factcheck.webhooks.outbox import enqueue

Client = AsyncTestClient[Litestar]

SECRET = "whsec-newsroom-0123456789"

FAST = {
    "webhook_poll_s": 0.02,
    "webhook_backoff_base_s": 0.05,
    "webhook_backoff_cap_s": 0.2,
    "webhook_max_attempts": 4,
    "webhook_timeout_s": 2.0,
}


async def register(client: Client, url: str, events: list[str] | None = None, secret: str = SECRET) -> str:
    """Registers a webhook over HTTP; returns its id."""
    body = {"url": url, "events": events or ["verdict.published"], "secret": secret}
    response = await client.post("/webhooks", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def publish(graph: Graph, event_type: str, payload: dict[str, Any]) -> int:
    """Enqueues an event in a transaction of its own, as the workflow does inside its own."""

    async def work(tx: Transaction) -> int:
        return await enqueue(tx, event_type, payload)

    return await graph.transaction(work)


async def eventually(check: Callable[[], Awaitable[bool]], timeout_s: float = 10.0) -> None:
    """Waits until `check()` is true; AssertionError after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while not await check():
        assert time.monotonic() < deadline, f"not true after {timeout_s}s"
        await asyncio.sleep(0.02)


async def delivery_rows(driver: AsyncDriver, webhook_id: str | None = None) -> list[dict[str, Any]]:
    """Every delivery (of one webhook, or all), straight from the graph, oldest first."""
    records, _, _ = await driver.execute_query(
        "MATCH (d:Delivery)-[:FOR]->(w:Webhook) WHERE $id IS NULL OR w.id = $id"
        " RETURN d {.*, webhook_id: w.id} AS d ORDER BY d.created_at, d.id",
        id=webhook_id,
    )
    return [dict(r["d"]) for r in records]
