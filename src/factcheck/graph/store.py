"""The graph handle and the one runner protocol every repository function takes.

`Graph` (the app's handle) and `Transaction` (an open write transaction) both satisfy
`Runner`, so each repository function is written once and works on its own or inside a
larger transaction. Reads and writes are the driver's managed transactions, which retry
transient errors themselves; a `Graph.transaction` work function may therefore run again
and must be idempotent.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, LiteralString, Protocol, TypeVar

from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction, AsyncSession, unit_of_work

from factcheck.graph.context import transaction_metadata
from factcheck.graph.queries import QueryCatalog, QueryName
from factcheck.settings import Settings

__all__ = ["Graph", "Row", "Runner", "Transaction", "create_driver"]

Row = dict[str, Any]
T = TypeVar("T")


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
        async with self._session() as session:
            if self.queries.writes(name):
                rows = await session.execute_write(self._tagged(work))
            else:
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

        async with self._session() as session:
            result: T = await session.execute_write(self._tagged(unit))
        return result

    def _session(self) -> AsyncSession:
        return self.driver.session(
            database=self.database, bookmark_manager=self.driver.execute_query_bookmark_manager
        )

    @staticmethod
    def _tagged(work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> Any:
        metadata = transaction_metadata()
        return unit_of_work(metadata=metadata)(work) if metadata else work
