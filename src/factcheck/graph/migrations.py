"""Schema migrations: ordered, immutable `V###__name.cypher` files, applied once each.

Each applied file is recorded as a `(:Migration {version, name, checksum, applied_at})` node.
A file whose checksum differs from the recorded one is refused.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import LiteralString, cast

from neo4j import AsyncDriver

__all__ = [
    "Migration",
    "MigrationError",
    "apply_migrations",
    "load_migrations",
    "pending_migrations",
    "split_statements",
]

_FILE_NAME = re.compile(r"^V(\d{3,})__([a-z0-9_]+)\.cypher$")
_RECORD_CONSTRAINT: LiteralString = (
    "CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:Migration) REQUIRE m.version IS UNIQUE"
)
_APPLIED: LiteralString = "MATCH (m:Migration) RETURN m.version AS version, m.checksum AS checksum"
_RECORD: LiteralString = (
    "MERGE (m:Migration {version: $version}) "
    "ON CREATE SET m.name = $name, m.checksum = $checksum, m.applied_at = datetime()"
)


class MigrationError(RuntimeError):
    """A migration file is malformed, or was edited after it was applied."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One migration file."""

    version: int
    name: str
    checksum: str
    statements: tuple[LiteralString, ...]


def split_statements(text: str) -> list[LiteralString]:
    """Splits a file into statements on `;` at line ends; `//` comment lines are dropped."""
    lines = [line for line in text.splitlines() if not line.strip().startswith("//")]
    parts = re.split(r";\s*$", "\n".join(lines), flags=re.MULTILINE)
    return [cast(LiteralString, part.strip()) for part in parts if part.strip()]


def load_migrations(cypher_dir: Path) -> list[Migration]:
    """Reads the migration files in version order; raises MigrationError on a bad name."""
    migrations: list[Migration] = []
    for path in sorted(cypher_dir.glob("V*.cypher")):
        match = _FILE_NAME.match(path.name)
        if not match:
            raise MigrationError(f"{path.name}: expected a name like V001__constraints.cypher")
        raw = path.read_bytes()
        statements = split_statements(raw.decode("utf-8"))
        migrations.append(
            Migration(
                version=int(match.group(1)),
                name=match.group(2),
                checksum=hashlib.sha256(raw).hexdigest(),
                statements=tuple(statements),
            )
        )
    versions = [m.version for m in migrations]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"duplicate migration versions in {cypher_dir}")
    return migrations


async def _applied_checksums(driver: AsyncDriver, database: str) -> dict[int, str]:
    records, _, _ = await driver.execute_query(_APPLIED, database_=database, routing_="r")
    return {int(r["version"]): str(r["checksum"]) for r in records}


async def pending_migrations(driver: AsyncDriver, cypher_dir: Path, database: str) -> list[Migration]:
    """Migrations not applied yet; raises MigrationError when an applied file was edited."""
    applied = await _applied_checksums(driver, database)
    pending = []
    for migration in load_migrations(cypher_dir):
        recorded = applied.get(migration.version)
        if recorded is None:
            pending.append(migration)
        elif recorded != migration.checksum:
            raise MigrationError(
                f"migration V{migration.version:03d}__{migration.name} was edited after it was applied "
                f"(recorded checksum {recorded[:12]}, file has {migration.checksum[:12]}); "
                "add a new migration file instead of changing an applied one"
            )
    return pending


async def apply_migrations(driver: AsyncDriver, cypher_dir: Path, database: str) -> list[Migration]:
    """Applies pending migrations in order, then waits for indexes; returns those applied."""
    await driver.execute_query(_RECORD_CONSTRAINT, database_=database)
    pending = await pending_migrations(driver, cypher_dir, database)
    for migration in pending:
        # Schema statements cannot share a transaction with writes: one auto-commit each.
        for statement in migration.statements:
            await driver.execute_query(statement, database_=database)
        await driver.execute_query(
            _RECORD,
            version=migration.version,
            name=migration.name,
            checksum=migration.checksum,
            database_=database,
        )
    if pending:
        await driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    return pending
