"""Webhook secrets are sealed at rest (old plain rows still sign); finished outbox rows are pruned."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cryptography.fernet import Fernet
from neo4j import AsyncDriver
from pydantic import SecretStr

from factcheck.graph.store import Graph
from factcheck.webhooks.dispatcher import Dispatcher
from factcheck.webhooks.schemas import WebhookCreate
from factcheck.webhooks.secrets import SEALED_PREFIX, SecretBox
from factcheck.webhooks.service import register
from factcheck.webhooks.signing import verify_signature
from tests.api.webhooks.receiver import Receiver
from tests.api.webhooks.support import SECRET, delivery_rows, publish

PAYLOAD = {"verdict_id": "v-1", "claim_id": "c-1", "rating": "mostly_true"}
KEY = Fernet.generate_key().decode()
OTHER_KEY = Fernet.generate_key().decode()


async def add_webhook(graph: Graph, url: str, box: SecretBox) -> str:
    data = WebhookCreate.model_validate({"url": url, "events": ["verdict.published"], "secret": SECRET})
    return (await register(graph, "test-admin", data, ["127.0.0.1"], box)).id


async def stored_secret(driver: AsyncDriver, webhook_id: str) -> str:
    records, _, _ = await driver.execute_query(
        "MATCH (w:Webhook {id: $id}) RETURN w.secret AS s", id=webhook_id
    )
    return str(records[0]["s"])


def keyed(key: str) -> dict[str, Any]:
    return {"webhook_secret_key": SecretStr(key)}


async def test_a_sealed_secret_is_not_stored_and_still_signs(
    graph: Graph, webhook_graph: AsyncDriver, receiver: Receiver, make_dispatcher: Callable[..., Dispatcher]
) -> None:
    webhook_id = await add_webhook(
        graph, receiver.url(), SecretBox.from_settings(make_dispatcher(**keyed(KEY)).settings)
    )
    stored = await stored_secret(webhook_graph, webhook_id)
    assert stored.startswith(SEALED_PREFIX) and SECRET not in stored

    await publish(graph, "verdict.published", PAYLOAD)
    assert (
        await make_dispatcher(**keyed(f"{OTHER_KEY},{KEY}")).run_once() == 1
    )  # rotated: old key still opens
    [post] = receiver.posts()
    assert verify_signature(SECRET, post.headers["x-factcheck-signature"], post.body)


async def test_a_plain_row_from_before_sealing_still_signs(
    graph: Graph, webhook_graph: AsyncDriver, receiver: Receiver, make_dispatcher: Callable[..., Dispatcher]
) -> None:
    webhook_id = await add_webhook(graph, receiver.url(), SecretBox())
    assert await stored_secret(webhook_graph, webhook_id) == SECRET
    await publish(graph, "verdict.published", PAYLOAD)
    assert await make_dispatcher(**keyed(KEY)).run_once() == 1
    [post] = receiver.posts()
    assert verify_signature(SECRET, post.headers["x-factcheck-signature"], post.body)


async def test_a_sealed_secret_without_its_key_fails_with_the_reason(
    graph: Graph, webhook_graph: AsyncDriver, receiver: Receiver, make_dispatcher: Callable[..., Dispatcher]
) -> None:
    webhook_id = await add_webhook(
        graph, receiver.url(), SecretBox.from_settings(make_dispatcher(**keyed(KEY)).settings)
    )
    await publish(graph, "verdict.published", PAYLOAD)
    assert await make_dispatcher(**keyed(OTHER_KEY)).run_once() == 1
    [row] = await delivery_rows(webhook_graph, webhook_id)
    assert row["status"] == "pending" and "webhook_secret_key" in row["last_error"]
    assert receiver.posts() == []


async def test_finished_rows_past_the_retention_are_pruned_in_one_query(
    graph: Graph, webhook_graph: AsyncDriver, receiver: Receiver, make_dispatcher: Callable[..., Dispatcher]
) -> None:
    await add_webhook(graph, receiver.url(), SecretBox())
    for _ in range(5):
        await publish(graph, "verdict.published", PAYLOAD)
    dispatcher = make_dispatcher(webhook_retention_days=7)
    assert await dispatcher.run_once() == 5
    old = "datetime() - duration({days: $days})"
    await webhook_graph.execute_query(
        f"MATCH (d:Delivery) WITH d ORDER BY d.id LIMIT 3 SET d.delivered_at = {old}", days=8
    )
    await webhook_graph.execute_query(
        "MATCH (d:Delivery) WITH d ORDER BY d.id SKIP 3 LIMIT 1"
        f" SET d.status = 'dead', d.delivered_at = null, d.last_attempt_at = {old}",
        days=9,
    )
    await publish(graph, "verdict.published", PAYLOAD)  # pending: never pruned
    await webhook_graph.execute_query(
        "MATCH (d:Delivery {status: 'pending'}) SET d.created_at = datetime() - duration({days: 30})"
    )
    assert await dispatcher.prune() == 4
    rows = await delivery_rows(webhook_graph)
    assert sorted(r["status"] for r in rows) == ["delivered", "pending"]
    assert await make_dispatcher(webhook_retention_days=0).prune() == 0
