"""Newsroom reads: filters, cursors, links and the as-of view."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from factcheck.errors import NotFound, Unprocessable
from factcheck.exports.claimreview import claim_review
from factcheck.exports.claimreview import claim_review_feed as feed_of
from factcheck.graph.store import Graph, Row
from factcheck.matching.query import clean_text, match_query
from factcheck.matching.rerank import load_model, rerank
from factcheck.newsroom import repository
from factcheck.newsroom.schemas import (
    ActorRecord,
    ClaimMatch,
    ClaimVerdictAsOf,
    PublicVerdict,
    PublicVerdictDetail,
    RatingCount,
    VerdictPage,
)
from factcheck.pagination import KEYSET, SCORED, decode_cursor, encode_cursor
from factcheck.search import fulltext_query
from factcheck.settings import Settings

__all__ = [
    "VerdictFilters",
    "actor_record",
    "claim_review_feed",
    "claim_verdict",
    "get_verdict",
    "get_verdict_details",
    "list_verdicts",
    "match_claims",
]


@dataclass(frozen=True, slots=True)
class VerdictFilters:
    """What `GET /verdicts` and the ClaimReview feed filter by."""

    rating: str | None = None
    actor: str | None = None
    source: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    language: str | None = None
    as_of: datetime | None = None

    def params(self) -> dict[str, Any]:
        """Query parameters, with times as ISO strings."""
        return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in asdict(self).items()}


def _with_links(row: Row) -> Row:
    row["links"] = {
        "self": f"/verdicts/{row['id']}",
        "claimreview": f"/verdicts/{row['id']}/claimreview",
        "claim_verdict": f"/claims/{row['claim']['id']}/verdict",
    }
    return row


async def list_verdicts(
    graph: Graph, filters: VerdictFilters, q: str | None, cursor: str | None, limit: int
) -> VerdictPage:
    """Published verdicts newest first, or best first for `q`; keyset cursors either way."""
    params = {**filters.params(), "limit": limit + 1}
    if q is not None:
        lucene = fulltext_query(q)
        if lucene is None:
            raise Unprocessable("the search text `q` has no words to search for", field="q")
        after_score, after_id = decode_cursor(cursor, SCORED)
        found = await repository.search_verdicts(
            graph, q=lucene, after_score=after_score, after_id=after_id, **params
        )
        items = [PublicVerdict.model_validate(_with_links(row)) for row, _ in found[:limit]]
        more = len(found) > limit
        next_cursor = encode_cursor(found[limit - 1][1], found[limit - 1][0]["id"]) if more else None
        return VerdictPage(items=items, next_cursor=next_cursor)
    after_at, after_id = decode_cursor(cursor, KEYSET)
    rows = await repository.list_verdicts(graph, after_at=after_at, after_id=after_id, **params)
    items = [PublicVerdict.model_validate(_with_links(row)) for row in rows[:limit]]
    last = items[-1] if items else None
    next_cursor = encode_cursor(last.published_at, last.id) if last and len(rows) > limit else None
    return VerdictPage(items=items, next_cursor=next_cursor)


def _detail(row: Row) -> PublicVerdictDetail:
    row["history"] = sorted(row["history"], key=lambda v: v.get("version") or 0)
    return PublicVerdictDetail.model_validate(_with_links(row))


async def get_verdict(graph: Graph, verdict_id: str) -> PublicVerdictDetail:
    """A verdict that has been published; NotFound for drafts and unknown ids."""
    rows = await repository.get_verdicts(graph, [verdict_id])
    if not rows:
        raise NotFound(f"no published verdict has id {verdict_id!r}")
    return _detail(rows[0])


async def get_verdict_details(graph: Graph, verdict_ids: list[str]) -> list[PublicVerdictDetail]:
    """Details of many verdicts in one query, in the order given."""
    return [_detail(row) for row in await repository.get_verdicts(graph, verdict_ids)] if verdict_ids else []


async def claim_review_feed(
    graph: Graph,
    settings: Settings,
    filters: VerdictFilters,
    q: str | None,
    cursor: str | None,
    limit: int,
    query: dict[str, str],
) -> dict[str, Any]:
    """A page of published verdicts as a ClaimReview DataFeed; `relatedLink` repeats `query`
    (the request's other parameters) with the next page's cursor."""
    page = await list_verdicts(graph, filters, q, cursor, limit)
    details = await get_verdict_details(graph, [v.id for v in page.items])
    reviews = [claim_review(d, settings, with_context=False) for d in details]
    next_url = None
    if page.next_cursor:
        next_query = urlencode({**query, "cursor": page.next_cursor})
        next_url = f"{settings.public_base_url.rstrip('/')}/verdicts/claimreview?{next_query}"
    return feed_of(reviews, settings, next_url)


async def claim_verdict(
    graph: Graph, claim_id: str, as_of: datetime | None, public_only: bool
) -> ClaimVerdictAsOf:
    """The verdict that stood on the claim at `as_of` (now when None).

    NotFound for an unknown claim, and, when `public_only`, for one never published: a reader
    gets the same answer for both.
    """
    at = as_of.isoformat() if as_of else None
    row = await repository.claim_verdict_as_of(graph, claim_id, at, public_only)
    if row is None:
        raise NotFound(f"no claim has id {claim_id!r}")
    verdict = PublicVerdict.model_validate(_with_links(row["verdict"])) if row["verdict"] else None
    return ClaimVerdictAsOf(
        claim_id=claim_id,
        as_of=as_of.isoformat() if as_of else None,
        verdict=verdict,
        via_claim_id=row["via_claim_id"],
    )


async def actor_record(graph: Graph, actor_id: str, public_only: bool) -> ActorRecord:
    """Published verdicts on the actor's claims, counted by rating, with links.

    NotFound for an unknown actor, and, when `public_only`, for one that stated no published claim.
    """
    row = await repository.actor_record(graph, actor_id, public_only)
    if row is None:
        raise NotFound(f"no actor has id {actor_id!r}")
    ratings = [
        RatingCount(
            rating=group["rating"],
            count=len(group["verdicts"]),
            verdicts=[{**v, "link": f"/verdicts/{v['verdict_id']}"} for v in group["verdicts"]],
        )
        for group in sorted(row["ratings"], key=lambda g: -len(g["verdicts"]))
    ]
    return ActorRecord(actor=row["actor"], total=sum(r.count for r in ratings), ratings=ratings)


async def match_claims(graph: Graph, text: str, limit: int) -> list[ClaimMatch]:
    """Reviewed claims that say about the same as `text`, most likely first (see factcheck.matching)."""
    cleaned = clean_text(text)
    lucene = match_query(cleaned)
    if lucene is None:
        raise Unprocessable("the text has no words to match once links and handles are out", field="text")
    rows = await repository.match_claims(graph, lucene, max(limit, load_model().candidates))
    return [
        ClaimMatch(
            claim=row["claim"],
            headline=row["claim"].get("headline"),
            score=row["score"],
            similarity=round(p, 4),
            verdicts=row["verdicts"],
        )
        for row, p in rerank(cleaned, rows)[:limit]
    ]
