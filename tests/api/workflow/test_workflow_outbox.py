"""Publishing, superseding, withdrawing and reopening enqueue webhook deliveries in their transaction."""

from __future__ import annotations

import json
from typing import Any

from tests.api.workflow.support import Flow
from tests.conftest import bearer

EVENTS = ["verdict.published", "verdict.superseded", "verdict.withdrawn", "claim.reopened"]


async def _deliveries(flow: Flow) -> list[tuple[str, dict[str, Any]]]:
    records, _, _ = await flow.driver.execute_query(
        "MATCH (d:Delivery) RETURN d.event_type AS type, d.payload AS payload"
        " ORDER BY d.created_at, d.event_type"
    )
    return [(r["type"], json.loads(r["payload"])) for r in records]


async def test_review_outcomes_reach_the_outbox(flow: Flow) -> None:
    hook = await flow.client.post(
        "/webhooks",
        json={"url": "http://127.0.0.1:9/hook", "events": EVENTS, "secret": "whsec-newsroom-0123456789"},
        headers=bearer(flow.keys["editor"]),
    )
    assert hook.status_code == 201, hook.text

    claim_id = await flow.new_claim("published")
    [(kind, first)] = await _deliveries(flow)
    assert kind == "verdict.published" and first["claim_id"] == claim_id and first["supersedes"] is None
    assert first["version"] == 1 and first["rating"] == "mostly_false" and first["published_at"]

    await flow.ok(claim_id, "reopen", "editor", reason="new figures")
    stale = await flow.act(claim_id, "reopen", "editor", version=6, reason="twice")
    assert stale.status_code == 409
    evidence = (await flow.client.get(f"/claims/{claim_id}/verdicts")).json()["verdicts"][0]["evidence_ids"]
    await flow.draft(claim_id, evidence, rating="false")
    await flow.ok(claim_id, "submit", "checker")
    await flow.ok(claim_id, "approve", "editor2")
    await flow.ok(claim_id, "withdraw", "admin", reason="retracted")

    kinds = [kind for kind, _ in await _deliveries(flow)]
    assert sorted(kinds) == sorted(
        [
            "verdict.published",
            "claim.reopened",
            "verdict.published",
            "verdict.superseded",
            "verdict.withdrawn",
        ]
    )
    by_kind = {kind: payload for kind, payload in await _deliveries(flow)}
    assert by_kind["claim.reopened"] == {
        "claim_id": claim_id,
        "verdict_id": first["verdict_id"],
        "reason": "new figures",
    }
    assert by_kind["verdict.superseded"]["verdict_id"] == first["verdict_id"]
    assert by_kind["verdict.withdrawn"]["reason"] == "retracted"
