"""The `factcheck` command: serve, neo4j start|stop|status, db migrate, ingest, users."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Callable, Sequence

from factcheck.backup.cli import register_backup_commands
from factcheck.graph.local import LocalNeo4j, LocalNeo4jError
from factcheck.graph.migrations import MigrationError, apply_migrations
from factcheck.graph.store import create_driver
from factcheck.settings import Settings, get_settings
from factcheck.users.cli import register_users_commands

__all__ = ["local_neo4j", "main"]

Command = Callable[[argparse.Namespace, Settings], int]


def local_neo4j(settings: Settings) -> LocalNeo4j:
    """The locally provisioned instance that these settings describe."""
    return LocalNeo4j(
        home=settings.local_neo4j_home,
        port=settings.local_neo4j_port,
        cache_dir=settings.neo4j_cache_dir,
        heap_mb=settings.local_neo4j_heap_mb,
        pagecache_mb=settings.local_neo4j_pagecache_mb,
        start_timeout_s=settings.local_neo4j_start_timeout_s,
    )


def _ensure_neo4j(settings: Settings) -> None:
    """Starts (or reuses) the local Neo4j unless NEO4J_URI points elsewhere."""
    if not settings.uses_local_neo4j:
        return
    began = time.monotonic()
    status, started = local_neo4j(settings).start()
    verb = "started" if started else "reusing running"
    print(f"neo4j: {verb} instance at {status.uri} (pid {status.pid}, {time.monotonic() - began:.1f}s)")


def _neo4j_start(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.uses_local_neo4j:
        print(f"neo4j: NEO4J_URI is set ({settings.neo4j_uri}); nothing to provision")
        return 0
    _ensure_neo4j(settings)
    return 0


def _neo4j_stop(args: argparse.Namespace, settings: Settings) -> int:
    stopped = local_neo4j(settings).stop()
    print("neo4j: stopped" if stopped else "neo4j: was not running")
    return 0


def _neo4j_status(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.uses_local_neo4j:
        print(f"neo4j: external server {settings.neo4j_uri}")
        return 0
    status = local_neo4j(settings).status()
    state = "running" if status.running else "stopped"
    bolt = "answers" if status.bolt_ready else "does not answer"
    print(f"neo4j: {state} (pid {status.pid}); Bolt at {status.uri} {bolt}; home {status.home}")
    return 0 if status.bolt_ready else 3


async def _migrate(settings: Settings) -> int:
    driver = create_driver(settings)
    try:
        applied = await apply_migrations(driver, settings.cypher_dir, settings.neo4j_database)
    finally:
        await driver.close()
    names = ", ".join(f"V{m.version:03d}__{m.name}" for m in applied) or "none pending"
    print(f"migrations applied: {names}")
    return 0


def _db_migrate(args: argparse.Namespace, settings: Settings) -> int:
    _ensure_neo4j(settings)
    return asyncio.run(_migrate(settings))


async def _ingest(target: str, settings: Settings, quiet: bool) -> int:
    from factcheck.articles.bulk import ingest_source
    from factcheck.graph.session import open_graph
    from factcheck.outbound import create_http_client

    http = create_http_client(settings)
    try:
        async with open_graph(settings) as graph:
            summary = await ingest_source(target, graph, http, settings, show_progress=not quiet)
    finally:
        await http.aclose()
    for label, reason in summary.failed:
        print(f"  failed: {label}: {reason}", file=sys.stderr)
    print(
        f"ingested {summary.created} new, {summary.existing} already present, {len(summary.failed)} failed; "
        f"{summary.claims} claims; {summary.seconds:.2f}s ({summary.articles_per_second:.1f} articles/s)"
    )
    return 1 if summary.failed and not (summary.created or summary.existing) else 0


def _ingest_command(args: argparse.Namespace, settings: Settings) -> int:
    _ensure_neo4j(settings)
    return asyncio.run(_ingest(args.target, settings, args.quiet))


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    _ensure_neo4j(settings)
    host, port = args.host or settings.host, args.port or settings.port
    print(f"factcheck: serving on http://{host}:{port}  (API docs: http://{host}:{port}/schema)")
    uvicorn.run(
        "factcheck.asgi:app", host=host, port=port, workers=args.workers, log_level="info", access_log=False
    )
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="factcheck", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the API (starts the local Neo4j when needed)")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(run=_serve)

    neo4j = commands.add_parser("neo4j", help="the locally provisioned Neo4j").add_subparsers(
        dest="action", required=True
    )
    neo4j.add_parser("start", help="download once, start, wait for Bolt").set_defaults(run=_neo4j_start)
    neo4j.add_parser("stop", help="stop the local instance").set_defaults(run=_neo4j_stop)
    neo4j.add_parser("status", help="is it running, does Bolt answer").set_defaults(run=_neo4j_status)

    ingest = commands.add_parser("ingest", help="ingest a file, a directory, a URL, or JSONL on stdin (-)")
    ingest.add_argument("target", help="PATH, URL, or - for JSONL articles on stdin")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.set_defaults(run=_ingest_command)

    db = commands.add_parser("db", help="schema").add_subparsers(dest="action", required=True)
    db.add_parser("migrate", help="apply pending cypher/V*.cypher files").set_defaults(run=_db_migrate)

    register_users_commands(commands, _ensure_neo4j)
    register_backup_commands(commands, _ensure_neo4j)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `factcheck` command."""
    args = _parser().parse_args(argv)
    run: Command = args.run
    try:
        return run(args, get_settings())
    except (LocalNeo4jError, MigrationError) as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
