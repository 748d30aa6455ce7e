"""POSTs one claimed delivery: address guard, signature, timeout, no redirects followed."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Collection
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

import httpx

from factcheck.audit.chain import canonical_json
from factcheck.fetching import UrlRefused, check_url
from factcheck.graph.store import Row
from factcheck.webhooks.signing import DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, sign

__all__ = ["Attempt", "ClaimedDelivery", "send", "utc_timestamp"]

log = logging.getLogger("factcheck.webhooks")
_MAX_ERROR = 500


@dataclass(frozen=True, slots=True)
class ClaimedDelivery:
    """A delivery leased to this worker, with what it needs from its webhook."""

    id: str
    event_type: str
    payload: str
    attempts: int
    created_at: str
    webhook_id: str
    url: str
    secret: str

    @classmethod
    def from_row(cls, row: Row) -> ClaimedDelivery:
        """From a `claim_deliveries` row; `created_at` becomes fixed-width UTC ISO 8601."""
        values = {f.name: row[f.name] for f in fields(cls)}
        values["created_at"] = utc_timestamp(values["created_at"].to_native())
        return cls(**values)

    def body(self) -> bytes:
        """The request body, the same bytes on every attempt: `{id, type, created_at, data}`."""
        envelope: dict[str, Any] = {
            "id": self.id,
            "type": self.event_type,
            "created_at": self.created_at,
            "data": json.loads(self.payload),
        }
        return canonical_json(envelope).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Attempt:
    """How one POST went: `ok` for a 2xx answer, else the reason."""

    ok: bool
    response_status: int | None = None
    error: str | None = None


async def send(
    client: httpx.AsyncClient, delivery: ClaimedDelivery, timeout_s: float, allowed_hosts: Collection[str]
) -> Attempt:
    """POSTs the delivery signed; never raises (except on cancellation), returns the outcome."""
    try:
        async with asyncio.timeout(timeout_s):
            await check_url(delivery.url, allowed_hosts)
            return await _post(client, delivery, timeout_s)
    except UrlRefused as exc:
        return Attempt(ok=False, error=_short(f"refused: {exc.detail}"))
    except (TimeoutError, httpx.TimeoutException):
        return Attempt(ok=False, error=f"timed out after {timeout_s:g}s")
    except httpx.HTTPError as exc:
        return Attempt(ok=False, error=_short(f"{exc.__class__.__name__}: {exc}"))
    except Exception as exc:  # one broken delivery must not stop the batch
        log.exception("webhook delivery %s failed unexpectedly", delivery.id)
        return Attempt(ok=False, error=_short(f"{exc.__class__.__name__}: {exc}"))


async def _post(client: httpx.AsyncClient, delivery: ClaimedDelivery, timeout_s: float) -> Attempt:
    body = delivery.body()
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(delivery.secret, body),
        EVENT_HEADER: delivery.event_type,
        DELIVERY_HEADER: delivery.id,
    }
    # The response body is never read: only its status counts, and a large one costs nothing.
    async with client.stream(
        "POST", delivery.url, content=body, headers=headers, timeout=timeout_s, follow_redirects=False
    ) as response:
        status = response.status_code
    if 200 <= status < 300:
        return Attempt(ok=True, response_status=status)
    if 300 <= status < 400:
        return Attempt(ok=False, response_status=status, error=f"HTTP {status}; redirects are not followed")
    return Attempt(ok=False, response_status=status, error=f"HTTP {status}")


def utc_timestamp(moment: datetime) -> str:
    """`2024-01-25T10:00:00.000000Z`: always microseconds, so the strings sort in time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _short(text: str) -> str:
    return text if len(text) <= _MAX_ERROR else text[: _MAX_ERROR - 1] + "…"
