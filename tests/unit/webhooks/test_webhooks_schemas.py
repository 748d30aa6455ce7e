"""Registration input: events, secret and URL shape (the address guard runs in the service)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from factcheck.webhooks.schemas import Delivery, WebhookCreate

VALID: dict[str, Any] = {
    "url": "https://newsroom.example/hooks/factcheck",
    "events": ["claim.reopened", "verdict.published", "claim.reopened"],
    "secret": "s" * 16,
}


def test_events_collapse_into_their_canonical_order() -> None:
    hook = WebhookCreate.model_validate(VALID)
    assert [e.value for e in hook.events] == ["verdict.published", "claim.reopened"]
    assert WebhookCreate.model_validate({**VALID, "secret": "s" * 256}).secret == "s" * 256


@pytest.mark.parametrize(
    "change",
    [
        {"events": []},
        {"events": ["verdict.published", "verdict.retracted"]},
        {"events": None},
        {"secret": "s" * 15},
        {"secret": "s" * 257},
        {"url": "ftp://newsroom.example/x"},
        {"url": "newsroom.example/hooks"},
        {"url": "javascript:alert(1)"},
        {"extra": True},
    ],
)
def test_bad_registrations_are_refused(change: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        WebhookCreate.model_validate({**VALID, **change})


def test_a_delivery_reads_its_payload_from_json() -> None:
    delivery = Delivery.model_validate(
        {
            "id": "d-1",
            "webhook_id": "w-1",
            "event_type": "verdict.withdrawn",
            "status": "pending",
            "attempts": 0,
            "created_at": "2024-01-25T10:00:00.123456Z",
            "next_attempt_at": "2024-01-25T10:00:05Z",
            "payload": '{"verdict_id":"v-1"}',
        }
    )
    assert delivery.payload == {"verdict_id": "v-1"}
    assert delivery.next_attempt_at is not None and delivery.next_attempt_at.second == 5
