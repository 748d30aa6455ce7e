"""Adding evidence to a claim, and reading a claim's evidence."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from factcheck.audit.chain import AuditEvent, EventSubject, append_event, lock_chain
from factcheck.documents import service as documents
from factcheck.documents.intake import take_snapshot
from factcheck.documents.schemas import DocumentCreate
from factcheck.documents.snapshot import Snapshot
from factcheck.errors import NotFound, Unprocessable
from factcheck.evidence import repository
from factcheck.evidence.excerpts import Span, locate
from factcheck.evidence.schemas import STANCES, Evidence, EvidenceCreate, EvidenceList
from factcheck.graph.store import Graph, Transaction
from factcheck.settings import Settings

__all__ = ["add_evidence", "get_evidence", "list_evidence"]


def _unique(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


async def add_evidence(
    graph: Graph, settings: Settings, http: httpx.AsyncClient, claim_id: str, data: EvidenceCreate, user: str
) -> Evidence:
    """Stores the evidence (and, for a `url`, the fetched document) with their audit events.

    Everything happens in one transaction, so a refused request stores nothing. Raises NotFound
    for an unknown claim or document, Unprocessable for a passage not in the text or an unknown
    `derived_from` id, and the fetcher's errors for a `url`.
    """
    derived_from = _unique(data.derived_from)
    snapshot: Snapshot | None = None
    if data.url is not None:
        snapshot = await take_snapshot(DocumentCreate(url=data.url), settings, http)
        locate(snapshot.text, data.excerpt, data.start, data.end)  # refuse before writing anything

    async def work(tx: Transaction) -> Evidence:
        await lock_chain(tx)
        document_id = data.document_id
        if snapshot is not None:
            document_id = (await documents.store_snapshot(tx, snapshot, user)).id
        assert document_id is not None
        context = await repository.load_context(tx, claim_id, document_id, derived_from)
        if context["claim_id"] is None:
            raise NotFound(f"no claim has id {claim_id!r}", claim_id=claim_id)
        if context["document_id"] is None:
            raise NotFound(f"no document has id {document_id!r}", document_id=document_id)
        found = {ref["id"] for ref in context["found"]}
        unknown = [ref for ref in derived_from if ref not in found]
        if unknown:
            raise Unprocessable(
                "`derived_from` names ids that are neither evidence nor documents", unknown_ids=unknown
            )
        text = str(context["text"])
        properties = _properties(data, locate(text, data.excerpt, data.start, data.end), text, user)
        await repository.create_evidence(tx, properties, claim_id, document_id, derived_from)
        await append_event(tx, _created_event(properties, claim_id, document_id, derived_from))
        row = await repository.get_evidence(tx, properties["id"])
        assert row is not None
        return Evidence.model_validate(row)

    return await graph.transaction(work)


def _properties(data: EvidenceCreate, span: Span, text: str, user: str) -> dict[str, Any]:
    start, end = span
    return {
        "id": str(uuid.uuid4()),
        "stance": data.stance,
        "excerpt": text[start:end],
        "start": start,
        "end": end,
        "note": data.note,
        "created_by": user,
        "created_at": datetime.now(UTC).isoformat(timespec="microseconds"),
    }


def _created_event(
    evidence: dict[str, Any], claim_id: str, document_id: str, derived_from: list[str]
) -> AuditEvent:
    return AuditEvent(
        user=evidence["created_by"],
        action="evidence.created",
        subject=EventSubject("Evidence", evidence["id"]),
        to_state=evidence["stance"],
        data={
            "claim": claim_id,
            "document": document_id,
            "stance": evidence["stance"],
            "start": evidence["start"],
            "end": evidence["end"],
            "excerpt_sha256": hashlib.sha256(evidence["excerpt"].encode("utf-8")).hexdigest(),
            "derived_from": derived_from,
        },
        also_about=(EventSubject("Claim", claim_id), EventSubject("Document", document_id)),
    )


async def get_evidence(graph: Graph, evidence_id: str) -> Evidence:
    """One piece of evidence; NotFound when there is none."""
    row = await repository.get_evidence(graph, evidence_id)
    if row is None:
        raise NotFound(f"no evidence has id {evidence_id!r}", evidence_id=evidence_id)
    return Evidence.model_validate(row)


async def list_evidence(graph: Graph, claim_id: str) -> EvidenceList:
    """The claim's evidence grouped by stance; NotFound when there is no such claim."""
    row = await repository.list_for_claim(graph, claim_id)
    if row is None:
        raise NotFound(f"no claim has id {claim_id!r}", claim_id=claim_id)
    items = [Evidence.model_validate(item) for item in row["items"]]
    groups = {stance: [e for e in items if e.stance == stance] for stance in STANCES}
    return EvidenceList(claim_id=claim_id, total=len(items), **groups)
