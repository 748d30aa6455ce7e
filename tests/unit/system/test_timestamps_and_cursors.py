"""The shared timestamp check and cursor decoder, without a server."""

from __future__ import annotations

from datetime import datetime

import pytest
from pydantic import BaseModel, ValidationError

from factcheck.errors import BadRequest, Unprocessable
from factcheck.pagination import KEYSET, OFFSET, SCORED, decode_cursor, encode_cursor
from factcheck.timestamps import Timestamp, parse_timestamp, parse_timestamp_text


class Body(BaseModel):
    at: Timestamp


@pytest.mark.parametrize("text", ["2024-01-25T10:00:00+18:00", "2024-01-25T10:00:00-18:00", "2024-01-25"])
def test_storable_offsets_pass(text: str) -> None:
    assert parse_timestamp(text) == datetime.fromisoformat(text)
    assert Body(at=text).at == datetime.fromisoformat(text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["2024-01-25T10:00:00+18:01", "2024-01-25T10:00:00-23:00", "2024-01-25T10:00+01:00:30"]
)
def test_unstorable_offsets_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="offset"):
        parse_timestamp(text)
    with pytest.raises(ValidationError):
        Body(at=text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text", ["2024-01-25T10:00Z", "2024-01-25T10:00:00.123456789Z", "2024-01-25T10:00:00+05:30"]
)
def test_graph_time_texts_pass_unchanged(text: str) -> None:
    assert parse_timestamp_text(text) == text


@pytest.mark.parametrize(
    "text", ["20240125T1000", "2024-01-25 10:00", "2024-02-30T10:00Z", "2024-01-25T10:00Z[Mars/Base]"]
)
def test_other_time_texts_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_timestamp_text(text)


def test_cursors_round_trip() -> None:
    assert decode_cursor(encode_cursor("2024-01-25T10:00Z", "v-1"), KEYSET) == ["2024-01-25T10:00Z", "v-1"]
    assert decode_cursor(encode_cursor(1.5, "v-1"), SCORED) == [1.5, "v-1"]
    assert decode_cursor(encode_cursor(40), OFFSET) == [40]
    assert decode_cursor(None, KEYSET) == [None, None]


@pytest.mark.parametrize(
    ("shape", "values"),
    [
        (OFFSET, [-1]),
        (OFFSET, [True]),
        (OFFSET, [2.0]),
        (SCORED, [float("inf"), "x"]),
        (KEYSET, ["x", "y"]),
        (KEYSET, [1]),
    ],
)
def test_cursors_of_the_wrong_shape_are_unprocessable(
    shape: tuple[object, ...], values: list[object]
) -> None:
    with pytest.raises(Unprocessable):
        decode_cursor(encode_cursor(*values), shape)  # type: ignore[arg-type]


def test_undecodable_cursors_are_bad_requests() -> None:
    with pytest.raises(BadRequest):
        decode_cursor("%%%", KEYSET)
