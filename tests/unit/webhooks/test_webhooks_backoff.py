"""Retry timing: capped exponential backoff with equal jitter, and when a delivery dies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from factcheck.webhooks.backoff import backoff_s, plan_outcome

NOW = datetime(2024, 1, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("attempts", "ceiling"), [(0, 5), (1, 10), (2, 20), (5, 160), (9, 2560), (10, 3600), (500, 3600)]
)
def test_backoff_doubles_up_to_the_cap(attempts: int, ceiling: float) -> None:
    assert backoff_s(attempts, 5, 3600, rand=lambda: 0.0) == ceiling / 2
    assert backoff_s(attempts, 5, 3600, rand=lambda: 1.0) == ceiling
    assert ceiling / 2 <= backoff_s(attempts, 5, 3600) <= ceiling


def test_a_success_is_delivered() -> None:
    row = plan_outcome("d", 3, True, 204, None, now=NOW, base_s=5, cap_s=60, max_attempts=4)
    assert row == {
        "id": "d",
        "status": "delivered",
        "response_status": 204,
        "error": None,
        "next_attempt_at": None,
    }


def test_a_failure_waits_for_its_backoff() -> None:
    row = plan_outcome(
        "d", 2, False, 503, "HTTP 503", now=NOW, base_s=5, cap_s=60, max_attempts=4, rand=lambda: 0.5
    )
    assert row["status"] == "pending" and row["error"] == "HTTP 503"
    assert row["next_attempt_at"] == NOW + timedelta(seconds=15)


def test_the_last_allowed_failure_is_dead() -> None:
    row = plan_outcome("d", 3, False, None, "timed out", now=NOW, base_s=5, cap_s=60, max_attempts=4)
    assert row["status"] == "dead" and row["next_attempt_at"] is None
    single = plan_outcome("d", 0, False, 500, "HTTP 500", now=NOW, base_s=5, cap_s=60, max_attempts=1)
    assert single["status"] == "dead"
