"""Reads of the audit trail: a claim's history, and chain verification."""

from __future__ import annotations

import json

from factcheck.audit import repository
from factcheck.audit.schemas import BrokenLinkOut, ChainVerification, ClaimHistory, HistoryEvent
from factcheck.audit.verify import DEFAULT_PAGE_SIZE, verify_chain
from factcheck.errors import NotFound
from factcheck.graph.store import Graph

__all__ = ["claim_history", "verify"]


async def claim_history(graph: Graph, claim_id: str) -> ClaimHistory:
    """The claim's events in seq order; NotFound when there is no such claim."""
    rows = await repository.claim_history(graph, claim_id)
    if rows is None:
        raise NotFound(f"no claim has the id {claim_id!r}")
    events = [HistoryEvent(**{**row, "data": json.loads(row.get("data") or "{}")}) for row in rows]
    return ClaimHistory(claim_id=claim_id, events=events)


async def verify(graph: Graph, page_size: int = DEFAULT_PAGE_SIZE) -> ChainVerification:
    """Walks the chain; `ok` is False and `first_broken` names the link when one is broken."""
    report = await verify_chain(graph, page_size)
    broken = report.broken
    return ChainVerification(
        ok=report.ok,
        checked=report.checked,
        head_seq=report.head_seq,
        pages=report.pages,
        first_broken=None
        if broken is None
        else BrokenLinkOut(
            seq=broken.seq, event_id=broken.event_id, reason=broken.reason, detail=broken.detail
        ),
    )
