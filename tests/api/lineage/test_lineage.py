"""Lineage: repetitions found at ingest, reviewers' decisions, the cluster read, verdicts that carry over."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from tests.support.workflow import publish

Client = AsyncTestClient  # type: ignore[type-arg]

SECOND_ARTICLE = "\n\n".join(
    [
        "Iraqi militia official vows attacks will go on",
        "By Staff Writer",
        "Abu Ali al-Askari, a security official of Kata'ib Hezbollah, stated: Our jihadi operations"
        " against the American occupiers will go on until their last soldier withdraws from Iraqi soil.",
        "On January 24, US warplanes struck bases of the Popular Mobilization Units (PMU) in several"
        " areas of Iraq, killing one Iraqi soldier and injuring three others.",
        "The Iraqi parliament is expected to debate the future of foreign forces next month.",
    ]
)
QUOTE = "Our jihadi operations"
STRIKES = "Popular Mobilization Units"


def claim_with(article: dict[str, Any], fragment: str) -> dict[str, Any]:
    return next(c for c in article["claims"] if fragment in c["text"])


async def graph_counts(driver: AsyncDriver) -> tuple[int, ...]:
    records, _, _ = await driver.execute_query(
        "RETURN COUNT { ()-[:SAME_AS]->() } AS same, COUNT { ()-[:SIMILAR_TO]->() } AS similar,"
        " COUNT { ()-[:NOT_SAME_AS]->() } AS rejected, COUNT { (:AuditEvent) } AS events,"
        " COUNT { ()-[l:SAME_AS]->() WHERE l.confirmed_at IS NOT NULL } AS confirmed"
    )
    return tuple(records[0].values())


@pytest.fixture
async def two_articles(
    client: Client, empty_graph: AsyncDriver, seed_text: str, api_keys: dict[str, str]
) -> dict[str, Any]:
    first = await client.post(
        "/articles",
        json={"text": seed_text, "url": "https://iswnews.com/talks", "published_at": "2024-01-25T15:50:00Z"},
    )
    assert first.status_code == 201, first.text
    original = claim_with(first.json(), QUOTE)
    verdict_id = await publish(client, original["id"], "true", "He said it.", api_keys["editor2"])
    second = await client.post(
        "/articles",
        json={
            "text": SECOND_ARTICLE,
            "url": "https://example.org/militia",
            "publisher": "Example Daily",
            "published_at": "2024-01-27T09:00:00Z",
        },
    )
    assert second.status_code == 201, second.text
    return {"first": first.json(), "second": second.json(), "verdict_id": verdict_id}


async def test_ingest_flags_repetitions_and_lineage_shows_where_they_began(
    client: Client, two_articles: dict[str, Any]
) -> None:
    first, second = two_articles["first"], two_articles["second"]
    for fragment in (QUOTE, STRIKES):
        original, repeated = claim_with(first, fragment), claim_with(second, fragment)
        assert original["repeats"] == [] and original["already_checked"] is None
        same = [r for r in repeated["repeats"] if r["relation"] == "same_as"]
        assert [r["claim_id"] for r in same] == [original["id"]], repeated
        assert 0.9 <= same[0]["similarity"] <= 1
    checked = claim_with(second, QUOTE)["already_checked"]
    assert checked["verdict_id"] == two_articles["verdict_id"]
    assert checked["claim_id"] == claim_with(first, QUOTE)["id"] and checked["rating"] == "true"
    assert claim_with(second, STRIKES)["already_checked"] is None
    assert all(
        not c["repeats"] for c in second["claims"] if QUOTE not in c["text"] and STRIKES not in c["text"]
    )

    repeated = claim_with(second, QUOTE)
    lineage = (await client.get(f"/claims/{repeated['id']}/lineage")).json()
    assert lineage["first_appearance"]["article"]["id"] == first["id"]
    assert lineage["first_appearance"]["claim_id"] == claim_with(first, QUOTE)["id"]
    assert lineage["first_appearance"]["source"]["name"] == "ISWNews"
    assert [a["article"]["id"] for a in lineage["appearances"]] == [first["id"], second["id"]]
    assert lineage["appearances"][1]["source"]["name"] == "Example Daily"
    assert all(not a["confirmed"] or a["claim_id"] == repeated["id"] for a in lineage["appearances"])
    stated = [[x["name"] for x in a["stated_by"]] for a in lineage["appearances"]]
    assert all(any("al-Askari" in name for name in names) for names in stated), stated
    [actor] = [c for c in lineage["by_actor"] if "al-Askari" in c["name"]]
    assert actor["count"] == 2
    assert [v["id"] for v in lineage["verdicts"]] == [two_articles["verdict_id"]]
    assert {m["id"] for m in lineage["members"]} == {repeated["id"], claim_with(first, QUOTE)["id"]}

    strikes = (await client.get(f"/claims/{claim_with(first, STRIKES)['id']}/lineage")).json()
    assert [a["claim_id"] for a in strikes["appearances"]] == [
        claim_with(first, STRIKES)["id"],
        claim_with(second, STRIKES)["id"],
    ]
    before = await client.get(f"/claims/{repeated['id']}/lineage", params={"as_of": "2020-01-01T00:00:00Z"})
    assert before.status_code == 404, before.text


async def test_confirmed_link_carries_the_verdict_and_rejection_sticks(
    client: Client, two_articles: dict[str, Any], driver: AsyncDriver
) -> None:
    first, second = two_articles["first"], two_articles["second"]
    original, repeated = claim_with(first, QUOTE), claim_with(second, QUOTE)
    before = (await client.get(f"/claims/{repeated['id']}/verdict")).json()
    assert before["verdict"] is None and before["via_claim_id"] is None

    confirmed = await client.post(
        f"/claims/{repeated['id']}/links",
        json={
            "other_claim_id": original["id"],
            "relation": "same_as",
            "decision": "confirm",
            "reason": "same quote",
        },
    )
    assert confirmed.status_code == 201, confirmed.text
    assert confirmed.json()["decision"] == "confirm" and confirmed.json()["score"] >= 0.9
    after = (await client.get(f"/claims/{repeated['id']}/verdict")).json()
    assert after["verdict"]["id"] == two_articles["verdict_id"]
    assert after["via_claim_id"] == original["id"]
    own = (await client.get(f"/claims/{original['id']}/verdict")).json()
    assert own["verdict"]["id"] == two_articles["verdict_id"] and own["via_claim_id"] is None
    lineage = (await client.get(f"/claims/{original['id']}/lineage")).json()
    assert all(m["confirmed"] for m in lineage["members"])
    [link] = [link for m in lineage["members"] for link in m["links"]]
    assert link["confirmed"] and link["confirmed_by"] and link["confirmed_at"]
    history = (await client.get(f"/claims/{repeated['id']}/history")).json()
    assert "claim.link_confirmed" in str(history)

    strikes_original, strikes_repeated = claim_with(first, STRIKES), claim_with(second, STRIKES)
    rejected = await client.post(
        f"/claims/{strikes_repeated['id']}/links",
        json={"other_claim_id": strikes_original["id"], "relation": "same_as", "decision": "reject"},
    )
    assert rejected.status_code == 201, rejected.text
    strikes = (await client.get(f"/claims/{strikes_repeated['id']}/lineage")).json()
    assert [m["id"] for m in strikes["members"]] == [strikes_repeated["id"]]

    # The same wording again is not linked to the claim it was rejected for.
    third = await client.post(
        "/articles",
        json={
            "text": SECOND_ARTICLE.replace("Staff Writer", "Another Writer"),
            "published_at": "2024-02-01T00:00:00Z",
        },
    )
    assert third.status_code == 201, third.text
    again = claim_with(third.json(), STRIKES)
    assert strikes_original["id"] not in {r["claim_id"] for r in again["repeats"]}, again["repeats"]
    assert strikes_repeated["id"] in {r["claim_id"] for r in again["repeats"]}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"other_claim_id": "nope", "relation": "same_as", "decision": "confirm"}, 404),
        ({"other_claim_id": "SELF", "relation": "same_as", "decision": "confirm"}, 422),
        ({"other_claim_id": "OTHER", "relation": "cousin_of", "decision": "confirm"}, 422),
        ({"other_claim_id": "OTHER", "relation": "same_as", "decision": "maybe"}, 422),
        ({"other_claim_id": "OTHER", "relation": "same_as", "decision": "confirm", "extra": 1}, 422),
        ({"other_claim_id": "", "relation": "same_as", "decision": "confirm"}, 422),
        ({"relation": "same_as", "decision": "confirm"}, 422),
    ],
)
async def test_bad_link_decisions_are_problems_and_change_nothing(
    client: Client, two_articles: dict[str, Any], driver: AsyncDriver, body: dict[str, Any], status: int
) -> None:
    claim_id = claim_with(two_articles["second"], QUOTE)["id"]
    other_id = claim_with(two_articles["first"], QUOTE)["id"]
    if "other_claim_id" in body:
        body = {
            **body,
            "other_claim_id": {"SELF": claim_id, "OTHER": other_id}.get(
                body["other_claim_id"], body["other_claim_id"]
            ),
        }
    counts = await graph_counts(driver)
    response = await client.post(f"/claims/{claim_id}/links", json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await graph_counts(driver) == counts


async def test_unknown_claim_and_stale_decisions_are_problems(
    client: Client, two_articles: dict[str, Any], driver: AsyncDriver
) -> None:
    claim_id = claim_with(two_articles["second"], QUOTE)["id"]
    other_id = claim_with(two_articles["first"], QUOTE)["id"]
    confirm = {"other_claim_id": other_id, "relation": "same_as", "decision": "confirm"}
    counts = await graph_counts(driver)
    missing = await client.post("/claims/no-such-claim/links", json=confirm)
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(
        "application/problem+json"
    )
    assert (await client.get("/claims/no-such-claim/lineage")).status_code == 404
    bad_time = await client.get(f"/claims/{claim_id}/lineage", params={"as_of": "yesterday"})
    assert bad_time.status_code == 422 and bad_time.headers["content-type"].startswith(
        "application/problem+json"
    )
    assert await graph_counts(driver) == counts

    assert (await client.post(f"/claims/{claim_id}/links", json=confirm)).status_code == 201
    counts = await graph_counts(driver)
    for body in (confirm, {**confirm, "decision": "reject"}):
        stale = await client.post(f"/claims/{claim_id}/links", json=body)
        assert stale.status_code == 409, stale.text
        assert stale.headers["content-type"].startswith("application/problem+json")
    assert await graph_counts(driver) == counts
