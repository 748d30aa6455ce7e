"""Drives a claim through review over HTTP, as fact-checkers do, up to a published verdict."""

from __future__ import annotations

from typing import Any

from litestar.testing import AsyncTestClient

from tests.conftest import bearer

Client = AsyncTestClient  # type: ignore[type-arg]


async def claim_version(client: Client, claim_id: str) -> int:
    response = await client.get(f"/claims/{claim_id}")
    assert response.status_code == 200, response.text
    return int(response.json()["version"])


async def transition(client: Client, claim_id: str, action: str, key: str | None = None, **extra: Any) -> Any:
    """Applies one workflow action at the claim's current version; asserts it succeeded."""
    version = await claim_version(client, claim_id)
    headers = bearer(key) if key else None
    response = await client.post(
        f"/claims/{claim_id}/transitions",
        json={"action": action, "version": version, **extra},
        headers=headers,
    )
    assert response.status_code in (200, 201), (action, response.text)
    return response.json()


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
        await transition(client, claim_id, "accept")
        await transition(client, claim_id, "take")
        await transition(client, claim_id, "start")
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
