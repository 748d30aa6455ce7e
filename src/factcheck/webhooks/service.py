"""Registering, reading and deactivating webhooks; each change appends an audit event."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import UTC, datetime

from factcheck.audit.chain import AuditEvent, EventSubject, append_event
from factcheck.errors import Conflict, NotFound
from factcheck.fetching import check_url
from factcheck.graph.store import Graph, Row, Transaction
from factcheck.pagination import KEYSET, decode_cursor, encode_cursor
from factcheck.webhooks import repository
from factcheck.webhooks.schemas import Delivery, DeliveryPage, DeliveryStatus, Webhook, WebhookCreate
from factcheck.webhooks.secrets import SecretBox

__all__ = ["deactivate", "get_webhook", "list_deliveries", "list_webhooks", "register"]

PLAIN = SecretBox()


async def register(
    graph: Graph, user: str, data: WebhookCreate, allowed_hosts: Collection[str], secrets: SecretBox = PLAIN
) -> Webhook:
    """Creates an active webhook, its secret sealed by `secrets`; UrlRefused (422) for a refused URL."""
    url = str(data.url)
    await check_url(url, allowed_hosts)
    webhook_id = str(uuid.uuid4())
    events = [event.value for event in data.events]
    hint = data.secret[-4:]

    async def work(tx: Transaction) -> Row:
        row = await repository.create_webhook(
            tx,
            id=webhook_id,
            url=url,
            events=events,
            secret=secrets.seal(data.secret),
            secret_hint=hint,
            user=user,
            now=datetime.now(UTC),
        )
        await append_event(
            tx,
            AuditEvent(
                user=user,
                action="webhook.created",
                subject=EventSubject("Webhook", webhook_id),
                to_state="active",
                data={"url": url, "events": events, "secret_hint": hint},
            ),
        )
        return row

    return Webhook.model_validate(await graph.transaction(work))


async def list_webhooks(graph: Graph, include_inactive: bool) -> list[Webhook]:
    """Webhooks newest first; deactivated ones only when `include_inactive`."""
    return [Webhook.model_validate(row) for row in await repository.list_webhooks(graph, include_inactive)]


async def get_webhook(graph: Graph, webhook_id: str) -> Webhook:
    """The webhook, active or not; NotFound when no webhook has the id."""
    row = await repository.get_webhook(graph, webhook_id)
    if row is None:
        raise NotFound(f"no webhook has the id {webhook_id!r}")
    return Webhook.model_validate(row)


async def deactivate(graph: Graph, user: str, webhook_id: str) -> Webhook:
    """Deactivates the webhook and cancels its pending deliveries, in one transaction.

    A delivery already in flight finishes that attempt and is never retried.

    Raises:
        NotFound: no webhook has the id.
        Conflict: the webhook was deactivated before.
    """

    async def work(tx: Transaction) -> Row:
        row = await repository.deactivate_webhook(tx, webhook_id, user, datetime.now(UTC))
        if row is None:
            raise NotFound(f"no webhook has the id {webhook_id!r}")
        if not row["was_active"]:
            raise Conflict(f"the webhook {webhook_id!r} is already deactivated")
        await append_event(
            tx,
            AuditEvent(
                user=user,
                action="webhook.deactivated",
                subject=EventSubject("Webhook", webhook_id),
                from_state="active",
                to_state="inactive",
                data={"cancelled_deliveries": row["cancelled"]},
            ),
        )
        return dict(row["webhook"])

    return Webhook.model_validate(await graph.transaction(work))


async def list_deliveries(
    graph: Graph, webhook_id: str, status: DeliveryStatus | None, cursor: str | None, limit: int
) -> DeliveryPage:
    """A page of the webhook's deliveries, newest first; NotFound when no webhook has the id."""
    after_at, after_id = decode_cursor(cursor, KEYSET)
    rows = await repository.list_deliveries(
        graph, webhook_id, status.value if status else None, after_at, after_id, limit + 1
    )
    if rows is None:
        raise NotFound(f"no webhook has the id {webhook_id!r}")
    items = [Delivery.model_validate(row) for row in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = encode_cursor(last["created_at"], last["id"])
    return DeliveryPage(items=items, next_cursor=next_cursor)
