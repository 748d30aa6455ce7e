"""Trace: `GET /claims/{id}/trace` of one claim as the graph grows around it.

The traced claim (two verdict versions, four evidence chains three deep, their documents,
sources and events) stays the same; only the rest of the graph grows. The driver side runs
trace/trace_provenance with the parameters the service passes.
"""

from __future__ import annotations

from typing import Any

from bench.context import BenchContext
from bench.load import HttpOp, ReadOp
from bench.scenarios.common import Result, compare

__all__ = ["run"]


async def run(ctx: BenchContext, claim_id: str, shape: dict[str, Any]) -> None:
    """Measures the trace at the graph's current size; appends the result to the context."""
    options = ctx.options
    http = [HttpOp("GET", f"/claims/{claim_id}/trace", "auditor")]
    params = {"claim_id": claim_id, "verdict_id": None, "max_depth": ctx.settings.trace_max_depth}
    raw = [ReadOp("trace/trace_provenance", params)]
    label = f"GET /claims/{{id}}/trace @ {ctx.graph_label()}"
    service, driver = await compare(
        ctx.rounds_of(http), ctx.rounds_of(raw), options.rounds, ctx.meter, label, retries=ctx.retries
    )
    nodes = await ctx.builder.count("Claim")
    ctx.results.append(
        Result(
            scenario="trace",
            name="GET /claims/{id}/trace",
            unit="req/s",
            graph=f"{nodes:,} claims",
            service=service,
            driver=driver,
            driver_name="trace/trace_provenance.cypher",
            notes=[
                f"the same claim: {shape['nodes']} nodes, {shape['edges']} edges, {shape['bytes']:,} bytes",
                f"concurrency {options.concurrency}",
            ],
        )
    )
