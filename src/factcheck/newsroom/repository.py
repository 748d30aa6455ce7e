"""Newsroom queries: published verdicts, their history, matching claims."""

from __future__ import annotations

from typing import Any

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner
from factcheck.workflow.table import CYPHER_STATES

__all__ = [
    "actor_record",
    "claim_verdict_as_of",
    "get_verdicts",
    "list_verdicts",
    "match_claims",
    "search_verdicts",
]

LIST_VERDICTS = query("newsroom/list_verdicts")
SEARCH_VERDICTS = query("newsroom/search_verdicts")
GET_VERDICT = query("newsroom/get_verdict")
CLAIM_VERDICT_AS_OF = query("newsroom/claim_verdict_as_of")
ACTOR_RECORD = query("newsroom/actor_record")
MATCH_CLAIMS = query("newsroom/match_claims")


async def list_verdicts(runner: Runner, **params: Any) -> list[Row]:
    """Published verdicts newest first; filters and cursor as named parameters."""
    return [row["verdict"] for row in await runner.run(LIST_VERDICTS, **CYPHER_STATES, **params)]


async def search_verdicts(runner: Runner, **params: Any) -> list[tuple[Row, float]]:
    """Published verdicts ranked by full-text score over claim text and summary."""
    return [
        (row["verdict"], float(row["score"]))
        for row in await runner.run(SEARCH_VERDICTS, **CYPHER_STATES, **params)
    ]


async def get_verdicts(runner: Runner, verdict_ids: list[str]) -> list[Row]:
    """Verdicts that were published at some point, in the order asked; unknown ids are left out."""
    return [row["verdict"] for row in await runner.run(GET_VERDICT, **CYPHER_STATES, ids=verdict_ids)]


async def claim_verdict_as_of(
    runner: Runner, claim_id: str, as_of: str | None, public_only: bool
) -> Row | None:
    """{claim_id, verdict}; None when the claim does not exist (or, `public_only`, was never published)."""
    return await runner.run_one(
        CLAIM_VERDICT_AS_OF, **CYPHER_STATES, claim_id=claim_id, as_of=as_of, public_only=public_only
    )


async def actor_record(runner: Runner, actor_id: str, public_only: bool) -> Row | None:
    """The actor and its published verdicts by rating; None when no such actor (or, `public_only`,
    none that stated a published claim)."""
    return await runner.run_one(ACTOR_RECORD, **CYPHER_STATES, id=actor_id, public_only=public_only)


async def match_claims(runner: Runner, lucene_query: str, limit: int) -> list[Row]:
    """Reviewed claims ranked by full-text score."""
    return await runner.run(MATCH_CLAIMS, **CYPHER_STATES, q=lucene_query, limit=limit)
