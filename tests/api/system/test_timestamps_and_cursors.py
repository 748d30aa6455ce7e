"""Timestamps Neo4j cannot store and cursors of the wrong shape answer 422, never 500."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver
from tests.support.workflow import publish

from factcheck.problems import PROBLEM_JSON

Client = AsyncTestClient  # type: ignore[type-arg]

BAD_TIMES = [
    "2020-01-01T00:00:00+18:01",
    "2020-01-01T00:00:00-18:30",
    "2020-01-01T00:00:00+23:59",
    "2020-01-01T00:00:00+05:30:15",
]


def cursor(*values: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


@pytest.fixture(scope="module")
async def graph_with_rows(
    client: Client, driver: AsyncDriver, api_keys: dict[str, str], seed_text: str
) -> str:
    """An article, its claims, a published verdict and a webhook delivery: every listing has rows."""
    await driver.execute_query("MATCH (n) WHERE NOT (n:Migration OR n:User) DETACH DELETE n")
    article = await client.post("/articles", json={"text": seed_text, "published_at": "2024-01-25T15:50:00Z"})
    assert article.status_code == 201, article.text
    claim_id = next(c["id"] for c in article.json()["claims"] if "2500 troops" in c["text"])
    hook = await client.post(
        "/webhooks",
        json={"url": "http://127.0.0.1:9/hook", "events": ["verdict.published"], "secret": "s" * 24},
    )
    assert hook.status_code == 201, hook.text
    await publish(client, claim_id, "mostly_true", "The troop figure matches.", api_keys["editor2"])
    return str(hook.json()["id"])


def assert_unprocessable(response: Any) -> None:
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.json()["status"] == 422


@pytest.mark.parametrize("moment", BAD_TIMES)
@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/verdicts", "since"),
        ("/verdicts", "until"),
        ("/verdicts", "as_of"),
        ("/verdicts/claimreview", "since"),
        ("/verdicts/claimreview", "as_of"),
    ],
)
async def test_query_times_beyond_the_storable_offsets(
    client: Client, graph_with_rows: str, path: str, name: str, moment: str
) -> None:
    assert_unprocessable(await client.get(path, params={name: moment}))
    assert (await client.get(path, params={name: "2020-01-01T00:00:00+18:00"})).status_code == 200


async def test_claim_verdict_as_of_beyond_the_storable_offsets(client: Client, graph_with_rows: str) -> None:
    claims = (await client.get("/claims")).json()["items"]
    for moment in BAD_TIMES:
        assert_unprocessable(await client.get(f"/claims/{claims[0]['id']}/verdict", params={"as_of": moment}))


@pytest.mark.parametrize("moment", BAD_TIMES)
async def test_article_published_at_beyond_the_storable_offsets(
    client: Client, driver: AsyncDriver, graph_with_rows: str, moment: str
) -> None:
    before, _, _ = await driver.execute_query("MATCH (n) RETURN count(n) AS n")
    body = {"text": "The minister said on Monday that 40 schools had closed.", "published_at": moment}
    assert_unprocessable(await client.post("/articles", json=body))
    after, _, _ = await driver.execute_query("MATCH (n) RETURN count(n) AS n")
    assert after[0]["n"] == before[0]["n"]


def listings(webhook_id: str) -> list[tuple[str, dict[str, str]]]:
    return [
        ("/verdicts", {}),
        ("/claims", {}),
        ("/articles", {}),
        (f"/webhooks/{webhook_id}/deliveries", {}),
    ]


@pytest.mark.parametrize(
    "values",
    [
        ["not-a-date", "x"],
        ["2024-13-45T99:99:00Z", "x"],
        ["2024-01-25T10:00:00+18:01", "x"],
        [12, "x"],
        ["2024-01-25T10:00:00Z", 7],
        ["2024-01-25T10:00:00Z", {"id": "x"}],
        ["2024-01-25T10:00:00Z"],
        {"at": "2024-01-25T10:00:00Z"},
        -1,
    ],
)
async def test_keyset_cursors_of_the_wrong_shape(client: Client, graph_with_rows: str, values: Any) -> None:
    for path, params in listings(graph_with_rows):
        assert_unprocessable(await client.get(path, params={**params, "cursor": cursor(values)}))


@pytest.mark.parametrize(
    ("path", "values"),
    [
        ("/claims", -1),
        ("/claims", 10**30),
        ("/claims", 1.5),
        ("/claims", "10"),
        ("/claims", True),
        ("/verdicts", "best"),
        ("/verdicts", [None]),
    ],
)
async def test_search_cursors_of_the_wrong_shape(
    client: Client, graph_with_rows: str, path: str, values: Any
) -> None:
    shaped = [values] if path == "/claims" else [values, "x"]
    response = await client.get(path, params={"q": "troops", "cursor": cursor(*shaped)})
    assert_unprocessable(response)


async def test_good_cursors_still_page(client: Client, graph_with_rows: str) -> None:
    first = (await client.get("/claims", params={"limit": 1})).json()
    second = await client.get("/claims", params={"limit": 1, "cursor": first["next_cursor"]})
    assert second.status_code == 200 and second.json()["items"][0]["id"] != first["items"][0]["id"]
    searched = (await client.get("/claims", params={"q": "troops Iraq", "limit": 1})).json()
    if searched["next_cursor"]:
        more = await client.get(
            "/claims", params={"q": "troops Iraq", "limit": 1, "cursor": searched["next_cursor"]}
        )
        assert more.status_code == 200
    assert (await client.get("/verdicts", params={"cursor": "%%%"})).status_code == 400
