"""Opaque cursors for keyset pagination, checked against the shape each listing expects.

A cursor that is not base64 JSON is a 400; one that decodes to the wrong shape or types
(a date that is not one, a negative skip) is a 422. Either way no query runs.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
from collections.abc import Callable
from typing import Any

from factcheck.errors import BadRequest, Unprocessable
from factcheck.timestamps import parse_timestamp_text

__all__ = ["KEYSET", "OFFSET", "SCORED", "CursorShape", "decode_cursor", "encode_cursor"]

MAX_SKIP = 100_000
MAX_ID_LENGTH = 200
_HINT = "use the `next_cursor` of a previous page"

Check = Callable[[Any], Any]
CursorShape = tuple[Check, ...]


def _timestamp(value: Any) -> Any:
    if value is None:  # a row without the time: the listing starts again at its top
        return None
    if not isinstance(value, str):
        raise TypeError("expected a timestamp")
    return parse_timestamp_text(value)


def _identifier(value: Any) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= MAX_ID_LENGTH:
        raise TypeError("expected an id")
    return value


def _score(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise TypeError("expected a finite score")
    return float(value)


def _skip(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SKIP:
        raise TypeError(f"expected a whole number from 0 to {MAX_SKIP}")
    return value


KEYSET: CursorShape = (_timestamp, _identifier)
"""(time, id) of the last item: newest-first listings."""
SCORED: CursorShape = (_score, _identifier)
"""(score, id) of the last item: ranked search results."""
OFFSET: CursorShape = (_skip,)
"""How many results to skip: search results ranked by the index."""


def encode_cursor(*values: Any) -> str:
    """An opaque, URL-safe cursor holding the sort key of the last item on a page."""
    raw = json.dumps(list(values), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, shape: CursorShape) -> list[Any]:
    """The checked values in a cursor, or Nones when there is none.

    Raises BadRequest when it is not a cursor at all, Unprocessable when its values do not fit `shape`.
    """
    if not cursor:
        return [None] * len(shape)
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, binascii.Error, RecursionError):
        raise BadRequest(f"the cursor is malformed; {_HINT}", field="cursor") from None
    if not isinstance(values, list) or len(values) != len(shape):
        raise Unprocessable(f"the cursor does not belong to this listing; {_HINT}", field="cursor")
    try:
        return [check(value) for check, value in zip(shape, values, strict=True)]
    except (TypeError, ValueError) as exc:
        raise Unprocessable(f"the cursor holds a bad value ({exc}); {_HINT}", field="cursor") from None
