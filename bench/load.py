"""The load generator: a separate process that drives either side at a given concurrency.

The main process sends it one job per round over a pipe and gets the round's latencies back.
It holds one aiohttp client session (for the service, on 127.0.0.1 only) and one async driver
(for the raw side, built like the service's), so connections stay warm across rounds. Every
round is bounded twice: by its operation count and by its duration.

The HTTP client is aiohttp rather than httpx because the load generator shares the machine's
cores with the server under test: httpx spent 1.6 ms of CPU per request here, more than the
service itself, and aiohttp 0.2 ms.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any, Literal
from urllib.parse import urlsplit

import aiohttp
from pydantic import SecretStr

from bench.raw import WORKFLOW_CYCLE, RawDriver, load_queries
from bench.retries import install
from factcheck.articles.plan import BatchPlan
from factcheck.graph.store import create_driver
from factcheck.settings import Settings

__all__ = [
    "HttpOp",
    "IngestOp",
    "Job",
    "LoadConfig",
    "LoadProcess",
    "ReadOp",
    "RoundResult",
    "WorkflowJob",
]

MAX_ERRORS = 5


@dataclass(frozen=True, slots=True)
class HttpOp:
    """One request to the service, as the user with `role`."""

    method: str
    path: str
    role: str
    body: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class ReadOp:
    """One read query through the raw driver."""

    query: str
    params: dict[str, Any]


@dataclass(frozen=True, slots=True)
class IngestOp:
    """One raw article batch write."""

    plan: BatchPlan
    user: str


Op = HttpOp | ReadOp | IngestOp


@dataclass(frozen=True, slots=True)
class Job:
    """Run `ops` with `concurrency` clients: each op once (`once`), or cycling until `duration_s`."""

    ops: tuple[Op, ...]
    concurrency: int
    duration_s: float
    once: bool = False


@dataclass(frozen=True, slots=True)
class WorkflowJob:
    """Clients take claims round WORKFLOW_CYCLE; client i works on `claims[i % len(claims)]`."""

    side: Literal["service", "driver"]
    claims: tuple[str, ...]
    clients: int
    duration_s: float
    role: str
    user_id: str


@dataclass(slots=True)
class RoundResult:
    """What one round did: a latency per operation, outcome counts, wall time, units of work."""

    latencies: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    elapsed_s: float = 0.0
    units: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LoadConfig:
    """Where the two sides are."""

    base_url: str
    keys: dict[str, str]
    neo4j_uri: str
    neo4j_user: str | None
    neo4j_password: str | None
    database: str

    def __post_init__(self) -> None:
        if urlsplit(self.base_url).hostname != "127.0.0.1":
            raise ValueError(f"the load generator only targets 127.0.0.1, not {self.base_url}")


class LoadProcess:
    """The load generator process; `run(job)` is one round."""

    def __init__(self, config: LoadConfig) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_entry, args=(child, config), name="bench-load", daemon=True)

    @property
    def pid(self) -> int | None:
        """The process id, once started."""
        return self._process.pid

    def start(self, timeout_s: float = 60.0) -> None:
        """Starts the process and waits until its client and driver are ready."""
        self._process.start()
        if not self._conn.poll(timeout_s):
            self.close()
            raise RuntimeError("the load generator did not start")
        message = self._conn.recv()
        if message != "ready":
            self.close()
            raise RuntimeError(f"the load generator failed to start: {message}")

    async def run(self, job: Job | WorkflowJob, grace_s: float = 120.0) -> RoundResult:
        """Runs one round; fails when it overruns its duration by more than `grace_s`."""
        self._conn.send(job)
        ready = await asyncio.to_thread(self._conn.poll, job.duration_s + grace_s)
        if not ready:
            self.close()
            raise RuntimeError(f"a load round overran {job.duration_s + grace_s:.0f}s; stopped it")
        result: RoundResult = self._conn.recv()
        return result

    def close(self) -> None:
        """Asks the process to finish, then stops it if it does not."""
        if not self._process.is_alive():
            return
        with contextlib.suppress(OSError):
            self._conn.send(None)
        self._process.join(10)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join(5)


def _entry(conn: Connection, config: LoadConfig) -> None:
    try:
        asyncio.run(_serve(conn, config))
    except Exception as exc:  # report start-up failures to the parent
        conn.send(f"{type(exc).__name__}: {exc}")


async def _serve(conn: Connection, config: LoadConfig) -> None:
    retries = install()
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        neo4j_uri=config.neo4j_uri,
        neo4j_user=config.neo4j_user,
        neo4j_password=SecretStr(config.neo4j_password) if config.neo4j_password else None,
        neo4j_database=config.database,
    )
    driver = create_driver(settings)
    raw = RawDriver(driver, load_queries(), config.database)
    connector = aiohttp.TCPConnector(limit=512)
    timeout = aiohttp.ClientTimeout(total=60.0)
    async with aiohttp.ClientSession(config.base_url, connector=connector, timeout=timeout) as client:
        await driver.verify_connectivity()
        conn.send("ready")
        while True:
            job = await asyncio.to_thread(conn.recv)
            if job is None:
                break
            runner = _Runner(client, raw, config.keys)
            before = retries.count
            try:
                result = await (runner.workflow(job) if isinstance(job, WorkflowJob) else runner.ops(job))
            except Exception as exc:
                result = RoundResult(statuses={type(exc).__name__: 1}, errors=[repr(exc)[:500]])
            if retries.count > before:
                result.statuses["driver retries"] = retries.count - before
            conn.send(result)
    await driver.close()


class _Runner:
    def __init__(self, client: aiohttp.ClientSession, raw: RawDriver, keys: dict[str, str]) -> None:
        self.client, self.raw = client, raw
        self.headers = {role: {"Authorization": f"Bearer {key}"} for role, key in keys.items()}
        self.result = RoundResult()
        self.statuses: Counter[str] = Counter()

    def _record(self, began: float, status: str, units: int, error: str | None = None) -> None:
        self.result.latencies.append(time.perf_counter() - began)
        self.statuses[status] += 1
        self.result.units += units
        if error and len(self.result.errors) < MAX_ERRORS:
            self.result.errors.append(error[:500])

    async def _one(self, op: Op) -> tuple[str, int, str | None]:
        if isinstance(op, HttpOp):
            status, body = await self._request(op.method, op.path, op.body, self.headers[op.role])
            ok = 200 <= status < 300
            error = None if ok else f"{status} {op.method} {op.path}: {body[:300]!r}"
            return str(status), int(ok), error
        if isinstance(op, ReadOp):
            await self.raw.read(op.query, op.params)
            return "ok", 1, None
        return "ok", await self.raw.write_articles(op.plan, op.user), None

    async def _request(
        self, method: str, path: str, body: dict[str, Any] | None, headers: dict[str, str]
    ) -> tuple[int, bytes]:
        async with self.client.request(method, path, json=body, headers=headers) as response:
            return response.status, await response.read()

    async def ops(self, job: Job) -> RoundResult:
        limit = len(job.ops) if job.once else 10**9
        deadline = time.perf_counter() + job.duration_s
        position = 0

        async def client() -> None:
            nonlocal position
            while position < limit and time.perf_counter() < deadline:
                op = job.ops[position % len(job.ops)]
                position += 1
                began = time.perf_counter()
                try:
                    status, units, error = await self._one(op)
                except Exception as exc:
                    status, units, error = type(exc).__name__, 0, repr(exc)
                self._record(began, status, units, error)

        return await self._timed(client() for _ in range(job.concurrency))

    async def workflow(self, job: WorkflowJob) -> RoundResult:
        deadline = time.perf_counter() + job.duration_s
        headers = self.headers.get(job.role, {})

        async def service_state(claim: str) -> tuple[str, int]:
            _, raw_body = await self._request("GET", f"/claims/{claim}", None, headers)
            body = json.loads(raw_body)
            return str(body["state"]), int(body["version"])

        async def client(index: int) -> None:
            claim = job.claims[index % len(job.claims)]
            if job.side == "service":
                state, version = await service_state(claim)
            else:
                state, version = await self.raw.claim(claim)
            while time.perf_counter() < deadline and state in WORKFLOW_CYCLE:
                began = time.perf_counter()
                error = None
                if job.side == "driver":
                    outcome, state, version = await self.raw.transition(claim, version, job.user_id)
                    status = "200" if outcome == "ok" else "409"
                else:
                    action, _, reason = WORKFLOW_CYCLE[state]
                    body: dict[str, Any] = {"action": action, "version": version}
                    if reason:
                        body["reason"] = reason
                    code, raw_answer = await self._request(
                        "POST", f"/claims/{claim}/transitions", body, headers
                    )
                    status = str(code)
                    answer = json.loads(raw_answer)
                    if code == 200:
                        state, version = str(answer["to_state"]), int(answer["version"])
                    elif code == 409 and "current_version" in answer:
                        state, version = str(answer["state"]), int(answer["current_version"])
                    else:
                        error = f"{status}: {raw_answer[:300]!r}"
                        state, version = await service_state(claim)
                self._record(began, status, int(status == "200"), error)

        return await self._timed(client(i) for i in range(job.clients))

    async def _timed(self, clients: Any) -> RoundResult:
        began = time.perf_counter()
        await asyncio.gather(*clients)
        self.result.elapsed_s = time.perf_counter() - began
        self.result.statuses = dict(self.statuses)
        return self.result
