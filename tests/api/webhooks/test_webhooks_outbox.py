"""The outbox in the graph: enqueue in the caller's transaction, leases, outcomes, cancellation."""

from __future__ import annotations

import asyncio
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from neo4j import AsyncDriver

from factcheck.graph.store import Graph, Transaction
from factcheck.webhooks import repository, service
from factcheck.webhooks.backoff import plan_outcome
from factcheck.webhooks.outbox import enqueue
from tests.api.webhooks.support import Client, delivery_rows, publish, register

pytestmark = pytest.mark.usefixtures("quiet_outbox")

HOOK = "http://127.0.0.1:9/hook"


async def labels(driver: AsyncDriver) -> dict[str, int]:
    records, _, _ = await driver.execute_query(
        "RETURN COUNT { (:Delivery) } AS deliveries, COUNT { (:WebhookOutbox) } AS locks"
    )
    return dict(records[0].data())


async def claim(graph: Graph, now: datetime, limit: int = 100, lease_s: float = 60) -> tuple[str, list[str]]:
    token = uuid.uuid4().hex
    rows = await repository.claim_deliveries(graph, token, now, now + timedelta(seconds=lease_s), limit)
    return token, [row["id"] for row in rows]


async def test_enqueue_without_webhooks_creates_nothing(graph: Graph, webhook_graph: AsyncDriver) -> None:
    for event in ["verdict.published", "verdict.superseded", "verdict.withdrawn", "claim.reopened"]:
        assert await publish(graph, event, {"claim_id": "c1"}) == 0
    assert await labels(webhook_graph) == {"deliveries": 0, "locks": 0}


async def test_enqueue_only_for_subscribed_active_webhooks(
    client: Client, graph: Graph, webhook_graph: AsyncDriver
) -> None:
    published = await register(client, HOOK, ["verdict.published"])
    both = await register(client, "http://127.0.0.1:9/both", ["verdict.published", "claim.reopened"])
    gone = await register(client, "http://127.0.0.1:9/gone", ["verdict.published", "verdict.withdrawn"])
    assert (await client.delete(f"/webhooks/{gone}")).status_code == 204

    assert await publish(graph, "verdict.withdrawn", {"verdict_id": "v1"}) == 0
    assert await publish(graph, "verdict.superseded", {"verdict_id": "v1"}) == 0
    assert (await labels(webhook_graph))["deliveries"] == 0

    assert await publish(graph, "claim.reopened", {"claim_id": "c1"}) == 1
    assert await publish(graph, "verdict.published", {"verdict_id": "v2", "claim_id": "c1"}) == 2
    rows = await delivery_rows(webhook_graph)
    assert sorted((r["webhook_id"], r["event_type"]) for r in rows) == sorted(
        [(both, "claim.reopened"), (published, "verdict.published"), (both, "verdict.published")]
    )
    for row in rows:
        assert row["status"] == "pending" and row["attempts"] == 0
        assert row["next_attempt_at"] == row["created_at"]
        assert row.keys() >= {"id", "event_type", "payload", "created_at"}


async def test_payload_is_stored_as_canonical_json(
    client: Client, graph: Graph, webhook_graph: AsyncDriver
) -> None:
    await register(client, HOOK)
    stamp = datetime(2024, 1, 25, 9, 30, tzinfo=UTC)
    await publish(graph, "verdict.published", {"rating": "false", "claim": "Irak", "at": stamp, "n": 2})
    [row] = await delivery_rows(webhook_graph)
    assert row["payload"] == '{"at":"2024-01-25 09:30:00+00:00","claim":"Irak","n":2,"rating":"false"}'


async def test_enqueue_rolls_back_with_the_change(
    client: Client, graph: Graph, webhook_graph: AsyncDriver
) -> None:
    await register(client, HOOK)

    class Refused(Exception):
        pass

    async def work(tx: Transaction) -> None:
        assert await enqueue(tx, "verdict.published", {"verdict_id": "v1"}) == 1
        raise Refused

    with pytest.raises(Refused):
        await graph.transaction(work)
    assert await labels(webhook_graph) == {"deliveries": 0, "locks": 0}


@pytest.mark.parametrize(
    ("event_type", "payload", "message"),
    [
        ("verdict.drafted", {}, "unknown webhook event type 'verdict.drafted'"),
        ("VERDICT.PUBLISHED", {}, "unknown webhook event type"),
        ("verdict.published", ["not", "an", "object"], "JSON object, not list"),
    ],
)
async def test_enqueue_refuses_what_it_cannot_send(
    client: Client, graph: Graph, webhook_graph: AsyncDriver, event_type: str, payload: object, message: str
) -> None:
    await register(client, HOOK)
    with pytest.raises(ValueError, match=message):
        await publish(graph, event_type, payload)  # type: ignore[arg-type]
    assert await labels(webhook_graph) == {"deliveries": 0, "locks": 0}


async def test_idle_claim_writes_nothing(graph: Graph, webhook_graph: AsyncDriver) -> None:
    _, claimed = await claim(graph, datetime.now(UTC))
    assert claimed == []
    assert await labels(webhook_graph) == {"deliveries": 0, "locks": 0}


async def test_concurrent_claims_never_share_a_delivery(
    client: Client, graph: Graph, webhook_graph: AsyncDriver
) -> None:
    await register(client, HOOK)
    await register(client, "http://127.0.0.1:9/second")
    for n in range(20):
        assert await publish(graph, "verdict.published", {"n": n}) == 2

    now = datetime.now(UTC) + timedelta(seconds=1)
    results = await asyncio.gather(*(claim(graph, now, limit=9) for _ in range(8)))
    claimed = [delivery for _, ids in results for delivery in ids]
    assert len(claimed) == len(set(claimed)) == 40
    assert sorted(len(ids) for _, ids in results) == [0, 0, 0, 4, 9, 9, 9, 9]
    rows = await delivery_rows(webhook_graph)
    owner = {delivery: token for token, ids in results for delivery in ids}
    assert all(r["status"] == "sending" and r["lease_token"] == owner[r["id"]] for r in rows)


async def test_leases_hold_until_they_expire(
    client: Client, graph: Graph, webhook_graph: AsyncDriver
) -> None:
    await register(client, HOOK)
    await publish(graph, "verdict.published", {"verdict_id": "v1"})
    now = datetime.now(UTC) + timedelta(seconds=1)

    first, ids = await claim(graph, now, lease_s=30)
    assert len(ids) == 1
    assert (await claim(graph, now + timedelta(seconds=29)))[1] == []
    # The first worker died: once its lease expires, the delivery is due again.
    second, again = await claim(graph, now + timedelta(seconds=31))
    assert again == ids

    late = plan_outcome(ids[0], 0, True, 200, None, now=now, base_s=5, cap_s=60, max_attempts=8)
    assert await repository.record_outcomes(graph, first, now, [late]) == 0
    failed = plan_outcome(ids[0], 0, False, 503, "HTTP 503", now=now, base_s=5, cap_s=60, max_attempts=8)
    assert await repository.record_outcomes(graph, second, now, [failed]) == 1
    [row] = await delivery_rows(webhook_graph)
    assert row["status"] == "pending" and row["attempts"] == 1
    assert row["last_error"] == "HTTP 503" and row["response_status"] == 503
    assert row.get("lease_token") is None and row.get("lease_until") is None
    wait = (row["next_attempt_at"].to_native() - now).total_seconds()
    assert 2.5 <= wait <= 5
    # Not due before its backoff ends.
    assert (await claim(graph, now + timedelta(seconds=2.4)))[1] == []
    assert (await claim(graph, now + timedelta(seconds=5.1)))[1] == ids


async def test_in_flight_delivery_of_a_deactivated_webhook_is_not_retried(
    client: Client, graph: Graph, webhook_graph: AsyncDriver
) -> None:
    webhook_id = await register(client, HOOK)
    await publish(graph, "verdict.published", {"n": 1})
    await publish(graph, "verdict.published", {"n": 2})
    now = datetime.now(UTC) + timedelta(seconds=1)
    token, ids = await claim(graph, now)
    assert len(ids) == 2

    assert (await client.delete(f"/webhooks/{webhook_id}")).status_code == 204
    outcomes = [
        plan_outcome(ids[0], 0, False, 500, "HTTP 500", now=now, base_s=5, cap_s=60, max_attempts=8),
        plan_outcome(ids[1], 0, True, 204, None, now=now, base_s=5, cap_s=60, max_attempts=8),
    ]
    assert await repository.record_outcomes(graph, token, now, outcomes) == 2
    rows = {r["id"]: r for r in await delivery_rows(webhook_graph)}
    assert rows[ids[0]]["status"] == "cancelled" and rows[ids[0]].get("next_attempt_at") is None
    assert rows[ids[0]]["attempts"] == 1 and rows[ids[0]]["last_error"] == "HTTP 500"
    assert rows[ids[1]]["status"] == "delivered" and rows[ids[1]]["response_status"] == 204
    assert (await claim(graph, now + timedelta(hours=2)))[1] == []


async def test_last_attempt_failing_marks_the_delivery_dead(
    client: Client, graph: Graph, webhook_graph: AsyncDriver
) -> None:
    await register(client, HOOK)
    await publish(graph, "verdict.published", {"n": 1})
    now = datetime.now(UTC) + timedelta(seconds=1)
    token, [delivery_id] = await claim(graph, now)
    dead = plan_outcome(delivery_id, 7, False, None, "timed out", now=now, base_s=5, cap_s=60, max_attempts=8)
    await repository.record_outcomes(graph, token, now, [dead])
    [row] = await delivery_rows(webhook_graph)
    assert row["status"] == "dead" and row.get("next_attempt_at") is None and row["last_error"] == "timed out"
    assert json.loads(row["payload"]) == {"n": 1}
    assert (await claim(graph, now + timedelta(days=1)))[1] == []


async def test_claims_racing_deactivation_never_revive_a_cancelled_delivery(
    client: Client, graph: Graph, webhook_graph: AsyncDriver
) -> None:
    hooks = [await register(client, f"http://127.0.0.1:9/hook{n}") for n in range(8)]
    for n in range(3):
        assert await publish(graph, "verdict.published", {"n": n}) == 8
    user = (await webhook_graph.execute_query("MATCH (u:User {name: 'test-admin'}) RETURN u.id AS id"))[0][0][
        "id"
    ]

    now = datetime.now(UTC) + timedelta(seconds=1)
    await asyncio.gather(
        *(service.deactivate(graph, user, webhook_id) for webhook_id in hooks),
        *(claim(graph, now, limit=3) for _ in range(8)),
    )
    rows = await delivery_rows(webhook_graph)
    assert len(rows) == 24 and {r["status"] for r in rows} == {"cancelled"}
