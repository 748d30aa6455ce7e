"""Ingestion: dedupe by normalised-text hash, then one batched write per batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from neo4j.exceptions import ConstraintError

from factcheck.articles import repository
from factcheck.articles.plan import ArticleDraft, plan_batch
from factcheck.articles.schemas import Article, ArticlePage, ArticleSummary
from factcheck.errors import NotFound
from factcheck.graph.store import Graph
from factcheck.pagination import KEYSET, decode_cursor, encode_cursor

__all__ = ["IngestOutcome", "get_article", "ingest", "list_articles"]


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """Where a draft landed: its article id, and whether this call created it."""

    article_id: str
    created: bool
    claims: int


async def ingest(graph: Graph, drafts: Sequence[ArticleDraft], user: str) -> list[IngestOutcome]:
    """Writes the drafts not already in the graph; returns one outcome per draft, in order."""
    try:
        return await _ingest_once(graph, drafts, user)
    except ConstraintError:
        # Another writer stored the same text between our check and our write: look again.
        return await _ingest_once(graph, drafts, user)


async def _ingest_once(graph: Graph, drafts: Sequence[ArticleDraft], user: str) -> list[IngestOutcome]:
    existing = await repository.find_by_hashes(graph, [draft.sha256 for draft in drafts])
    fresh: dict[str, ArticleDraft] = {}
    for draft in drafts:
        if draft.sha256 not in existing:
            fresh.setdefault(draft.sha256, draft)
    created: dict[str, str] = {}
    if fresh:
        plan = plan_batch(list(fresh.values()))
        await repository.write_batch(graph, plan, user)
        created = {row["sha256"]: row["id"] for row in plan.articles}
    outcomes: list[IngestOutcome] = []
    for draft in drafts:
        new_id = created.pop(draft.sha256, None)
        article_id = new_id or existing.get(draft.sha256) or _first_id(outcomes, draft.sha256, drafts)
        outcomes.append(IngestOutcome(article_id, new_id is not None, len(draft.extraction.claims)))
    return outcomes


def _first_id(outcomes: list[IngestOutcome], sha256: str, drafts: Sequence[ArticleDraft]) -> str:
    """The id given to an earlier draft of the same batch with the same text."""
    for outcome, draft in zip(outcomes, drafts, strict=False):
        if draft.sha256 == sha256:
            return outcome.article_id
    raise LookupError(sha256)


async def get_article(graph: Graph, article_id: str) -> Article:
    """The article with its claims, actors and sources; NotFound when there is none."""
    row = await repository.get_article(graph, article_id)
    if row is None:
        raise NotFound(f"no article has id {article_id!r}")
    return Article.model_validate(row)


async def list_articles(graph: Graph, cursor: str | None, limit: int) -> ArticlePage:
    """A page of articles, newest first."""
    after_at, after_id = decode_cursor(cursor, KEYSET)
    rows = await repository.list_articles(graph, after_at, after_id, limit + 1)
    items = [ArticleSummary.model_validate(row) for row in rows[:limit]]
    next_cursor = encode_cursor(items[-1].ingested_at, items[-1].id) if len(rows) > limit else None
    return ArticlePage(items=items, next_cursor=next_cursor)
