"""The domain exception tree. Each maps to one RFC 9457 problem type.

FactcheckError (500)
├── BadRequest (400)
├── Unauthenticated (401)
├── Forbidden (403)
├── NotFound (404)
├── Conflict (409)
├── PayloadTooLarge (413)
├── Unprocessable (422)
├── UpstreamError (502)
└── Unavailable (503)
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = [
    "BadRequest",
    "Conflict",
    "FactcheckError",
    "Forbidden",
    "NotFound",
    "PayloadTooLarge",
    "Unauthenticated",
    "Unavailable",
    "Unprocessable",
    "UpstreamError",
]


class FactcheckError(Exception):
    """Base of every error the service reports to a client."""

    status: ClassVar[int] = 500
    slug: ClassVar[str] = "internal-error"
    title: ClassVar[str] = "Internal error"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class BadRequest(FactcheckError):
    status, slug, title = 400, "bad-request", "Bad request"


class Unauthenticated(FactcheckError):
    status, slug, title = 401, "unauthenticated", "Missing or invalid API key"


class Forbidden(FactcheckError):
    status, slug, title = 403, "forbidden", "Not allowed for this role"


class NotFound(FactcheckError):
    status, slug, title = 404, "not-found", "Not found"


class Conflict(FactcheckError):
    status, slug, title = 409, "conflict", "Conflict with the current state"


class PayloadTooLarge(FactcheckError):
    status, slug, title = 413, "payload-too-large", "Payload too large"


class Unprocessable(FactcheckError):
    status, slug, title = 422, "unprocessable", "Input cannot be processed"


class UpstreamError(FactcheckError):
    status, slug, title = 502, "upstream-error", "Upstream fetch failed"


class Unavailable(FactcheckError):
    status, slug, title = 503, "unavailable", "Service unavailable"
