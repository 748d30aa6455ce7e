"""The event types a webhook can subscribe to."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["WebhookEvent"]


class WebhookEvent(StrEnum):
    """What happened; sent as the delivery's `type` and the `X-Factcheck-Event` header."""

    VERDICT_PUBLISHED = "verdict.published"
    VERDICT_SUPERSEDED = "verdict.superseded"
    VERDICT_WITHDRAWN = "verdict.withdrawn"
    CLAIM_REOPENED = "claim.reopened"
