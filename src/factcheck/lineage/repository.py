"""Lineage queries: candidates and links at ingest, reviewers' decisions, the cluster read."""

from __future__ import annotations

from typing import Any

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner
from factcheck.workflow.table import CYPHER_STATES

__all__ = [
    "claim_lineage",
    "confirm_link",
    "create_links",
    "find_candidates",
    "lock_pair",
    "reject_link",
]

FIND_CANDIDATES = query("lineage/find_candidates")
CREATE_LINKS = query("lineage/create_links")
LOCK_PAIR = query("lineage/lock_pair")
CONFIRM_LINK = query("lineage/confirm_link")
REJECT_LINK = query("lineage/reject_link")
CLAIM_LINEAGE = query("lineage/claim_lineage")


async def find_candidates(runner: Runner, claims: list[dict[str, str]], limit: int) -> list[Row]:
    """Full-text candidates of each claim (`{id, q, key}`), one row per pair, best first per claim."""
    return await runner.run(FIND_CANDIDATES, **CYPHER_STATES, claims=claims, limit=limit)


async def create_links(
    runner: Runner, same: list[dict[str, Any]], similar: list[dict[str, Any]], user: str
) -> None:
    """Writes suggested SAME_AS and SIMILAR_TO links, rows `{from, to, score}`, in one statement."""
    await runner.run(CREATE_LINKS, same=same, similar=similar, user=user)


async def lock_pair(runner: Runner, claim_id: str, other_id: str) -> Row | None:
    """Locks both claims and reads their texts and the links between them; None if either is missing."""
    return await runner.run_one(LOCK_PAIR, claim_id=claim_id, other_id=other_id)


async def confirm_link(
    runner: Runner, claim_id: str, other_id: str, relation: str, reason: str | None, user: str
) -> Row | None:
    """Marks the link (created when missing) confirmed; returns its type, score and time."""
    return await runner.run_one(
        CONFIRM_LINK, claim_id=claim_id, other_id=other_id, relation=relation, reason=reason, user=user
    )


async def reject_link(
    runner: Runner, pair: dict[str, Any], relation: str, reason: str | None, user: str
) -> Row | None:
    """Removes suggested links of the pair and records NOT_SAME_AS; `pair` holds ids and text keys."""
    return await runner.run_one(REJECT_LINK, **pair, relation=relation, reason=reason, user=user)


async def claim_lineage(runner: Runner, claim_id: str, as_of: str | None) -> list[Row]:
    """One row per member of the claim's SAME_AS cluster; none when no claim has that id (then)."""
    return await runner.run(CLAIM_LINEAGE, **CYPHER_STATES, claim_id=claim_id, as_of=as_of)
