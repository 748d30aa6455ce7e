"""The app's one outbound HTTP client, whose every connection passes the address guard."""

from __future__ import annotations

from urllib.parse import urlsplit

import httpx

from factcheck.fetching.transport import guarded_transport
from factcheck.settings import Settings

__all__ = ["allowed_hosts", "create_http_client"]


def allowed_hosts(settings: Settings) -> frozenset[str]:
    """Hosts that may be private: the configured allowlist, plus the LLM endpoint's host if set."""
    hosts = set(settings.http_allowed_hosts)
    if settings.extractor == "llm" and settings.llm_base_url:
        llm_host = urlsplit(settings.llm_base_url).hostname
        if llm_host:
            hosts.add(llm_host)
    return frozenset(hosts)


def create_http_client(settings: Settings) -> httpx.AsyncClient:
    """One pooled client for the app's life; redirects are followed by hand so each hop is checked."""
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=16)
    return httpx.AsyncClient(
        timeout=httpx.Timeout(settings.http_timeout_s),
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent},
        transport=guarded_transport(allowed_hosts(settings), limits),
        trust_env=False,
    )
