"""`X-Request-ID`: taken from the request (when it looks like an id) or made, and echoed back.

The id also goes into the metadata of every Neo4j transaction the request opens.
"""

from __future__ import annotations

import re
import uuid

from litestar.datastructures import MutableScopeHeaders
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from factcheck.graph.context import start_request

__all__ = ["HEADER", "request_id_middleware"]

HEADER = "x-request-id"
_ACCEPTED = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


def request_id_middleware(app: ASGIApp) -> ASGIApp:
    """Wraps `app` so that every HTTP response carries the request's id."""

    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await app(scope, receive, send)
            return
        sent = MutableScopeHeaders(scope).get(HEADER) or ""
        request_id = sent if _ACCEPTED.match(sent) else uuid.uuid4().hex
        start_request(request_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableScopeHeaders.from_message(message)[HEADER] = request_id
            await send(message)

        await app(scope, receive, send_with_id)

    return middleware
