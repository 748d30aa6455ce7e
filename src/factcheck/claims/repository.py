"""Claim reads and the write of a claim added by hand."""

from __future__ import annotations

from typing import Any

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner
from factcheck.workflow.table import CYPHER_STATES

__all__ = ["create_claim", "find_similar", "get_article_text", "get_claim", "list_claims", "search_claims"]

GET_CLAIM = query("claims/get_claim")
LIST_CLAIMS = query("claims/list_claims")
SEARCH_CLAIMS = query("claims/search_claims")
FIND_SIMILAR = query("claims/find_similar")
GET_ARTICLE_TEXT = query("claims/get_article_text")
CREATE_CLAIM = query("claims/create_claim")


async def get_claim(runner: Runner, claim_id: str) -> Row | None:
    """The claim with its span, actors and sources; None when there is none."""
    row = await runner.run_one(GET_CLAIM, **CYPHER_STATES, id=claim_id)
    return row["claim"] if row else None


async def list_claims(runner: Runner, **filters: Any) -> list[Row]:
    """Claims newest first; filters: state, article, actor, source, assignee, after_*, limit."""
    return [row["claim"] for row in await runner.run(LIST_CLAIMS, **filters)]


async def search_claims(runner: Runner, **filters: Any) -> list[Row]:
    """Claims ranked by full-text score; the same filters plus q and skip."""
    return [row["claim"] for row in await runner.run(SEARCH_CLAIMS, **filters)]


async def find_similar(runner: Runner, lucene_query: str, limit: int) -> list[Row]:
    """Claims the full-text index ranks closest to the query."""
    return await runner.run(FIND_SIMILAR, q=lucene_query, limit=limit)


async def get_article_text(runner: Runner, article_id: str) -> Row | None:
    """The article's text and language; None when there is no such article."""
    return await runner.run_one(GET_ARTICLE_TEXT, id=article_id)


async def create_claim(runner: Runner, claim: dict[str, Any], claimant_id: str | None, user: str) -> None:
    """Creates a claim added by hand, linked to its article and its claimant actor when there is one."""
    await runner.run(CREATE_CLAIM, **CYPHER_STATES, claim={**claim, "claimant_id": claimant_id}, user=user)
