"""Newsroom endpoints: published verdicts, ClaimReview, as-of answers, records, matching."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody, QueryParameter

from factcheck.app_services import Services
from factcheck.auth.guards import CallerDep, requires
from factcheck.auth.roles import Permission
from factcheck.exports.claimreview import claim_review
from factcheck.newsroom import service
from factcheck.newsroom.http_cache import DETAIL_CACHE, HISTORY_CACHE, LIST_CACHE, cached
from factcheck.newsroom.review_import import ImportResult, import_claim_reviews
from factcheck.newsroom.schemas import (
    ActorRecord,
    ClaimMatch,
    ClaimVerdictAsOf,
    PublicVerdictDetail,
    VerdictPage,
)
from factcheck.newsroom.service import VerdictFilters
from factcheck.timestamps import Timestamp

__all__ = ["ClaimReviewImportController", "NewsroomController"]

JSON = "application/json"
JSON_LD = "application/ld+json"
Text = Annotated[str | None, QueryParameter()]
Time = Annotated[Timestamp | None, QueryParameter()]
Limit = Annotated[int, QueryParameter(ge=1, le=100)]
READ = [requires(Permission.READ_PUBLISHED)]
MATCH_DESCRIPTION = (
    "Claims with published verdicts (own and imported), most likely first. Links, @ signs and the"
    " date and handle of an embedded tweet's tail are left out of `text`. `similarity` is the"
    " probability (0..1) that the claim is the one the text repeats, calibrated on labelled pairs:"
    " a desk can threshold it (docs/matching.md gives the measured trade-off). `score` is the"
    " full-text score, comparable within one answer only."
)


def provide_filters(
    rating: Text = None,
    actor: Annotated[str | None, QueryParameter(description="verdicts on claims this actor stated")] = None,
    source: Annotated[
        str | None, QueryParameter(description="the claim's reporter or article publisher")
    ] = None,
    since: Annotated[Timestamp | None, QueryParameter(description="published at or after")] = None,
    until: Annotated[Timestamp | None, QueryParameter(description="published before")] = None,
    language: Text = None,
    as_of: Annotated[Timestamp | None, QueryParameter(description="the verdicts as they stood then")] = None,
) -> VerdictFilters:
    """The filters `GET /verdicts` and the ClaimReview feed share, read from the query string."""
    return VerdictFilters(rating, actor, source, since, until, language, as_of)


Filters = NamedDependency[VerdictFilters]
Search = Annotated[str | None, QueryParameter(max_length=500, description="full-text, best first")]


class NewsroomController(Controller):
    """Published verdicts for newsrooms; every role may read them."""

    tags = ["newsroom"]
    dependencies = {"filters": Provide(provide_filters, sync_to_thread=False)}

    @get("/verdicts", guards=READ, summary="List published verdicts")
    async def list_verdicts(
        self,
        request: Request[Any, Any, Any],
        services: Services,
        filters: Filters,
        q: Search = None,
        cursor: Text = None,
        limit: Limit = 20,
    ) -> Response[VerdictPage]:
        """Newest first (stable keyset pages), or ranked by score when `q` is given."""
        page = await service.list_verdicts(services.graph, filters, q, cursor, limit)
        return cached(request, page, HISTORY_CACHE if filters.as_of else LIST_CACHE, JSON)

    @get("/verdicts/claimreview", guards=READ, summary="A DataFeed of ClaimReview JSON-LD")
    async def claimreview_feed(
        self,
        request: Request[Any, Any, Any],
        services: Services,
        filters: Filters,
        q: Search = None,
        cursor: Text = None,
        limit: Limit = 20,
    ) -> Response[dict[str, Any]]:
        """The same filters as `GET /verdicts`; `relatedLink` points at the next page."""
        query = {k: v for k, v in request.query_params.items() if k != "cursor"}
        feed = await service.claim_review_feed(
            services.graph, services.settings, filters, q, cursor, limit, query
        )
        return cached(request, feed, LIST_CACHE, JSON_LD)

    @get("/verdicts/{verdict_id:str}", guards=READ, summary="Read a published verdict")
    async def read_verdict(
        self, request: Request[Any, Any, Any], verdict_id: FromPath[str], services: Services
    ) -> Response[PublicVerdictDetail]:
        """The verdict, its claim and claimant, the evidence it cites, and its version history."""
        verdict = await service.get_verdict(services.graph, verdict_id)
        return cached(request, verdict, DETAIL_CACHE, JSON)

    @get("/verdicts/{verdict_id:str}/claimreview", guards=READ, summary="A verdict as ClaimReview JSON-LD")
    async def read_claimreview(
        self, request: Request[Any, Any, Any], verdict_id: FromPath[str], services: Services
    ) -> Response[dict[str, Any]]:
        """schema.org ClaimReview, ready to embed in a page."""
        verdict = await service.get_verdict(services.graph, verdict_id)
        return cached(request, claim_review(verdict, services.settings), DETAIL_CACHE, JSON_LD)

    @get("/claims/{claim_id:str}/verdict", guards=READ, summary="The verdict on a claim, now or as of a time")
    async def claim_verdict(
        self,
        request: Request[Any, Any, Any],
        claim_id: FromPath[str],
        services: Services,
        caller: CallerDep,
        as_of: Time = None,
    ) -> Response[ClaimVerdictAsOf]:
        """What the published verdict was at `as_of`; `verdict` is null when none stood then."""
        public_only = not caller.may(Permission.READ_INTERNAL)
        answer = await service.claim_verdict(services.graph, claim_id, as_of, public_only)
        return cached(request, answer, HISTORY_CACHE if as_of else DETAIL_CACHE, JSON)

    @get("/actors/{actor_id:str}/record", guards=READ, summary="An actor's record of rated claims")
    async def actor_record(
        self, request: Request[Any, Any, Any], actor_id: FromPath[str], services: Services, caller: CallerDep
    ) -> Response[ActorRecord]:
        """Published verdicts on the claims the actor stated, by rating, with links."""
        public_only = not caller.may(Permission.READ_INTERNAL)
        record = await service.actor_record(services.graph, actor_id, public_only)
        return cached(request, record, LIST_CACHE, JSON)

    @get(
        "/claims/match",
        guards=READ,
        summary="Has this been checked? Reviewed claims that say the same",
        description=MATCH_DESCRIPTION,
    )
    async def match(
        self,
        services: Services,
        text: Annotated[str, QueryParameter(min_length=3, max_length=2000)],
        limit: Annotated[int, QueryParameter(ge=1, le=50)] = 10,
    ) -> list[ClaimMatch]:
        """Claims with published verdicts (own and imported), most likely first."""
        return await service.match_claims(services.graph, text, limit)


class ClaimReviewImportController(Controller):
    """Other fact-checkers' ClaimReviews, imported so newsrooms can search across them."""

    tags = ["newsroom"]

    @post("/claimreviews", guards=[requires(Permission.WRITE)], summary="Import ClaimReview JSON-LD")
    async def import_reviews(
        self, data: JSONBody[Any], services: Services, caller: CallerDep
    ) -> Response[ImportResult]:
        """One ClaimReview, a list, an `@graph` or a DataFeed; 201 when something new was stored."""
        result = await import_claim_reviews(services.graph, data, caller.id)
        return Response(result, status_code=201 if result.created else 200)
