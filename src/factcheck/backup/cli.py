"""`factcheck export`, `factcheck import` and `factcheck graph-hash`, with rich progress bars."""

from __future__ import annotations

import argparse
import asyncio
import gzip
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from factcheck.backup.export import count_graph, export_graph, graph_hash
from factcheck.backup.restore import BackupRefused, import_graph
from factcheck.graph.queries import QueryCatalog
from factcheck.graph.store import create_driver
from factcheck.settings import Settings

__all__ = ["register_backup_commands"]


@contextmanager
def _open_text(path: str, mode: str) -> Iterator[TextIO]:
    """`path` as text (gzip when it ends in .gz); `-` is stdin or stdout."""
    if path == "-":
        yield sys.stdout if "w" in mode else sys.stdin
        return
    opener: Any = gzip.open if path.endswith(".gz") else open
    with opener(path, mode + "t", encoding="utf-8", newline="\n") as handle:
        yield handle


def _progress(quiet: bool, *columns: Any) -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        *columns,
        TimeElapsedColumn(),
        disable=quiet,
        console=None,
        transient=False,
        redirect_stdout=False,
    )


async def _export(settings: Settings, target: str, quiet: bool) -> int:
    driver = create_driver(settings)
    queries = QueryCatalog.load(settings.cypher_dir / "queries")
    try:
        counts = await count_graph(driver, queries, settings.neo4j_database)
        started = time.monotonic()
        with (
            _progress(quiet or target == "-", MofNCompleteColumn()) as progress,
            _open_text(target, "w") as out,
        ):
            task = progress.add_task("export", total=counts["nodes"] + counts["relationships"])
            summary = await export_graph(
                driver, queries, settings.neo4j_database, out, lambda n: progress.advance(task, n)
            )
    finally:
        await driver.close()
    seconds = time.monotonic() - started
    print(
        f"exported {summary.nodes} nodes and {summary.relationships} relationships in {seconds:.2f}s "
        f"({(summary.nodes + summary.relationships) / max(seconds, 1e-9):.0f} items/s); "
        f"graph sha256 {summary.graph_sha256}",
        file=sys.stderr,
    )
    return 0


async def _import(settings: Settings, source: str, size: int | None, quiet: bool) -> int:
    driver = create_driver(settings)
    queries = QueryCatalog.load(settings.cypher_dir / "queries")
    started = time.monotonic()
    try:
        with _progress(quiet, DownloadColumn()) as progress, _open_text(source, "r") as lines:
            task = progress.add_task("import", total=size)
            tick: Callable[[int], None] = lambda n: progress.advance(task, n)  # noqa: E731
            summary = await import_graph(
                driver, queries, settings.neo4j_database, lines, settings.cypher_dir, tick
            )
    except BackupRefused as exc:
        print(f"factcheck import: refused: {exc}", file=sys.stderr)
        return 2
    finally:
        await driver.close()
    seconds = time.monotonic() - started
    verdict = "exact" if summary.exact else "MISMATCH"
    print(
        f"imported {summary.nodes} nodes and {summary.relationships} relationships in {seconds:.2f}s "
        f"({(summary.nodes + summary.relationships) / max(seconds, 1e-9):.0f} items/s); "
        f"round trip {verdict}: "
        f"graph sha256 {summary.graph_sha256} (export: {summary.expected_sha256}); "
        f"counts {summary.nodes}/{summary.relationships} (export: "
        f"{summary.expected_nodes}/{summary.expected_relationships})",
        file=sys.stderr,
    )
    return 0 if summary.exact else 1


async def _hash(settings: Settings) -> int:
    driver = create_driver(settings)
    try:
        summary = await graph_hash(
            driver, QueryCatalog.load(settings.cypher_dir / "queries"), settings.neo4j_database
        )
    finally:
        await driver.close()
    print(f"{summary.graph_sha256}  nodes={summary.nodes} relationships={summary.relationships}")
    return 0


def register_backup_commands(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    ensure_neo4j: Callable[[Settings], None],
) -> None:
    """Adds `export`, `import` and `graph-hash` to the CLI."""

    def export_command(args: argparse.Namespace, settings: Settings) -> int:
        ensure_neo4j(settings)
        return asyncio.run(_export(settings, args.target, args.quiet))

    def import_command(args: argparse.Namespace, settings: Settings) -> int:
        ensure_neo4j(settings)
        plain_file = args.source != "-" and not args.source.endswith(".gz")
        size = Path(args.source).stat().st_size if plain_file else None
        return asyncio.run(_import(settings, args.source, size, args.quiet))

    def hash_command(args: argparse.Namespace, settings: Settings) -> int:
        ensure_neo4j(settings)
        return asyncio.run(_hash(settings))

    export = commands.add_parser("export", help="write the whole graph as JSON lines (.gz compresses)")
    export.add_argument("target", help="PATH, PATH.gz, or - for stdout")
    export.add_argument("--quiet", action="store_true", help="no progress bar")
    export.set_defaults(run=export_command)

    restore = commands.add_parser("import", help="load an export into an empty database")
    restore.add_argument("source", help="PATH or PATH.gz written by `factcheck export`, or - for stdin")
    restore.add_argument("--quiet", action="store_true", help="no progress bar")
    restore.set_defaults(run=import_command)

    commands.add_parser("graph-hash", help="the graph's canonical sha256 and counts").set_defaults(
        run=hash_command
    )
