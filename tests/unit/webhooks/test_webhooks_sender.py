"""One POST, against httpx.MockTransport: headers, body, and every way it can fail."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from factcheck.webhooks.sender import Attempt, ClaimedDelivery, send, utc_timestamp
from factcheck.webhooks.signing import verify_signature

SECRET = "whsec-newsroom-0123456789"
DELIVERY = ClaimedDelivery(
    id="d-1",
    event_type="verdict.superseded",
    payload='{"claim_id":"c-1","verdict_id":"v-2"}',
    attempts=0,
    created_at="2024-01-25T10:00:00Z",
    webhook_id="w-1",
    url="http://127.0.0.1:8901/hook",
    secret=SECRET,
)
ALLOWED = ["127.0.0.1"]


async def send_with(handler: httpx.MockTransport, delivery: ClaimedDelivery = DELIVERY) -> Attempt:
    async with httpx.AsyncClient(transport=handler, follow_redirects=True) as client:
        return await send(client, delivery, 1.0, ALLOWED)


async def test_a_2xx_is_delivered_with_signed_headers() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(202)

    assert await send_with(httpx.MockTransport(handler)) == Attempt(ok=True, response_status=202)
    [request] = seen
    assert request.method == "POST" and str(request.url) == DELIVERY.url
    assert request.headers["content-type"] == "application/json"
    assert request.headers["x-factcheck-event"] == "verdict.superseded"
    assert request.headers["x-factcheck-delivery"] == "d-1"
    assert verify_signature(SECRET, request.headers["x-factcheck-signature"], request.content)
    assert json.loads(request.content) == {
        "id": "d-1",
        "type": "verdict.superseded",
        "created_at": "2024-01-25T10:00:00Z",
        "data": {"claim_id": "c-1", "verdict_id": "v-2"},
    }
    assert request.content == DELIVERY.body()  # the same bytes every attempt


@pytest.mark.parametrize(
    ("status", "error"),
    [(500, "HTTP 500"), (404, "HTTP 404"), (410, "HTTP 410"), (301, "HTTP 301; redirects are not followed")],
)
async def test_other_answers_fail_with_their_status(status: int, error: str) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(status, headers={"Location": "http://127.0.0.1:8901/elsewhere"})

    # The client here would follow redirects; the sender tells it not to.
    assert await send_with(httpx.MockTransport(handler)) == Attempt(False, status, error)
    assert calls == [DELIVERY.url]


async def test_transport_errors_and_timeouts_are_reasons() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    failed = await send_with(httpx.MockTransport(refuse))
    assert not failed.ok and failed.error == "ConnectError: connection refused"

    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return httpx.Response(200)

    late = await send_with(httpx.MockTransport(slow))
    assert late == Attempt(ok=False, error="timed out after 1s")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://10.0.0.1/hook", "10.0.0.1"),
        ("http://169.254.169.254/latest", "169.254.169.254"),
        ("http://localhost:8901/hook", "'localhost' resolves to"),
        ("file:///etc/passwd", "only http and https"),
    ],
)
async def test_refused_addresses_are_never_contacted(url: str, reason: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"contacted {request.url}")

    attempt = await send_with(httpx.MockTransport(handler), replace(DELIVERY, url=url))
    assert not attempt.ok and attempt.response_status is None
    assert attempt.error is not None and attempt.error.startswith("refused: ") and reason in attempt.error


def test_timestamps_are_fixed_width_utc() -> None:
    assert utc_timestamp(datetime(2024, 1, 25, 10, tzinfo=UTC)) == "2024-01-25T10:00:00.000000Z"
    plus_two = timezone(timedelta(hours=2))
    assert (
        utc_timestamp(datetime(2024, 1, 25, 12, 0, 0, 120, tzinfo=plus_two)) == "2024-01-25T10:00:00.000120Z"
    )
