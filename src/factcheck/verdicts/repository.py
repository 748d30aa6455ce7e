"""Named queries over verdicts. Writes run inside the caller's transaction."""

from __future__ import annotations

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner

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
        claim_id=claim_id,
        verdict_id=verdict_id,
        rating=rating,
        summary=summary,
        evidence_ids=evidence_ids,
    )
    return rows[0] if rows else None


async def list_verdicts(runner: Runner, claim_id: str, verdict_id: str | None = None) -> Row | None:
    """`claim_state` and the claim's `verdicts` by version; None when the claim does not exist."""
    return await runner.run_one(LIST_VERDICTS, claim_id=claim_id, verdict_id=verdict_id)


async def list_verdicts_in(runner: Runner, claim_id: str, verdict_id: str | None = None) -> Row | None:
    """`list_verdicts` inside an open transaction."""
    rows = await runner.run(LIST_VERDICTS, claim_id=claim_id, verdict_id=verdict_id)
    return rows[0] if rows else None


async def submit_verdict(runner: Runner, claim_id: str, verdict_id: str, user: str) -> bool:
    """Marks a draft submitted by `user`; False when it is not a draft of the claim."""
    return bool(await runner.run(SUBMIT_VERDICT, claim_id=claim_id, verdict_id=verdict_id, user=user))


async def publish_verdict(runner: Runner, claim_id: str, verdict_id: str, user: str) -> Row | None:
    """Publishes a submitted verdict; the row names the verdict it superseded, if any."""
    rows = await runner.run(PUBLISH_VERDICT, claim_id=claim_id, verdict_id=verdict_id, user=user)
    return rows[0] if rows else None


async def withdraw_verdict(
    runner: Runner,
    *,
    claim_id: str,
    verdict_id: str,
    from_state: str,
    user: str,
    reason: str | None,
) -> bool:
    """Withdraws a verdict that is in `from_state`; False when it is not."""
    rows = await runner.run(
        WITHDRAW_VERDICT,
        claim_id=claim_id,
        verdict_id=verdict_id,
        user=user,
        reason=reason,
        from_state=from_state,
    )
    return bool(rows)
