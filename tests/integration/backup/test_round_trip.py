"""export -> import into an empty Neo4j is exact: counts, canonical hash, audit chain, document bytes."""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
import subprocess
import sys
from pathlib import Path

from neo4j import AsyncDriver

from factcheck.audit.verify import verify_chain
from factcheck.backup import graph_hash
from factcheck.graph.queries import QueryCatalog
from factcheck.graph.store import Graph
from factcheck.settings import PROJECT_ROOT, Settings


def factcheck(uri: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEO4J_URI": uri, "FACTCHECK_WEBHOOK_DISPATCHER": "false"}
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def catalog(settings: Settings) -> QueryCatalog:
    return QueryCatalog.load(settings.cypher_dir / "queries")


async def test_export_then_import_is_exact(
    source: AsyncDriver, target: AsyncDriver, settings: Settings, target_uri: str, tmp_path: Path
) -> None:
    queries = catalog(settings)
    before = await graph_hash(source, queries, settings.neo4j_database)
    dump = tmp_path / "graph.jsonl"
    exported = factcheck(settings.bolt_uri, "export", str(dump), "--quiet")
    assert exported.returncode == 0, exported.stderr
    lines = dump.read_text(encoding="utf-8").splitlines()
    header, end = json.loads(lines[0]), json.loads(lines[-1])
    assert header["format"] == "factcheck-graph-backup" and end["graph_sha256"] == before.graph_sha256
    assert len(lines) == 2 + end["nodes"] + end["relationships"]
    assert any(json.loads(line).get("labels") == ["Document"] for line in lines[1:-1])

    await target.execute_query("MATCH (n) DETACH DELETE n")  # not even a schema: import applies it
    imported = factcheck(target_uri, "import", str(dump))
    assert imported.returncode == 0, imported.stderr
    assert "round trip exact" in imported.stderr

    after = await graph_hash(target, queries, settings.neo4j_database)
    assert (after.nodes, after.relationships, after.graph_sha256) == (
        before.nodes,
        before.relationships,
        before.graph_sha256,
    )
    hashed = factcheck(target_uri, "graph-hash")
    assert hashed.returncode == 0 and hashed.stdout.split()[0] == before.graph_sha256

    report = await verify_chain(Graph(target, queries, settings.neo4j_database))
    assert report.ok and report.checked > 0
    records, _, _ = await target.execute_query("MATCH (d:Document) RETURN d.raw AS raw, d.sha256 AS sha256")
    assert records and all(hashlib.sha256(r["raw"]).hexdigest() == r["sha256"] for r in records)
    probe = "MATCH (p:BackupProbe:Extra) RETURN properties(p) AS p"
    [restored_probe] = [r["p"] for r in (await target.execute_query(probe))[0]]
    [source_probe] = [r["p"] for r in (await source.execute_query(probe))[0]]
    assert (
        restored_probe["raw"] == bytes(range(256)) and restored_probe["zoned"].tzinfo.zone == "Europe/Paris"
    )
    assert math.isnan(restored_probe.pop("nan")) and math.isnan(source_probe.pop("nan"))
    assert restored_probe == source_probe
    assert {k: type(v) for k, v in restored_probe.items()} == {k: type(v) for k, v in source_probe.items()}


async def test_import_refuses_a_database_that_is_not_empty(
    source: AsyncDriver, target: AsyncDriver, settings: Settings, target_uri: str, tmp_path: Path
) -> None:
    dump = tmp_path / "graph.jsonl.gz"
    assert factcheck(settings.bolt_uri, "export", str(dump), "--quiet").returncode == 0
    assert factcheck(target_uri, "import", str(dump), "--quiet").returncode == 0
    restored = await graph_hash(target, catalog(settings), settings.neo4j_database)

    again = factcheck(target_uri, "import", str(dump), "--quiet")
    assert again.returncode == 2 and "not empty" in again.stderr
    assert await graph_hash(target, catalog(settings), settings.neo4j_database) == restored


async def test_files_that_are_not_whole_exports_are_refused(
    source: AsyncDriver, target: AsyncDriver, settings: Settings, target_uri: str, tmp_path: Path
) -> None:
    dump = tmp_path / "graph.jsonl"
    assert factcheck(settings.bolt_uri, "export", str(dump), "--quiet").returncode == 0
    lines = dump.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = tmp_path / "cut.jsonl"
    cut.write_text("".join(lines[:-1]), encoding="utf-8")
    not_one = tmp_path / "other.jsonl"
    not_one.write_text('{"hello": "world"}\n', encoding="utf-8")
    with gzip.open(tmp_path / "garbage.jsonl.gz", "wt") as handle:
        handle.write("not json\n")

    assert factcheck(target_uri, "import", str(not_one), "--quiet").returncode == 2
    empty, _, _ = await target.execute_query("MATCH (n) WHERE NOT n:Migration RETURN count(n) AS n")
    assert empty[0]["n"] == 0
    assert factcheck(target_uri, "import", str(tmp_path / "garbage.jsonl.gz"), "--quiet").returncode == 2
    truncated = factcheck(target_uri, "import", str(cut), "--quiet")
    assert truncated.returncode == 2 and "cut short" in truncated.stderr
