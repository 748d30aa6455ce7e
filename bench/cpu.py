"""CPU seconds used by processes (psutil): who spent the CPU during a round."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import psutil

__all__ = ["CpuMeter", "cpu_seconds"]


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of `pid` so far, with its children that ended; 0.0 when it is gone.

    Ended children count because `factcheck ingest` prepares articles on worker processes that stop when
    the ingest does.
    """
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return 0.0
    return float(times.user + times.system + times.children_user + times.children_system)


class CpuMeter:
    """CPU used by named groups of processes between `start()` and `stop()`."""

    def __init__(self, groups: Mapping[str, Sequence[int]]) -> None:
        self.groups = {name: list(pids) for name, pids in groups.items() if pids}
        self._before: dict[str, float] = {}

    def _now(self) -> dict[str, float]:
        return {name: sum(cpu_seconds(pid) for pid in pids) for name, pids in self.groups.items()}

    def start(self) -> None:
        """Takes the first reading."""
        self._before = self._now()

    def stop(self) -> dict[str, float]:
        """CPU seconds per group since `start()`."""
        after = self._now()
        return {name: round(after[name] - self._before.get(name, 0.0), 3) for name in after}
