"""The graph handle and the one runner protocol every repository function takes.

`Graph` (the app's handle) and `Transaction` (an open write transaction) both satisfy
`Runner`, so each repository function is written once and works on its own or inside a
larger transaction. Reads and writes are the driver's managed transactions, which retry
transient errors themselves; a `Graph.transaction` work function may therefore run again
and must be idempotent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, LiteralString, Protocol, TypeVar

from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction, AsyncSession, unit_of_work

from factcheck.graph.context import transaction_metadata
from factcheck.graph.queries import QueryCatalog, QueryName
from factcheck.settings import Settings

__all__ = [
    "READ_RETRY",
    "WRITE_RETRY",
    "Graph",
    "RetryPolicy",
    "Row",
    "Runner",
    "Transaction",
    "create_driver",
]

Row = dict[str, Any]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How long the driver retries a managed transaction, and how soon it first tries again."""

    max_seconds: float
    first_delay_s: float


READ_RETRY = RetryPolicy(max_seconds=2.0, first_delay_s=0.05)
"""A read is retried quickly and briefly (a stale pooled connection, a leader change), so an
outage answers 503 within about two seconds instead of after the driver's default thirty."""
WRITE_RETRY = RetryPolicy(max_seconds=10.0, first_delay_s=1.0)
"""A write keeps the driver's backoff (deadlocks between writers clear with it), for at most 10 s."""


def create_driver(settings: Settings) -> AsyncDriver:
    """The app's single async driver; auth only when a user is configured."""
    auth = None
    if settings.neo4j_user:
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        auth = (settings.neo4j_user, password)
    return AsyncGraphDatabase.driver(
        settings.bolt_uri,
        auth=auth,
        max_connection_pool_size=64,
        connection_acquisition_timeout=10.0,
        notifications_min_severity="OFF",
    )


class Runner(Protocol):
    """Runs a named query and returns its rows as plain dicts."""

    async def run(self, name: QueryName, /, **params: Any) -> list[Row]:
        """All rows of the query."""
        ...

    async def run_one(self, name: QueryName, /, **params: Any) -> Row | None:
        """The first row of the query, or None when it has none."""
        ...


async def _rows(tx: AsyncManagedTransaction, text: LiteralString, params: dict[str, Any]) -> list[Row]:
    # Queries return maps and values, never nodes, so `dict(record)` is the whole row;
    # `record.data()` would walk every `bytes` value one byte at a time.
    result = await tx.run(text, params)
    return [dict(record) async for record in result]


class Transaction:
    """An open write transaction, as a runner: every query runs inside it."""

    def __init__(self, tx: AsyncManagedTransaction, queries: QueryCatalog) -> None:
        self._tx = tx
        self._queries = queries

    async def run(self, name: QueryName, /, **params: Any) -> list[Row]:
        """All rows of the query, inside the transaction."""
        return await _rows(self._tx, self._queries[name], params)

    async def run_one(self, name: QueryName, /, **params: Any) -> Row | None:
        """The first row of the query, or None."""
        rows = await self.run(name, **params)
        return rows[0] if rows else None


class Graph:
    """The app's graph handle: the driver, the query catalog and the database name.

    Each `run` is one managed transaction: a read transaction for a query without write
    clauses, a write transaction otherwise. Bookmarks are shared, so a read sees every write
    this process committed before it.
    """

    def __init__(self, driver: AsyncDriver, queries: QueryCatalog, database: str) -> None:
        self.driver = driver
        self.queries = queries
        self.database = database

    async def run(self, name: QueryName, /, **params: Any) -> list[Row]:
        """All rows of the query, in a transaction of its own."""
        text = self.queries[name]

        async def work(tx: AsyncManagedTransaction) -> list[Row]:
            return await _rows(tx, text, params)

        rows: list[Row]
        if self.queries.writes(name):
            async with self._session(WRITE_RETRY) as session:
                rows = await session.execute_write(self._tagged(work))
        else:
            async with self._session(READ_RETRY) as session:
                rows = await session.execute_read(self._tagged(work))
        return rows

    async def run_one(self, name: QueryName, /, **params: Any) -> Row | None:
        """The first row of the query, or None when it has none."""
        rows = await self.run(name, **params)
        return rows[0] if rows else None

    async def transaction(self, work: Callable[[Transaction], Awaitable[T]]) -> T:
        """Runs `work` as one write transaction, retried by the driver on transient errors."""
        queries = self.queries

        async def unit(tx: AsyncManagedTransaction) -> T:
            return await work(Transaction(tx, queries))

        async with self._session(WRITE_RETRY) as session:
            result: T = await session.execute_write(self._tagged(unit))
        return result

    def _session(self, retry: RetryPolicy) -> AsyncSession:
        return self.driver.session(
            database=self.database,
            bookmark_manager=self.driver.execute_query_bookmark_manager,
            max_transaction_retry_time=retry.max_seconds,
            initial_retry_delay=retry.first_delay_s,
        )

    @staticmethod
    def _tagged(work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> Any:
        metadata = transaction_metadata()
        return unit_of_work(metadata=metadata)(work) if metadata else work
