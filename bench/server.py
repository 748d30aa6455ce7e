"""The service as it runs in production: `uvicorn factcheck.asgi:app` with N workers, in a subprocess.

It is configured only by environment variables, as a deployment would be: `NEO4J_URI` (and
user and password when set) points at the bench's Neo4j, and `FACTCHECK_BOOTSTRAP_ADMIN_KEY`
gives the first admin. Other `FACTCHECK_*` and `NEO4J_*` variables of the calling shell are
dropped, and the working directory is a temporary one, so no `.env` file leaks in.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

import httpx
import psutil

from factcheck.graph.local import free_port

__all__ = ["Server", "child_pids"]


def child_pids(pid: int) -> list[int]:
    """The direct children of `pid` (uvicorn's worker processes)."""
    try:
        return [child.pid for child in psutil.Process(pid).children()]
    except psutil.Error:
        return []


class Server:
    """A uvicorn subprocess on a free 127.0.0.1 port; stopped on exit."""

    def __init__(
        self,
        workers: int,
        neo4j_uri: str,
        admin_key: str,
        neo4j_user: str | None = None,
        neo4j_password: str | None = None,
        extra_env: dict[str, str] | None = None,
        extra_args: tuple[str, ...] = (),
        wrapper: tuple[str, ...] = (),
        stop_signal: signal.Signals = signal.SIGTERM,
    ) -> None:
        self.workers = workers
        self.extra_args = extra_args
        self.wrapper = wrapper  # e.g. ("-m", "pyinstrument", ...): runs uvicorn under a profiler
        # uvicorn re-raises the signal it stopped on; a profiler survives SIGINT (not SIGTERM) to report.
        self.stop_signal = stop_signal
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._home = tempfile.TemporaryDirectory(prefix="factcheck-bench-server-")
        self.log_file = Path(self._home.name) / "uvicorn.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "NEO4J_"))}
        env.update(
            NEO4J_URI=neo4j_uri,
            FACTCHECK_BOOTSTRAP_ADMIN_KEY=admin_key,
            FACTCHECK_PUBLIC_BASE_URL=self.base_url,
        )
        if neo4j_user:
            env["NEO4J_USER"] = neo4j_user
            env["NEO4J_PASSWORD"] = neo4j_password or ""
        env.update(extra_env or {})
        self._env = env
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def command(self) -> list[str]:
        """The command line, as a deployment runs it."""
        return [
            sys.executable, *self.wrapper, "-m", "uvicorn", "factcheck.asgi:app",
            "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers),
            "--log-level", "warning", "--no-access-log", *self.extra_args,
        ]  # fmt: skip

    def start(self, timeout_s: float = 120.0) -> None:
        """Starts uvicorn and waits until `/ready` answers 200 and every worker is up."""
        with self.log_file.open("ab") as log:
            self.process = subprocess.Popen(
                self.command,
                cwd=self._home.name,
                env=self._env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout_s
        with httpx.Client(base_url=self.base_url, timeout=5.0) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"uvicorn exited ({self.process.returncode}):\n{self.log_tail()}")
                try:
                    ready = client.get("/ready").status_code == 200
                except httpx.HTTPError:
                    ready = False
                if ready and len(self.worker_pids()) >= self.workers:
                    time.sleep(0.5)  # the last worker may still be in its lifespan
                    return
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"uvicorn did not become ready in {timeout_s:.0f}s:\n{self.log_tail()}")

    def worker_pids(self) -> list[int]:
        """uvicorn's worker processes (with one worker, the server process itself)."""
        if self.process is None:
            return []
        if self.workers <= 1:
            return [self.process.pid]
        return [pid for pid in child_pids(self.process.pid) if _is_python(pid)]

    def pids(self) -> list[int]:
        """Every process of the server: the supervisor and its workers."""
        if self.process is None:
            return []
        return sorted({self.process.pid, *self.worker_pids()})

    def count_in_log(self, text: str) -> int:
        """How often `text` occurs in uvicorn's output so far (e.g. the driver's retry warnings)."""
        try:
            return self.log_file.read_text(errors="replace").count(text)
        except FileNotFoundError:
            return 0

    def log_tail(self, size: int = 3000) -> str:
        """The end of uvicorn's output."""
        try:
            return self.log_file.read_text(errors="replace")[-size:]
        except FileNotFoundError:
            return "(no log)"

    def stop(self, timeout_s: float = 60.0) -> None:
        """SIGTERM (or `stop_signal`) to the supervisor, which stops its workers; then SIGKILL."""
        process, self.process = self.process, None
        if process is None:
            return
        workers = child_pids(process.pid)
        if process.poll() is None:
            process.send_signal(self.stop_signal)
            try:
                process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def close(self) -> None:
        """Stops the server and removes its temporary directory."""
        self.stop()
        self._home.cleanup()

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _is_python(pid: int) -> bool:
    """A worker: a Python child that is not multiprocessing's resource tracker."""
    try:
        cmdline = " ".join(psutil.Process(pid).cmdline())
    except psutil.Error:
        return False
    return "python" in cmdline and "resource_tracker" not in cmdline
