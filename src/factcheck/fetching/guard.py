"""Refuses URLs whose host resolves to a private, loopback, link-local or reserved address."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Collection
from urllib.parse import urlsplit

from factcheck.errors import Unprocessable

__all__ = ["UrlRefused", "check_url", "is_public_address"]


class UrlRefused(Unprocessable):
    """The URL may not be fetched: bad scheme, no host, or a non-public address."""

    slug, title = "url-refused", "URL refused"


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


async def check_url(url: str, allowed_hosts: Collection[str] = ()) -> None:
    """Raises UrlRefused unless `url` is http(s) and every address of its host is public.

    Hosts in `allowed_hosts` (by name or literal address) skip the address check.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise UrlRefused(f"only http and https URLs can be fetched, not {parts.scheme or 'none'!r}", url=url)
    host = parts.hostname
    if not host:
        raise UrlRefused("the URL has no host", url=url)
    if host in allowed_hosts:
        return
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, parts.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UrlRefused(f"the host {host!r} does not resolve: {exc}", url=url) from None
    for info in infos:
        address = str(info[4][0])
        if not is_public_address(address):
            raise UrlRefused(
                f"the host {host!r} resolves to {address}, a private, loopback or link-local address",
                url=url,
            )
