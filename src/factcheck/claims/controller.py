"""`/claims`: read, list, search, and add the claims the extractor missed."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from factcheck.app_services import Services
from factcheck.auth.guards import CallerDep, requires
from factcheck.auth.roles import Permission
from factcheck.claims import service
from factcheck.claims.schemas import ClaimCreate, ClaimDetail, ClaimPage

__all__ = ["ClaimController"]


class ClaimController(Controller):
    """Claims: the units of review."""

    path = "/claims"
    tags = ["claims"]

    @get("/", guards=[requires(Permission.READ_INTERNAL)], summary="List or search claims")
    async def list(
        self,
        services: Services,
        caller: CallerDep,
        claim_state: Annotated[str | None, QueryParameter(name="state", description="workflow state")] = None,
        actor: FromQuery[str | None] = None,
        source: FromQuery[str | None] = None,
        article: FromQuery[str | None] = None,
        assignee: Annotated[str | None, QueryParameter(description="a user id, or `me`")] = None,
        q: Annotated[
            str | None, QueryParameter(description="full-text search over claim text", max_length=500)
        ] = None,
        cursor: FromQuery[str | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=100)] = 20,
    ) -> ClaimPage:
        """Newest first; ranked by score when `q` is given. `assignee=me` is the caller's queue."""
        filters = {
            "state": claim_state,
            "actor": actor,
            "source": source,
            "article": article,
            "assignee": caller.id if assignee == "me" else assignee,
        }
        return await service.list_claims(services.graph, filters, q, cursor, limit)

    @get("/{claim_id:str}", guards=[requires(Permission.READ_INTERNAL)], summary="Read a claim")
    async def read(self, claim_id: FromPath[str], services: Services, caller: CallerDep) -> ClaimDetail:
        """The claim with its article span, actors, sources, state and check-worthiness reasons."""
        return await service.get_claim(services.graph, claim_id, caller)

    @post("/", guards=[requires(Permission.WRITE)], summary="Add a claim the extractor missed")
    async def create(self, data: JSONBody[ClaimCreate], services: Services, caller: CallerDep) -> ClaimDetail:
        """From an article span (`article_id`, `start`, `end`) or from `text` with a `claimant`."""
        return await service.add_claim(services.graph, data, caller)
