"""Claim reads and the write of a claim added by hand."""

from __future__ import annotations

from typing import Any

from neo4j import AsyncManagedTransaction

from factcheck.audit.chain import AuditEvent, EventSubject, append_event
from factcheck.graph.queries import query
from factcheck.graph.store import Graph, Row

__all__ = ["create_claim", "find_similar", "get_article_text", "get_claim", "list_claims", "search_claims"]

GET_CLAIM = query("claims/get_claim")
LIST_CLAIMS = query("claims/list_claims")
SEARCH_CLAIMS = query("claims/search_claims")
FIND_SIMILAR = query("claims/find_similar")
GET_ARTICLE_TEXT = query("claims/get_article_text")
CREATE_CLAIM = query("claims/create_claim")
UPSERT_ACTORS = query("actors/upsert_actors")


async def get_claim(graph: Graph, claim_id: str) -> Row | None:
    """The claim with its span, actors and sources; None when there is none."""
    row = await graph.read_one(GET_CLAIM, id=claim_id)
    return row["claim"] if row else None


async def list_claims(graph: Graph, **filters: Any) -> list[Row]:
    """Claims newest first; filters: state, article, actor, source, assignee, after_*, limit."""
    return [row["claim"] for row in await graph.read(LIST_CLAIMS, **filters)]


async def search_claims(graph: Graph, **filters: Any) -> list[Row]:
    """Claims ranked by full-text score; the same filters plus q and skip."""
    return [row["claim"] for row in await graph.read(SEARCH_CLAIMS, **filters)]


async def find_similar(graph: Graph, lucene_query: str, limit: int) -> list[Row]:
    """Claims the full-text index ranks closest to the query."""
    return await graph.read(FIND_SIMILAR, q=lucene_query, limit=limit)


async def get_article_text(graph: Graph, article_id: str) -> Row | None:
    """The article's text and language; None when there is no such article."""
    return await graph.read_one(GET_ARTICLE_TEXT, id=article_id)


async def create_claim(
    graph: Graph, claim: dict[str, Any], claimant: dict[str, Any] | None, user: str
) -> None:
    """Creates the claim (and its claimant actor when new) with its audit event, in one transaction."""

    async def work(tx: AsyncManagedTransaction) -> None:
        claimant_id = None
        if claimant is not None:
            [resolved] = await graph.run_in(tx, UPSERT_ACTORS, actors=[claimant])
            claimant_id = resolved["id"]
        await graph.run_in(tx, CREATE_CLAIM, claim={**claim, "claimant_id": claimant_id}, user=user)
        await append_event(
            graph,
            tx,
            AuditEvent(
                user=user,
                action="claim.created",
                subject=EventSubject("Claim", claim["id"]),
                to_state="candidate",
                data={"text": claim["text"], "article_id": claim["article_id"], "claimant_id": claimant_id},
            ),
        )

    await graph.transaction(work)
