"""An httpx transport that connects only to addresses it has just checked.

The name is resolved once, at connection time; every address is checked, and the socket is
opened to one of those addresses. The request keeps the name: the Host header and TLS SNI
(and certificate check) use the URL's host, so a DNS answer that changes between a check and
a connect (rebinding) cannot reach a private address.
"""

from __future__ import annotations

import ssl
from collections.abc import Collection, Iterable

import httpcore
import httpx

from factcheck.fetching.guard import Resolver, resolve_public, system_resolver

__all__ = ["GuardedBackend", "guarded_transport"]


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Opens TCP connections to checked public addresses only (or allowlisted hosts)."""

    def __init__(self, allowed_hosts: Collection[str], resolve: Resolver = system_resolver) -> None:
        self.allowed_hosts = frozenset(allowed_hosts)
        self.resolve = resolve
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Resolves `host`, refuses (UrlRefused) unless every address is allowed, connects to one."""
        addresses = await resolve_public(host, port, self.allowed_hosts, self.resolve)
        failure: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Never: outbound requests go over TCP only."""
        raise httpcore.ConnectError("unix sockets are not used for outbound requests")

    async def sleep(self, seconds: float) -> None:
        """Sleeps as the wrapped backend does."""
        await self._inner.sleep(seconds)


def guarded_transport(
    allowed_hosts: Collection[str],
    limits: httpx.Limits,
    resolve: Resolver = system_resolver,
    ssl_context: ssl.SSLContext | None = None,
) -> httpx.AsyncHTTPTransport:
    """httpx's own transport, with its connection pool opening sockets through GuardedBackend."""
    transport = httpx.AsyncHTTPTransport(limits=limits)
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=ssl_context or httpx.create_ssl_context(),
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=GuardedBackend(allowed_hosts, resolve),
    )
    return transport
