"""`factcheck import`: loads an export into an empty database with batched UNWIND writes.

The database must hold no data (its schema may be applied already; when it has none, the
migrations are applied first). The export's `:Migration` nodes must match the database's
migrations by version, name and checksum: they are not written again. Nodes go in batches,
each returning the new element id of every exported one; relationships follow in batches
that find their nodes by those new ids. At the end the database is hashed as an export
hashes it, and the counts and hash are compared with the export's last line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import AsyncDriver

from factcheck.backup.export import FORMAT, VERSION, count_graph, graph_hash
from factcheck.backup.values import decode_props
from factcheck.graph.migrations import apply_migrations
from factcheck.graph.queries import QueryCatalog, query

__all__ = ["BackupRefused", "ImportSummary", "import_graph"]

CREATE_NODES = query("backup/create_nodes")
CREATE_RELATIONSHIPS = query("backup/create_relationships")
LIST_MIGRATIONS = query("backup/list_migrations")

BATCH_ROWS = 2_000
BATCH_BYTES = 8_000_000  # documents carry their bytes: a batch also ends at this much JSON

Tick = Callable[[int], None]


class BackupRefused(RuntimeError):
    """The file is not a whole export, or the database cannot take it.

    A bad header, a database that is not empty and mismatched migrations are found before any
    write. A file cut short is found at its end, after its lines were written: empty the
    database before importing again.
    """


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What was loaded, and whether the database now hashes as the export did."""

    nodes: int
    relationships: int
    expected_nodes: int
    expected_relationships: int
    graph_sha256: str
    expected_sha256: str

    @property
    def exact(self) -> bool:
        """True when the counts and the canonical hash match the export's."""
        return (self.nodes, self.relationships, self.graph_sha256) == (
            self.expected_nodes,
            self.expected_relationships,
            self.expected_sha256,
        )


def _lines(lines: Iterable[str], tick: Tick | None) -> Iterator[tuple[dict[str, Any], int]]:
    """(item, size of its line) for each line."""
    for number, line in enumerate(lines, start=1):
        if tick:
            tick(len(line))
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            raise BackupRefused(f"line {number} is not JSON") from None
        if not isinstance(item, dict):
            raise BackupRefused(f"line {number} is not a JSON object")
        yield item, len(line)


class _Loader:
    """Buffers rows and writes them a batch at a time."""

    def __init__(self, driver: AsyncDriver, queries: QueryCatalog, database: str) -> None:
        self.driver, self.queries, self.database = driver, queries, database
        self.new_ids: dict[str, str] = {}
        self.nodes = self.relationships = 0
        self._rows: list[dict[str, Any]] = []
        self._bytes = 0
        self._kind = "node"

    async def add(self, kind: str, row: dict[str, Any], size: int) -> None:
        if kind != self._kind:
            await self.flush()
            self._kind = kind
        self._rows.append(row)
        self._bytes += size
        if len(self._rows) >= BATCH_ROWS or self._bytes >= BATCH_BYTES:
            await self.flush()

    async def flush(self) -> None:
        rows, self._rows, self._bytes = self._rows, [], 0
        if not rows:
            return
        if self._kind == "node":
            records, _, _ = await self.driver.execute_query(
                self.queries[CREATE_NODES], rows=rows, database_=self.database
            )
            self.new_ids.update((r["old_id"], r["new_id"]) for r in records)
            self.nodes += len(records)
            return
        for row in rows:  # every node is written before the first relationship batch
            start, end = self.new_ids.get(row["start"]), self.new_ids.get(row["end"])
            if start is None or end is None:
                raise BackupRefused(f"relationship {row['id']} names a node the export does not hold")
            row["start"], row["end"] = start, end
        records, _, _ = await self.driver.execute_query(
            self.queries[CREATE_RELATIONSHIPS], rows=rows, database_=self.database
        )
        created = int(records[0]["created"]) if records else 0
        if created != len(rows):
            raise BackupRefused(f"only {created} of {len(rows)} relationships in a batch found their nodes")
        self.relationships += created


async def _prepare(
    driver: AsyncDriver, queries: QueryCatalog, database: str, cypher_dir: Path
) -> dict[int, Any]:
    counts = await count_graph(driver, queries, database)
    if counts["data_nodes"] or counts["relationships"]:
        raise BackupRefused(
            f"the database is not empty ({counts['data_nodes']} nodes, {counts['relationships']} "
            "relationships); import only into an empty database"
        )
    if not counts["nodes"]:
        await apply_migrations(driver, cypher_dir, database)
    records, _, _ = await driver.execute_query(queries[LIST_MIGRATIONS], database_=database)
    return {int(r["version"]): r for r in records}


def _check_header(item: dict[str, Any] | None) -> None:
    if item is None or item.get("format") != FORMAT:
        raise BackupRefused("the file does not start with a factcheck graph backup header")
    if item.get("version") != VERSION:
        raise BackupRefused(f"backup format version {item.get('version')!r} is not {VERSION}")


async def import_graph(
    driver: AsyncDriver,
    queries: QueryCatalog,
    database: str,
    lines: Iterable[str],
    cypher_dir: Path,
    tick: Tick | None = None,
) -> ImportSummary:
    """Loads an export's lines; BackupRefused before writing anything when it cannot."""
    items = _lines(lines, tick)
    first = next(items, None)
    _check_header(first[0] if first else None)
    migrations = await _prepare(driver, queries, database, cypher_dir)
    loader = _Loader(driver, queries, database)
    seen_migrations: set[int] = set()
    end: dict[str, Any] | None = None
    for item, size in items:
        if "node" in item and "Migration" in item["labels"]:
            props = item["props"]
            target = migrations.get(props.get("version"))
            if target is None or (target["name"], target["checksum"]) != (
                props.get("name"),
                props.get("checksum"),
            ):
                raise BackupRefused(
                    f"the export's migration V{props.get('version')} ({props.get('name')}) does not match "
                    "this database's schema; import with the factcheck version that exported it"
                )
            seen_migrations.add(target["version"])
            continue
        if "node" in item:
            if seen_migrations != set(migrations):
                raise BackupRefused("this database has migrations the export does not; nothing was written")
            row = {"id": item["node"], "labels": item["labels"], "props": decode_props(item["props"])}
            await loader.add("node", row, size)
        elif "rel" in item:
            row = {
                "id": item["rel"],
                "start": item["start"],
                "end": item["end"],
                "type": item["type"],
                "props": decode_props(item["props"]),
            }
            await loader.add("rel", row, size)
        elif item.get("end") is True:
            end = item
    await loader.flush()
    if seen_migrations != set(migrations) and not loader.nodes:
        raise BackupRefused("this database has migrations the export does not; nothing was written")
    if end is None:
        raise BackupRefused(
            f"the file has no end line: the export was cut short; {loader.nodes} nodes and "
            f"{loader.relationships} relationships were written, empty the database before importing again"
        )
    restored = await graph_hash(driver, queries, database)
    return ImportSummary(
        nodes=restored.nodes,
        relationships=restored.relationships,
        expected_nodes=int(end["nodes"]),
        expected_relationships=int(end["relationships"]),
        graph_sha256=restored.graph_sha256,
        expected_sha256=str(end["graph_sha256"]),
    )
