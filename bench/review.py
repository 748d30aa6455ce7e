"""Drives claims through review over HTTP, as fact-checkers do, up to published verdicts.

The bench builds the parts of the graph whose shape matters this way, through the running
service: the traced claim with its evidence chains and two verdict versions, and a handful
of published claims that the graph builder then clones in bulk.
"""

from __future__ import annotations

from typing import Any

import httpx

from factcheck.workflow.table import ClaimState, route_to

__all__ = ["Reviewer"]


class Reviewer:
    """HTTP calls of a checker (research, drafts) and two editors (approvals, reopening)."""

    def __init__(self, client: httpx.AsyncClient, keys: dict[str, str]) -> None:
        self.client = client
        self.keys = keys

    def _auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[role]}"}

    async def _call(self, method: str, path: str, role: str, body: Any = None) -> Any:
        response = await self.client.request(method, path, json=body, headers=self._auth(role))
        if not response.is_success:
            raise RuntimeError(f"{method} {path} as {role}: {response.status_code} {response.text[:500]}")
        return response.json()

    async def claim(self, claim_id: str, role: str = "checker") -> Any:
        """The claim as `GET /claims/{id}` shows it."""
        return await self._call("GET", f"/claims/{claim_id}", role)

    async def transition(self, claim_id: str, action: str, role: str = "checker", **extra: Any) -> Any:
        """Takes `action` at the claim's current version."""
        version = (await self.claim(claim_id, role))["version"]
        body = {"action": action, "version": version, **extra}
        return await self._call("POST", f"/claims/{claim_id}/transitions", role, body)

    async def document(self, text: str, title: str, url: str, publisher: str) -> str:
        """Uploads a document; returns its id."""
        body = {"text": text, "title": title, "url": url, "publisher": publisher}
        return str((await self._call("POST", "/documents", "checker", body))["id"])

    async def evidence(
        self, claim_id: str, document_id: str, excerpt: str, stance: str, derived_from: list[str]
    ) -> str:
        """Quotes `excerpt` of the document as evidence about the claim; returns its id."""
        body = {
            "document_id": document_id,
            "stance": stance,
            "excerpt": excerpt,
            "derived_from": derived_from,
        }
        return str((await self._call("POST", f"/claims/{claim_id}/evidence", "checker", body))["id"])

    async def draft(self, claim_id: str, rating: str, summary: str, evidence_ids: list[str]) -> str:
        """A draft verdict citing the evidence; returns its id."""
        body = {"rating": rating, "summary": summary, "evidence_ids": evidence_ids}
        return str((await self._call("POST", f"/claims/{claim_id}/verdicts", "checker", body))["id"])

    async def start_research(self, claim_id: str) -> None:
        """candidate -> ... -> researching, along the workflow table's own route."""
        for row in route_to(ClaimState.RESEARCHING):
            await self.transition(claim_id, row.action.value)

    async def publish(self, claim_id: str, verdict_id: str, approver: str = "editor") -> None:
        """Submits the draft (checker) and approves it (an editor: four eyes)."""
        await self.transition(claim_id, "submit", verdict_id=verdict_id)
        await self.transition(claim_id, "approve", role=approver)

    async def reopen(self, claim_id: str, reason: str) -> None:
        """Reopens a published claim for a new verdict version."""
        await self.transition(claim_id, "reopen", role="editor", reason=reason)
