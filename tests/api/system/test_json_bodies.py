"""JSON endpoints refuse bodies that are not JSON (415) and JSON nested too deeply (400)."""

from __future__ import annotations

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.problems import PROBLEM_JSON

Client = AsyncTestClient  # type: ignore[type-arg]

JSON_ENDPOINTS = [
    "/articles",
    "/claims",
    "/documents",
    "/webhooks",
    "/users",
    "/claimreviews",
    "/claims/no-such-claim/transitions",
    "/claims/no-such-claim/evidence",
    "/claims/no-such-claim/verdicts",
]


async def node_count(driver: AsyncDriver) -> int:
    records, _, _ = await driver.execute_query("MATCH (n) RETURN count(n) AS n")
    return int(records[0]["n"])


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
@pytest.mark.parametrize("depth", [1_000, 100_000])
async def test_deeply_nested_json_is_refused_before_it_is_parsed(
    client: Client, driver: AsyncDriver, path: str, depth: int
) -> None:
    before = await node_count(driver)
    for body in ("[" * depth + "]" * depth, '{"a":' * depth + "1" + "}" * depth):
        response = await client.post(path, content=body, headers={"content-type": "application/json"})
        assert response.status_code == 400, response.text[:300]
        assert response.headers["content-type"].startswith(PROBLEM_JSON)
        assert response.json()["type"].endswith("/json-too-deep")
    assert await node_count(driver) == before


async def test_brackets_inside_strings_do_not_count(client: Client, empty_graph: AsyncDriver) -> None:
    text = 'The minister said "[[[{{{" ' + "[" * 5_000 + ' \\" and 40 schools had closed on Monday.'
    response = await client.post("/articles", json={"text": text})
    assert response.status_code == 201, response.text[:300]


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "application/xml", None]
)
async def test_a_body_that_is_not_json_is_415(
    client: Client, driver: AsyncDriver, path: str, content_type: str | None
) -> None:
    before = await node_count(driver)
    headers = {"content-type": content_type} if content_type else {}
    response = await client.post(path, content=b'{"text": "40 schools closed."}', headers=headers)
    assert response.status_code == 415, response.text[:300]
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert await node_count(driver) == before


async def test_json_ld_and_charset_parameters_are_json(client: Client, empty_graph: AsyncDriver) -> None:
    body = b'{"text": "The minister said on Monday that 40 schools had closed."}'
    plain = await client.post(
        "/articles", content=body, headers={"content-type": "application/json; charset=utf-8"}
    )
    assert plain.status_code == 201, plain.text
    feed = await client.post("/claimreviews", content=b"[]", headers={"content-type": "application/ld+json"})
    assert feed.status_code != 415
