"""`/claims/{id}/trace` and `/verdicts/{id}/trace`, as JSON or as PROV-O JSON-LD."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from litestar import Controller, Response, get
from litestar.params import FromPath, QueryParameter

from factcheck.app_services import Services
from factcheck.auth.guards import requires
from factcheck.auth.roles import Permission
from factcheck.exports.prov import trace_to_prov
from factcheck.trace import service
from factcheck.trace.schemas import Trace

__all__ = ["TraceController"]

JSON_LD = "application/ld+json"
TraceFormat = Annotated[
    Literal["json", "prov"],
    QueryParameter(name="format", description="`json` (nodes and edges) or `prov` (PROV-O JSON-LD)"),
]
_DESCRIPTION = (
    "Nodes and edges: the claim, its article and publisher, the verdict versions, the evidence "
    "they cite, every DERIVED_FROM chain down to the documents and their sources, the audit events "
    "about all of these, and the users they name. Each document is re-hashed (`intact`). Chains "
    "deeper than FACTCHECK_TRACE_MAX_DEPTH are cut and listed in `truncated_at`. With "
    "`?format=prov` the same trace is W3C PROV-O in JSON-LD."
)


def _respond(trace: Trace, output: str) -> Response[Any]:
    if output == "prov":
        return Response(trace_to_prov(trace), media_type=JSON_LD)
    return Response(trace)


class TraceController(Controller):
    """What a claim's or a verdict's verdicts rest on, for auditors."""

    tags = ["trace"]

    @get(
        "/claims/{claim_id:str}/trace",
        guards=[requires(Permission.READ_AUDIT)],
        summary="Trace a claim's verdicts to their documents",
        description=_DESCRIPTION,
    )
    async def claim_trace(
        self, claim_id: FromPath[str], services: Services, output: TraceFormat = "json"
    ) -> Response[Trace | dict[str, Any]]:
        """Every version of the claim's verdict and all it rests on."""
        return _respond(
            await service.trace_claim(services.graph, claim_id, services.settings.trace_max_depth), output
        )

    @get(
        "/verdicts/{verdict_id:str}/trace",
        guards=[requires(Permission.READ_AUDIT)],
        summary="Trace a verdict to its documents",
        description=_DESCRIPTION
        + " Starting from a verdict, the trace holds it and the versions it supersedes.",
    )
    async def verdict_trace(
        self, verdict_id: FromPath[str], services: Services, output: TraceFormat = "json"
    ) -> Response[Trace | dict[str, Any]]:
        """The verdict, its earlier versions and all they rest on."""
        return _respond(
            await service.trace_verdict(services.graph, verdict_id, services.settings.trace_max_depth), output
        )
