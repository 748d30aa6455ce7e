"""The seed article's claims through the whole review, over HTTP only, ending with a verified chain."""

from __future__ import annotations

from typing import Any

import httpx

from tests.api.workflow.support import Flow
from tests.conftest import bearer

PENTAGON = (
    "Pentagon statement, 24 January 2024. US forces conducted strikes on three facilities used by "
    "Kata'ib Hezbollah and other Iran-aligned groups in Iraq. Iraqi officials said one member of the "
    "security forces was killed and three were wounded."
)


def _ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    return body


async def _evidence(flow: Flow, claim_id: str, as_: str, excerpt: str, stance: str) -> str:
    document = _ok(
        await flow.client.post(
            "/documents",
            json={"text": PENTAGON, "title": "Pentagon statement", "publisher": "US Department of Defense"},
            headers=bearer(flow.keys[as_]),
        ),
        201 if stance == "supports" else 200,
    )
    evidence = await flow.client.post(
        f"/claims/{claim_id}/evidence",
        json={"document_id": document["id"], "stance": stance, "excerpt": excerpt},
        headers=bearer(flow.keys[as_]),
    )
    assert evidence.status_code == 201, evidence.text
    return str(evidence.json()["id"])


async def test_the_seed_articles_claims_go_through_the_whole_review(flow: Flow, seed_text: str) -> None:
    # 1. Ingest the seed article.
    article = _ok(
        await flow.client.post(
            "/articles",
            json={
                "text": seed_text,
                "title": "What Is The US Important Message To Iraq?",
                "publisher": "ISWNews Analysis Group",
            },
            headers=bearer(flow.keys["checker"]),
        ),
        201,
    )
    claims = article["claims"]
    [strike] = [c for c in claims if "targeted Popular Mobilization Units" in c["text"]]
    [opinion] = [c for c in claims if c["kind"] == "opinion"]
    assert strike["state"] == opinion["state"] == "candidate" and strike["version"] == 1

    # 2. Accept the strike claim; dismiss the opinion with a reason.
    await flow.ok(strike["id"], "accept", "checker", version=1)
    no_reason = await flow.act(opinion["id"], "dismiss", "checker", version=1)
    assert no_reason.status_code == 422
    dismissed = await flow.ok(
        opinion["id"], "dismiss", "checker", version=1, reason="an opinion, not checkable"
    )
    assert dismissed["to_state"] == "dismissed"

    # 3. Assign, research, attach evidence, draft, submit: an editor does the research here.
    await flow.ok(strike["id"], "assign", "editor2", assignee=flow.ids["editor"])
    await flow.ok(strike["id"], "start", "editor")
    supports = await _evidence(
        flow,
        strike["id"],
        "editor",
        "one member of the security forces was killed and three were wounded",
        "supports",
    )
    draft = await flow.draft(
        strike["id"],
        [supports],
        as_="editor",
        rating="mostly_true",
        summary="The Pentagon confirms strikes on 24 January; Iraqi officials report one killed, three hurt.",
    )
    submitted = await flow.ok(strike["id"], "submit", "editor")
    assert submitted["verdict_id"] == draft["id"]

    as_submitter = _ok(await flow.client.get(f"/claims/{strike['id']}", headers=bearer(flow.keys["editor"])))
    as_reviewer = _ok(await flow.client.get(f"/claims/{strike['id']}", headers=bearer(flow.keys["editor2"])))
    assert "approve" not in as_submitter["actions"] and "approve" in as_reviewer["actions"]

    # 4. Self-approval is refused (four eyes), and so is a checker's approval.
    self_approval = await flow.act(strike["id"], "approve", "editor")
    assert self_approval.status_code == 403 and "four eyes" in self_approval.json()["detail"]
    assert (await flow.act(strike["id"], "approve", "checker")).status_code == 403

    # 5. A second editor approves; the verdict is published.
    published = await flow.ok(strike["id"], "approve", "editor2")
    assert published["to_state"] == "published" and published["verdict_id"] == draft["id"]
    claim = _ok(await flow.client.get(f"/claims/{strike['id']}", headers=bearer(flow.keys["editor"])))
    assert claim["state"] == "published" and claim["version"] == published["version"]

    # 6. Reopen; the published verdict stays visible under review until a new version supersedes it.
    await flow.ok(strike["id"], "reopen", "editor2", reason="the casualty figure is disputed")
    [under_review] = _ok(await flow.client.get(f"/claims/{strike['id']}/verdicts"))["verdicts"]
    assert under_review["state"] == "published" and under_review["under_review"] is True
    await flow.ok(strike["id"], "assign", "editor2", assignee=flow.ids["checker"])
    context = await _evidence(
        flow, strike["id"], "checker", "US forces conducted strikes on three facilities", "context"
    )
    second = await flow.draft(strike["id"], [supports, context], rating="mixed")
    await flow.ok(strike["id"], "submit", "checker")
    republished = await flow.ok(strike["id"], "approve", "editor")
    assert republished["superseded_verdict_id"] == draft["id"]
    old, new = _ok(await flow.client.get(f"/claims/{strike['id']}/verdicts"))["verdicts"]
    assert (old["id"], old["state"], old["superseded_by"]) == (draft["id"], "superseded", second["id"])
    assert (new["state"], new["supersedes"], new["version"]) == ("published", draft["id"], 2)

    # 7. The history tells the story, and the whole chain verifies.
    history = _ok(
        await flow.client.get(f"/claims/{strike['id']}/history", headers=bearer(flow.keys["auditor"]))
    )
    actions = [e["action"] for e in history["events"]]
    for step in [
        "claim.accept",
        "claim.assign",
        "claim.submit",
        "claim.approve",
        "claim.reopen",
        "verdict.create",
    ]:
        assert step in actions
    assert actions.index("claim.reopen") < len(actions) - 1 and actions[-1] == "claim.approve"
    assert any(e["subject"] == supports for e in history["events"])  # the evidence's own event
    report = _ok(await flow.client.get("/audit/verify", headers=bearer(flow.keys["auditor"])))
    assert report["ok"] is True and report["first_broken"] is None and report["checked"] >= len(actions)
