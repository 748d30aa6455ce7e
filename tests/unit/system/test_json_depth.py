"""The streaming depth count of JSON bodies, fed in chunks of every size."""

from __future__ import annotations

import json

import pytest

from factcheck.body_guard import JsonDepthScanner, JsonTooDeep, is_json_media_type


def feed(body: bytes, limit: int, chunk: int) -> int:
    scanner = JsonDepthScanner(limit)
    for start in range(0, len(body), chunk):
        scanner.feed(body[start : start + chunk])
    return scanner.depth


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 4096])
def test_depth_counts_only_brackets_outside_strings(chunk: int) -> None:
    body = json.dumps({"a": [{"b": ['[[[{{ \\" "', "x\\\\"]}], "c": "]]]]"}).encode()
    assert feed(body, 4, chunk) == 0
    with pytest.raises(JsonTooDeep):
        feed(body, 3, chunk)


@pytest.mark.parametrize("chunk", [1, 5, 4096])
def test_too_deep_is_refused_at_the_limit(chunk: int) -> None:
    assert feed(b"[" * 8 + b"]" * 8, 8, chunk) == 0
    with pytest.raises(JsonTooDeep):
        feed(b"[" * 9 + b"]" * 9, 8, chunk)
    with pytest.raises(JsonTooDeep):
        feed(b'{"a":' * 100_000, 64, chunk if chunk > 1 else 64)


@pytest.mark.parametrize(
    ("content_type", "json_like"),
    [
        ("application/json", True),
        ("Application/JSON; charset=utf-8", True),
        ("application/ld+json", True),
        ("text/plain", False),
        ("application/jsonx", False),
        ("text/json+x", False),
        ("", False),
    ],
)
def test_json_media_types(content_type: str, json_like: bool) -> None:
    assert is_json_media_type(content_type) is json_like
