"""Article reads and the batched article write."""

from __future__ import annotations

from collections.abc import Sequence

from neo4j import AsyncManagedTransaction

from factcheck.articles.plan import BatchPlan, resolved_articles
from factcheck.audit.chain import AuditEvent, EventSubject, append_event
from factcheck.graph.queries import query
from factcheck.graph.store import Graph, Row

__all__ = ["find_by_hashes", "get_article", "list_articles", "write_batch"]

FIND_BY_HASHES = query("articles/find_by_hashes")
GET_ARTICLE = query("articles/get_article")
LIST_ARTICLES = query("articles/list_articles")
CREATE_ARTICLES = query("articles/create_articles")
UPSERT_SOURCES = query("sources/upsert_sources")
UPSERT_ACTORS = query("actors/upsert_actors")
LINK_AFFILIATIONS = query("actors/link_affiliations")


async def find_by_hashes(graph: Graph, hashes: Sequence[str]) -> dict[str, str]:
    """sha256 -> article id, for the hashes already ingested."""
    rows = await graph.read(FIND_BY_HASHES, hashes=list(hashes))
    return {row["hash"]: row["id"] for row in rows}


async def get_article(graph: Graph, article_id: str) -> Row | None:
    """The article with its claims, actors and sources; None when there is none."""
    row = await graph.read_one(GET_ARTICLE, id=article_id)
    return row["article"] if row else None


async def list_articles(graph: Graph, after_at: str | None, after_id: str | None, limit: int) -> list[Row]:
    """A page of article summaries, newest first, after the cursor."""
    rows = await graph.read(LIST_ARTICLES, after_at=after_at, after_id=after_id, limit=limit)
    return [row["article"] for row in rows]


async def write_batch(graph: Graph, plan: BatchPlan, user: str) -> None:
    """Writes a batch of articles, their sources, actors and claims in one transaction.

    Four statements whatever the batch size, plus the audit event.
    """

    async def work(tx: AsyncManagedTransaction) -> None:
        source_rows = await graph.run_in(tx, UPSERT_SOURCES, sources=plan.sources)
        actor_rows = await graph.run_in(tx, UPSERT_ACTORS, actors=plan.actors)
        source_ids = {row["key"]: row["id"] for row in source_rows}
        actor_ids = {row["key"]: row["id"] for row in actor_rows}
        affiliations = [
            {"member_id": actor_ids[member], "group_id": actor_ids[group]}
            for member, group in plan.affiliations
            if member in actor_ids and group in actor_ids and actor_ids[member] != actor_ids[group]
        ]
        if affiliations:
            await graph.run_in(tx, LINK_AFFILIATIONS, affiliations=affiliations)
        articles = resolved_articles(plan, actor_ids, source_ids)
        await graph.run_in(tx, CREATE_ARTICLES, articles=articles, user=user)
        subjects = [EventSubject("Article", article["id"]) for article in articles]
        await append_event(
            graph,
            tx,
            AuditEvent(
                user=user,
                action="article.ingested",
                subject=subjects[0],
                also_about=subjects[1:],
                data={
                    "articles": [
                        {"id": a["id"], "sha256": a["sha256"], "claims": len(a["claims"])} for a in articles
                    ]
                },
            ),
        )

    await graph.transaction(work)
