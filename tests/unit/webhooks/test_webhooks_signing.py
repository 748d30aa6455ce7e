"""The signature scheme, as documented in docs/webhooks.md."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from factcheck.webhooks.signing import sign, signature, verify_signature

SECRET = "whsec-newsroom-0123456789"
BODY = b'{"data":{"rating":"false"},"id":"d-1","type":"verdict.published"}'
T = 1_706_140_800  # 2024-01-25T00:00:00Z


def test_header_is_t_and_hex_hmac_of_t_dot_body() -> None:
    expected = hmac.new(SECRET.encode(), f"{T}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert sign(SECRET, BODY, T) == f"t={T},v1={expected}"
    assert signature(SECRET, T, BODY.decode()) == expected


def test_a_fresh_signature_verifies() -> None:
    assert verify_signature(SECRET, sign(SECRET, BODY), BODY)
    assert verify_signature(SECRET, sign(SECRET, BODY, T), BODY.decode(), now=T + 299)
    assert verify_signature(SECRET, sign(SECRET, BODY, T), BODY, now=T - 299)  # clocks drift both ways


@pytest.mark.parametrize(
    ("case", "header", "body", "now"),
    [
        ("wrong secret", sign("another-secret-0123", BODY, T), BODY, T),
        ("altered body", sign(SECRET, BODY, T), BODY.replace(b"false", b"true"), T),
        ("too old", sign(SECRET, BODY, T), BODY, T + 301),
        ("from the future", sign(SECRET, BODY, T), BODY, T - 301),
        ("timestamp changed", sign(SECRET, BODY, T).replace(f"t={T}", f"t={T + 1}"), BODY, T),
        ("no timestamp", sign(SECRET, BODY, T).split(",")[1], BODY, T),
        ("no v1", f"t={T}", BODY, T),
        ("empty", "", BODY, T),
        ("garbage", "not a signature", BODY, T),
        ("negative timestamp", f"t=-{T},v1=" + signature(SECRET, T, BODY), BODY, T),
        ("upper-case hex", f"t={T},v1=" + signature(SECRET, T, BODY).upper(), BODY, T),
    ],
)
def test_what_does_not_verify(case: str, header: str, body: bytes, now: int) -> None:
    assert not verify_signature(SECRET, header, body, now=now)


def test_tolerance_is_adjustable_and_extra_keys_are_ignored() -> None:
    header = sign(SECRET, BODY, T)
    assert not verify_signature(SECRET, header, BODY, tolerance_s=10, now=T + 11)
    assert verify_signature(SECRET, header, BODY, tolerance_s=3600, now=T + 3000)
    rotated = f"t={T}, v1={'0' * 64}, v1={signature(SECRET, T, BODY)}, v2=future"
    assert verify_signature(SECRET, rotated, BODY, now=T)
