"""`factcheck ingest` on a directory: batches, dedupe, and failures that do not stop the run."""

from __future__ import annotations

import json
from pathlib import Path

from neo4j import AsyncDriver

from factcheck.cli import _ingest
from factcheck.settings import Settings


async def test_ingest_a_directory(
    tmp_path: Path, settings: Settings, empty_graph: AsyncDriver, seed_text: str
) -> None:
    (tmp_path / "nested").mkdir()
    (tmp_path / "seed.txt").write_text(seed_text)
    (tmp_path / "page.html").write_text(
        "<html><head><title>Port closed</title></head><body><article><p>"
        "The port authority said on Tuesday that 300 containers were stuck after the strike."
        "</p></article></body></html>"
    )
    rows = [
        {
            "text": f"Officials said {n} bridges in district {n} were closed on Monday.",
            "title": f"Bridges {n}",
        }
        for n in range(7)
    ]
    lines = [json.dumps(row) for row in rows] + ["{not json", json.dumps({"title": "no text"})]
    (tmp_path / "nested" / "feed.jsonl").write_text("\n".join(lines))
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")

    small_batches = settings.model_copy(update={"ingest_batch_size": 3})
    assert await _ingest(str(tmp_path), small_batches, quiet=True) == 0

    records, _, _ = await empty_graph.execute_query("MATCH (a:Article) RETURN count(a) AS n")
    assert records[0]["n"] == 9
    records, _, _ = await empty_graph.execute_query(
        "MATCH (e:Event {action: 'article.ingested'}) RETURN count(e) AS events"
    )
    assert records[0]["events"] == 3  # batches of 3, 3 and 3 new articles

    assert await _ingest(str(tmp_path), small_batches, quiet=True) == 0
    records, _, _ = await empty_graph.execute_query("MATCH (a:Article) RETURN count(a) AS n")
    assert records[0]["n"] == 9


async def test_ingest_a_missing_path_fails(
    settings: Settings, empty_graph: AsyncDriver, tmp_path: Path
) -> None:
    assert await _ingest(str(tmp_path / "missing"), settings, quiet=True) == 1
