"""The outbound client connects only to the address it checked, against a real local server."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from tests.support.http_server import LocalSite, Route, serve

from factcheck.fetching import FetchPolicy, UrlRefused, check_url, fetch, guarded_transport
from factcheck.fetching.guard import Resolver

LIMITS = httpx.Limits(max_connections=4)


def resolver(*answers: list[str]) -> tuple[Resolver, list[str]]:
    """Answers each lookup with the next list (the last one repeats); records the names asked."""
    asked: list[str] = []

    async def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return answers[min(len(asked), len(answers)) - 1]

    return resolve, asked


@pytest.fixture
async def site() -> AsyncIterator[LocalSite]:
    with serve(
        {"/page": Route(body=b"<p>hello</p>"), "/hop": Route(status=302, headers={"Location": "/page"})}
    ) as s:
        yield s


async def test_the_connection_goes_to_the_checked_address_with_the_name_kept(site: LocalSite) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    resolve, asked = resolver(["127.0.0.1"])
    transport = guarded_transport({"news.example"}, LIMITS, resolve=resolve)
    async with httpx.AsyncClient(transport=transport) as client:
        fetched = await fetch(client, f"http://news.example:{port}/hop", FetchPolicy())
    assert fetched.body == b"<p>hello</p>"
    assert [(path, headers["host"]) for path, headers in site.seen] == [
        ("/hop", f"news.example:{port}"),
        ("/page", f"news.example:{port}"),
    ]
    assert asked == ["news.example"] * 2  # one checked lookup per connection (the server closes each)


async def test_a_name_that_resolves_to_a_private_address_is_refused_before_connecting(
    site: LocalSite,
) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    resolve, asked = resolver(["127.0.0.1"])
    transport = guarded_transport({"127.0.0.1"}, LIMITS, resolve=resolve)  # the address, not the name
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(UrlRefused, match=r"127\.0\.0\.1"):
            await fetch(client, f"http://news.example:{port}/page", FetchPolicy())
    assert site.seen == [] and asked == ["news.example"]


async def test_a_rebinding_answer_after_the_check_is_refused_at_connect(site: LocalSite) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    resolve, asked = resolver(["93.184.216.34"], ["127.0.0.1"])
    url = f"http://rebind.example:{port}/page"
    await check_url(url, resolve=resolve)  # the first answer is public
    transport = guarded_transport(set(), LIMITS, resolve=resolve)
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(UrlRefused, match=r"127\.0\.0\.1"):
            await client.get(url)
    assert site.seen == [] and asked == ["rebind.example", "rebind.example"]


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "localhost"])
async def test_literal_and_local_hosts_are_refused_by_the_real_resolver(site: LocalSite, host: str) -> None:
    port = site.base_url.rsplit(":", 1)[1]
    async with httpx.AsyncClient(transport=guarded_transport(set(), LIMITS)) as client:
        with pytest.raises(UrlRefused):
            await client.get(f"http://{host}:{port}/page")
    assert site.seen == []


async def test_an_allowlisted_host_is_served(site: LocalSite) -> None:
    async with httpx.AsyncClient(transport=guarded_transport({"127.0.0.1"}, LIMITS)) as client:
        response = await client.get(site.url("/page"))
    assert response.status_code == 200 and response.content == b"<p>hello</p>"


async def test_a_redirect_to_a_private_address_is_refused(site: LocalSite) -> None:
    site.routes["/away"] = Route(status=302, headers={"Location": "http://169.254.169.254/latest/meta-data"})
    async with httpx.AsyncClient(transport=guarded_transport({"127.0.0.1"}, LIMITS)) as client:
        with pytest.raises(UrlRefused, match=r"169\.254\.169\.254"):
            await fetch(client, site.url("/away"), FetchPolicy())
