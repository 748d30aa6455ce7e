"""A graph handle for command-line work: driver, migrations, catalog, closed on exit."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from factcheck.graph.migrations import apply_migrations
from factcheck.graph.queries import QueryCatalog
from factcheck.graph.store import Graph, create_driver
from factcheck.settings import Settings

__all__ = ["open_graph"]


@asynccontextmanager
async def open_graph(settings: Settings) -> AsyncIterator[Graph]:
    """Connects, applies pending migrations and loads every query file; closes the driver after."""
    driver = create_driver(settings)
    try:
        await apply_migrations(driver, settings.cypher_dir, settings.neo4j_database)
        yield Graph(driver, QueryCatalog.load(settings.cypher_dir / "queries"), settings.neo4j_database)
    finally:
        await driver.close()
