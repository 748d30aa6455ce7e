"""Refuses URLs whose host resolves to any address that is not plainly public.

Plainly public means globally routable unicast, and not a translation or tunnel form that
can lead somewhere else: 6to4 (2002::/16), Teredo (2001::/32), NAT64 (64:ff9b::/96 and
64:ff9b:1::/48), IPv4-compatible (::/96) and site-local (fec0::/10) are refused whatever
they embed. An IPv4-mapped address (::ffff:a.b.c.d) is judged by its IPv4 address.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Collection
from urllib.parse import urlsplit

from factcheck.errors import Unprocessable

__all__ = [
    "Resolver",
    "UrlRefused",
    "check_url",
    "check_url_form",
    "is_public_address",
    "resolve_public",
    "system_resolver",
]

Resolver = Callable[[str, int], Awaitable[list[str]]]

_REFUSED_V6 = tuple(
    ipaddress.IPv6Network(net)
    for net in (
        "2002::/16",  # 6to4
        "2001::/32",  # Teredo
        "64:ff9b::/96",  # NAT64, well-known prefix
        "64:ff9b:1::/48",  # NAT64, local-use prefix
        "::/96",  # IPv4-compatible (deprecated)
        "fec0::/10",  # site-local (deprecated)
        "fc00::/7",  # unique local
        "100::/64",  # discard-only
    )
)


class UrlRefused(Unprocessable):
    """The URL may not be fetched: bad scheme, no host, or a non-public address."""

    slug, title = "url-refused", "URL refused"


def is_public_address(address: str) -> bool:
    """True only for a globally routable unicast address that is not a tunnel or translation form."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip.is_site_local or any(ip in net for net in _REFUSED_V6):
            return False
    return ip.is_global and not (
        ip.is_multicast or ip.is_reserved or ip.is_unspecified or ip.is_loopback or ip.is_link_local
    )


async def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host`, in its order."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def check_url_form(url: str) -> str:
    """The URL's host; UrlRefused unless `url` is http(s) with a host. Resolves nothing."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UrlRefused(f"only http and https URLs can be fetched, not {parts.scheme or 'none'!r}", url=url)
    if not parts.hostname:
        raise UrlRefused("the URL has no host", url=url)
    return parts.hostname


async def resolve_public(
    host: str, port: int, allowed_hosts: Collection[str] = (), resolve: Resolver = system_resolver
) -> list[str]:
    """The addresses to connect to for `host`; UrlRefused when any of them is not public.

    A host in `allowed_hosts` (the name or literal address in the URL) is used as it resolves.
    """
    host = host.strip("[]")
    try:
        addresses = await resolve(host, port)
    except (OSError, UnicodeError) as exc:
        raise UrlRefused(f"the host {host!r} does not resolve: {exc}", host=host) from None
    if not addresses:
        raise UrlRefused(f"the host {host!r} does not resolve", host=host)
    if host in allowed_hosts:
        return addresses
    for address in addresses:
        if not is_public_address(address):
            raise UrlRefused(
                f"the host {host!r} resolves to {address}, a private, loopback, link-local or otherwise "
                "non-public address",
                host=host,
            )
    return addresses


async def check_url(
    url: str, allowed_hosts: Collection[str] = (), resolve: Resolver = system_resolver
) -> None:
    """Raises UrlRefused unless `url` is http(s) and every address of its host is public.

    Hosts in `allowed_hosts` (by name or literal address) skip the address check. The
    connection itself is checked again by the guarded transport (see `transport`).
    """
    host = check_url_form(url)
    try:
        port = urlsplit(url).port or 443
    except ValueError:
        raise UrlRefused("the URL has a bad port", url=url) from None
    try:
        await resolve_public(host, port, allowed_hosts, resolve)
    except UrlRefused as exc:
        raise UrlRefused(exc.detail, url=url) from None
