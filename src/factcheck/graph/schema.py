"""Keeps the schema migrated: at start, and again from `/ready` while Neo4j was down."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from neo4j import AsyncDriver
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from factcheck.graph.migrations import apply_migrations, load_migrations

__all__ = ["MigrationStatus"]

log = logging.getLogger("factcheck.schema")


class MigrationStatus:
    """Whether every migration file has been applied to the connected database."""

    def __init__(self, driver: AsyncDriver, cypher_dir: Path, database: str) -> None:
        self._driver = driver
        self._cypher_dir = cypher_dir
        self._database = database
        self._lock = asyncio.Lock()
        self.expected = len(load_migrations(cypher_dir))
        self.ready = False
        self.problem: str | None = "migrations not applied yet"

    async def ensure(self) -> bool:
        """Applies pending migrations; returns False when Neo4j cannot be reached.

        Raises MigrationError when an applied file was edited: that stops the start.
        """
        async with self._lock:
            if self.ready:
                return True
            try:
                await self._driver.verify_connectivity()  # fails fast; queries would retry for 30 s
                await apply_migrations(self._driver, self._cypher_dir, self._database)
            except (ServiceUnavailable, SessionExpired, OSError) as exc:
                self.problem = f"Neo4j is not reachable: {exc}"
                log.warning("schema not migrated: %s", self.problem)
                return False
            self.ready, self.problem = True, None
            return True
