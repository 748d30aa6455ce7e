"""A real HTTP server on 127.0.0.1 that serves canned routes, for outbound-fetch tests."""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What one path answers."""

    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


@dataclass
class LocalSite:
    """The running server: add routes, read the base URL."""

    base_url: str
    routes: dict[str, Route]
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (path, headers) served

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        return self.base_url + path


@contextmanager
def serve(routes: dict[str, Route] | None = None, tls: ssl.SSLContext | None = None) -> Iterator[LocalSite]:
    """Runs a threaded HTTP server on a free port until the block ends (HTTPS with `tls`)."""
    table: dict[str, Route] = dict(routes or {})
    seen: list[tuple[str, dict[str, str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = table.get(self.path)
            if route is None:
                self.send_response(404)
                self.end_headers()
                return
            if route.delay_s:
                time.sleep(route.delay_s)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(route.body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalSite(f"{'https' if tls else 'http'}://127.0.0.1:{server.server_address[1]}", table, seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
