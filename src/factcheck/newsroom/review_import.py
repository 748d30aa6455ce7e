"""`POST /claimreviews`: stores other fact-checkers' ClaimReviews as external verdicts."""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel

from factcheck.actors import service as actors_service
from factcheck.actors.rows import named_actor_row
from factcheck.audit.chain import AuditEvent, EventSubject, append_event
from factcheck.errors import Unprocessable
from factcheck.extraction.text import fold, slug
from factcheck.graph.queries import query
from factcheck.graph.store import Graph, Transaction
from factcheck.newsroom.review_parsing import ImportedReview, normalise_review, review_items
from factcheck.workflow.table import CYPHER_STATES

__all__ = ["ImportResult", "ImportedItem", "import_claim_reviews"]

IMPORT_REVIEWS = query("newsroom/import_reviews")
MAX_ITEMS = 1000


class ImportedItem(BaseModel):
    """One review: the verdict and claim it became, and whether this request created them."""

    verdict_id: str
    claim_id: str | None
    created: bool
    rating: str
    label: str | None
    url: str | None


class ImportResult(BaseModel):
    """What an import stored."""

    created: int
    existing: int
    items: list[ImportedItem]


def _reviewer_row(review: ImportedReview) -> dict[str, Any] | None:
    if not review.reviewer:
        return None
    domain = urlsplit(review.reviewer_url or review.url or "").hostname
    return {"key": slug(fold(review.reviewer)), "id": str(uuid.uuid4()), "name": review.reviewer,
            "kind": "fact_checker", "domain": domain}  # fmt: skip


def parse_reviews(document: Any) -> list[ImportedReview]:
    """Every review in the document; Unprocessable naming each item that is not one."""
    items = review_items(document)
    if not items:
        raise Unprocessable("the document holds no ClaimReview")
    if len(items) > MAX_ITEMS:
        raise Unprocessable(f"at most {MAX_ITEMS} reviews per request; got {len(items)}")
    parsed = [normalise_review(item) for item in items]
    problems = [{"index": i, "reason": p} for i, p in enumerate(parsed) if isinstance(p, str)]
    if problems:
        raise Unprocessable(f"{len(problems)} of {len(items)} items cannot be claim reviews", items=problems)
    return [p for p in parsed if isinstance(p, ImportedReview)]


async def import_claim_reviews(graph: Graph, document: Any, user: str) -> ImportResult:
    """Stores every review of the document in one transaction; nothing when one is not a review."""
    reviews = list({r.key: r for r in parse_reviews(document)}.values())
    sources = {row["key"]: row for r in reviews if (row := _reviewer_row(r))}
    claimants = {r.claimant: named_actor_row(r.claimant) for r in reviews if r.claimant}
    actors = {row["key"]: row for row in claimants.values()}

    async def work(tx: Transaction) -> list[dict[str, Any]]:
        source_ids = await actors_service.upsert_sources(tx, list(sources.values()))
        actor_ids = await actors_service.upsert_actors(tx, list(actors.values()))
        rows = [
            {
                "key": r.key,
                "verdict_id": str(uuid.uuid4()),
                "claim_id": str(uuid.uuid4()),
                "claim": r.claim,
                "rating": r.rating,
                "label": r.label,
                "rating_value": r.rating_value,
                "url": r.url,
                "summary": r.summary,
                "headline": r.headline,
                "published_at": r.published_at,
                "language": r.language,
                "appearance_url": r.appearance_url,
                "source_id": source_ids.get(slug(fold(r.reviewer))) if r.reviewer else None,
                "claimant_id": actor_ids.get(claimants[r.claimant]["key"]) if r.claimant else None,
            }
            for r in reviews
        ]
        stored = await tx.run(IMPORT_REVIEWS, **CYPHER_STATES, reviews=rows, user=user)
        created = [EventSubject("Verdict", row["verdict_id"]) for row in stored if row["created"]]
        if created:
            await append_event(
                tx,
                AuditEvent(
                    user=user,
                    action="claimreview.imported",
                    subject=created[0],
                    also_about=created[1:],
                    data={"verdicts": [s.id for s in created], "received": len(rows)},
                ),
            )
        return stored

    stored = await graph.transaction(work)
    by_key = {r.key: r for r in reviews}
    items = [
        ImportedItem(
            verdict_id=row["verdict_id"],
            claim_id=row["claim_id"],
            created=row["created"],
            rating=by_key[row["key"]].rating,
            label=by_key[row["key"]].label,
            url=by_key[row["key"]].url,
        )
        for row in stored
    ]
    created_count = sum(item.created for item in items)
    return ImportResult(created=created_count, existing=len(items) - created_count, items=items)
