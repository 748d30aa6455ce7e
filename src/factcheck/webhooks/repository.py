"""Named queries for webhooks and their deliveries."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner

__all__ = [
    "claim_deliveries",
    "create_webhook",
    "deactivate_webhook",
    "get_webhook",
    "list_deliveries",
    "list_webhooks",
    "record_outcomes",
]

CREATE_WEBHOOK = query("webhooks/create_webhook")
GET_WEBHOOK = query("webhooks/get_webhook")
LIST_WEBHOOKS = query("webhooks/list_webhooks")
DEACTIVATE_WEBHOOK = query("webhooks/deactivate_webhook")
LIST_DELIVERIES = query("webhooks/list_deliveries")
CLAIM_DELIVERIES = query("webhooks/claim_deliveries")
RECORD_OUTCOMES = query("webhooks/record_outcomes")


async def create_webhook(runner: Runner, **fields: Any) -> Row:
    """Creates an active webhook from `fields` (id, url, events, secret, secret_hint, user, now)."""
    [row] = await runner.run(CREATE_WEBHOOK, **fields)
    return dict(row["webhook"])


async def get_webhook(runner: Runner, webhook_id: str) -> Row | None:
    """The webhook without its secret; None when no webhook has the id."""
    row = await runner.run_one(GET_WEBHOOK, id=webhook_id)
    return dict(row["webhook"]) if row else None


async def list_webhooks(runner: Runner, include_inactive: bool) -> list[Row]:
    """Webhooks newest first, without secrets."""
    rows = await runner.run(LIST_WEBHOOKS, include_inactive=include_inactive)
    return [dict(row["webhook"]) for row in rows]


async def deactivate_webhook(runner: Runner, webhook_id: str, user: str, now: datetime) -> Row | None:
    """Deactivates the webhook and cancels its open deliveries.

    Returns `webhook`, `was_active` and `cancelled` (a count); None when no webhook has the id.
    """
    rows = await runner.run(DEACTIVATE_WEBHOOK, id=webhook_id, user=user, now=now)
    return rows[0] if rows else None


async def list_deliveries(
    runner: Runner,
    webhook_id: str,
    status: str | None,
    after_at: str | None,
    after_id: str | None,
    limit: int,
) -> list[Row] | None:
    """A page of the webhook's deliveries, newest first; None when no webhook has the id."""
    row = await runner.run_one(
        LIST_DELIVERIES,
        id=webhook_id,
        status=status,
        after_at=after_at,
        after_id=after_id,
        limit=limit,
    )
    return list(row["deliveries"]) if row else None


async def claim_deliveries(
    runner: Runner, token: str, now: datetime, lease_until: datetime, limit: int
) -> list[Row]:
    """Leases up to `limit` due deliveries to the pass named `token`, in one transaction.

    Each row has the delivery (id, event_type, payload, attempts, created_at) and its
    webhook's id, url and secret.
    """
    return await runner.run(CLAIM_DELIVERIES, token=token, now=now, lease_until=lease_until, limit=limit)


async def record_outcomes(runner: Runner, token: str, now: datetime, outcomes: Sequence[Row]) -> int:
    """Writes the outcomes of one pass in one statement; returns how many it still held."""
    if not outcomes:
        return 0
    row = await runner.run_one(RECORD_OUTCOMES, token=token, now=now, outcomes=list(outcomes))
    return int(row["recorded"]) if row else 0
