"""Verdict drafts and reads. Submitting, publishing and withdrawing are workflow transitions."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from factcheck.audit.chain import AuditEvent, EventSubject, append_event
from factcheck.auth.identity import Caller
from factcheck.claims.lock import LockedClaim, lock_claim
from factcheck.errors import Conflict, Forbidden, NotFound, Unprocessable
from factcheck.graph.store import Graph, Row, Runner, Transaction
from factcheck.verdicts import repository
from factcheck.verdicts.lifecycle import AUTHORING_ACTIONS, EDITABLE
from factcheck.verdicts.schemas import Verdict, VerdictCreate, VerdictHistory, VerdictUpdate
from factcheck.workflow.table import DRAFT_GUARD, DRAFT_STATES

__all__ = [
    "create_draft",
    "get_verdict",
    "list_history",
    "publish_verdict",
    "submit_verdict",
    "update_draft",
    "withdraw_verdict",
]

# The workflow moves verdicts with these, inside its transition's transaction.
submit_verdict = repository.submit_verdict
publish_verdict = repository.publish_verdict
withdraw_verdict = repository.withdraw_verdict


def _verdict(claim_id: str, claim_state: str, row: Row) -> Verdict:
    fields = {key: value for key, value in row.items() if value is not None}
    fields["evidence_ids"] = sorted(row.get("evidence_ids") or [])
    return Verdict(claim_id=claim_id, **fields)


async def list_history(graph: Graph, claim_id: str) -> VerdictHistory:
    """Every version of the claim's verdict, oldest first; NotFound when there is no such claim."""
    row = await repository.list_verdicts(graph, claim_id)
    if row is None:
        raise NotFound(f"no claim has the id {claim_id!r}")
    state = row["claim_state"]
    return VerdictHistory(
        claim_id=claim_id, claim_state=state, verdicts=[_verdict(claim_id, state, v) for v in row["verdicts"]]
    )


async def get_verdict(graph: Graph, claim_id: str, verdict_id: str) -> Verdict:
    """One verdict of the claim; NotFound when the claim has no verdict with that id."""
    row = await repository.list_verdicts(graph, claim_id, verdict_id)
    if row is None or not row["verdicts"]:
        raise NotFound(f"claim {claim_id!r} has no verdict with the id {verdict_id!r}")
    return _verdict(claim_id, row["claim_state"], row["verdicts"][0])


async def _lock_for_drafting(runner: Runner, caller: Caller, claim_id: str) -> None:
    claim: LockedClaim | None = await lock_claim(runner, claim_id)
    if claim is None:
        raise NotFound(f"no claim has the id {claim_id!r}")
    if claim.state not in DRAFT_STATES:
        states = ", ".join(sorted(DRAFT_STATES))
        raise Conflict(
            f"verdict drafts are written while the claim is {states}; it is {claim.state}",
            state=claim.state.value,
        )
    denial = DRAFT_GUARD.check(caller, claim.facts)
    if denial is not None:
        raise Forbidden(f"drafting a verdict: {denial}")


def _refuse_foreign_evidence(asked: Sequence[str], cited: Sequence[str]) -> None:
    missing = sorted(set(asked) - set(cited))
    if missing:
        raise Unprocessable(
            "a verdict may cite only evidence about its own claim; these ids are not: " + ", ".join(missing),
            unknown_evidence_ids=missing,
        )


async def create_draft(graph: Graph, caller: Caller, claim_id: str, data: VerdictCreate) -> Verdict:
    """Creates the claim's next verdict version as a draft, and records it.

    Raises:
        NotFound: no claim has `claim_id`.
        Conflict: the claim is not being researched.
        Forbidden: the caller is neither the assignee nor an editor or admin.
        Unprocessable: an evidence id is not evidence about this claim.
    """
    verdict_id = str(uuid.uuid4())

    async def work(tx: Transaction) -> Verdict:
        await _lock_for_drafting(tx, caller, claim_id)
        row = await repository.create_verdict(
            tx,
            verdict_id=verdict_id,
            claim_id=claim_id,
            rating=data.rating.value,
            summary=data.summary,
            evidence_ids=data.evidence_ids,
            user=caller.id,
        )
        _refuse_foreign_evidence(data.evidence_ids, row["cited"])
        await append_event(
            tx,
            AuditEvent(
                user=caller.id,
                action=AUTHORING_ACTIONS[0],
                subject=EventSubject("Verdict", verdict_id),
                to_state=EDITABLE.value,
                data={
                    "claim": claim_id,
                    "version": row["version"],
                    "rating": data.rating.value,
                    "summary": data.summary,
                    "evidence_ids": sorted(data.evidence_ids),
                },
                also_about=(EventSubject("Claim", claim_id),),
            ),
        )
        return Verdict(
            id=verdict_id,
            claim_id=claim_id,
            rating=data.rating,
            summary=data.summary,
            version=row["version"],
            state=EDITABLE,
            evidence_ids=sorted(row["cited"]),
            created_by=caller.id,
            created_at=row["created_at"],
        )

    return await graph.transaction(work)


async def update_draft(
    graph: Graph, caller: Caller, claim_id: str, verdict_id: str, data: VerdictUpdate
) -> Verdict:
    """Edits a draft in place, and records the change.

    Raises:
        NotFound: the claim has no verdict with that id.
        Conflict: the verdict is no longer a draft, or the claim is not being researched.
        Forbidden: the caller is neither the assignee nor an editor or admin.
        Unprocessable: an evidence id is not evidence about this claim.
    """

    async def work(tx: Transaction) -> Verdict:
        await _lock_for_drafting(tx, caller, claim_id)
        row = await repository.update_draft(
            tx,
            claim_id=claim_id,
            verdict_id=verdict_id,
            rating=data.rating.value if data.rating else None,
            summary=data.summary,
            evidence_ids=data.evidence_ids,
        )
        if row is None:
            existing = await repository.list_verdicts_in(tx, claim_id, verdict_id)
            if existing is None or not existing["verdicts"]:
                raise NotFound(f"claim {claim_id!r} has no verdict with the id {verdict_id!r}")
            state = existing["verdicts"][0]["state"]
            raise Conflict(
                f"the verdict is {state}; only drafts are edited. Create a new draft instead", state=state
            )
        if data.evidence_ids is not None:
            _refuse_foreign_evidence(data.evidence_ids, row["evidence_ids"])
        changes: dict[str, Any] = data.model_dump(mode="json", exclude_none=True)
        if "evidence_ids" in changes:
            changes["evidence_ids"] = sorted(changes["evidence_ids"])
        await append_event(
            tx,
            AuditEvent(
                user=caller.id,
                action=AUTHORING_ACTIONS[1],
                subject=EventSubject("Verdict", verdict_id),
                from_state=EDITABLE.value,
                to_state=EDITABLE.value,
                data={"claim": claim_id, **changes},
                also_about=(EventSubject("Claim", claim_id),),
            ),
        )
        return Verdict(
            claim_id=claim_id,
            state=EDITABLE,
            **{**row, "evidence_ids": sorted(row["evidence_ids"])},
        )

    return await graph.transaction(work)
