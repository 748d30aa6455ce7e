"""CPU seconds used by processes, read from /proc: who spent the CPU during a round."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

__all__ = ["CpuMeter", "cpu_seconds"]

_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of `pid` so far, with its children that ended; 0.0 when it is gone.

    Ended children count because `factcheck ingest` drafts on worker processes that stop when
    the ingest does.
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return sum(int(value) for value in fields[11:15]) / _TICKS


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
