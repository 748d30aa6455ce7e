"""Named queries that read the audit chain."""

from __future__ import annotations

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner

__all__ = ["claim_history", "events_page", "read_head"]

CLAIM_HISTORY = query("audit/claim_history")
EVENTS_PAGE = query("audit/events_page")
READ_HEAD = query("audit/read_head")


async def claim_history(runner: Runner, claim_id: str) -> list[Row] | None:
    """Stored events about the claim, its verdicts and its evidence, by seq; None without the claim."""
    rows = await runner.run(CLAIM_HISTORY, claim_id=claim_id)
    if not rows:
        return None
    return [row["event"] for row in rows if row["event"] is not None]


async def events_page(runner: Runner, *, after: int, through: int, limit: int) -> list[Row]:
    """Up to `limit` events with `after < seq <= through`, by seq, each with the seqs it FOLLOWS."""
    return await runner.run(EVENTS_PAGE, after=after, through=through, limit=limit)


async def read_head(runner: Runner) -> Row:
    """The head's `seq` and `hash` (None when there is no head) and `has_events`."""
    row = await runner.run_one(READ_HEAD)
    assert row is not None
    return row
