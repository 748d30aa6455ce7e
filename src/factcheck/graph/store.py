"""The one graph handle of the app: a driver, the query catalog and the database name."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction, RoutingControl

from factcheck.graph.queries import QueryCatalog, QueryName
from factcheck.settings import Settings

__all__ = ["Graph", "Row", "create_driver"]

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
        """Runs a read query; returns its rows as plain dicts."""
        records, _, _ = await self.driver.execute_query(
            self.queries[name], params, database_=self.database, routing_=RoutingControl.READ
        )
        return [dict(record) for record in records]

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
