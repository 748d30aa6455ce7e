"""`/claims/{id}/evidence` and `/evidence/{id}`: add evidence, list it, chain it."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromPath, JSONBody

from factcheck.app_services import Services
from factcheck.auth.guards import CallerDep, requires
from factcheck.auth.roles import Permission
from factcheck.evidence import service
from factcheck.evidence.schemas import Evidence, EvidenceCreate, EvidenceList
from factcheck.provenance.schemas import DerivedFromCreate
from factcheck.provenance.service import add_derived_from

__all__ = ["EvidenceController"]


class EvidenceController(Controller):
    """Passages of documents read for or against a claim."""

    tags = ["evidence"]

    @post(
        "/claims/{claim_id:str}/evidence",
        guards=[requires(Permission.WRITE)],
        summary="Add evidence to a claim",
        description="Quotes a stored document (`document_id`) or fetches one (`url`). The passage "
        "must occur in the document's text; 422 otherwise, and nothing is stored.",
    )
    async def create(
        self, claim_id: FromPath[str], data: JSONBody[EvidenceCreate], services: Services, caller: CallerDep
    ) -> Evidence:
        """Stores the evidence, its links and its audit event in one transaction."""
        return await service.add_evidence(
            services.graph, services.settings, services.http, claim_id, data, caller.id
        )

    @get(
        "/claims/{claim_id:str}/evidence",
        guards=[requires(Permission.READ_INTERNAL)],
        summary="A claim's evidence, grouped by stance",
    )
    async def list(self, claim_id: FromPath[str], services: Services) -> EvidenceList:
        """Supporting, refuting and context evidence, oldest first in each group."""
        return await service.list_evidence(services.graph, claim_id)

    @get("/evidence/{evidence_id:str}", guards=[requires(Permission.READ_INTERNAL)], summary="Read evidence")
    async def read(self, evidence_id: FromPath[str], services: Services) -> Evidence:
        """One piece of evidence with its document and what it derives from."""
        return await service.get_evidence(services.graph, evidence_id)

    @post(
        "/evidence/{evidence_id:str}/derived_from",
        guards=[requires(Permission.WRITE)],
        summary="Record what a piece of evidence derives from",
        description="409 when a link would close a cycle; nothing is written then.",
        status_code=200,
    )
    async def derive(
        self,
        evidence_id: FromPath[str],
        data: JSONBody[DerivedFromCreate],
        services: Services,
        caller: CallerDep,
    ) -> Evidence:
        """Links the evidence to the evidence or documents it derives from."""
        await add_derived_from(services.graph, "Evidence", evidence_id, data.derived_from, caller.id)
        return await service.get_evidence(services.graph, evidence_id)
