"""Article reads and the batched article write."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner
from factcheck.workflow.table import CYPHER_STATES

__all__ = ["create_articles", "find_by_hashes", "get_article", "list_articles"]

FIND_BY_HASHES = query("articles/find_by_hashes")
GET_ARTICLE = query("articles/get_article")
LIST_ARTICLES = query("articles/list_articles")
CREATE_ARTICLES = query("articles/create_articles")


async def find_by_hashes(runner: Runner, hashes: Sequence[str]) -> dict[str, str]:
    """sha256 -> article id, for the hashes already ingested."""
    rows = await runner.run(FIND_BY_HASHES, hashes=list(hashes))
    return {row["hash"]: row["id"] for row in rows}


async def get_article(runner: Runner, article_id: str) -> Row | None:
    """The article with its claims, actors and sources; None when there is none."""
    row = await runner.run_one(GET_ARTICLE, id=article_id)
    return row["article"] if row else None


async def list_articles(runner: Runner, after_at: str | None, after_id: str | None, limit: int) -> list[Row]:
    """A page of article summaries, newest first, after the cursor."""
    rows = await runner.run(LIST_ARTICLES, after_at=after_at, after_id=after_id, limit=limit)
    return [row["article"] for row in rows]


async def create_articles(runner: Runner, articles: list[dict[str, Any]], user: str) -> None:
    """Creates the articles with their claims and links, ids of actors and sources resolved."""
    await runner.run(CREATE_ARTICLES, **CYPHER_STATES, articles=articles, user=user)
