"""`factcheck export`: the whole graph as JSON lines, streamed, hash in the last line.

Line 1 is a header; then every `:Migration` node, every other node, every relationship (each
with its element id and encoded properties; documents' raw bytes as base64); the last line
holds the counts and the graph's canonical hash (see `hashing`). Nodes and relationships
stream from Neo4j and go to the file one at a time, so memory stays flat but for one digest
per node. On a live service the export is not a point-in-time snapshot: stop writers, or
use `neo4j-admin database dump` (docs/operations.md).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TextIO

from neo4j import AsyncDriver, Record

from factcheck.backup.hashing import GraphHasher
from factcheck.backup.values import canonical, encode_props
from factcheck.graph.queries import QueryCatalog, query

__all__ = ["FORMAT", "VERSION", "ExportSummary", "count_graph", "export_graph", "graph_hash"]

FORMAT = "factcheck-graph-backup"
VERSION = 1

COUNT_GRAPH = query("backup/count_graph")
EXPORT_NODES = query("backup/export_nodes")
EXPORT_RELATIONSHIPS = query("backup/export_relationships")

Tick = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export (or a hash-only scan) saw."""

    nodes: int
    relationships: int
    graph_sha256: str


async def count_graph(driver: AsyncDriver, queries: QueryCatalog, database: str) -> dict[str, int]:
    """`nodes`, `data_nodes` (all but :Migration) and `relationships`."""
    records, _, _ = await driver.execute_query(queries[COUNT_GRAPH], database_=database, routing_="r")
    return {key: int(records[0][key]) for key in ("nodes", "data_nodes", "relationships")}


async def _stream(
    driver: AsyncDriver, queries: QueryCatalog, database: str
) -> AsyncIterator[tuple[str, Record]]:
    """("node", record) for migrations then every other node, then ("rel", record) for each relationship."""
    async with driver.session(database=database, default_access_mode="READ", fetch_size=500) as session:
        for migrations in (True, False):
            result = await session.run(queries[EXPORT_NODES], migrations=migrations)
            async for record in result:
                yield "node", record
        result = await session.run(queries[EXPORT_RELATIONSHIPS])
        async for record in result:
            yield "rel", record


def _line(kind: str, record: Record, hasher: GraphHasher) -> dict[str, Any]:
    props = encode_props(record["props"])
    if kind == "node":
        hasher.node(record["id"], record["labels"], props)
        return {"node": record["id"], "labels": record["labels"], "props": props}
    hasher.relationship(record["type"], record["start"], record["end"], props)
    return {
        "rel": record["id"],
        "type": record["type"],
        "start": record["start"],
        "end": record["end"],
        "props": props,
    }


async def export_graph(
    driver: AsyncDriver, queries: QueryCatalog, database: str, out: TextIO, tick: Tick | None = None
) -> ExportSummary:
    """Writes the graph to `out` as JSON lines; `tick(n)` after each item, for a progress bar."""
    counts = await count_graph(driver, queries, database)
    header = {"format": FORMAT, "version": VERSION, "exported_at": datetime.now(UTC).isoformat(), **counts}
    out.write(canonical(header).decode("utf-8") + "\n")
    hasher = GraphHasher()
    async for kind, record in _stream(driver, queries, database):
        out.write(canonical(_line(kind, record, hasher)).decode("utf-8") + "\n")
        if tick:
            tick(1)
    summary = ExportSummary(hasher.nodes, hasher.relationships, hasher.hexdigest())
    end = {"end": True, "nodes": summary.nodes, "relationships": summary.relationships}
    out.write(canonical({**end, "graph_sha256": summary.graph_sha256}).decode("utf-8") + "\n")
    return summary


async def graph_hash(
    driver: AsyncDriver, queries: QueryCatalog, database: str, tick: Tick | None = None
) -> ExportSummary:
    """The graph's counts and canonical hash, read as an export reads it, writing nothing."""
    hasher = GraphHasher()
    async for kind, record in _stream(driver, queries, database):
        _line(kind, record, hasher)
        if tick:
            tick(1)
    return ExportSummary(hasher.nodes, hasher.relationships, hasher.hexdigest())
