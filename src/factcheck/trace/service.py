"""Traces of claims and verdicts."""

from __future__ import annotations

from factcheck.errors import NotFound
from factcheck.state import AppServices
from factcheck.trace import repository
from factcheck.trace.build import build_trace
from factcheck.trace.schemas import Trace, TraceRoot

__all__ = ["trace_claim", "trace_verdict"]


async def trace_claim(services: AppServices, claim_id: str) -> Trace:
    """The claim, every version of its verdict, and all they rest on; NotFound for no claim."""
    depth = services.settings.trace_max_depth
    row = await repository.trace_provenance(services.graph, depth, claim_id=claim_id)
    if row is None:
        raise NotFound(f"no claim has id {claim_id!r}", claim_id=claim_id)
    return build_trace(row, TraceRoot(label="Claim", id=claim_id), depth)


async def trace_verdict(services: AppServices, verdict_id: str) -> Trace:
    """The verdict, the versions it supersedes, its claim, and all they rest on; NotFound for none."""
    depth = services.settings.trace_max_depth
    row = await repository.trace_provenance(services.graph, depth, verdict_id=verdict_id)
    if row is None:
        raise NotFound(f"no verdict has id {verdict_id!r}", verdict_id=verdict_id)
    return build_trace(row, TraceRoot(label="Verdict", id=verdict_id), depth)
