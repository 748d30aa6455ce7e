"""What every scenario shares: merged round statistics, results, and interleaved rounds."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bench.cpu import CpuMeter
from bench.load import RoundResult

__all__ = ["Result", "RoundFn", "Side", "compare", "percentile"]

RoundFn = Callable[[int], Awaitable[RoundResult]]
"""Runs one round; the argument is the round number, -1 for the warm-up."""


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by the nearest-rank method; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(slots=True)
class Side:
    """The measured rounds of one side (service or driver), merged."""

    latencies_ms: list[float] = field(default_factory=list)
    units: int = 0
    operations: int = 0
    elapsed_s: float = 0.0
    rounds: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    cpu_s: Counter[str] = field(default_factory=Counter)
    unit_scale: float = 1.0  # e.g. bytes per unit for KB/s

    def add(self, result: RoundResult, cpu: dict[str, float]) -> None:
        """Merges one round."""
        self.latencies_ms.extend(x * 1000 for x in result.latencies)
        self.units += result.units
        self.operations += len(result.latencies)
        self.elapsed_s += result.elapsed_s
        self.rounds += 1
        self.statuses.update(result.statuses)
        self.errors.extend(result.errors[: max(0, 5 - len(self.errors))])
        self.cpu_s.update(cpu)

    @property
    def throughput(self) -> float:
        """Units of work per second of measured time."""
        return self.units * self.unit_scale / self.elapsed_s if self.elapsed_s else 0.0

    @property
    def p50(self) -> float:
        """Median latency of one operation, in ms."""
        return percentile(self.latencies_ms, 50)

    @property
    def p99(self) -> float:
        """99th percentile latency of one operation, in ms."""
        return percentile(self.latencies_ms, 99)

    def cpu_ms_per_op(self) -> dict[str, float]:
        """CPU milliseconds per operation, by process group."""
        if not self.operations:
            return {}
        return {name: round(s * 1000 / self.operations, 3) for name, s in self.cpu_s.items()}

    def cores(self) -> dict[str, float]:
        """CPU cores kept busy during the measured rounds, by process group."""
        if not self.elapsed_s:
            return {}
        return {name: round(s / self.elapsed_s, 3) for name, s in self.cpu_s.items()}

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        return {
            "p50_ms": _round(self.p50),
            "p99_ms": _round(self.p99),
            "throughput": _round(self.throughput),
            "units": self.units,
            "operations": self.operations,
            "elapsed_s": round(self.elapsed_s, 3),
            "rounds": self.rounds,
            "statuses": dict(self.statuses),
            "errors": self.errors,
            "cpu_s": {k: round(v, 3) for k, v in self.cpu_s.items()},
            "cpu_ms_per_op": self.cpu_ms_per_op(),
            "cpu_cores": self.cores(),
        }


def _round(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 3)


@dataclass(slots=True)
class Result:
    """One row of the table: a scenario's service side against its driver side."""

    scenario: str
    name: str
    unit: str
    graph: str
    service: Side
    driver: Side | None
    driver_name: str = ""
    target: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        """Service throughput / driver throughput."""
        if self.driver is None or not self.driver.throughput:
            return None
        return self.service.throughput / self.driver.throughput

    @property
    def verdict(self) -> str:
        """Whether the ratio meets the target: "ok", "below", or "" without a target."""
        if self.target is None or self.ratio is None:
            return ""
        return "ok" if self.ratio >= self.target else "below"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        return {
            "scenario": self.scenario,
            "name": self.name,
            "driver_name": self.driver_name,
            "unit": self.unit,
            "graph": self.graph,
            "service": self.service.as_dict(),
            "driver": self.driver.as_dict() if self.driver else None,
            "ratio": None if self.ratio is None else round(self.ratio, 3),
            "target": self.target,
            "meets_target": None if not self.verdict else self.verdict == "ok",
            "notes": self.notes,
        }


async def compare(
    service: RoundFn,
    driver: RoundFn | None,
    rounds: int,
    meter: Callable[[], CpuMeter],
    label: str,
    unit_scale: float = 1.0,
    retries: Callable[[], dict[str, int]] | None = None,
) -> tuple[Side, Side | None]:
    """A warm-up round of each side, then `rounds` measured rounds, alternating service/driver."""
    await service(-1)
    if driver is not None:
        await driver(-1)
    sides = (Side(unit_scale=unit_scale), Side(unit_scale=unit_scale) if driver else None)
    for number in range(rounds):
        for name, run, side in (("service", service, sides[0]), ("driver", driver, sides[1])):
            if run is None or side is None:
                continue
            cpu = meter()
            before = retries() if retries else {}
            cpu.start()
            result = await run(number)
            used = cpu.stop()
            for where, count in (retries() if retries else {}).items():
                if count > before.get(where, 0):
                    result.statuses[f"{where} retries"] = count - before.get(where, 0)
            side.add(result, used)
            rate = result.units * unit_scale / result.elapsed_s if result.elapsed_s else 0.0
            bad = {k: v for k, v in result.statuses.items() if k not in ("200", "201", "ok", "created")}
            print(f"  {label} [{name} {number + 1}/{rounds}] {rate:9.1f}/s {bad or ''}", flush=True)
    return sides
