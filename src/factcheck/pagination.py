"""Opaque cursors for keyset pagination."""

from __future__ import annotations

import base64
import json
from typing import Any

from factcheck.errors import BadRequest

__all__ = ["decode_cursor", "encode_cursor"]


def encode_cursor(*values: Any) -> str:
    """An opaque, URL-safe cursor holding the sort key of the last item on a page."""
    raw = json.dumps(list(values), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, arity: int) -> list[Any]:
    """The values in a cursor, or `arity` Nones when there is none; BadRequest when malformed."""
    if not cursor:
        return [None] * arity
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except ValueError:
        raise BadRequest("the cursor is malformed; use the `next_cursor` of a previous page") from None
    if not isinstance(values, list) or len(values) != arity:
        raise BadRequest("the cursor is malformed; use the `next_cursor` of a previous page")
    return values
