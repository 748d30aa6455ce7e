"""`/claims/{id}/verdicts`: drafts, their evidence, versions, superseding and the history."""

from __future__ import annotations

import pytest

from factcheck.problems import PROBLEM_JSON
from tests.api.workflow.support import Flow, event_count, make_claim, make_evidence
from tests.conftest import bearer


async def _verdicts(flow: Flow, claim_id: str) -> list[dict[str, object]]:
    response = await flow.client.get(f"/claims/{claim_id}/verdicts")
    assert response.status_code == 200, response.text
    verdicts: list[dict[str, object]] = response.json()["verdicts"]
    return verdicts


async def test_a_draft_cites_evidence_about_its_claim(flow: Flow) -> None:
    claim_id = await flow.new_claim("researching")
    first, second = await make_evidence(flow.driver, claim_id), await make_evidence(flow.driver, claim_id)

    draft = await flow.draft(claim_id, [second, first, second], rating="misleading")

    assert draft["state"] == "draft" and draft["version"] == 1 and draft["rating"] == "misleading"
    assert draft["evidence_ids"] == sorted([first, second])
    assert draft["created_by"] == flow.ids["checker"] and draft["created_at"].startswith("20")
    records, _, _ = await flow.driver.execute_query(
        "MATCH (v:Verdict {id: $id})-[:RATES]->(c:Claim) RETURN c.id AS claim,"
        " COUNT { (v)-[:CITES]->(:Evidence) } AS cites, v.created_at AS at",
        id=draft["id"],
    )
    assert records[0]["claim"] == claim_id and records[0]["cites"] == 2
    assert type(records[0]["at"]).__name__ == "DateTime"


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ({"rating": "pants_on_fire", "summary": "x"}, "unknown rating"),
        ({"rating": "false"}, "no summary"),
        ({"rating": "false", "summary": "   "}, "blank summary"),
        ({"rating": "false", "summary": "x" * 5001}, "summary too long"),
        ({"rating": "false", "summary": "x", "evidence_ids": [""]}, "blank evidence id"),
        ({"rating": "false", "summary": "x", "evidence_ids": "e1"}, "evidence ids not a list"),
        ({"rating": "false", "summary": "x", "state": "published"}, "a state cannot be set"),
    ],
)
async def test_bad_drafts_are_422(flow: Flow, body: dict[str, object], why: str) -> None:
    claim_id = await flow.new_claim("researching")
    before = await event_count(flow.driver)
    response = await flow.client.post(f"/claims/{claim_id}/verdicts", json=body)
    assert response.status_code == 422, why
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert await _verdicts(flow, claim_id) == [] and await event_count(flow.driver) == before


async def test_evidence_of_another_claim_or_unknown_is_refused_and_nothing_is_written(flow: Flow) -> None:
    claim_id = await flow.new_claim("researching")
    other_claim = await make_claim(flow.driver, "Another claim.")
    foreign = await make_evidence(flow.driver, other_claim)
    own = await make_evidence(flow.driver, claim_id)
    before = await event_count(flow.driver)

    response = await flow.client.post(
        f"/claims/{claim_id}/verdicts",
        json={"rating": "false", "summary": "Wrong.", "evidence_ids": [own, foreign, "no-such-evidence"]},
    )

    assert response.status_code == 422
    assert response.json()["unknown_evidence_ids"] == sorted([foreign, "no-such-evidence"])
    assert await _verdicts(flow, claim_id) == [] and await event_count(flow.driver) == before


@pytest.mark.parametrize("state", ["candidate", "queued", "assigned", "awaiting_approval", "published"])
async def test_drafts_are_written_only_while_researching(flow: Flow, state: str) -> None:
    claim_id = await flow.new_claim(state)
    response = await flow.client.post(
        f"/claims/{claim_id}/verdicts", json={"rating": "false", "summary": "Too early or too late."}
    )
    assert response.status_code == 409 and response.json()["state"] == state


async def test_only_the_assignee_or_an_editor_drafts(flow: Flow) -> None:
    claim_id = await flow.new_claim("researching")
    body = {"rating": "true", "summary": "Confirmed by the ministry."}
    other_checker = await flow.client.post(
        f"/claims/{claim_id}/verdicts", json=body, headers=bearer(flow.keys["checker2"])
    )
    assert other_checker.status_code == 403
    for role in ["reader", "auditor"]:
        denied = await flow.client.post(
            f"/claims/{claim_id}/verdicts", json=body, headers=bearer(flow.keys[role])
        )
        assert denied.status_code == 403
    editor = await flow.client.post(
        f"/claims/{claim_id}/verdicts", json=body, headers=bearer(flow.keys["editor"])
    )
    assert editor.status_code == 201 and editor.json()["created_by"] == flow.ids["editor"]


async def test_an_unknown_claim_is_404(flow: Flow) -> None:
    for response in [
        await flow.client.post("/claims/nope/verdicts", json={"rating": "true", "summary": "x"}),
        await flow.client.get("/claims/nope/verdicts"),
        await flow.client.get("/claims/nope/verdicts/nope"),
        await flow.client.patch("/claims/nope/verdicts/nope", json={"summary": "x"}),
    ]:
        assert response.status_code == 404, response.text
        assert response.headers["content-type"].startswith(PROBLEM_JSON)


async def test_drafts_change_in_place_but_a_submitted_verdict_never_does(flow: Flow) -> None:
    claim_id = await flow.new_claim("researching")
    evidence = await make_evidence(flow.driver, claim_id)
    draft = await flow.draft(claim_id, [])
    path = f"/claims/{claim_id}/verdicts/{draft['id']}"

    edited = await flow.client.patch(path, json={"rating": "false", "evidence_ids": [evidence]})
    assert edited.status_code == 200, edited.text
    assert edited.json()["rating"] == "false" and edited.json()["evidence_ids"] == [evidence]
    assert edited.json()["summary"] == draft["summary"] and edited.json()["version"] == 1

    assert (await flow.client.patch(path, json={})).status_code == 422
    foreign = await flow.client.patch(path, json={"evidence_ids": ["no-such-evidence"]})
    assert foreign.status_code == 422
    assert (await flow.client.get(path)).json()["evidence_ids"] == [evidence]

    await flow.ok(claim_id, "submit", "checker")
    frozen = await flow.client.patch(path, json={"summary": "A quiet change after submitting."})
    assert frozen.status_code == 409 and frozen.json()["state"] == "awaiting_approval"
    after = (await flow.client.get(path)).json()
    assert after["summary"] == draft["summary"] and after["state"] == "submitted"


async def test_reopening_keeps_the_published_verdict_under_review_until_the_next_supersedes_it(
    flow: Flow,
) -> None:
    claim_id = await flow.new_claim("published")
    [first] = await _verdicts(flow, claim_id)
    reopened = await flow.ok(claim_id, "reopen", "editor", reason="new casualty figures")
    assert reopened["verdict_id"] == first["id"]

    [under_review] = await _verdicts(flow, claim_id)
    assert under_review["state"] == "published" and under_review["under_review"] is True

    second = await flow.draft(claim_id, list(first["evidence_ids"]), rating="false")  # type: ignore[call-overload]
    assert second["version"] == 2
    await flow.ok(claim_id, "submit", "checker")
    still = await _verdicts(flow, claim_id)
    assert [v["state"] for v in still] == ["published", "submitted"] and still[0]["under_review"]

    approved = await flow.ok(claim_id, "approve", "editor2")
    assert approved["superseded_verdict_id"] == first["id"]

    old, new = await _verdicts(flow, claim_id)
    assert old["state"] == "superseded" and old["superseded_at"] and old["superseded_by"] == new["id"]
    assert new["state"] == "published" and new["supersedes"] == old["id"] and not new["under_review"]
    assert new["approved_by"] == flow.ids["editor2"]
    records, _, _ = await flow.driver.execute_query(
        "MATCH (n:Verdict {id: $new})-[:SUPERSEDES]->(o:Verdict {id: $old}) RETURN count(*) AS links",
        new=new["id"],
        old=old["id"],
    )
    assert records[0]["links"] == 1


async def test_the_history_is_every_version_oldest_first_for_internal_roles_only(flow: Flow) -> None:
    claim_id = await flow.new_claim("awaiting_approval")
    await flow.ok(claim_id, "request_changes", "editor", reason="rating too strong")
    await flow.draft(claim_id, [])
    history = (
        await flow.client.get(f"/claims/{claim_id}/verdicts", headers=bearer(flow.keys["auditor"]))
    ).json()
    assert history["claim_state"] == "researching"
    assert [(v["version"], v["state"]) for v in history["verdicts"]] == [(1, "withdrawn"), (2, "draft")]
    reader = await flow.client.get(f"/claims/{claim_id}/verdicts", headers=bearer(flow.keys["reader"]))
    assert reader.status_code == 403
    one = history["verdicts"][0]
    withdrawn_edit = await flow.client.patch(
        f"/claims/{claim_id}/verdicts/{one['id']}", json={"summary": "x"}
    )
    assert withdrawn_edit.status_code == 409 and withdrawn_edit.json()["state"] == "withdrawn"
    assert (await flow.client.get(f"/claims/{claim_id}/verdicts/{one['id']}")).json() == one
    other_claim = await make_claim(flow.driver)
    assert (await flow.client.get(f"/claims/{other_claim}/verdicts/{one['id']}")).status_code == 404
