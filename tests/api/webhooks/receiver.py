"""A real webhook receiver on 127.0.0.1: records every POST, and fails the first N when told."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Received:
    """One POST as the receiver saw it."""

    path: str
    headers: dict[str, str]
    body: bytes
    at: float
    answered: int

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Receiver:
    """The running receiver. `fail_next(n)` makes the next n POSTs answer `status`."""

    base_url: str
    received: list[Received] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    _failures: int = 0
    _failure_status: int = 500
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str = "/hook") -> str:
        return self.base_url + path

    def fail_next(self, count: int, status: int = 500) -> None:
        with self._lock:
            self._failures, self._failure_status = count, status

    def posts(self, path: str | None = None) -> list[Received]:
        with self._lock:
            return [r for r in self.received if path is None or r.path == path]

    def _answer(self, path: str, headers: dict[str, str], body: bytes) -> tuple[int, dict[str, str]]:
        with self._lock:
            if path in self.redirects:
                status, extra = 302, {"Location": self.base_url + self.redirects[path]}
            elif self._failures > 0:
                self._failures -= 1
                status, extra = self._failure_status, {}
            else:
                status, extra = 200, {}
            self.received.append(Received(path, headers, body, time.monotonic(), status))
            return status, extra

    async def wait_for(self, count: int, timeout_s: float = 10.0, path: str | None = None) -> list[Received]:
        """The POSTs once at least `count` arrived; AssertionError after `timeout_s`."""
        deadline = time.monotonic() + timeout_s
        while len(self.posts(path)) < count:
            assert time.monotonic() < deadline, f"{len(self.posts(path))} of {count} POSTs after {timeout_s}s"
            await asyncio.sleep(0.02)
        return self.posts(path)


@contextmanager
def receive() -> Iterator[Receiver]:
    """Runs a threaded receiver on a free port until the block ends."""
    holder: list[Receiver] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            status, extra = holder[0]._answer(self.path, headers, body)
            answer = b'{"ok": true}' if status == 200 else b'{"ok": false}'
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    holder.append(Receiver(f"http://127.0.0.1:{server.server_address[1]}"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder[0]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
