"""Workflow: transitions per second, with many clients on a few claims and with one claim each.

Clients take their claim round candidate -> dismissed -> candidate (`dismiss` with a reason,
then `restore`), each sending the version it last saw. Under contention most requests find
the claim moved on and get 409; both outcomes are counted, throughput is successful
transitions per second. The driver side runs the same transaction without the service:
claims/lock_claim, workflow/move_claim and `factcheck.audit.chain.append_event`; it skips
the role guards, the transition table and the JSON around them.
"""

from __future__ import annotations

from bench.context import BenchContext
from bench.load import RoundResult, WorkflowJob
from bench.scenarios.common import Result, RoundFn, compare

__all__ = ["run"]


def _rounds(ctx: BenchContext, side: str, claims: list[str]) -> RoundFn:
    options = ctx.options

    async def round_(number: int) -> RoundResult:
        duration = options.warmup_s if number < 0 else options.duration_s
        job = WorkflowJob(
            side="service" if side == "service" else "driver",
            claims=tuple(claims),
            clients=options.concurrency,
            duration_s=duration,
            role="checker",
            user_id=ctx.users.ids["checker"],
        )
        return await ctx.load.run(job)

    return round_


async def run(ctx: BenchContext, claims: list[str]) -> None:
    """Measures both modes on the reserved candidate claims; appends the results."""
    options = ctx.options
    few = claims[: options.contention_claims]
    own = claims[options.contention_claims : options.contention_claims + options.concurrency]
    for mode, chosen in (("contention", few), ("no contention", own)):
        label = f"transitions, {mode}"
        service, driver = await compare(
            _rounds(ctx, "service", chosen),
            _rounds(ctx, "driver", chosen),
            options.rounds,
            ctx.meter,
            label,
            retries=ctx.retries,
        )
        notes = [f"{options.concurrency} clients on {len(chosen)} claims"]
        for side_name, side in (("service", service), ("driver", driver)):
            if side is None or not side.elapsed_s:
                continue
            conflicts = side.statuses.get("409", 0)
            notes.append(
                f"{side_name}: {side.units:,} transitions, {conflicts:,} 409s "
                f"({side.operations / side.elapsed_s:.0f} answers/s)"
            )
        ctx.results.append(
            Result(
                scenario="workflow",
                name=f"POST /claims/{{id}}/transitions ({mode})",
                unit="transitions/s",
                graph=ctx.graph_label(),
                service=service,
                driver=driver,
                driver_name="lock_claim + move_claim + append_event",
                notes=notes,
            )
        )
