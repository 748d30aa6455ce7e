"""`/claims/{id}/lineage` and `/claims/{id}/links`: a claim's repetitions, and decisions on them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from litestar import Controller, get, post
from litestar.params import FromPath, JSONBody, QueryParameter

from factcheck.app_services import Services
from factcheck.auth.guards import CallerDep, requires
from factcheck.auth.roles import Permission
from factcheck.lineage import service
from factcheck.lineage.schemas import Lineage, LinkDecision, LinkOutcome

__all__ = ["LineageController"]


class LineageController(Controller):
    """Where a claim first appeared, who repeated it, and reviewers' decisions on suggested links."""

    path = "/claims"
    tags = ["lineage"]

    @get("/{claim_id:str}/lineage", guards=[requires(Permission.READ_INTERNAL)], summary="A claim's lineage")
    async def lineage(
        self,
        claim_id: FromPath[str],
        services: Services,
        as_of: Annotated[datetime | None, QueryParameter(description="the cluster as it stood then")] = None,
    ) -> Lineage:
        """The SAME_AS cluster: first appearance, repetitions in date order, verdicts, counts."""
        return await service.get_lineage(services.graph, claim_id, as_of)

    @post("/{claim_id:str}/links", guards=[requires(Permission.WRITE)], summary="Confirm or reject a link")
    async def decide(
        self, claim_id: FromPath[str], data: JSONBody[LinkDecision], services: Services, caller: CallerDep
    ) -> LinkOutcome:
        """Confirms (`confirmed_by`, `confirmed_at`) or rejects (never suggested again) a link."""
        return await service.decide_link(services.graph, claim_id, data, caller)
