"""Named queries that read the audit chain."""

from __future__ import annotations

from factcheck.graph.queries import query
from factcheck.graph.store import Graph, Row

__all__ = ["claim_history", "events_page", "read_head"]

CLAIM_HISTORY = query("audit/claim_history")
EVENTS_PAGE = query("audit/events_page")
READ_HEAD = query("audit/read_head")


async def claim_history(graph: Graph, claim_id: str) -> list[Row] | None:
    """Stored events about the claim, its verdicts and its evidence, by seq; None without the claim."""
    rows = await graph.read(CLAIM_HISTORY, claim_id=claim_id)
    if not rows:
        return None
    return [row["event"] for row in rows if row["event"] is not None]


async def events_page(graph: Graph, *, after: int, through: int, limit: int) -> list[Row]:
    """Up to `limit` events with `after < seq <= through`, by seq, each with the seqs it FOLLOWS."""
    return await graph.read(EVENTS_PAGE, after=after, through=through, limit=limit)


async def read_head(graph: Graph) -> Row:
    """The head's `seq` and `hash` (None when there is no head) and `has_events`."""
    row = await graph.read_one(READ_HEAD)
    assert row is not None
    return row
