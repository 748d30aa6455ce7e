"""Fetches one URL through the shared client, re-checking every redirect hop."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from factcheck.errors import PayloadTooLarge, UpstreamError
from factcheck.fetching.guard import check_url_form
from factcheck.settings import Settings

__all__ = ["FetchPolicy", "FetchedResource", "fetch"]

_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits for one fetch. Which addresses may be reached is the client's transport's rule."""

    timeout_s: float = 10.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchPolicy:
        """The policy the settings describe."""
        return cls(
            timeout_s=settings.http_timeout_s,
            max_bytes=settings.http_max_bytes,
            max_redirects=settings.http_max_redirects,
        )


@dataclass(frozen=True, slots=True)
class FetchedResource:
    """The bytes and metadata of a fetched URL."""

    url: str
    final_url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes

    @property
    def media_type(self) -> str:
        """The content type without parameters, lower-cased."""
        return self.content_type.split(";", 1)[0].strip().lower()

    def text(self) -> str:
        """The body decoded with the declared charset, else UTF-8, replacing bad bytes."""
        return self.body.decode(self.charset or "utf-8", errors="replace")


async def fetch(client: httpx.AsyncClient, url: str, policy: FetchPolicy) -> FetchedResource:
    """GETs `url`; raises UrlRefused, PayloadTooLarge, or UpstreamError with the reason."""
    try:
        async with asyncio.timeout(policy.timeout_s):
            return await _follow(client, url, policy)
    except TimeoutError:
        raise UpstreamError(f"fetching {url} timed out after {policy.timeout_s:g}s", url=url) from None
    except httpx.TimeoutException:
        raise UpstreamError(f"fetching {url} timed out", url=url) from None
    except httpx.HTTPError as exc:
        raise UpstreamError(f"fetching {url} failed: {exc.__class__.__name__}: {exc}", url=url) from None


async def _follow(client: httpx.AsyncClient, url: str, policy: FetchPolicy) -> FetchedResource:
    current = url
    for _ in range(policy.max_redirects + 1):
        check_url_form(current)  # the transport resolves and checks the address it connects to
        async with client.stream("GET", current) as response:
            if response.status_code in _REDIRECTS and "location" in response.headers:
                current = urljoin(current, response.headers["location"])
                continue
            if response.status_code >= 400:
                raise UpstreamError(
                    f"{current} answered HTTP {response.status_code}",
                    url=url,
                    upstream_status=response.status_code,
                )
            body = await _read_capped(response, policy.max_bytes, current)
            return FetchedResource(
                url=url,
                final_url=str(response.url),
                status=response.status_code,
                content_type=response.headers.get("content-type", "application/octet-stream"),
                charset=response.charset_encoding,
                body=body,
            )
    raise UpstreamError(f"more than {policy.max_redirects} redirects from {url}", url=url)


async def _read_capped(response: httpx.Response, max_bytes: int, url: str) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise PayloadTooLarge(f"{url} declares {declared} bytes; the limit is {max_bytes}", url=url)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise PayloadTooLarge(f"{url} sends more than {max_bytes} bytes", url=url)
        chunks.append(chunk)
    return b"".join(chunks)
