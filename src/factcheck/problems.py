"""Maps every exception to an RFC 9457 `application/problem+json` response, once."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from litestar.types import ExceptionHandlersMap
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from factcheck.errors import FactcheckError

__all__ = ["PROBLEM_JSON", "exception_handlers", "problem_response"]

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://factcheck.dev/problems/"
log = logging.getLogger("factcheck.errors")


def problem_response(
    request: Request[Any, Any, Any],
    status: int,
    slug: str,
    title: str,
    detail: str,
    extra: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> Response[dict[str, Any]]:
    """Builds a problem details response; `extra` members are added at the top level."""
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    body.update(extra or {})
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _domain_error(request: Request[Any, Any, Any], exc: FactcheckError) -> Response[dict[str, Any]]:
    return problem_response(request, exc.status, exc.slug, exc.title, exc.detail, exc.extra)


def _http_error(request: Request[Any, Any, Any], exc: HTTPException) -> Response[dict[str, Any]]:
    status = exc.status_code
    slug: str
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    slug = phrase.lower().replace(" ", "-")
    extra: dict[str, Any] = {}
    detail = exc.detail or phrase
    if isinstance(exc, ValidationException):
        # Well-formed JSON that breaks the schema is unprocessable; malformed JSON stays 400.
        status, slug, phrase = 422, "validation-error", "Request validation failed"
        if exc.extra:
            extra["errors"] = exc.extra
    if status >= 500:
        detail = phrase
    return problem_response(request, status, slug, phrase, detail, extra, headers=exc.headers)


def _graph_unavailable(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    log.warning("Neo4j unavailable on %s %s: %s", request.method, request.url.path, exc)
    return problem_response(
        request,
        503,
        "graph-unavailable",
        "Graph store unavailable",
        "The graph store cannot be reached right now; nothing was changed. Try again shortly.",
        headers={"Retry-After": "5"},
    )


def _unexpected_error(request: Request[Any, Any, Any], exc: Exception) -> Response[dict[str, Any]]:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(
        request, 500, "internal-error", "Internal error", "The server failed to handle this request."
    )


exception_handlers: ExceptionHandlersMap = {
    FactcheckError: _domain_error,
    HTTPException: _http_error,
    ServiceUnavailable: _graph_unavailable,
    SessionExpired: _graph_unavailable,
    Exception: _unexpected_error,
}
