"""ETags and Cache-Control for newsroom reads; `If-None-Match` gets 304."""

from __future__ import annotations

import hashlib
from typing import Any

from litestar import Request, Response
from pydantic import BaseModel

from factcheck.audit.chain import canonical_json

__all__ = ["DETAIL_CACHE", "HISTORY_CACHE", "LIST_CACHE", "cached"]

LIST_CACHE = "public, max-age=30, stale-while-revalidate=30"
DETAIL_CACHE = "public, max-age=120, stale-while-revalidate=60"
HISTORY_CACHE = "public, max-age=86400"  # answers about a past moment change only on corrections


def cached(
    request: Request[Any, Any, Any], payload: BaseModel | dict[str, Any], cache_control: str, media_type: str
) -> Response[Any]:
    """200 with a strong ETag of the body, or 304 when the client already holds it."""
    body = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else payload
    etag = '"' + hashlib.sha256(canonical_json(body).encode()).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": cache_control, "Vary": "Authorization"}
    held = {tag.strip() for tag in request.headers.get("if-none-match", "").split(",")}
    if etag in held or "*" in held:
        return Response(None, status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)
