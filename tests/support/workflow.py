"""Drives a claim through review over HTTP, as fact-checkers do, up to a published verdict.

The one transition helper of the tests: `post_transition` sends one action at the claim's
current version, `transition` also asserts it succeeded, and `walk` follows the workflow
table's own route (`route_to`) to a state before a verdict is involved.
"""

from __future__ import annotations

from typing import Any

import httpx
from litestar.testing import AsyncTestClient

from factcheck.workflow.table import ClaimState, route_to
from tests.conftest import bearer

Client = AsyncTestClient  # type: ignore[type-arg]


async def claim_version(client: httpx.AsyncClient, claim_id: str) -> int:
    response = await client.get(f"/claims/{claim_id}")
    assert response.status_code == 200, response.text
    return int(response.json()["version"])


async def post_transition(
    client: httpx.AsyncClient,
    claim_id: str,
    action: str,
    key: str | None = None,
    version: int | None = None,
    **extra: Any,
) -> httpx.Response:
    """POSTs one workflow action, at the claim's current version unless `version` is given."""
    if version is None:
        version = await claim_version(client, claim_id)
    return await client.post(
        f"/claims/{claim_id}/transitions",
        json={"action": action, "version": version, **extra},
        headers=bearer(key) if key else None,
    )


async def transition(
    client: httpx.AsyncClient, claim_id: str, action: str, key: str | None = None, **extra: Any
) -> Any:
    """Applies one workflow action at the claim's current version; asserts it succeeded."""
    response = await post_transition(client, claim_id, action, key, **extra)
    assert response.status_code in (200, 201), (action, response.text)
    return response.json()


async def walk(client: httpx.AsyncClient, claim_id: str, state: str, key: str | None = None) -> None:
    """Moves a new claim to `state` along the table's route, giving a reason where one is needed."""
    for row in route_to(ClaimState(state)):
        extra = {"reason": "not checkable"} if row.reason else {}
        await transition(client, claim_id, row.action.value, key, **extra)


async def add_evidence(
    client: Client, claim_id: str, text: str, excerpt: str, stance: str = "supports", url: str | None = None
) -> str:
    """Uploads a document and cites an excerpt of it as evidence; returns the evidence id."""
    body = {"text": text, "title": excerpt[:40], **({"url": url} if url else {})}
    document = await client.post("/documents", json=body)
    assert document.status_code in (200, 201), document.text
    evidence = await client.post(
        f"/claims/{claim_id}/evidence",
        json={"document_id": document.json()["id"], "stance": stance, "excerpt": excerpt},
    )
    assert evidence.status_code == 201, evidence.text
    return str(evidence.json()["id"])


async def publish(
    client: Client,
    claim_id: str,
    rating: str,
    summary: str,
    approver_key: str,
    evidence_ids: list[str] | None = None,
) -> str:
    """Takes a candidate or published claim to a newly published verdict; returns the verdict id.

    The client's own key (an admin) does the research and submits; `approver_key` approves.
    """
    state = (await client.get(f"/claims/{claim_id}")).json()["state"]
    if state == "candidate":  # otherwise already researching, or published and reopened below
        await walk(client, claim_id, "researching")
    elif state == "published":
        await transition(client, claim_id, "reopen", reason="new information")
    if evidence_ids is None:
        evidence_ids = [
            await add_evidence(
                client, claim_id, f"Statement on {summary}: {claim_id} was checked.", "was checked"
            )
        ]
    draft = await client.post(
        f"/claims/{claim_id}/verdicts",
        json={"rating": rating, "summary": summary, "evidence_ids": evidence_ids},
    )
    assert draft.status_code == 201, draft.text
    verdict_id = str(draft.json()["id"])
    await transition(client, claim_id, "submit", verdict_id=verdict_id)
    await transition(client, claim_id, "approve", key=approver_key)
    return verdict_id
