"""The app's one outbound HTTP client."""

from __future__ import annotations

import httpx

from factcheck.settings import Settings

__all__ = ["create_http_client"]


def create_http_client(settings: Settings) -> httpx.AsyncClient:
    """One pooled client for the app's life; redirects are followed by hand so each hop is checked."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(settings.http_timeout_s),
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent},
        limits=httpx.Limits(max_connections=64, max_keepalive_connections=16),
        trust_env=False,
    )
