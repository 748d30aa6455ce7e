"""Evidence reads and writes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner

__all__ = [
    "create_evidence",
    "get_evidence",
    "list_for_claim",
    "load_context",
]

LOAD_CONTEXT = query("evidence/load_context")
CREATE_EVIDENCE = query("evidence/create_evidence")
GET_EVIDENCE = query("evidence/get_evidence")
LIST_FOR_CLAIM = query("evidence/list_for_claim")


async def load_context(runner: Runner, claim_id: str, document_id: str, derived_from: Sequence[str]) -> Row:
    """The claim id and document text (None when absent), and the derived-from ids that exist."""
    [row] = await runner.run(
        LOAD_CONTEXT, claim_id=claim_id, document_id=document_id, derived_from=list(derived_from)
    )
    return row


async def create_evidence(
    runner: Runner,
    evidence: dict[str, Any],
    claim_id: str,
    document_id: str,
    derived_from: Sequence[str],
) -> None:
    """Creates the evidence node and its ABOUT, QUOTES and DERIVED_FROM links."""
    await runner.run(
        CREATE_EVIDENCE,
        evidence=evidence,
        claim_id=claim_id,
        document_id=document_id,
        derived_from=list(derived_from),
    )


async def get_evidence(runner: Runner, evidence_id: str) -> Row | None:
    """One piece of evidence; None when there is none."""
    row = await runner.run_one(GET_EVIDENCE, id=evidence_id)
    return row["evidence"] if row else None


async def list_for_claim(runner: Runner, claim_id: str) -> Row | None:
    """The claim's evidence, oldest first; None when the claim does not exist."""
    return await runner.run_one(LIST_FOR_CLAIM, claim_id=claim_id)
