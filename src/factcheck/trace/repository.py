"""The trace query."""

from __future__ import annotations

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner

__all__ = ["DEPTH_CEILING", "trace_provenance"]

TRACE_PROVENANCE = query("trace/trace_provenance")
# The literal bound of the query's quantified path; FACTCHECK_TRACE_MAX_DEPTH may not exceed it.
DEPTH_CEILING = 32


async def trace_provenance(
    runner: Runner, max_depth: int, claim_id: str | None = None, verdict_id: str | None = None
) -> Row | None:
    """The provenance row of a claim or verdict; None when it does not exist."""
    return await runner.run_one(
        TRACE_PROVENANCE, claim_id=claim_id, verdict_id=verdict_id, max_depth=min(max_depth, DEPTH_CEILING)
    )
