"""The signature scheme: `X-Factcheck-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`.

The HMAC key is the webhook's secret (UTF-8) and the message is `f"{t}.".encode() + body`,
where `body` is the exact bytes of the request body. A receiver recomputes it, compares in
constant time, and refuses timestamps too far from its own clock, which stops replays.
"""

from __future__ import annotations

import hashlib
import hmac
import time

__all__ = [
    "DELIVERY_HEADER",
    "EVENT_HEADER",
    "SIGNATURE_HEADER",
    "TOLERANCE_S",
    "sign",
    "signature",
    "verify_signature",
]

SIGNATURE_HEADER = "X-Factcheck-Signature"
EVENT_HEADER = "X-Factcheck-Event"
DELIVERY_HEADER = "X-Factcheck-Delivery"
TOLERANCE_S = 300


def _bytes(body: bytes | str) -> bytes:
    return body.encode("utf-8") if isinstance(body, str) else body


def signature(secret: str, timestamp: int, body: bytes | str) -> str:
    """Hex HMAC-SHA256 of `f"{timestamp}.{body}"` keyed with `secret`."""
    message = f"{timestamp}.".encode() + _bytes(body)
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign(secret: str, body: bytes | str, timestamp: int | None = None) -> str:
    """The `X-Factcheck-Signature` value for `body`, timestamped now unless given."""
    t = int(time.time()) if timestamp is None else timestamp
    return f"t={t},v1={signature(secret, t, body)}"


def verify_signature(
    secret: str,
    header: str,
    body: bytes | str,
    tolerance_s: float = TOLERANCE_S,
    *,
    now: float | None = None,
) -> bool:
    """True when `header` signs `body` with `secret` and its timestamp is within `tolerance_s`.

    Malformed headers, a missing timestamp or `v1`, a wrong secret, an altered body and a
    stale or future timestamp all give False; nothing raises. Several `v1=` values are
    allowed (any one may match), and unknown keys are ignored.
    """
    timestamp: int | None = None
    candidates: list[str] = []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            continue
        if key == "t" and value.isdigit() and timestamp is None:
            timestamp = int(value)
        elif key == "v1" and value:
            candidates.append(value)
    if timestamp is None or not candidates:
        return False
    clock = time.time() if now is None else now
    if abs(clock - timestamp) > tolerance_s:
        return False
    expected = signature(secret, timestamp, body)
    return any(hmac.compare_digest(expected, candidate) for candidate in candidates)
