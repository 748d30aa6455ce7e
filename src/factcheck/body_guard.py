"""Checks JSON request bodies before Litestar decodes them: the media type, and how deep they nest.

A handler that takes a JSON `data` body gets 415 for a body of another media type, and 400
for JSON nested deeper than the limit. The depth is counted while the body streams in, so a
body of a million brackets is refused at the limit, before any parser can run out of stack.
"""

from __future__ import annotations

import re
from typing import Any

from litestar.enums import RequestEncodingType, ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.params import BodyKwarg
from litestar.types import ASGIApp, Receive, ReceiveMessage, Scope, Send

from factcheck.errors import BadRequest, FactcheckError

__all__ = ["JsonBodyGuard", "JsonDepthScanner", "UnsupportedMediaType", "is_json_media_type"]

_SPECIAL = re.compile(rb'["\\\[\]{}]')
_QUOTE, _BACKSLASH = ord('"'), ord("\\")
_OPENERS, _CLOSERS = frozenset(b"[{"), frozenset(b"]}")


class UnsupportedMediaType(FactcheckError):
    """The body is not JSON, and the endpoint reads only JSON."""

    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


class JsonTooDeep(BadRequest):
    """The JSON body nests deeper than the service reads."""

    slug, title = "json-too-deep", "JSON nested too deeply"


def is_json_media_type(content_type: str) -> bool:
    """True for `application/json` and `application/<anything>+json`, parameters ignored."""
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


class JsonDepthScanner:
    """Counts bracket depth outside strings across chunks; raises JsonTooDeep past `limit`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.depth = 0
        self.in_string = False
        self.escaped = False  # the last chunk ended on a backslash inside a string

    def feed(self, chunk: bytes) -> None:
        """Scans one more chunk of the body."""
        position = 0
        if self.escaped and chunk:
            self.escaped, position = False, 1
        size = len(chunk)
        while (match := _SPECIAL.search(chunk, position)) is not None:
            byte = chunk[match.start()]
            position = match.start() + 1
            if self.in_string:
                if byte == _BACKSLASH:
                    if position >= size:
                        self.escaped = True
                        return
                    position += 1
                elif byte == _QUOTE:
                    self.in_string = False
            elif byte == _QUOTE:
                self.in_string = True
            elif byte in _OPENERS:
                self.depth += 1
                if self.depth > self.limit:
                    raise JsonTooDeep(
                        f"the JSON body nests deeper than {self.limit} levels", max_depth=self.limit
                    )
            elif byte in _CLOSERS:
                self.depth -= 1


def _takes_json_body(handler: Any) -> bool:
    data = handler.parsed_fn_signature.parameters.get("data")
    if data is None:
        return False
    kwarg = data.kwarg_definition
    return not isinstance(kwarg, BodyKwarg) or kwarg.media_type == RequestEncodingType.JSON


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


class JsonBodyGuard(ASGIMiddleware):
    """Refuses non-JSON bodies (415) and over-deep JSON (400) on endpoints that read JSON."""

    scopes = (ScopeType.HTTP,)

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        """Passes other endpoints through untouched."""
        if not _takes_json_body(scope["route_handler"]):
            await next_app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        has_body = (length is not None and length.strip() not in ("", "0")) or (
            _header(scope, b"transfer-encoding") is not None
        )
        content_type = _header(scope, b"content-type") or ""
        if has_body and not is_json_media_type(content_type):
            shown = content_type.split(";", 1)[0].strip() or "none"
            raise UnsupportedMediaType(
                f"this endpoint reads application/json, not {shown}", accepted=["application/json"]
            )
        scanner = JsonDepthScanner(self.max_depth)

        async def scanned_receive() -> ReceiveMessage:
            message = await receive()
            if message["type"] == "http.request":
                scanner.feed(message.get("body", b""))
            return message

        await next_app(scope, scanned_receive, send)
