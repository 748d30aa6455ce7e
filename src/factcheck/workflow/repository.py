"""Named queries that move claims through the workflow, inside the caller's transaction."""

from __future__ import annotations

from factcheck.graph.queries import query
from factcheck.graph.store import Runner
from factcheck.workflow.table import ClaimState

__all__ = ["assign_claim", "move_claim", "unassign_claim"]

MOVE_CLAIM = query("workflow/move_claim")
ASSIGN_CLAIM = query("workflow/assign_claim")
UNASSIGN_CLAIM = query("workflow/unassign_claim")


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
