"""The one graph handle of the app: a driver, the query catalog and the database name."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from neo4j import READ_ACCESS, AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError

from factcheck.graph.queries import QueryCatalog, QueryName
from factcheck.settings import Settings

__all__ = ["READ_ATTEMPTS", "Graph", "Row", "create_driver"]

Row = dict[str, Any]
T = TypeVar("T")

READ_ATTEMPTS = 3  # a read is tried again on a retryable error (a stale pooled connection, say)


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


class Graph:
    """Runs named queries. Each call is one round trip, in one transaction.

    Rows are plain `dict(record)`: queries return maps and values, never nodes, and
    `record.data()` would walk every `bytes` value one byte at a time.
    """

    def __init__(self, driver: AsyncDriver, queries: QueryCatalog, database: str) -> None:
        self.driver = driver
        self.queries = queries
        self.database = database

    async def read(self, name: QueryName, /, **params: Any) -> list[Row]:
        """Runs a read query as one auto-commit transaction; returns its rows as plain dicts.

        Auto-commit is one round trip (RUN and PULL) where a managed transaction takes two
        (BEGIN, RUN, PULL, then COMMIT), and Neo4j does half the work. Bookmarks are shared
        with the writes, so a read still sees every write this process committed before it.
        """
        attempt = 1
        while True:
            try:
                return await self._read_once(name, params)
            except (Neo4jError, DriverError) as exc:
                if attempt == READ_ATTEMPTS or not exc.is_retryable():
                    raise
            await asyncio.sleep(0.05 * attempt)
            attempt += 1

    async def _read_once(self, name: QueryName, params: dict[str, Any]) -> list[Row]:
        async with self.driver.session(
            database=self.database,
            default_access_mode=READ_ACCESS,
            bookmark_manager=self.driver.execute_query_bookmark_manager,
        ) as session:
            result = await session.run(self.queries[name], params)
            return [dict(record) async for record in result]

    async def read_one(self, name: QueryName, /, **params: Any) -> Row | None:
        """Runs a read query; returns its first row, or None when it has none."""
        rows = await self.read(name, **params)
        return rows[0] if rows else None

    async def write(self, name: QueryName, /, **params: Any) -> list[Row]:
        """Runs a write query in one transaction; returns its rows."""
        records, _, _ = await self.driver.execute_query(
            self.queries[name], params, database_=self.database, routing_=RoutingControl.WRITE
        )
        return [dict(record) for record in records]

    async def write_one(self, name: QueryName, /, **params: Any) -> Row | None:
        """Runs a write query; returns its first row, or None when it has none."""
        rows = await self.write(name, **params)
        return rows[0] if rows else None

    async def transaction(self, work: Callable[[AsyncManagedTransaction], Awaitable[T]]) -> T:
        """Runs `work` as one write transaction (retried on transient errors)."""
        async with self.driver.session(database=self.database) as session:
            return await session.execute_write(work)

    async def run_in(self, tx: AsyncManagedTransaction, name: QueryName, /, **params: Any) -> list[Row]:
        """Runs a named query inside an open transaction; returns its rows."""
        result = await tx.run(self.queries[name], params)
        return [dict(record) async for record in result]
