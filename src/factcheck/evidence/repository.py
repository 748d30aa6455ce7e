"""Evidence reads and writes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from neo4j import AsyncManagedTransaction

from factcheck.graph.queries import query
from factcheck.graph.store import Graph, Row

__all__ = [
    "ChainLabel",
    "add_derived_from",
    "create_evidence",
    "get_evidence",
    "get_evidence_in",
    "list_for_claim",
    "load_context",
]

ChainLabel = Literal["Evidence", "Document"]

LOAD_CONTEXT = query("evidence/load_context")
CREATE_EVIDENCE = query("evidence/create_evidence")
GET_EVIDENCE = query("evidence/get_evidence")
LIST_FOR_CLAIM = query("evidence/list_for_claim")
ADD_DERIVED_FROM = query("evidence/add_derived_from")


async def load_context(
    graph: Graph, tx: AsyncManagedTransaction, claim_id: str, document_id: str, derived_from: Sequence[str]
) -> Row:
    """The claim id and document text (None when absent), and the derived-from ids that exist."""
    [row] = await graph.run_in(
        tx, LOAD_CONTEXT, claim_id=claim_id, document_id=document_id, derived_from=list(derived_from)
    )
    return row


async def create_evidence(
    graph: Graph,
    tx: AsyncManagedTransaction,
    evidence: dict[str, Any],
    claim_id: str,
    document_id: str,
    derived_from: Sequence[str],
) -> None:
    """Creates the evidence node and its ABOUT, QUOTES and DERIVED_FROM links."""
    await graph.run_in(
        tx,
        CREATE_EVIDENCE,
        evidence=evidence,
        claim_id=claim_id,
        document_id=document_id,
        derived_from=list(derived_from),
    )


async def get_evidence(graph: Graph, evidence_id: str) -> Row | None:
    """One piece of evidence; None when there is none."""
    row = await graph.read_one(GET_EVIDENCE, id=evidence_id)
    return row["evidence"] if row else None


async def get_evidence_in(graph: Graph, tx: AsyncManagedTransaction, evidence_id: str) -> Row | None:
    """One piece of evidence, read inside an open transaction; None when there is none."""
    rows = await graph.run_in(tx, GET_EVIDENCE, id=evidence_id)
    return rows[0]["evidence"] if rows else None


async def list_for_claim(graph: Graph, claim_id: str) -> Row | None:
    """The claim's evidence, oldest first; None when the claim does not exist."""
    return await graph.read_one(LIST_FOR_CLAIM, claim_id=claim_id)


async def add_derived_from(
    graph: Graph, tx: AsyncManagedTransaction, label: ChainLabel, node_id: str, targets: Sequence[str]
) -> Row | None:
    """Adds the links unless a target is unknown or one would close a cycle; None when no node."""
    rows = await graph.run_in(tx, ADD_DERIVED_FROM, label=label, id=node_id, targets=list(targets))
    return rows[0] if rows else None
