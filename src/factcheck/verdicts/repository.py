"""Named queries over verdicts. Writes run inside the caller's transaction."""

from __future__ import annotations

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner
from factcheck.verdicts.lifecycle import PUBLISH, SUBMIT, VerdictMove, VerdictState
from factcheck.workflow.table import CYPHER_STATES

__all__ = [
    "create_verdict",
    "list_verdicts",
    "list_verdicts_in",
    "publish_verdict",
    "submit_verdict",
    "update_draft",
    "withdraw_verdict",
]

CREATE_VERDICT = query("verdicts/create_verdict")
UPDATE_DRAFT = query("verdicts/update_draft")
LIST_VERDICTS = query("verdicts/list_verdicts")
SUBMIT_VERDICT = query("verdicts/submit_verdict")
PUBLISH_VERDICT = query("verdicts/publish_verdict")
WITHDRAW_VERDICT = query("verdicts/withdraw_verdict")


async def create_verdict(
    runner: Runner,
    *,
    verdict_id: str,
    claim_id: str,
    rating: str,
    summary: str,
    evidence_ids: list[str],
    user: str,
) -> Row:
    """Creates the next draft version; the row has `version`, `created_at` and the `cited` ids."""
    rows = await runner.run(
        CREATE_VERDICT,
        **CYPHER_STATES,
        id=verdict_id,
        claim_id=claim_id,
        rating=rating,
        summary=summary,
        evidence_ids=evidence_ids,
        user=user,
    )
    return rows[0]


async def update_draft(
    runner: Runner,
    *,
    claim_id: str,
    verdict_id: str,
    rating: str | None,
    summary: str | None,
    evidence_ids: list[str] | None,
) -> Row | None:
    """Edits a draft in place; None when the verdict is not a draft of the claim."""
    rows = await runner.run(
        UPDATE_DRAFT,
        **CYPHER_STATES,
        claim_id=claim_id,
        verdict_id=verdict_id,
        rating=rating,
        summary=summary,
        evidence_ids=evidence_ids,
    )
    return rows[0] if rows else None


async def list_verdicts(runner: Runner, claim_id: str, verdict_id: str | None = None) -> Row | None:
    """`claim_state` and the claim's `verdicts` by version; None when the claim does not exist."""
    return await runner.run_one(LIST_VERDICTS, **CYPHER_STATES, claim_id=claim_id, verdict_id=verdict_id)


async def list_verdicts_in(runner: Runner, claim_id: str, verdict_id: str | None = None) -> Row | None:
    """`list_verdicts` inside an open transaction."""
    rows = await runner.run(LIST_VERDICTS, **CYPHER_STATES, claim_id=claim_id, verdict_id=verdict_id)
    return rows[0] if rows else None


async def submit_verdict(runner: Runner, claim_id: str, verdict_id: str, user: str) -> bool:
    """Marks a draft submitted by `user` (the lifecycle's SUBMIT); False when it is not a draft."""
    rows = await runner.run(
        SUBMIT_VERDICT,
        claim_id=claim_id,
        verdict_id=verdict_id,
        user=user,
        from_state=SUBMIT.source,
        to_state=SUBMIT.target,
    )
    return bool(rows)


async def publish_verdict(runner: Runner, claim_id: str, verdict_id: str, user: str) -> Row | None:
    """Publishes a submitted verdict (PUBLISH); the row names the verdict it superseded, if any."""
    return await runner.run_one(
        PUBLISH_VERDICT,
        claim_id=claim_id,
        verdict_id=verdict_id,
        user=user,
        from_state=PUBLISH.source,
        to_state=PUBLISH.target,
        superseded_state=VerdictState.SUPERSEDED,
    )


async def withdraw_verdict(
    runner: Runner,
    *,
    claim_id: str,
    verdict_id: str,
    move: VerdictMove,
    user: str,
    reason: str | None,
) -> bool:
    """Makes a withdrawing `move` of the lifecycle; False when the verdict is not in its source state."""
    rows = await runner.run(
        WITHDRAW_VERDICT,
        claim_id=claim_id,
        verdict_id=verdict_id,
        user=user,
        reason=reason,
        from_state=move.source,
        to_state=move.target,
    )
    return bool(rows)
