"""When a failed delivery is tried again, and when it is given up: pure functions."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

__all__ = ["backoff_s", "plan_outcome"]

_MAX_EXPONENT = 62


def backoff_s(attempts: int, base_s: float, cap_s: float, rand: Callable[[], float] = random.random) -> float:
    """Seconds to wait after a failure, when `attempts` attempts had failed before it.

    The ceiling is `min(cap_s, base_s * 2**attempts)`; the wait is half the ceiling plus a
    random share of the other half ("equal jitter"), so workers that failed together spread out.
    """
    ceiling = min(cap_s, base_s * 2.0 ** min(max(attempts, 0), _MAX_EXPONENT))
    return ceiling / 2 + rand() * ceiling / 2


def plan_outcome(
    delivery_id: str,
    prior_attempts: int,
    ok: bool,
    response_status: int | None,
    error: str | None,
    *,
    now: datetime,
    base_s: float,
    cap_s: float,
    max_attempts: int,
    rand: Callable[[], float] = random.random,
) -> dict[str, Any]:
    """The row `record_outcomes` writes for one attempt: delivered, pending again, or dead."""
    if ok:
        status, next_at = "delivered", None
    elif prior_attempts + 1 >= max_attempts:
        status, next_at = "dead", None
    else:
        status = "pending"
        next_at = now + timedelta(seconds=backoff_s(prior_attempts, base_s, cap_s, rand))
    return {
        "id": delivery_id,
        "status": status,
        "response_status": response_status,
        "error": error,
        "next_attempt_at": next_at,
    }
