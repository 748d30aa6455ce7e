"""The local Neo4j launcher and the migration runner, on an instance of their own.

The session's shared instance is not used here: these tests stop their server.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient

from factcheck.app import create_app
from factcheck.graph.local import LocalNeo4j, bolt_answers, free_port
from factcheck.graph.migrations import (
    MigrationError,
    apply_migrations,
    load_migrations,
    pending_migrations,
)
from factcheck.graph.queries import MissingQueryError
from factcheck.graph.store import create_driver
from factcheck.settings import PROJECT_ROOT, Settings


@pytest.fixture(scope="module")
def own_instance(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    instance = LocalNeo4j(
        home=tmp_path_factory.mktemp("own-neo4j"),
        port=free_port(),
        cache_dir=Settings(_env_file=None).neo4j_cache_dir,  # type: ignore[call-arg]
    )
    yield instance
    instance.stop()


def _settings(instance: LocalNeo4j, cypher_dir: Path = PROJECT_ROOT / "cypher") -> Settings:
    return Settings(_env_file=None, neo4j_uri=instance.uri, cypher_dir=cypher_dir)  # type: ignore[call-arg]


def test_start_answers_bolt_and_a_second_start_reuses_it(own_instance: LocalNeo4j) -> None:
    status, started = own_instance.start()
    assert started and status.running and status.bolt_ready
    assert bolt_answers("127.0.0.1", own_instance.port)
    assert own_instance.pid_file.read_text().strip() == str(status.pid)
    assert own_instance.log_file.exists() and (own_instance.home / "data").is_dir()

    again, started_again = own_instance.start()
    assert not started_again
    assert again.pid == status.pid


@pytest.fixture
async def edited_cypher_dir(tmp_path: Path) -> AsyncIterator[Path]:
    copy = tmp_path / "cypher"
    shutil.copytree(PROJECT_ROOT / "cypher", copy)
    yield copy


async def test_migrations_apply_once_and_refuse_an_edited_file(
    own_instance: LocalNeo4j, edited_cypher_dir: Path
) -> None:
    own_instance.start()
    driver = create_driver(_settings(own_instance))
    try:
        applied = await apply_migrations(driver, PROJECT_ROOT / "cypher", "neo4j")
        assert [m.version for m in applied] == [m.version for m in load_migrations(PROJECT_ROOT / "cypher")]
        records, _, _ = await driver.execute_query(
            "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names"
        )
        assert {"claim_id", "verdict_id", "event_id", "article_sha256"} <= set(records[0]["names"])
        records, _, _ = await driver.execute_query(
            "SHOW INDEXES YIELD name, type, state WHERE type = 'FULLTEXT' "
            "RETURN collect([name, state]) AS idx"
        )
        assert ["claim_text", "ONLINE"] in records[0]["idx"]
        assert ["article_text", "ONLINE"] in records[0]["idx"]

        assert await apply_migrations(driver, PROJECT_ROOT / "cypher", "neo4j") == []
        records, _, _ = await driver.execute_query("MATCH (m:Migration) RETURN count(m) AS n")
        assert records[0]["n"] == len(applied)

        first = sorted(edited_cypher_dir.glob("V001__*.cypher"))[0]
        first.write_text(first.read_text() + "\n// edited after it was applied\n")
        with pytest.raises(MigrationError, match="edited after it was applied"):
            await pending_migrations(driver, edited_cypher_dir, "neo4j")
    finally:
        await driver.close()


async def test_app_refuses_to_start_with_an_edited_migration(
    own_instance: LocalNeo4j, edited_cypher_dir: Path
) -> None:
    own_instance.start()
    first = sorted(edited_cypher_dir.glob("V001__*.cypher"))[0]
    first.write_text(first.read_text().replace("CREATE", "CREATE ", 1))
    with pytest.raises(ExceptionGroup) as failure:
        async with AsyncTestClient(app=create_app(_settings(own_instance, edited_cypher_dir))):
            pass
    assert failure.group_contains(MigrationError, match="edited after it was applied")


UNKNOWN_KEY = {"Authorization": "Bearer fck_not_a_key_of_anyone"}


async def test_ready_follows_neo4j_up_and_down(own_instance: LocalNeo4j) -> None:
    own_instance.start()
    async with AsyncTestClient(app=create_app(_settings(own_instance))) as client:
        up = await client.get("/ready")
        assert up.status_code == 200, up.text
        assert up.json()["status"] == "ready"

        assert own_instance.stop()
        assert not own_instance.status().running
        down = await client.get("/ready")
        assert down.status_code == 503
        assert down.headers["content-type"].startswith("application/problem+json")
        assert down.json()["status"] == 503
        assert (await client.get("/health")).status_code == 200
        # Any request that needs the graph says so, instead of a 500.
        read = await client.get("/verdicts", headers=UNKNOWN_KEY)
        assert read.status_code == 503, read.text
        assert read.headers["content-type"].startswith("application/problem+json")
        assert read.headers["retry-after"] == "5"
        assert read.json()["type"].endswith("/graph-unavailable")

        own_instance.start()
        back = await client.get("/ready")
        assert back.status_code == 200
        # The pooled connections died with the old process; reads find new ones.
        assert (await client.get("/verdicts", headers=UNKNOWN_KEY)).status_code == 401


async def test_app_starts_without_neo4j_and_reports_not_ready() -> None:
    settings = Settings(_env_file=None, neo4j_uri=f"bolt://127.0.0.1:{free_port()}")  # type: ignore[call-arg]
    async with AsyncTestClient(app=create_app(settings)) as client:
        response = await client.get("/ready")
        assert response.status_code == 503
        assert "not reachable" in response.json()["detail"]
        assert "Traceback" not in response.text
        read = await client.get("/claims", headers=UNKNOWN_KEY)
        assert read.status_code == 503
        assert "Traceback" not in read.text


async def test_app_refuses_to_start_when_a_query_file_is_missing(edited_cypher_dir: Path) -> None:
    (edited_cypher_dir / "queries" / "system" / "check_ready.cypher").unlink()
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, neo4j_uri=f"bolt://127.0.0.1:{free_port()}", cypher_dir=edited_cypher_dir
    )
    with pytest.raises(ExceptionGroup) as failure:
        async with AsyncTestClient(app=create_app(settings)):
            pass
    assert failure.group_contains(MissingQueryError, match="system/check_ready")
