"""Shared fixtures: one real Neo4j for the whole test session, and the app against it.

With NEO4J_URI set, that server is used. Otherwise a separate local instance is started
on a free port with a temporary data directory, so tests never touch the data that
`make run` serves.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.app import create_app
from factcheck.auth.keys import hash_key, new_key
from factcheck.auth.roles import Role
from factcheck.graph.local import LocalNeo4j, free_port
from factcheck.graph.migrations import apply_migrations
from factcheck.graph.store import create_driver
from factcheck.settings import Settings

# Fixtures shared across the API tests, registered once here instead of re-exported per folder:
# `flow` (claims driven through review) and `site`, `seed_claim` (documents on a local site).
pytest_plugins = ["tests.api.workflow.support", "tests.api.documents.support"]


def _base_settings(**overrides: object) -> Settings:
    return Settings(_env_file=None, **overrides)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Bolt URI for this test session: NEO4J_URI, or a fresh local instance."""
    external = os.environ.get("NEO4J_URI")
    if external:
        yield external
        return
    instance = LocalNeo4j(
        home=tmp_path_factory.mktemp("neo4j"),
        port=free_port(),
        cache_dir=_base_settings().neo4j_cache_dir,
        heap_mb=768,
    )
    instance.start()
    try:
        yield instance.uri
    finally:
        instance.stop()


@pytest.fixture(scope="session")
def settings(neo4j_uri: str) -> Settings:
    """Settings that point at the test session's Neo4j."""
    return _base_settings(neo4j_uri=neo4j_uri, http_allowed_hosts=["127.0.0.1", "localhost"])


@pytest.fixture(scope="session")
async def driver(settings: Settings) -> AsyncIterator[AsyncDriver]:
    """A raw driver for checks that look at the graph directly; the schema is migrated."""
    raw = create_driver(settings)
    await raw.verify_connectivity()
    await apply_migrations(raw, settings.cypher_dir, settings.neo4j_database)
    yield raw
    await raw.close()


@pytest.fixture
async def empty_graph(driver: AsyncDriver) -> AsyncDriver:
    """The session's graph with every node removed except migration records and users."""
    await driver.execute_query("MATCH (n) WHERE NOT (n:Migration OR n:User) DETACH DELETE n")
    return driver


@pytest.fixture(scope="session")
async def api_keys(driver: AsyncDriver) -> dict[str, str]:
    """One API key per role, plus a second editor ("editor2") and checker ("checker2")."""
    keys: dict[str, str] = {}
    await driver.execute_query("MATCH (u:User) WHERE u.name STARTS WITH 'test-' DETACH DELETE u")
    for name in [*(role.value for role in Role), "editor2", "checker2"]:
        key = new_key()
        await driver.execute_query(
            "CREATE (:User {id: $id, name: $name, roles: [$role], key_hash: $hash, disabled: false,"
            " created_at: datetime()})",
            id=str(uuid.uuid4()),
            name=f"test-{name}",
            role=name.rstrip("2"),
            hash=hash_key(key),
        )
        keys[name] = key
    return keys


def bearer(key: str) -> dict[str, str]:
    """The Authorization header for an API key."""
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture(scope="session")
async def client(
    settings: Settings, driver: AsyncDriver, api_keys: dict[str, str]
) -> AsyncIterator[AsyncTestClient]:  # type: ignore[type-arg]
    """An HTTP client for the app, acting as an admin unless a test sends another key.

    The app's lifespan runs once for the session.
    """
    async with AsyncTestClient(app=create_app(settings)) as test_client:
        test_client.headers.update(bearer(api_keys["admin"]))
        yield test_client


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The sample article the project was started from."""
    shared = Path(os.environ.get("FACTCHECK_SHARED_DIR", Path(__file__).resolve().parents[2] / "shared"))
    return (shared / "seed" / "000_a81acf474c9df295.txt").read_text(encoding="utf-8")
