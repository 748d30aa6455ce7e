"""The claim's write lock: every change to a claim's review takes it first, in its transaction."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.graph.queries import query
from factcheck.graph.store import Runner
from factcheck.workflow.table import CYPHER_STATES, ClaimFacts, ClaimState

__all__ = ["LockedClaim", "lock_claim"]

LOCK_CLAIM = query("claims/lock_claim")


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
        facts=ClaimFacts(
            assignee=row["assignee"],
            submitted_by=submitted.get("submitted_by"),
            authors=frozenset(submitted.get("authors") or ()),
        ),
        submitted_id=submitted.get("id"),
        published_id=row["published_id"],
        draft_id=row["draft_id"],
        draft_cites=int(row["draft_cites"] or 0),
    )
