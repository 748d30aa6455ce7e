"""`/claims/{claim_id}/verdicts`: draft, edit drafts, and read the version history."""

from __future__ import annotations

from litestar import Controller, get, patch, post
from litestar.params import FromPath, JSONBody

from factcheck.app_services import Services
from factcheck.auth.guards import CallerDep, requires
from factcheck.auth.roles import Permission
from factcheck.verdicts import service
from factcheck.verdicts.schemas import Verdict, VerdictCreate, VerdictHistory, VerdictUpdate

__all__ = ["VerdictController"]


class VerdictController(Controller):
    """A claim's verdicts. Submit, approve and withdraw them with workflow transitions."""

    path = "/claims/{claim_id:str}/verdicts"
    tags = ["verdicts"]

    @post(
        "/",
        guards=[requires(Permission.WRITE)],
        summary="Draft a verdict",
        description="201 with a new draft, the claim's next verdict version. The claim must be "
        "`researching` (409 otherwise) and the caller its assignee, an editor or an admin (403). "
        "`evidence_ids` must be Evidence about this claim (422 otherwise).",
    )
    async def create(
        self, claim_id: FromPath[str], data: JSONBody[VerdictCreate], services: Services, caller: CallerDep
    ) -> Verdict:
        """Creates a draft and records it in the audit trail."""
        return await service.create_draft(services.graph, caller, claim_id, data)

    @patch(
        "/{verdict_id:str}",
        guards=[requires(Permission.WRITE)],
        summary="Edit a draft verdict",
        description="Only drafts change in place; a submitted verdict is frozen (409).",
    )
    async def update(
        self,
        claim_id: FromPath[str],
        verdict_id: FromPath[str],
        data: JSONBody[VerdictUpdate],
        services: Services,
        caller: CallerDep,
    ) -> Verdict:
        """Edits the rating, summary or cited evidence of a draft."""
        return await service.update_draft(services.graph, caller, claim_id, verdict_id, data)

    @get("/", guards=[requires(Permission.READ_INTERNAL)], summary="Every version of a claim's verdict")
    async def history(self, claim_id: FromPath[str], services: Services) -> VerdictHistory:
        """The claim's verdicts in every state, oldest version first."""
        return await service.list_history(services.graph, claim_id)

    @get("/{verdict_id:str}", guards=[requires(Permission.READ_INTERNAL)], summary="Read one verdict")
    async def read(self, claim_id: FromPath[str], verdict_id: FromPath[str], services: Services) -> Verdict:
        """One version of the claim's verdict, in any state."""
        return await service.get_verdict(services.graph, claim_id, verdict_id)
