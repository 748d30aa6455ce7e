"""Builds the auditor's case over HTTP: documents on a local site, evidence, a published verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from litestar.testing import AsyncTestClient

from tests.api.documents.support import SeedClaim
from tests.conftest import bearer
from tests.support.http_server import LocalSite
from tests.support.workflow import transition, walk

__all__ = ["Case", "Review", "build_case"]

Client = AsyncTestClient  # type: ignore[type-arg]


@dataclass
class Review:
    """Takes a claim through the review workflow over HTTP as the test users."""

    client: Client
    keys: dict[str, str]

    async def act(self, claim_id: str, action: str, as_: str, **extra: Any) -> dict[str, Any]:
        body: dict[str, Any] = await transition(self.client, claim_id, action, self.keys[as_], **extra)
        return body

    async def publish(self, claim_id: str, evidence_ids: list[str], rating: str = "mixed") -> str:
        """Drafts a verdict citing `evidence_ids`, submits it as the checker, approves it as the editor."""
        response = await self.client.post(
            f"/claims/{claim_id}/verdicts",
            json={
                "rating": rating,
                "summary": "The meeting happened; its date is disputed.",
                "evidence_ids": evidence_ids,
            },
            headers=bearer(self.keys["checker"]),
        )
        assert response.status_code == 201, response.text
        await self.act(claim_id, "submit", "checker")
        approved = await self.act(claim_id, "approve", "editor")
        verdict_id: str = approved["verdict_id"]
        return verdict_id

    async def research(self, claim_id: str) -> None:
        """Moves a candidate claim to `researching`."""
        await walk(self.client, claim_id, "researching", self.keys["checker"])


@dataclass
class Case:
    """The ids of everything the case created."""

    claim: SeedClaim
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    evidence: dict[str, dict[str, Any]] = field(default_factory=dict)
    verdict_id: str = ""


async def _evidence(client: Client, key: str, claim_id: str, **body: Any) -> dict[str, Any]:
    response = await client.post(f"/claims/{claim_id}/evidence", json=body, headers=bearer(key))
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def build_case(client: Client, keys: dict[str, str], site: LocalSite, claim: SeedClaim) -> Case:
    """Two supporting documents and one refuting one; the news report's evidence rests on the
    ministry's, which rests on the embassy readout's, and the report document on the statement;
    a published verdict cites the news and readout evidence. One more piece of evidence is not
    cited and rests on nothing cited, so it stays out of the trace.
    """
    case = Case(claim=claim)
    checker = keys["checker"]
    for name, path in (("report", "/report"), ("statement", "/statement"), ("readout", "/readout.txt")):
        response = await client.post("/documents", json={"url": site.url(path)}, headers=bearer(checker))
        assert response.status_code == 201, response.text
        case.documents[name] = response.json()
    docs, cid = case.documents, claim["id"]
    case.evidence["readout"] = await _evidence(
        client,
        checker,
        cid,
        document_id=docs["readout"]["id"],
        stance="refutes",
        excerpt="on Tuesday, January 23",
    )
    case.evidence["ministry"] = await _evidence(
        client,
        checker,
        cid,
        document_id=docs["statement"]["id"],
        stance="supports",
        excerpt="January 24, 2024",
        derived_from=[case.evidence["readout"]["id"]],
    )
    case.evidence["news"] = await _evidence(
        client,
        checker,
        cid,
        document_id=docs["report"]["id"],
        stance="supports",
        excerpt="held talks with Foreign Minister Fuad Hussein on January 24",
        derived_from=[case.evidence["ministry"]["id"]],
    )
    case.evidence["extra"] = await _evidence(
        client,
        checker,
        cid,
        document_id=docs["report"]["id"],
        stance="context",
        excerpt="Prime Minister Mohammed Shia al-Sudani",
    )
    linked = await client.post(
        f"/documents/{docs['report']['id']}/derived_from",
        json={"derived_from": [docs["statement"]["id"]]},
        headers=bearer(checker),
    )
    assert linked.status_code == 200, linked.text
    review = Review(client, keys)
    await review.research(cid)
    case.verdict_id = await review.publish(cid, [case.evidence["news"]["id"], case.evidence["readout"]["id"]])
    return case
