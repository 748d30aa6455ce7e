"""Provisions and runs a local Neo4j 5.26 (Community) when no `NEO4J_URI` is configured.

The jars come from Maven Central once, through a dependency-only POM, into a cache directory.
A single-file Java launcher (`LocalNeo4j.java`) runs them on Java 17 with only Bolt enabled,
on 127.0.0.1. The home directory keeps `data/`, `neo4j.pid` and `neo4j.log`.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "NEO4J_VERSION",
    "LocalNeo4j",
    "LocalNeo4jError",
    "LocalNeo4jStatus",
    "bolt_answers",
    "free_port",
]

NEO4J_VERSION = "5.26.29"
_ASSETS = Path(__file__).with_name("local_neo4j")
# Launched JVMs, kept so their Popen objects live (and are reaped) with this process.
_CHILDREN: dict[int, subprocess.Popen[bytes]] = {}
_BOLT_MAGIC = bytes.fromhex("6060B017")
# Offer Bolt 5.x (5.0–5.8 as a range), then 4.4; the server answers with the one it picked.
_BOLT_VERSIONS = bytes.fromhex("00080805") + bytes.fromhex("00000404") + bytes(8)
_JVM_OPENS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
)


class LocalNeo4jError(RuntimeError):
    """The local Neo4j could not be provisioned, started or stopped."""


@dataclass(frozen=True, slots=True)
class LocalNeo4jStatus:
    """What `status` found: the pid on file, whether it runs, whether Bolt answers."""

    pid: int | None
    running: bool
    bolt_ready: bool
    uri: str
    home: Path


def bolt_answers(host: str, port: int, timeout: float = 1.0) -> bool:
    """True when a Bolt server on host:port completes the version handshake."""
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.sendall(_BOLT_MAGIC + _BOLT_VERSIONS)
            reply = sock.recv(4)
    except OSError:
        return False
    return len(reply) == 4 and reply != bytes(4)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    child = _CHILDREN.get(pid)
    return child is None or child.poll() is None  # a zombie child still answers kill(0)


def _require_tool(name: str, install_hint: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise LocalNeo4jError(f"`{name}` was not found on PATH. {install_hint}")
    return path


class LocalNeo4j:
    """One local Neo4j instance: a jar cache, a home directory and a Bolt port."""

    def __init__(
        self,
        home: Path,
        port: int,
        cache_dir: Path,
        heap_mb: int = 512,
        pagecache_mb: int = 128,
        start_timeout_s: float = 120.0,
    ) -> None:
        self.home = home.resolve()
        self.port = port
        self.lib_dir = (cache_dir / NEO4J_VERSION / "lib").resolve()
        self.heap_mb = heap_mb
        self.pagecache_mb = pagecache_mb
        self.start_timeout_s = start_timeout_s

    @property
    def uri(self) -> str:
        """The Bolt URI of this instance."""
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def pid_file(self) -> Path:
        """Holds the pid of the running JVM."""
        return self.home / "neo4j.pid"

    @property
    def log_file(self) -> Path:
        """Neo4j's and the launcher's output."""
        return self.home / "neo4j.log"

    def jars_present(self) -> bool:
        """True when the jar cache holds a complete download."""
        return (self.lib_dir / ".complete").exists()

    def ensure_jars(self) -> Path:
        """Resolves the Neo4j jars with Maven once; later calls reuse the cache."""
        if self.jars_present():
            return self.lib_dir
        mvn = _require_tool("mvn", "Install Apache Maven 3.8+ (Debian/Ubuntu: apt-get install maven).")
        _require_tool("java", "Install a Java 17 JDK (Debian/Ubuntu: apt-get install openjdk-17-jdk).")
        staging = self.lib_dir.with_name("lib.partial")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        command = [
            mvn, "-q", "-B", "-f", str(_ASSETS / "pom.xml"),
            f"-Dneo4j.version={NEO4J_VERSION}",
            "dependency:copy-dependencies", "-DincludeScope=runtime", f"-DoutputDirectory={staging}",
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = (done.stdout + done.stderr)[-2000:]
            raise LocalNeo4jError(f"Maven could not resolve Neo4j {NEO4J_VERSION}:\n{tail}")
        (staging / ".complete").write_text(NEO4J_VERSION)
        shutil.rmtree(self.lib_dir, ignore_errors=True)
        staging.rename(self.lib_dir)
        return self.lib_dir

    def _recorded_pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None

    def status(self) -> LocalNeo4jStatus:
        """Reads the pid file and probes the process and its Bolt port."""
        pid = self._recorded_pid()
        running = pid is not None and _pid_alive(pid)
        ready = running and bolt_answers("127.0.0.1", self.port)
        return LocalNeo4jStatus(pid if running else None, running, ready, self.uri, self.home)

    def start(self) -> tuple[LocalNeo4jStatus, bool]:
        """Starts Neo4j and waits for Bolt; returns (status, started). A running one is reused."""
        current = self.status()
        if current.running:
            self._wait_for_bolt(current.pid)
            return self.status(), False
        if bolt_answers("127.0.0.1", self.port):
            raise LocalNeo4jError(
                f"port {self.port} already serves Bolt but not from {self.home}; "
                "set FACTCHECK_LOCAL_NEO4J_PORT to another port, or NEO4J_URI to use that server"
            )
        java = _require_tool("java", "Install a Java 17 JDK (Debian/Ubuntu: apt-get install openjdk-17-jdk).")
        lib = self.ensure_jars()
        (self.home / "data").mkdir(parents=True, exist_ok=True)
        command = [
            java, f"-Xms{self.heap_mb // 2}m", f"-Xmx{self.heap_mb}m", *_JVM_OPENS,
            "-cp", f"{lib}/*", str(_ASSETS / "LocalNeo4j.java"),
            str(self.home / "data"), str(self.port), str(self.pagecache_mb),
        ]  # fmt: skip
        with self.log_file.open("ab") as log:
            process = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        _CHILDREN[process.pid] = process
        self.pid_file.write_text(str(process.pid))
        try:
            self._wait_for_bolt(process.pid)
        except LocalNeo4jError:
            self.stop()
            raise
        return self.status(), True

    def _wait_for_bolt(self, pid: int | None) -> None:
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline:
            if bolt_answers("127.0.0.1", self.port):
                return
            if pid is None or not _pid_alive(pid):
                raise LocalNeo4jError(
                    f"Neo4j exited during start-up; see {self.log_file}:\n{self._log_tail()}"
                )
            time.sleep(0.2)
        raise LocalNeo4jError(
            f"Neo4j did not answer Bolt on port {self.port} within {self.start_timeout_s:.0f}s; "
            f"see {self.log_file}:\n{self._log_tail()}"
        )

    def _log_tail(self, size: int = 2000) -> str:
        try:
            return self.log_file.read_text(errors="replace")[-size:]
        except FileNotFoundError:
            return "(no log)"

    def stop(self, timeout_s: float = 60.0) -> bool:
        """Stops the instance (SIGTERM, then SIGKILL); returns False when none was running."""
        pid = self._recorded_pid()
        if pid is None or not _pid_alive(pid):
            self.pid_file.unlink(missing_ok=True)
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout_s
        while _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        if _pid_alive(pid):
            os.kill(pid, signal.SIGKILL)
        child = _CHILDREN.pop(pid, None)
        if child is not None:
            child.wait(timeout=10)
        self.pid_file.unlink(missing_ok=True)
        return True
