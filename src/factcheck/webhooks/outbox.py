"""`enqueue()`: the outbox write that commits with the change newsrooms are told about."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from factcheck.audit.chain import canonical_json
from factcheck.graph.queries import query
from factcheck.graph.store import Runner
from factcheck.webhooks.events import WebhookEvent

__all__ = ["enqueue"]

ENQUEUE_DELIVERIES = query("webhooks/enqueue_deliveries")


async def enqueue(runner: Runner, event_type: str, payload: Mapping[str, Any]) -> int:
    """Adds a pending delivery of `payload` for each active webhook subscribed to `event_type`.

    Call it inside the write transaction that makes the change, so the deliveries commit or
    roll back with it; the dispatcher sends them after the commit. One query, whatever the
    number of webhooks. `payload` is stored as canonical JSON (sorted keys; dates as strings)
    and sent as the delivery's `data`.

    Returns:
        How many deliveries were created: 0 when no active webhook subscribes to the type.

    Raises:
        ValueError: `event_type` is not one of `WebhookEvent`, or `payload` is not a mapping.
    """
    try:
        event = WebhookEvent(event_type)
    except ValueError:
        known = ", ".join(e.value for e in WebhookEvent)
        raise ValueError(f"unknown webhook event type {event_type!r}; expected one of: {known}") from None
    if not isinstance(payload, Mapping):
        raise ValueError(f"a webhook payload is a JSON object, not {type(payload).__name__}")
    rows = await runner.run(
        ENQUEUE_DELIVERIES,
        event_type=event.value,
        payload=canonical_json(dict(payload)),
        now=datetime.now(UTC),
    )
    return int(rows[0]["created"]) if rows else 0
