"""`GET /claims/{claim_id}/history` and `GET /audit/verify`."""

from __future__ import annotations

from litestar import Controller, get
from litestar.params import FromPath

from factcheck.app_services import Services
from factcheck.audit import service
from factcheck.audit.schemas import ChainVerification, ClaimHistory
from factcheck.auth.guards import requires
from factcheck.auth.roles import Permission

__all__ = ["AuditController"]


class AuditController(Controller):
    """The tamper-evident record of every write."""

    tags = ["audit"]

    @get(
        "/claims/{claim_id:str}/history",
        guards=[requires(Permission.READ_AUDIT)],
        summary="A claim's audit events",
        description="Events about the claim, its verdicts and its evidence, in chain (seq) order.",
    )
    async def history(self, claim_id: FromPath[str], services: Services) -> ClaimHistory:
        """Every recorded step of the claim's review."""
        return await service.claim_history(services.graph, claim_id)

    @get(
        "/audit/verify",
        guards=[requires(Permission.READ_AUDIT)],
        summary="Verify the whole audit chain",
        description="Walks every event in seq order, recomputing each hash. `ok` is false and "
        "`first_broken` names the seq, event and reason (missing seq, prev_hash mismatch, hash "
        "mismatch, follows mismatch, head mismatch) when a link does not hold.",
        cache=False,
    )
    async def verify(self, services: Services) -> ChainVerification:
        """200 with the walk's result, broken or not."""
        return await service.verify(services.graph)
