"""Requests tag their Neo4j transactions, so the query log can be read next to the audit log."""

from __future__ import annotations

from pathlib import Path

from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.graph.context import start_request, tag_transactions
from factcheck.graph.queries import QueryCatalog, QueryName
from factcheck.graph.store import Graph, Transaction
from factcheck.settings import Settings

OWN_METADATA = (
    "SHOW TRANSACTIONS YIELD currentQuery, metaData "
    "WHERE currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN metaData AS metadata"
)


def _catalog(tmp_path: Path) -> QueryCatalog:
    (tmp_path / "own_metadata.cypher").write_text(OWN_METADATA)
    return QueryCatalog.load(tmp_path)


async def test_reads_and_transactions_carry_the_request_id_and_user(
    tmp_path: Path, driver: AsyncDriver, settings: Settings
) -> None:
    graph = Graph(driver, _catalog(tmp_path), settings.neo4j_database)
    start_request("req-123")
    tag_transactions(user="user-9")
    [row] = await graph.run(QueryName("own_metadata"))
    assert row["metadata"] == {"request_id": "req-123", "user": "user-9"}

    async def work(tx: Transaction) -> dict[str, str]:
        [inside] = await tx.run(QueryName("own_metadata"))
        return dict(inside["metadata"])

    assert await graph.transaction(work) == {"request_id": "req-123", "user": "user-9"}
    start_request("req-456")
    [row] = await graph.run(QueryName("own_metadata"))
    assert row["metadata"] == {"request_id": "req-456"}


async def test_the_request_id_is_echoed_or_made(client: AsyncTestClient) -> None:  # type: ignore[type-arg]
    sent = await client.get("/health", headers={"X-Request-ID": "desk-42.a"})
    assert sent.headers["x-request-id"] == "desk-42.a"
    made = await client.get("/health")
    assert len(made.headers["x-request-id"]) == 32
    refused = await client.get("/health", headers={"X-Request-ID": "no spaces\tor tabs"})
    assert refused.headers["x-request-id"] != "no spaces\tor tabs"
    assert len(refused.headers["x-request-id"]) == 32
