"""Ingestion: dedupe by normalised-text hash, then one batched write per batch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import httpx
from neo4j.exceptions import ConstraintError

from factcheck.actors import service as actors
from factcheck.articles import repository
from factcheck.articles.inputs import make_extractor, prepare_article
from factcheck.articles.plan import BatchPlan, PreparedArticle, plan_batch, resolved_articles
from factcheck.articles.schemas import Article, ArticleCreate, ArticlePage, ArticleSummary
from factcheck.audit.chain import AuditEvent, EventSubject, append_event
from factcheck.claims.schemas import AlreadyChecked, Repeat
from factcheck.errors import NotFound
from factcheck.graph.store import Graph, Transaction
from factcheck.lineage.links import BatchLinks, NewClaim
from factcheck.lineage.service import link_new_claims
from factcheck.pagination import KEYSET, decode_cursor, encode_cursor
from factcheck.settings import Settings

__all__ = ["IngestOutcome", "get_article", "ingest", "ingest_one", "list_articles", "write_batch"]


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """Where a prepared article landed: its article id, whether this call created it, and the
    lineage links its new claims got (what each repeats, the published verdict it matched)."""

    article_id: str
    created: bool
    claims: int
    links: BatchLinks = field(default_factory=BatchLinks)


async def ingest_one(
    graph: Graph, settings: Settings, http: httpx.AsyncClient, data: ArticleCreate, user: str
) -> tuple[Article, bool]:
    """Prepares one article (fetching and extracting as configured), writes it unless it is
    already in the graph, and returns it with whether this call created it."""
    prepared = await prepare_article(data, settings, http, make_extractor(settings, http))
    [outcome] = await ingest(graph, [prepared], user)
    article = await get_article(graph, outcome.article_id)
    for claim in article.claims:
        checked = outcome.links.already_checked.get(claim.id)
        claim.already_checked = AlreadyChecked.model_validate(checked) if checked else None
        claim.repeats = [Repeat.model_validate(r) for r in outcome.links.repeats.get(claim.id, [])]
    return article, outcome.created


async def ingest(
    graph: Graph, prepared: Sequence[PreparedArticle], user: str, *, lineage: bool = True
) -> list[IngestOutcome]:
    """Writes the prepared articles not already in the graph; returns one outcome each, in order.

    With `lineage`, the new claims are compared with earlier ones and linked in the same write.
    """
    try:
        return await _ingest_once(graph, prepared, user, lineage)
    except ConstraintError:
        # Another writer stored the same text between our check and our write: look again.
        return await _ingest_once(graph, prepared, user, lineage)


async def _ingest_once(
    graph: Graph, prepared: Sequence[PreparedArticle], user: str, lineage: bool
) -> list[IngestOutcome]:
    existing = await repository.find_by_hashes(graph, [article.sha256 for article in prepared])
    fresh: dict[str, PreparedArticle] = {}
    for article in prepared:
        if article.sha256 not in existing:
            fresh.setdefault(article.sha256, article)
    created: dict[str, str] = {}
    links = BatchLinks()
    if fresh:
        plan = plan_batch(list(fresh.values()))
        links = await write_batch(graph, plan, user, lineage=lineage)
        created = {row["sha256"]: row["id"] for row in plan.articles}
    outcomes: list[IngestOutcome] = []
    for article in prepared:
        new_id = created.pop(article.sha256, None)
        article_id = new_id or existing.get(article.sha256) or _first_id(outcomes, article.sha256, prepared)
        outcomes.append(
            IngestOutcome(
                article_id,
                new_id is not None,
                len(article.extraction.claims),
                links if new_id else BatchLinks(),
            )
        )
    return outcomes


async def write_batch(graph: Graph, plan: BatchPlan, user: str, *, lineage: bool = True) -> BatchLinks:
    """Writes a batch of articles, their sources, actors and claims in one transaction.

    Six statements whatever the batch size (the last two suggest lineage links, skipped without
    `lineage`), plus the audit event. Returns the links suggested for the new claims.
    """

    async def work(tx: Transaction) -> BatchLinks:
        source_ids = await actors.upsert_sources(tx, plan.sources)
        actor_ids = await actors.upsert_actors(tx, plan.actors)
        await actors.link_affiliations(
            tx,
            [
                {"member_id": actor_ids[member], "group_id": actor_ids[group]}
                for member, group in plan.affiliations
                if member in actor_ids and group in actor_ids and actor_ids[member] != actor_ids[group]
            ],
        )
        articles = resolved_articles(plan, actor_ids, source_ids)
        await repository.create_articles(tx, articles, user)
        new_claims = [c for a in articles for c in a["claims"]]
        links = BatchLinks()
        if lineage:
            links = await link_new_claims(
                tx, [NewClaim(c["id"], c["text"], n) for n, c in enumerate(new_claims)], user
            )
        subjects = [EventSubject("Article", article["id"]) for article in articles]
        await append_event(
            tx,
            AuditEvent(
                user=user,
                action="article.ingested",
                subject=subjects[0],
                also_about=subjects[1:],
                data={
                    "articles": [
                        {"id": a["id"], "sha256": a["sha256"], "claims": len(a["claims"])} for a in articles
                    ],
                    "links": {"same_as": len(links.same), "similar_to": len(links.similar)},
                },
            ),
        )
        return links

    return await graph.transaction(work)


def _first_id(outcomes: list[IngestOutcome], sha256: str, prepared: Sequence[PreparedArticle]) -> str:
    """The id given to an earlier article of the same batch with the same text."""
    for outcome, article in zip(outcomes, prepared, strict=False):
        if article.sha256 == sha256:
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
