"""Webhooks under the real review workflow: drafts deliver nothing, published changes do."""

from __future__ import annotations

from collections.abc import Callable

from neo4j import AsyncDriver

from factcheck.webhooks.dispatcher import Dispatcher
from factcheck.webhooks.signing import verify_signature
from tests.api.webhooks.receiver import Receiver
from tests.api.webhooks.support import SECRET, Client, delivery_rows, register
from tests.api.workflow.support import Flow, make_evidence, user_ids

EVERYTHING = ["verdict.published", "verdict.superseded", "verdict.withdrawn", "claim.reopened"]


async def test_nothing_is_delivered_for_drafts_or_submissions(
    client: Client,
    api_keys: dict[str, str],
    webhook_graph: AsyncDriver,
    receiver: Receiver,
    make_dispatcher: Callable[..., Dispatcher],
) -> None:
    flow = Flow(client, webhook_graph, api_keys, await user_ids(webhook_graph))
    await register(client, receiver.url(), EVERYTHING)
    dispatcher = make_dispatcher()

    claim_id = await flow.new_claim("researching")
    evidence_id = await make_evidence(webhook_graph, claim_id)
    await flow.draft(claim_id, [evidence_id])
    await flow.ok(claim_id, "submit", "checker")
    await flow.ok(claim_id, "request_changes", "editor", reason="cite the Pentagon figure")
    second = await flow.draft(claim_id, [evidence_id], rating="false")
    await flow.ok(claim_id, "submit", "checker")
    stale = await flow.act(claim_id, "approve", "editor", version=1)
    assert stale.status_code == 409  # a refused approval rolls back and enqueues nothing

    assert await delivery_rows(webhook_graph) == []
    assert await dispatcher.run_once() == 0
    assert receiver.posts() == []

    await flow.ok(claim_id, "approve", "editor")
    [row] = await delivery_rows(webhook_graph)
    assert row["event_type"] == "verdict.published"
    assert await dispatcher.run_once() == 1
    [post] = receiver.posts()
    assert verify_signature(SECRET, post.headers["x-factcheck-signature"], post.body)
    data = post.json()["data"]
    assert (data["claim_id"], data["verdict_id"], data["supersedes"]) == (claim_id, second["id"], None)


async def test_a_verdict_lifecycle_reaches_the_newsroom_in_order(
    client: Client,
    api_keys: dict[str, str],
    webhook_graph: AsyncDriver,
    receiver: Receiver,
    make_dispatcher: Callable[..., Dispatcher],
) -> None:
    flow = Flow(client, webhook_graph, api_keys, await user_ids(webhook_graph))
    await register(client, receiver.url(), EVERYTHING)
    only_withdrawals = await register(client, receiver.url("/withdrawn"), ["verdict.withdrawn"])
    dispatcher = make_dispatcher()

    claim_id = await flow.new_claim("published")
    await flow.ok(claim_id, "reopen", "editor", reason="new casualty figures")
    evidence_id = await make_evidence(webhook_graph, claim_id)
    await flow.draft(claim_id, [evidence_id], rating="false")
    await flow.ok(claim_id, "submit", "checker")
    await flow.ok(claim_id, "approve", "editor")
    await flow.ok(claim_id, "withdraw", "admin", reason="the source was forged")

    while await dispatcher.run_once():
        pass
    events = sorted((p.json() for p in receiver.posts("/hook")), key=lambda body: body["created_at"])
    assert [body["type"] for body in events] == [
        "verdict.published",
        "claim.reopened",
        "verdict.published",
        "verdict.superseded",
        "verdict.withdrawn",
    ]
    first, reopened, second, superseded, _ = (body["data"] for body in events)
    assert reopened["verdict_id"] == first["verdict_id"] == superseded["verdict_id"]
    assert second["supersedes"] == first["verdict_id"] == superseded["verdict_id"]
    assert superseded["superseded_by"] == second["verdict_id"]
    assert all(body["data"]["claim_id"] == claim_id for body in events)
    [withdrawn] = receiver.posts("/withdrawn")
    assert withdrawn.json()["type"] == "verdict.withdrawn"
    assert withdrawn.json()["data"]["reason"] == "the source was forged"
    rows = await delivery_rows(webhook_graph, only_withdrawals)
    assert [r["status"] for r in rows] == ["delivered"]
