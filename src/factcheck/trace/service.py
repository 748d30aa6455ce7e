"""Traces of claims and verdicts."""

from __future__ import annotations

from factcheck.errors import NotFound
from factcheck.graph.store import Graph
from factcheck.trace import repository
from factcheck.trace.build import build_trace
from factcheck.trace.schemas import Trace, TraceRoot

__all__ = ["trace_claim", "trace_verdict"]


async def trace_claim(graph: Graph, claim_id: str, depth: int) -> Trace:
    """The claim, its verdicts and all they rest on, `depth` links deep; NotFound for no claim."""
    row = await repository.trace_provenance(graph, depth, claim_id=claim_id)
    if row is None:
        raise NotFound(f"no claim has id {claim_id!r}", claim_id=claim_id)
    return build_trace(row, TraceRoot(label="Claim", id=claim_id), depth)


async def trace_verdict(graph: Graph, verdict_id: str, depth: int) -> Trace:
    """The verdict, the versions it supersedes, its claim, and all they rest on; NotFound for none."""
    row = await repository.trace_provenance(graph, depth, verdict_id=verdict_id)
    if row is None:
        raise NotFound(f"no verdict has id {verdict_id!r}", verdict_id=verdict_id)
    return build_trace(row, TraceRoot(label="Verdict", id=verdict_id), depth)
