"""Turns a request (a URL to fetch, or an upload) into a snapshot ready to store."""

from __future__ import annotations

from datetime import UTC, datetime

import anyio
import httpx

from factcheck.documents.publisher import publisher_of
from factcheck.documents.schemas import DocumentCreate
from factcheck.documents.snapshot import Snapshot, read_text
from factcheck.errors import PayloadTooLarge
from factcheck.fetching import FetchPolicy, fetch
from factcheck.settings import Settings

__all__ = ["take_snapshot"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


async def take_snapshot(data: DocumentCreate, settings: Settings, http: httpx.AsyncClient) -> Snapshot:
    """Fetches `data.url`, or reads the upload; raises the fetcher's errors, 413, 415 or 422."""
    url = str(data.url) if data.url else None
    uploaded = data.uploaded
    if uploaded is not None:
        raw = uploaded.encode("utf-8")
        if len(raw) > settings.http_max_bytes:
            raise PayloadTooLarge(
                f"the upload has {len(raw)} bytes; the limit is {settings.http_max_bytes}",
                limit=settings.http_max_bytes,
            )
        content_type = "text/plain; charset=utf-8" if data.text is not None else "text/html; charset=utf-8"
        page = await anyio.to_thread.run_sync(read_text, raw, content_type, "utf-8", url)
        return Snapshot(
            origin="upload",
            url=url,
            final_url=None,
            http_status=None,
            content_type=content_type,
            raw=raw,
            text=page.text,
            title=data.title,
            retrieved_at=_now(),
            publisher=publisher_of(data.publisher or page.site_name, url),
        )
    assert url is not None
    fetched = await fetch(http, url, FetchPolicy.from_settings(settings))
    retrieved_at = _now()
    page = await anyio.to_thread.run_sync(
        read_text, fetched.body, fetched.content_type, fetched.charset, fetched.final_url
    )
    return Snapshot(
        origin="fetch",
        url=url,
        final_url=fetched.final_url,
        http_status=fetched.status,
        content_type=fetched.content_type,
        raw=fetched.body,
        text=page.text,
        title=data.title or page.title,
        retrieved_at=retrieved_at,
        publisher=publisher_of(data.publisher or page.site_name, fetched.final_url),
    )
