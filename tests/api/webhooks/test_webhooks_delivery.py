"""Delivery end to end: a real receiver on 127.0.0.1, signed POSTs, retries, dead letters, guards."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from typing import Any

from neo4j import AsyncDriver

from factcheck.graph.store import Graph
from factcheck.webhooks.dispatcher import Dispatcher
from factcheck.webhooks.signing import verify_signature
from tests.api.webhooks.receiver import Receiver
from tests.api.webhooks.support import SECRET, Client, delivery_rows, eventually, publish, register

PAYLOAD: dict[str, Any] = {
    "claim_id": "c-2500-troops",
    "verdict_id": "v-1",
    "rating": "mostly_true",
    "summary": "About 2,500 US troops were stationed in Iraq in January 2024.",
}


async def deliveries(client: Client, webhook_id: str) -> list[dict[str, Any]]:
    response = await client.get(f"/webhooks/{webhook_id}/deliveries")
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def settled(client: Client, webhook_id: str, status: str, count: int = 1) -> list[dict[str, Any]]:
    """The webhook's deliveries once `count` of them have `status`."""
    found: list[dict[str, Any]] = []

    async def check() -> bool:
        nonlocal found
        found = await deliveries(client, webhook_id)
        return sum(1 for d in found if d["status"] == status) >= count

    await eventually(check)
    # Reads take no locks, and Neo4j may show a commit half applied for a moment: read again.
    await asyncio.sleep(0.05)
    return await deliveries(client, webhook_id)


async def test_delivery_is_signed_and_verifiable(
    fast_client: Client, receiver: Receiver, graph: Graph
) -> None:
    webhook_id = await register(fast_client, receiver.url(), ["verdict.published", "verdict.superseded"])
    assert await publish(graph, "verdict.published", PAYLOAD) == 1

    [post] = await receiver.wait_for(1)
    [delivery] = await settled(fast_client, webhook_id, "delivered")
    assert post.path == "/hook"
    assert post.headers["content-type"] == "application/json"
    assert post.headers["x-factcheck-event"] == "verdict.published"
    assert post.headers["x-factcheck-delivery"] == delivery["id"]
    assert verify_signature(SECRET, post.headers["x-factcheck-signature"], post.body)
    assert not verify_signature("another-secret-of-16+", post.headers["x-factcheck-signature"], post.body)
    assert not verify_signature(
        SECRET, post.headers["x-factcheck-signature"], post.body.replace(b"mostly", b"b")
    )

    body = post.json()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", body["created_at"])
    assert body == {
        "id": delivery["id"],
        "type": "verdict.published",
        "created_at": body["created_at"],
        "data": PAYLOAD,
    }
    assert delivery["attempts"] == 1 and delivery["response_status"] == 200
    assert delivery["delivered_at"] and delivery["next_attempt_at"] is None
    assert delivery["last_error"] is None and delivery["payload"] == PAYLOAD


async def test_two_failures_then_success(fast_client: Client, receiver: Receiver, graph: Graph) -> None:
    receiver.fail_next(2, status=503)
    webhook_id = await register(fast_client, receiver.url())
    await publish(graph, "verdict.published", PAYLOAD)

    [delivery] = await settled(fast_client, webhook_id, "delivered")
    posts = receiver.posts()
    assert [p.answered for p in posts] == [503, 503, 200]
    assert delivery["attempts"] == 3 and delivery["response_status"] == 200
    assert delivery["last_error"] == "HTTP 503"
    # Every attempt carries the same delivery id and body, each signed afresh.
    assert len({p.body for p in posts}) == 1
    assert {p.headers["x-factcheck-delivery"] for p in posts} == {delivery["id"]}
    assert all(verify_signature(SECRET, p.headers["x-factcheck-signature"], p.body) for p in posts)
    # Backoff: at least half of base * 2**attempts between attempts (base 0.05 s here).
    assert posts[1].at - posts[0].at >= 0.025
    assert posts[2].at - posts[1].at >= 0.05


async def test_a_delivery_that_keeps_failing_dies_after_max_attempts(
    fast_client: Client, receiver: Receiver, graph: Graph
) -> None:
    receiver.fail_next(100, status=500)
    webhook_id = await register(fast_client, receiver.url())
    await publish(graph, "verdict.published", PAYLOAD)

    [delivery] = await settled(fast_client, webhook_id, "dead")
    assert delivery["attempts"] == 4 == len(receiver.posts())  # FAST: webhook_max_attempts = 4
    assert delivery["last_error"] == "HTTP 500" and delivery["next_attempt_at"] is None


async def test_redirects_are_not_followed(fast_client: Client, receiver: Receiver, graph: Graph) -> None:
    receiver.redirects["/moved"] = "/hook"
    webhook_id = await register(fast_client, receiver.url("/moved"))
    await publish(graph, "verdict.published", PAYLOAD)

    [delivery] = await settled(fast_client, webhook_id, "dead")
    assert delivery["response_status"] == 302
    assert "redirects are not followed" in delivery["last_error"]
    assert len(receiver.posts("/moved")) == 4 and receiver.posts("/hook") == []


async def test_deliveries_fan_out_to_every_subscriber(
    fast_client: Client, receiver: Receiver, graph: Graph
) -> None:
    first = await register(fast_client, receiver.url("/a"), ["verdict.withdrawn"])
    second = await register(fast_client, receiver.url("/b"), ["verdict.withdrawn", "claim.reopened"])
    await register(fast_client, receiver.url("/c"), ["verdict.published"])
    assert await publish(graph, "verdict.withdrawn", {"verdict_id": "v-1"}) == 2
    assert await publish(graph, "claim.reopened", {"claim_id": "c-1"}) == 1

    await settled(fast_client, first, "delivered")
    await settled(fast_client, second, "delivered", count=2)
    posts = await receiver.wait_for(3)
    assert sorted((p.path, p.json()["type"]) for p in posts) == [
        ("/a", "verdict.withdrawn"),
        ("/b", "claim.reopened"),
        ("/b", "verdict.withdrawn"),
    ]


async def test_a_webhook_deleted_while_deliveries_pend_gets_nothing(
    client: Client,
    receiver: Receiver,
    graph: Graph,
    webhook_graph: AsyncDriver,
    make_dispatcher: Callable[..., Dispatcher],
) -> None:
    webhook_id = await register(client, receiver.url())
    kept_id = await register(client, receiver.url("/kept"))
    for n in range(3):
        assert await publish(graph, "verdict.published", {**PAYLOAD, "n": n}) == 2
    assert (await client.delete(f"/webhooks/{webhook_id}")).status_code == 204

    dispatcher = make_dispatcher()
    assert await dispatcher.run_once() == 3
    assert await dispatcher.run_once() == 0
    assert receiver.posts("/hook") == [] and len(receiver.posts("/kept")) == 3
    statuses = {(r["webhook_id"], r["status"]) for r in await delivery_rows(webhook_graph)}
    assert statuses == {(webhook_id, "cancelled"), (kept_id, "delivered")}


async def test_the_address_guard_is_checked_again_at_delivery(
    client: Client,
    receiver: Receiver,
    graph: Graph,
    webhook_graph: AsyncDriver,
    make_dispatcher: Callable[..., Dispatcher],
) -> None:
    webhook_id = await register(client, receiver.url())  # allowed when registered
    await publish(graph, "verdict.published", PAYLOAD)

    strict = make_dispatcher(http_allowed_hosts=[])  # ... but not any more when sent
    assert await strict.run_once() == 1
    [row] = await delivery_rows(webhook_graph, webhook_id)
    assert row["status"] == "pending" and row["attempts"] == 1
    assert row["last_error"].startswith("refused: ") and "127.0.0.1" in row["last_error"]
    assert row.get("response_status") is None
    assert receiver.posts() == []


async def test_an_unreachable_receiver_is_retried_with_the_reason(
    client: Client, graph: Graph, webhook_graph: AsyncDriver, make_dispatcher: Callable[..., Dispatcher]
) -> None:
    webhook_id = await register(client, "http://127.0.0.1:9/nobody-listens")
    await publish(graph, "claim.reopened", {"claim_id": "c-1"})  # not subscribed
    await publish(graph, "verdict.published", PAYLOAD)

    assert await make_dispatcher().run_once() == 1
    [row] = await delivery_rows(webhook_graph, webhook_id)
    assert row["status"] == "pending" and row["attempts"] == 1
    assert row["last_error"].startswith("ConnectError")


async def test_wake_delivers_without_waiting_for_the_poll(
    client: Client, receiver: Receiver, graph: Graph, make_dispatcher: Callable[..., Dispatcher]
) -> None:
    await register(client, receiver.url())
    dispatcher = make_dispatcher(webhook_poll_s=60.0)
    dispatcher.start()
    assert dispatcher.running
    await publish(graph, "verdict.published", PAYLOAD)
    dispatcher.wake()
    [post] = await receiver.wait_for(1, timeout_s=5)
    assert json.loads(post.body)["data"] == PAYLOAD
    await dispatcher.stop()
    assert not dispatcher.running
