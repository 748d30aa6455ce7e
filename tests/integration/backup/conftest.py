"""A second, empty Neo4j to restore into, and a source graph built through the API."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver, AsyncGraphDatabase
from tests.support.workflow import add_evidence, publish

from factcheck.auth.keys import hash_key
from factcheck.graph.local import LocalNeo4j, free_port
from factcheck.settings import Settings

Client = AsyncTestClient  # type: ignore[type-arg]

PAGE = (
    b"<html><head><title>Ministry statement</title></head><body><article><p>The ministry said "
    b"2500 troops are stationed in Iraq.</p><p>\xc3\xa9t\xc3\xa9 \x00 raw bytes kept as sent.</p>"
    b"</article></body></html>"
)


@pytest.fixture(scope="module")
def target_uri(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Iterator[str]:
    """A fresh local Neo4j with nothing in it, for this module only."""
    instance = LocalNeo4j(
        home=tmp_path_factory.mktemp("restore-neo4j"),
        port=free_port(),
        cache_dir=settings.neo4j_cache_dir,
        heap_mb=384,
        pagecache_mb=64,
    )
    instance.start()
    try:
        yield instance.uri
    finally:
        instance.stop()


@pytest.fixture
async def target(target_uri: str) -> AsyncIterator[AsyncDriver]:
    """The restore target, emptied of nodes (its schema stays)."""
    driver = AsyncGraphDatabase.driver(target_uri)
    await driver.execute_query("MATCH (n) WHERE NOT n:Migration DETACH DELETE n")
    yield driver
    await driver.close()


async def restore_test_users(driver: AsyncDriver, api_keys: dict[str, str]) -> None:
    """Puts back the session's test users (with the same keys) if an earlier test wiped the graph."""
    for name, key in api_keys.items():
        await driver.execute_query(
            "MERGE (u:User {name: $name}) ON CREATE SET u.id = randomUUID(), u.roles = [$role],"
            " u.key_hash = $hash, u.disabled = false, u.created_at = datetime()",
            name=f"test-{name}",
            role=name.rstrip("2"),
            hash=hash_key(key),
        )


@pytest.fixture(scope="module")
async def source(
    client: Client, driver: AsyncDriver, api_keys: dict[str, str], seed_text: str
) -> AsyncDriver:
    """The session graph holding articles, claims, documents with bytes, evidence, a published verdict
    (so an audit chain), users, and a node with every kind of property value."""
    from tests.support.http_server import Route, serve

    await driver.execute_query("MATCH (n) WHERE NOT (n:Migration OR n:User) DETACH DELETE n")
    await restore_test_users(driver, api_keys)
    article = await client.post(
        "/articles", json={"text": seed_text, "published_at": "2024-01-25T15:50:00+03:00"}
    )
    assert article.status_code == 201, article.text
    claim_id = next(c["id"] for c in article.json()["claims"] if "2500 troops" in c["text"])
    with serve({"/statement": Route(body=PAGE, content_type="text/html; charset=utf-8")}) as site:
        fetched = await client.post("/documents", json={"url": site.url("/statement")})
        assert fetched.status_code == 201, fetched.text
    evidence = await add_evidence(
        client, claim_id, "The ministry said 2500 troops are stationed.", "2500 troops"
    )
    await publish(
        client, claim_id, "mostly_true", "The troop figure matches.", api_keys["editor2"], [evidence]
    )
    await driver.execute_query(
        "CREATE (:BackupProbe:Extra {raw: $raw, empty: $empty,"
        " local: localdatetime('2024-01-01T10:00:00.123456789'), day: date('2024-02-29'),"
        " clock: time('10:00:00.5+05:30'), wall: localtime('23:59:59'),"
        " span: duration('P1Y2M3DT4H5M6.000000007S'), zoned: datetime('2024-07-01T12:00:00[Europe/Paris]'),"
        " at: point({x: 1.5, y: -2.0}), geo: point({longitude: 13.4, latitude: 52.5, height: 34.0}),"
        " nan: 0.0 / 0.0, big: 9007199254740993, words: ['a', 'b\\u0000c'], flags: [true, false],"
        " ratio: 1.0})"
        "-[:PROBES {weight: 0.5, at: datetime('2024-01-01T00:00:00Z')}]->(:BackupProbe {raw: $raw})",
        raw=bytes(range(256)),
        empty=b"",
    )
    return driver
