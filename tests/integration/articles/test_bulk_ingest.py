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


async def _claims_by_article(driver: AsyncDriver) -> list[tuple[str, list[str]]]:
    records, _, _ = await driver.execute_query(
        "MATCH (a:Article) OPTIONAL MATCH (c:Claim)-[:APPEARS_IN]->(a) "
        "WITH a, c ORDER BY c.text RETURN a.title AS title, collect(c.text) AS claims ORDER BY title"
    )
    return [(record["title"], record["claims"]) for record in records]


async def test_worker_processes_ingest_what_one_process_ingests(
    tmp_path: Path, settings: Settings, empty_graph: AsyncDriver, seed_text: str
) -> None:
    rows = [
        {"text": f"{seed_text}\n\nOfficials said {n} bridges were closed on Monday.", "title": f"a{n:02}"}
        for n in range(23)
    ]
    rows.insert(9, {"text": "x" * 50_000, "title": "too large"})
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(row) for row in rows))

    limit = len(seed_text.encode()) + 500
    one = settings.model_copy(
        update={"ingest_batch_size": 10, "ingest_workers": 1, "max_article_bytes": limit}
    )
    assert await _ingest(str(feed), one, quiet=True) == 0  # the oversized row fails, the rest land
    in_process = await _claims_by_article(empty_graph)
    await empty_graph.execute_query("MATCH (n) DETACH DELETE n")

    two = one.model_copy(update={"ingest_workers": 2})
    assert await _ingest(str(feed), two, quiet=True) == 0
    assert await _claims_by_article(empty_graph) == in_process
    assert len(in_process) == 23
    assert all(claims for _, claims in in_process)
    records, _, _ = await empty_graph.execute_query(
        "MATCH (e:Event {action: 'article.ingested'}) RETURN count(e) AS events"
    )
    assert records[0]["events"] == 3  # batches of 10, 10 and 3 articles


async def test_lineage_can_be_left_out_of_a_bulk_ingest(
    tmp_path: Path, settings: Settings, empty_graph: AsyncDriver
) -> None:
    sentence = "The ministry said on Monday that 2,500 troops will leave Basra by the end of March."
    rows = [{"text": f"{sentence} Report {n} of the day.", "title": f"Report {n}"} for n in range(4)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(row) for row in rows))

    async def links() -> int:
        records, _, _ = await empty_graph.execute_query(
            "MATCH ()-[l:SAME_AS|SIMILAR_TO]->() RETURN count(l) AS n"
        )
        return int(records[0]["n"])

    without = settings.model_copy(update={"ingest_lineage": False, "ingest_batch_size": 2})
    assert await _ingest(str(feed), without, quiet=True) == 0
    assert await links() == 0
    with_lineage = settings.model_copy(update={"ingest_lineage": True, "ingest_batch_size": 2})
    feed.write_text("\n".join(json.dumps({**row, "text": row["text"] + " Updated."}) for row in rows))
    assert await _ingest(str(feed), with_lineage, quiet=True) == 0
    assert await links() > 0
