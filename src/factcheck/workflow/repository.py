"""Named queries that move claims through the workflow, inside the caller's transaction."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.graph.queries import query
from factcheck.graph.store import Runner
from factcheck.workflow.table import CYPHER_STATES, ClaimFacts, ClaimState

__all__ = ["LockedClaim", "assign_claim", "lock_claim", "move_claim", "unassign_claim"]

LOCK_CLAIM = query("workflow/lock_claim")
MOVE_CLAIM = query("workflow/move_claim")
ASSIGN_CLAIM = query("workflow/assign_claim")
UNASSIGN_CLAIM = query("workflow/unassign_claim")


@dataclass(frozen=True, slots=True)
class LockedClaim:
    """A claim as read under its write lock."""

    id: str
    state: ClaimState
    version: int
    facts: ClaimFacts
    submitted_id: str | None
    published_id: str | None
    draft_id: str | None
    draft_cites: int


async def lock_claim(runner: Runner, claim_id: str, verdict_id: str | None = None) -> LockedClaim | None:
    """Locks the claim until the transaction ends and reads it; None when there is none.

    `draft_id` is `verdict_id` when that is a draft of this claim, else the latest draft.
    """
    rows = await runner.run(LOCK_CLAIM, **CYPHER_STATES, id=claim_id, verdict_id=verdict_id)
    if not rows:
        return None
    row = rows[0]
    submitted = row["submitted"] or {}
    return LockedClaim(
        id=claim_id,
        state=ClaimState(row["state"]),
        version=int(row["version"]),
        facts=ClaimFacts(assignee=row["assignee"], submitted_by=submitted.get("submitted_by")),
        submitted_id=submitted.get("id"),
        published_id=row["published_id"],
        draft_id=row["draft_id"],
        draft_cites=int(row["draft_cites"] or 0),
    )


async def move_claim(
    runner: Runner, claim_id: str, source: ClaimState, target: ClaimState, version: int
) -> int | None:
    """Moves the claim when it is still at `source` and `version`; its new version, or None."""
    rows = await runner.run(
        MOVE_CLAIM, id=claim_id, from_state=source.value, to_state=target.value, version=version
    )
    return int(rows[0]["version"]) if rows else None


async def assign_claim(runner: Runner, claim_id: str, assignee: str, roles: list[str], by: str) -> bool:
    """Makes `assignee` the claim's only assignee; False when no enabled user with `roles` has that id."""
    rows = await runner.run(ASSIGN_CLAIM, id=claim_id, assignee=assignee, roles=roles, by=by)
    return bool(rows)


async def unassign_claim(runner: Runner, claim_id: str) -> None:
    """Removes the claim's assignee."""
    await runner.run(UNASSIGN_CLAIM, id=claim_id)
