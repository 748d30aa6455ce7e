"""`POST /claims/{id}/transitions`: the table, its guards, versions, and bad input."""

from __future__ import annotations

from typing import Any

import pytest

from factcheck.problems import PROBLEM_JSON
from tests.api.workflow.support import Flow, claim_row, event_count, make_claim, make_evidence
from tests.conftest import bearer


async def test_a_claim_goes_from_candidate_to_published(flow: Flow) -> None:
    claim_id = await make_claim(flow.driver)
    accepted = await flow.ok(claim_id, "accept", "checker", version=1)
    assert accepted["from_state"] == "candidate" and accepted["to_state"] == "queued"
    assert accepted["version"] == 2 and accepted["event_seq"] >= 1
    assert "take" in accepted["actions"] and "assign" not in accepted["actions"]

    assigned = await flow.ok(claim_id, "assign", "editor", assignee=flow.ids["checker"])
    assert assigned["assignee"] == flow.ids["checker"] and assigned["to_state"] == "assigned"
    assert (await claim_row(flow.driver, claim_id))["assignees"] == [flow.ids["checker"]]

    started = await flow.ok(claim_id, "start", "checker")
    assert started["to_state"] == "researching" and started["actions"] == ["submit"]

    evidence_id = await make_evidence(flow.driver, claim_id)
    draft = await flow.draft(claim_id, [evidence_id])
    submitted = await flow.ok(claim_id, "submit", "checker")
    assert submitted["verdict_id"] == draft["id"] and submitted["to_state"] == "awaiting_approval"

    published = await flow.ok(claim_id, "approve", "editor")
    assert published["to_state"] == "published" and published["version"] == 6
    assert published["superseded_verdict_id"] is None
    assert published["actions"] == ["reopen", "withdraw"]

    verdict = (await flow.client.get(f"/claims/{claim_id}/verdicts/{draft['id']}")).json()
    assert verdict["state"] == "published"
    assert verdict["submitted_by"] == flow.ids["checker"] and verdict["approved_by"] == flow.ids["editor"]
    assert verdict["published_at"] and verdict["submitted_at"] and not verdict["under_review"]


async def test_a_stale_version_is_409_and_changes_nothing(flow: Flow) -> None:
    claim_id = await make_claim(flow.driver)
    await flow.ok(claim_id, "accept", "checker", version=1)
    before = await event_count(flow.driver)

    response = await flow.act(claim_id, "take", "checker", version=1)

    assert response.status_code == 409
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = response.json()
    assert body["current_version"] == 2 and body["state"] == "queued"
    assert await claim_row(flow.driver, claim_id) == {"state": "queued", "version": 2, "assignees": []}
    assert await event_count(flow.driver) == before


@pytest.mark.parametrize(
    ("state", "action", "allowed"),
    [
        ("candidate", "approve", ["accept", "dismiss"]),
        ("queued", "start", ["dismiss", "assign", "take"]),
        ("dismissed", "accept", ["restore"]),
        ("researching", "approve", ["assign", "submit"]),
        ("published", "submit", ["reopen", "withdraw"]),
    ],
)
async def test_an_action_the_table_lacks_is_409_naming_the_allowed_ones(
    flow: Flow, state: str, action: str, allowed: list[str]
) -> None:
    claim_id = await flow.new_claim(state)
    before = await claim_row(flow.driver, claim_id)

    response = await flow.act(claim_id, action, "admin", reason="because")

    assert response.status_code == 409, response.text
    body = response.json()
    assert body["allowed_actions"] == allowed and body["state"] == state
    assert action in body["detail"]
    assert await claim_row(flow.driver, claim_id) == before


@pytest.mark.parametrize(("state", "action"), [("candidate", "dismiss"), ("queued", "dismiss")])
@pytest.mark.parametrize("reason", [None, "", "   "])
async def test_dismiss_needs_a_reason(flow: Flow, state: str, action: str, reason: str | None) -> None:
    claim_id = await flow.new_claim(state)
    extra: dict[str, Any] = {} if reason is None else {"reason": reason}
    response = await flow.act(claim_id, action, "checker", **extra)
    assert response.status_code == 422, response.text
    assert "reason" in response.json()["detail"]
    assert (await claim_row(flow.driver, claim_id))["state"] == state


async def test_reopen_request_changes_and_withdraw_need_a_reason(flow: Flow) -> None:
    waiting = await flow.new_claim("awaiting_approval")
    published = await flow.new_claim("published")
    for claim_id, action in [(waiting, "request_changes"), (published, "reopen"), (published, "withdraw")]:
        response = await flow.act(claim_id, action, "editor")
        assert response.status_code == 422, (action, response.text)
    assert (await claim_row(flow.driver, waiting))["state"] == "awaiting_approval"
    assert (await claim_row(flow.driver, published))["state"] == "published"


async def test_dismissed_claims_come_back_with_restore(flow: Flow) -> None:
    claim_id = await flow.new_claim("queued")
    dismissed = await flow.ok(claim_id, "dismiss", "checker", reason="an opinion, not a checkable claim")
    assert dismissed["to_state"] == "dismissed"
    restored = await flow.ok(claim_id, "restore", "editor")
    assert restored["to_state"] == "candidate" and restored["version"] == 4
    history = (await flow.client.get(f"/claims/{claim_id}/history")).json()["events"]
    assert history[1]["data"] == {"version": 3, "reason": "an opinion, not a checkable claim"}


async def test_a_checker_takes_an_unassigned_claim_and_nobody_else_can(flow: Flow) -> None:
    claim_id = await flow.new_claim("queued")
    taken = await flow.ok(claim_id, "take", "checker2")
    assert taken["assignee"] == flow.ids["checker2"]

    again = await flow.act(claim_id, "take", "checker")
    assert again.status_code == 409 and "take" not in again.json()["allowed_actions"]

    start_by_other = await flow.act(claim_id, "start", "checker")
    assert start_by_other.status_code == 403
    assert "assignee" in start_by_other.json()["detail"]

    unassign_by_other = await flow.act(claim_id, "unassign", "checker")
    assert unassign_by_other.status_code == 403
    back = await flow.ok(claim_id, "unassign", "checker2")
    assert back["to_state"] == "queued" and back["assignee"] is None
    assert (await claim_row(flow.driver, claim_id))["assignees"] == []


async def test_only_editors_assign_and_reassign(flow: Flow) -> None:
    claim_id = await flow.new_claim("queued")
    by_checker = await flow.act(claim_id, "assign", "checker", assignee=flow.ids["checker"])
    assert by_checker.status_code == 403

    await flow.ok(claim_id, "assign", "editor", assignee=flow.ids["checker"])
    moved = await flow.ok(claim_id, "assign", "admin", assignee=flow.ids["checker2"])
    assert moved["to_state"] == "assigned" and moved["assignee"] == flow.ids["checker2"]
    await flow.ok(claim_id, "start", "checker2")
    during_research = await flow.ok(claim_id, "assign", "editor", assignee=flow.ids["checker"])
    assert during_research["to_state"] == "researching"
    assert (await claim_row(flow.driver, claim_id))["assignees"] == [flow.ids["checker"]]


@pytest.mark.parametrize(
    ("assignee", "why"),
    [("no-such-user", "unknown"), ("reader", "a reader cannot research"), ("auditor", "writes nothing")],
)
async def test_assigning_a_user_who_cannot_research_is_422_and_changes_nothing(
    flow: Flow, assignee: str, why: str
) -> None:
    claim_id = await flow.new_claim("queued")
    before_events = await event_count(flow.driver)
    response = await flow.act(claim_id, "assign", "editor", assignee=flow.ids.get(assignee, assignee))
    assert response.status_code == 422, why
    assert await claim_row(flow.driver, claim_id) == {"state": "queued", "version": 2, "assignees": []}
    assert await event_count(flow.driver) == before_events


async def test_submit_needs_a_draft_citing_evidence(flow: Flow) -> None:
    claim_id = await flow.new_claim("researching")
    no_draft = await flow.act(claim_id, "submit", "checker")
    assert no_draft.status_code == 422 and "no draft" in no_draft.json()["detail"]

    bare = await flow.draft(claim_id, [])
    uncited = await flow.act(claim_id, "submit", "checker")
    assert uncited.status_code == 422 and uncited.json()["verdict_id"] == bare["id"]

    unknown = await flow.act(claim_id, "submit", "checker", verdict_id="no-such-verdict")
    assert unknown.status_code == 422 and "not a draft" in unknown.json()["detail"]
    assert await claim_row(flow.driver, claim_id) == {
        "state": "researching",
        "version": 4,
        "assignees": [flow.ids["checker"]],
    }

    cited = await flow.draft(claim_id, [await make_evidence(flow.driver, claim_id)])
    named = await flow.ok(claim_id, "submit", "checker", verdict_id=cited["id"])
    assert named["verdict_id"] == cited["id"]
    bare_now = (await flow.client.get(f"/claims/{claim_id}/verdicts/{bare['id']}")).json()
    assert bare_now["state"] == "draft"


async def test_four_eyes_the_submitter_may_not_approve(flow: Flow) -> None:
    claim_id = await make_claim(flow.driver)
    await flow.ok(claim_id, "accept", "editor")
    await flow.ok(claim_id, "take", "editor")
    await flow.ok(claim_id, "start", "editor")
    await flow.draft(claim_id, [await make_evidence(flow.driver, claim_id)], as_="editor")
    submitted = await flow.ok(claim_id, "submit", "editor")
    assert "approve" not in submitted["actions"] and "request_changes" in submitted["actions"]

    self_approval = await flow.act(claim_id, "approve", "editor")
    assert self_approval.status_code == 403
    assert self_approval.headers["content-type"].startswith(PROBLEM_JSON)
    assert "four eyes" in self_approval.json()["detail"]

    by_checker = await flow.act(claim_id, "approve", "checker")
    assert by_checker.status_code == 403
    assert (await claim_row(flow.driver, claim_id))["state"] == "awaiting_approval"

    approved = await flow.ok(claim_id, "approve", "editor2")
    assert approved["to_state"] == "published"


async def test_four_eyes_the_author_or_an_editor_of_the_verdict_may_not_approve(flow: Flow) -> None:
    claim_id = await flow.new_claim("researching")  # the checker holds it
    evidence = await make_evidence(flow.driver, claim_id)
    draft = await flow.draft(claim_id, [evidence], as_="editor")  # an editor writes the draft
    edited = await flow.client.patch(
        f"/claims/{claim_id}/verdicts/{draft['id']}",
        json={"summary": "Edited by a second editor."},
        headers=bearer(flow.keys["editor2"]),
    )
    assert edited.status_code == 200, edited.text
    await flow.ok(claim_id, "submit", "checker")  # someone else submits it
    before = await claim_row(flow.driver, claim_id)

    for author in ("editor", "editor2"):
        read = (await flow.client.get(f"/claims/{claim_id}", headers=bearer(flow.keys[author]))).json()
        assert "approve" not in read["actions"], author
        refused = await flow.act(claim_id, "approve", author)
        assert refused.status_code == 403, refused.text
        assert "wrote or edited" in refused.json()["detail"]
    assert await claim_row(flow.driver, claim_id) == before

    approved = await flow.ok(claim_id, "approve", "admin")
    assert approved["to_state"] == "published"


async def test_request_changes_withdraws_the_submission_and_the_next_draft_is_a_new_version(
    flow: Flow,
) -> None:
    claim_id = await flow.new_claim("awaiting_approval")
    first = (await flow.client.get(f"/claims/{claim_id}/verdicts")).json()["verdicts"][0]
    changes = await flow.ok(claim_id, "request_changes", "editor", reason="cite the ministry statement")
    assert changes["to_state"] == "researching" and changes["verdict_id"] == first["id"]

    second = await flow.draft(claim_id, first["evidence_ids"], rating="false")
    assert second["version"] == 2
    await flow.ok(claim_id, "submit", "checker")
    approved = await flow.ok(claim_id, "approve", "editor")
    assert approved["superseded_verdict_id"] is None

    verdicts = (await flow.client.get(f"/claims/{claim_id}/verdicts")).json()["verdicts"]
    assert [(v["version"], v["state"]) for v in verdicts] == [(1, "withdrawn"), (2, "published")]
    assert verdicts[0]["withdrawn_reason"] == "cite the ministry statement"


async def test_withdraw_retracts_the_published_verdict(flow: Flow) -> None:
    claim_id = await flow.new_claim("published")
    withdrawn = await flow.ok(claim_id, "withdraw", "admin", reason="the source was forged")
    assert withdrawn["to_state"] == "researching"
    verdicts = (await flow.client.get(f"/claims/{claim_id}/verdicts")).json()["verdicts"]
    assert [v["state"] for v in verdicts] == ["withdrawn"] and not verdicts[0]["under_review"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"action": "publish", "version": 1}, 422),
        ({"action": "accept"}, 422),
        ({"action": "accept", "version": 0}, 422),
        ({"action": "accept", "version": "one"}, 422),
        ({"action": "accept", "version": 1, "state": "published"}, 422),
        ({"action": "accept", "version": 1, "assignee": "someone"}, 422),
        ({"action": "accept", "version": 1, "verdict_id": "v"}, 422),
        ({"action": "assign", "version": 1}, 422),
        ({"action": "dismiss", "version": 1, "reason": "x" * 2001}, 422),
        ([], 422),
    ],
)
async def test_bad_bodies_are_refused_and_change_nothing(flow: Flow, body: object, status: int) -> None:
    claim_id = await make_claim(flow.driver)
    response = await flow.client.post(f"/claims/{claim_id}/transitions", json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert await claim_row(flow.driver, claim_id) == {"state": "candidate", "version": 1, "assignees": []}
    assert await event_count(flow.driver) == 0


async def test_malformed_json_is_400_and_an_unknown_claim_404(flow: Flow) -> None:
    claim_id = await make_claim(flow.driver)
    malformed = await flow.client.post(
        f"/claims/{claim_id}/transitions",
        content=b'{"action": ',
        headers={"content-type": "application/json"},
    )
    assert malformed.status_code == 400
    missing = await flow.client.post(
        "/claims/no-such-claim/transitions", json={"action": "accept", "version": 1}
    )
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(PROBLEM_JSON)


@pytest.mark.parametrize(("role", "status"), [("reader", 403), ("auditor", 403), (None, 401), ("bad", 401)])
async def test_who_may_not_transition_at_all(flow: Flow, role: str | None, status: int) -> None:
    claim_id = await make_claim(flow.driver)
    headers = {"Authorization": ""} if role is None else bearer(flow.keys.get(role, "fck_not-a-key"))
    response = await flow.client.post(
        f"/claims/{claim_id}/transitions", json={"action": "accept", "version": 1}, headers=headers
    )
    assert response.status_code == status
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert (await claim_row(flow.driver, claim_id))["state"] == "candidate"
