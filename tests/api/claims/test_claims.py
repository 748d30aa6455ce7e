"""Reading, filtering, searching and adding claims over HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from tests.api.articles.test_articles import graph_counts
from tests.conftest import bearer

Client = AsyncTestClient  # type: ignore[type-arg]


@pytest.fixture
async def seed_article(client: Client, empty_graph: AsyncDriver, seed_text: str) -> dict[str, Any]:
    response = await client.post("/articles", json={"text": seed_text})
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_claim_detail_has_span_actors_sources_and_reasons(
    client: Client, seed_article: dict[str, Any]
) -> None:
    quote = next(c for c in seed_article["claims"] if "jihadi operations" in c["text"])
    detail = (await client.get(f"/claims/{quote['id']}")).json()
    assert detail["span"]["article_id"] == seed_article["id"]
    assert detail["span"]["context"] == quote["text"] == seed_article["text"][quote["start"] : quote["end"]]
    assert "Abu Ali al-Askari" in {a["name"] for a in detail["actors"]}
    assert detail["reasons"] and 0 <= detail["checkworthiness"] <= 1
    assert detail["state"] == "candidate" and detail["version"] == 1
    assert (await client.get("/claims/no-such-claim")).status_code == 404


async def test_claim_lists_the_actions_the_caller_may_take(
    client: Client, seed_article: dict[str, Any], api_keys: dict[str, str]
) -> None:
    claim = seed_article["claims"][0]["id"]
    assert (await client.get(f"/claims/{claim}")).json()["actions"] == ["accept", "dismiss"]
    checker = (await client.get(f"/claims/{claim}", headers=bearer(api_keys["checker"]))).json()
    assert checker["actions"] == ["accept", "dismiss"]
    auditor = (await client.get(f"/claims/{claim}", headers=bearer(api_keys["auditor"]))).json()
    assert auditor["actions"] == []


async def test_filters_and_search(client: Client, seed_article: dict[str, Any]) -> None:
    by_article = (await client.get("/claims", params={"article": seed_article["id"], "limit": 100})).json()
    assert len(by_article["items"]) == len(seed_article["claims"])

    cnn = next(s for s in seed_article["sources"] if s["name"] == "CNN")
    by_source = (await client.get("/claims", params={"source": cnn["id"]})).json()["items"]
    assert by_source and all(cnn["id"] in c["reported_by"] for c in by_source)

    askari = next(a for a in seed_article["actors"] if a["name"] == "Abu Ali al-Askari")
    by_actor = (await client.get("/claims", params={"actor": askari["id"]})).json()["items"]
    assert by_actor and all("jihadi" in c["text"] or "lies" in c["text"] for c in by_actor)

    candidates = (await client.get("/claims", params={"state": "candidate", "limit": 100})).json()["items"]
    assert len(candidates) == len(seed_article["claims"])
    assert (await client.get("/claims", params={"state": "published"})).json()["items"] == []

    found = (await client.get("/claims", params={"q": "2500 troops advisory"})).json()["items"]
    assert "2500 troops" in found[0]["text"]
    lucene_syntax = await client.get("/claims", params={"q": 'troops AND "( title:*'})
    assert lucene_syntax.status_code == 200
    assert (await client.get("/claims", params={"q": "   "})).status_code == 422


async def test_claim_pages_cover_every_claim_once(client: Client, seed_article: dict[str, Any]) -> None:
    seen: list[str] = []
    cursor = None
    for _ in range(50):
        params: dict[str, Any] = {"limit": 4, "article": seed_article["id"]}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/claims", params=params)).json()
        seen += [c["id"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(c["id"] for c in seed_article["claims"])


async def test_add_claim_from_a_span(
    client: Client, seed_article: dict[str, Any], driver: AsyncDriver
) -> None:
    text = seed_article["text"]
    start = text.index("the US considers its right to self-defense")
    end = start + len("the US considers its right to self-defense preserved even during these talks")
    response = await client.post(
        "/claims", json={"article_id": seed_article["id"], "start": start, "end": end}
    )
    assert response.status_code == 201, response.text
    claim = response.json()
    assert claim["text"] == text[start:end] and claim["start"] == start and claim["end"] == end
    assert claim["state"] == "candidate" and claim["reasons"]
    records, _, _ = await driver.execute_query(
        "MATCH (e:Event {action: 'claim.created'})-[:ABOUT]->(:Claim {id: $id}) RETURN count(e) AS n",
        id=claim["id"],
    )
    assert records[0]["n"] == 1


async def test_add_free_text_claim_with_claimant_flags_duplicates(
    client: Client, seed_article: dict[str, Any]
) -> None:
    response = await client.post(
        "/claims",
        json={
            "text": "US warplanes targeted Popular Mobilization Units bases in Iraq on January 24, "
            "killing one Iraqi soldier and injuring three others.",
            "claimant": "Iraqi Security Media Cell",
            "check_duplicates": True,
        },
    )
    assert response.status_code == 201, response.text
    claim = response.json()
    assert claim["span"] is None
    assert [a["name"] for a in claim["actors"]] == ["Iraqi Security Media Cell"]
    assert claim["duplicates"], "the seed article's strike claim should be flagged"
    assert "PMU" in claim["duplicates"][0]["text"] and 0.5 <= claim["duplicates"][0]["score"] <= 1


BAD_CLAIMS: list[tuple[str, dict[str, Any], int]] = [
    ("no text and no article", {"claimant": "Someone"}, 422),
    ("blank text", {"text": "   "}, 422),
    ("end before start", {"article_id": "x", "start": 10, "end": 5}, 422),
    ("missing end", {"article_id": "x", "start": 10}, 422),
    ("negative offset", {"article_id": "x", "start": -1, "end": 5}, 422),
    ("unknown kind", {"text": "The minister said 40 people were arrested.", "kind": "rumour"}, 422),
]


@pytest.mark.parametrize(("case", "body", "status"), BAD_CLAIMS, ids=[c[0] for c in BAD_CLAIMS])
async def test_bad_claims_are_refused(
    client: Client, empty_graph: AsyncDriver, case: str, body: dict[str, Any], status: int
) -> None:
    before = await graph_counts(empty_graph)
    response = await client.post("/claims", json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await graph_counts(empty_graph) == before


async def test_offsets_outside_the_text_and_unknown_article(
    client: Client, seed_article: dict[str, Any], driver: AsyncDriver
) -> None:
    before = await graph_counts(driver)
    length = len(seed_article["text"])
    outside = await client.post(
        "/claims", json={"article_id": seed_article["id"], "start": 5, "end": length + 1}
    )
    assert outside.status_code == 422 and "outside" in outside.json()["detail"]
    missing = await client.post("/claims", json={"article_id": "no-such-article", "start": 0, "end": 4})
    assert missing.status_code == 404
    assert await graph_counts(driver) == before


async def test_actor_and_source_pages(
    client: Client, seed_article: dict[str, Any], api_keys: dict[str, str]
) -> None:
    kataib = next(a for a in seed_article["actors"] if a["name"] == "Kata'ib Hezbollah")
    actor = (await client.get(f"/actors/{kataib['id']}")).json()
    assert "Abu Ali al-Askari" in {m["name"] for m in actor["members"]}
    askari = next(a for a in seed_article["actors"] if a["name"] == "Abu Ali al-Askari")
    stated = (await client.get(f"/actors/{askari['id']}")).json()["claims"]
    assert any(c["role"] == "stated_by" and "jihadi" in c["text"] for c in stated)

    reuters = next(s for s in seed_article["sources"] if s["name"] == "Reuters")
    source = (await client.get(f"/sources/{reuters['id']}")).json()
    assert any("separately reported" in c["text"] for c in source["claims"])
    publisher = (await client.get(f"/sources/{seed_article['publisher']['id']}")).json()
    assert [a["id"] for a in publisher["articles"]] == [seed_article["id"]]

    assert (await client.get("/actors/nope")).status_code == 404
    assert (await client.get("/sources/nope")).status_code == 404
    assert (
        await client.get(f"/actors/{kataib['id']}", headers=bearer(api_keys["reader"]))
    ).status_code == 403
