"""Webhook request and response shapes. Secrets go in and never come out."""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from factcheck.webhooks.events import WebhookEvent

__all__ = ["Delivery", "DeliveryPage", "DeliveryStatus", "Webhook", "WebhookCreate", "WebhookList"]


class WebhookCreate(BaseModel):
    """A subscription: where to POST, which events, and the secret that signs each delivery."""

    model_config = ConfigDict(extra="forbid")

    url: HttpUrl = Field(description="http(s) URL on a public address (or an allowlisted host)")
    events: list[WebhookEvent] = Field(min_length=1, max_length=len(WebhookEvent))
    secret: str = Field(
        min_length=16,
        max_length=256,
        description="HMAC-SHA256 key for `X-Factcheck-Signature`; stored, never returned",
    )

    @field_validator("events")
    @classmethod
    def _distinct(cls, events: list[WebhookEvent]) -> list[WebhookEvent]:
        """Duplicates collapse; the events keep the order of `WebhookEvent`."""
        return [event for event in WebhookEvent if event in events]


class Webhook(BaseModel):
    """A registered webhook. `secret_hint` is the secret's last four characters."""

    id: str
    url: str
    events: list[WebhookEvent]
    secret_hint: str
    active: bool
    created_at: datetime
    created_by: str
    deactivated_at: datetime | None = None
    deactivated_by: str | None = None


class WebhookList(BaseModel):
    """Webhooks, newest first."""

    items: list[Webhook]


class DeliveryStatus(StrEnum):
    """Where a delivery is: waiting, in flight, done, given up, or cancelled with its webhook."""

    PENDING = "pending"
    SENDING = "sending"
    DELIVERED = "delivered"
    DEAD = "dead"
    CANCELLED = "cancelled"


class Delivery(BaseModel):
    """One event for one webhook, and how sending it went."""

    id: str = Field(description="also the body's `id` and the `X-Factcheck-Delivery` header")
    webhook_id: str
    event_type: WebhookEvent
    status: DeliveryStatus
    attempts: int
    last_error: str | None = None
    response_status: int | None = Field(default=None, description="HTTP status of the last attempt")
    created_at: datetime
    next_attempt_at: datetime | None = Field(default=None, description="set while pending")
    last_attempt_at: datetime | None = None
    delivered_at: datetime | None = None
    payload: dict[str, Any] = Field(description="the body's `data`")

    @field_validator("payload", mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        """The graph keeps the payload as a JSON string."""
        return json.loads(value) if isinstance(value, str) else value


class DeliveryPage(BaseModel):
    """A page of deliveries, newest first; pass `next_cursor` as `cursor` for the next one."""

    items: list[Delivery]
    next_cursor: str | None = None
