"""`GET /claims/{id}/history` and `GET /audit/verify` over HTTP; one event per write."""

from __future__ import annotations

import uuid

import pytest

from factcheck.problems import PROBLEM_JSON
from tests.api.workflow.support import Flow, event_count, make_claim, make_evidence
from tests.conftest import bearer


async def test_a_claims_history_lists_every_step_in_chain_order(flow: Flow) -> None:
    claim_id = await flow.new_claim("published")
    other = await flow.new_claim("queued")  # events about other claims stay out

    response = await flow.client.get(f"/claims/{claim_id}/history", headers=bearer(flow.keys["auditor"]))

    assert response.status_code == 200
    events = response.json()["events"]
    assert [e["action"] for e in events] == [
        "claim.accept",
        "claim.take",
        "claim.start",
        "verdict.create",
        "claim.submit",
        "claim.approve",
    ]
    seqs = [e["seq"] for e in events]
    assert seqs == sorted(seqs)
    assert [(e["from_state"], e["to_state"]) for e in events if e["subject_type"] == "Claim"] == [
        ("candidate", "queued"),
        ("queued", "assigned"),
        ("assigned", "researching"),
        ("researching", "awaiting_approval"),
        ("awaiting_approval", "published"),
    ]
    create, approve = events[3], events[5]
    assert create["subject_type"] == "Verdict" and create["data"]["claim"] == claim_id
    assert create["user"] == flow.ids["checker"] and create["user_name"] == "test-checker"
    assert approve["user_name"] == "test-editor" and approve["data"]["verdict"] == create["subject"]
    assert all(len(e["hash"]) == 64 for e in events)
    assert other not in {e["subject"] for e in events}


async def test_history_includes_events_about_the_claims_evidence(flow: Flow) -> None:
    claim_id = await flow.new_claim("researching")
    evidence_id = await make_evidence(flow.driver, claim_id)
    # An event recorded about the evidence alone (as the evidence endpoints write it).
    await flow.driver.execute_query(
        "MATCH (x:Evidence {id: $id}) CREATE (:Event {id: 'ev-event', seq: 1000, action: 'evidence.create',"
        " subject: $id, subject_type: 'Evidence', user: 'u', at: '2024-01-25T00:00:00+00:00', data: '{}',"
        " prev_hash: '', hash: ''})-[:ABOUT]->(x)",
        id=evidence_id,
    )
    events = (await flow.client.get(f"/claims/{claim_id}/history")).json()["events"]
    assert events[-1]["action"] == "evidence.create" and events[-1]["subject"] == evidence_id


async def test_history_of_a_claim_without_events_is_empty_and_of_no_claim_404(flow: Flow) -> None:
    claim_id = await make_claim(flow.driver)
    assert (await flow.client.get(f"/claims/{claim_id}/history")).json() == {
        "claim_id": claim_id,
        "events": [],
    }
    missing = await flow.client.get("/claims/no-such-claim/history")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(PROBLEM_JSON)


@pytest.mark.parametrize(
    ("role", "status"), [("checker", 403), ("reader", 403), ("editor", 200), ("auditor", 200)]
)
async def test_who_reads_the_audit_trail(flow: Flow, role: str, status: int) -> None:
    claim_id = await make_claim(flow.driver)
    headers = bearer(flow.keys[role])
    assert (await flow.client.get(f"/claims/{claim_id}/history", headers=headers)).status_code == status
    assert (await flow.client.get("/audit/verify", headers=headers)).status_code == status


async def test_every_write_appends_exactly_one_event(flow: Flow) -> None:
    claim_id = await flow.new_claim("researching")
    evidence_id = await make_evidence(flow.driver, claim_id)

    async def appended(write: object) -> int:
        before = await event_count(flow.driver)
        await write  # type: ignore[misc]
        return await event_count(flow.driver) - before

    draft = await flow.client.post(
        f"/claims/{claim_id}/verdicts", json={"rating": "true", "summary": "Confirmed.", "evidence_ids": []}
    )
    assert draft.status_code == 201
    assert (
        await appended(
            flow.client.patch(
                f"/claims/{claim_id}/verdicts/{draft.json()['id']}", json={"evidence_ids": [evidence_id]}
            )
        )
        == 1
    )
    assert await appended(flow.ok(claim_id, "submit", "checker")) == 1
    assert await appended(flow.ok(claim_id, "approve", "editor")) == 1
    assert (
        await appended(
            flow.client.post("/users", json={"name": f"one-event-{uuid.uuid4().hex[:8]}", "role": "reader"})
        )
        == 1
    )
    refused = flow.act(claim_id, "approve", "editor")  # 409: nothing written, nothing recorded
    assert await appended(refused) == 0


async def test_verify_reports_ok_then_the_first_broken_link(flow: Flow) -> None:
    await flow.new_claim("published")
    ok = (await flow.client.get("/audit/verify", headers=bearer(flow.keys["auditor"]))).json()
    assert ok == {"ok": True, "checked": 6, "head_seq": 6, "pages": 1, "first_broken": None}

    await flow.driver.execute_query("MATCH (e:Event {seq: 4}) SET e.action = 'verdict.delete'")
    broken = (await flow.client.get("/audit/verify")).json()
    assert broken["ok"] is False and broken["checked"] == 3
    assert broken["first_broken"]["seq"] == 4 and broken["first_broken"]["reason"] == "hash mismatch"

    await flow.driver.execute_query("MATCH (e:Event {seq: 2}) DETACH DELETE e")
    deleted = (await flow.client.get("/audit/verify")).json()["first_broken"]
    assert deleted["seq"] == 2 and deleted["reason"] == "missing seq"
