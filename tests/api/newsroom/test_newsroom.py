"""What newsrooms read: published verdicts only, filters, stable pages, as-of answers, caching."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from tests.conftest import bearer
from tests.support.workflow import post_transition, publish, walk

Client = AsyncTestClient  # type: ignore[type-arg]


@pytest.fixture
async def seed(client: Client, empty_graph: AsyncDriver, seed_text: str) -> dict[str, Any]:
    response = await client.post(
        "/articles",
        json={"text": seed_text, "url": "https://iswnews.com/talks", "published_at": "2024-01-25T15:50:00Z"},
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def claim_with(article: dict[str, Any], fragment: str) -> str:
    return next(c["id"] for c in article["claims"] if fragment in c["text"])


async def test_reader_sees_only_published_verdicts(
    client: Client, seed: dict[str, Any], api_keys: dict[str, str]
) -> None:
    published_claim = claim_with(seed, "2500 troops")
    verdict_id = await publish(
        client, published_claim, "mostly_true", "The troop figure matches.", api_keys["editor2"]
    )
    draft_claim = claim_with(seed, "held talks with Iraqi Foreign Minister")
    await walk(client, draft_claim, "researching")
    draft = await client.post(
        f"/claims/{draft_claim}/verdicts",
        json={"rating": "true", "summary": "Draft only.", "evidence_ids": []},
    )
    assert draft.status_code == 201, draft.text

    reader = bearer(api_keys["reader"])
    listed = (await client.get("/verdicts", headers=reader)).json()["items"]
    assert [v["id"] for v in listed] == [verdict_id]
    assert listed[0]["rating"] == "mostly_true" and listed[0]["claim"]["id"] == published_claim
    assert (await client.get(f"/verdicts/{draft.json()['id']}", headers=reader)).status_code == 404
    assert (await client.get(f"/verdicts/{verdict_id}", headers=reader)).status_code == 200
    assert (await client.get("/claims", headers=reader)).status_code == 403
    assert (await client.get(f"/claims/{draft_claim}/verdicts", headers=reader)).status_code == 403
    assert (await client.get("/verdicts")).status_code == 200
    assert (await client.get("/verdicts", headers={"Authorization": ""})).status_code == 401


async def test_verdict_detail_carries_evidence_and_history(
    client: Client, seed: dict[str, Any], api_keys: dict[str, str]
) -> None:
    claim = claim_with(seed, "2500 troops")
    first = await publish(client, claim, "mixed", "First reading.", api_keys["editor2"])
    second = await publish(client, claim, "mostly_true", "Second reading.", api_keys["editor2"])
    detail = (await client.get(f"/verdicts/{second}")).json()
    assert detail["claim"]["text"].startswith("however, in the end no withdrawal")
    assert detail["evidence"][0]["excerpt"] == "was checked"
    assert detail["evidence"][0]["document"]["title"]
    assert [(v["id"], v["state"]) for v in detail["history"]] == [
        (first, "superseded"),
        (second, "published"),
    ]
    assert detail["article"]["url"] == "https://iswnews.com/talks"
    old = (await client.get(f"/verdicts/{first}")).json()
    assert old["state"] == "superseded"
    assert [v["id"] for v in (await client.get("/verdicts")).json()["items"]] == [second]


async def test_filters(client: Client, seed: dict[str, Any], api_keys: dict[str, str]) -> None:
    askari = next(a for a in seed["actors"] if a["name"] == "Abu Ali al-Askari")
    cnn = next(s for s in seed["sources"] if s["name"] == "CNN")
    quote = await publish(
        client,
        claim_with(seed, "jihadi operations"),
        "unverifiable",
        "A statement of intent.",
        api_keys["editor2"],
    )
    timing = await publish(
        client,
        claim_with(seed, "timing of these talks"),
        "misleading",
        "Context missing.",
        api_keys["editor2"],
    )
    strike = await publish(
        client,
        claim_with(seed, "one Iraqi soldier"),
        "true",
        "Casualty figures confirmed.",
        api_keys["editor2"],
    )

    async def ids(**params: Any) -> set[str]:
        response = await client.get("/verdicts", params=params)
        assert response.status_code == 200, response.text
        return {v["id"] for v in response.json()["items"]}

    assert await ids(rating="true") == {strike}
    assert await ids(actor=askari["id"]) == {quote}
    assert await ids(source=cnn["id"]) == {timing}
    assert await ids(source=seed["publisher"]["id"]) == {quote, timing, strike}
    assert await ids(language="en") == {quote, timing, strike}
    assert await ids(language="fr") == set()
    assert await ids(q="casualty soldier injured") >= {strike}
    assert (
        strike == (await client.get("/verdicts", params={"q": "casualty figures"})).json()["items"][0]["id"]
    )
    assert await ids(since="2999-01-01T00:00:00Z") == set()
    assert await ids(until="2000-01-01T00:00:00Z") == set()
    assert (await client.get("/verdicts", params={"since": "yesterday"})).status_code in (400, 422)
    assert (await client.get("/verdicts", params={"cursor": "garbage!"})).status_code == 400


async def test_paging_is_stable_while_verdicts_are_published(
    client: Client, seed: dict[str, Any], api_keys: dict[str, str]
) -> None:
    claims = [c["id"] for c in seed["claims"] if c["kind"] != "opinion"][:6]
    existing = [
        await publish(client, claim, "true", f"Checked {n}.", api_keys["editor2"])
        for n, claim in enumerate(claims[:4])
    ]
    seen: list[str] = []
    page = (await client.get("/verdicts", params={"limit": 1})).json()
    seen += [v["id"] for v in page["items"]]
    for n, claim in enumerate(claims[4:]):
        await publish(client, claim, "false", f"Later {n}.", api_keys["editor2"])  # published mid-paging
        page = (await client.get("/verdicts", params={"limit": 1, "cursor": page["next_cursor"]})).json()
        seen += [v["id"] for v in page["items"]]
    while page["next_cursor"]:
        page = (await client.get("/verdicts", params={"limit": 1, "cursor": page["next_cursor"]})).json()
        seen += [v["id"] for v in page["items"]]
    assert len(seen) == len(set(seen)), "a verdict was repeated"
    assert seen == list(reversed(existing)), "a verdict was skipped or pages changed order"


async def test_as_of_across_a_supersede(
    client: Client, seed: dict[str, Any], api_keys: dict[str, str]
) -> None:
    claim = claim_with(seed, "2500 troops")
    before_any = datetime.now(UTC)
    await asyncio.sleep(0.05)
    first = await publish(client, claim, "mixed", "First reading.", api_keys["editor2"])
    await asyncio.sleep(0.05)
    between = datetime.now(UTC)
    await asyncio.sleep(0.05)
    second = await publish(client, claim, "mostly_true", "Second reading.", api_keys["editor2"])

    async def standing(at: datetime | None) -> str | None:
        params = {"as_of": at.isoformat()} if at else {}
        response = await client.get(f"/claims/{claim}/verdict", params=params)
        assert response.status_code == 200, response.text
        verdict = response.json()["verdict"]
        return verdict["id"] if verdict else None

    assert await standing(before_any) is None
    assert await standing(between) == first
    assert await standing(None) == second
    listed_then = (await client.get("/verdicts", params={"as_of": between.isoformat()})).json()["items"]
    assert [v["id"] for v in listed_then] == [first]
    assert (await client.get("/claims/no-such-claim/verdict")).status_code == 404


async def test_reopened_verdict_stays_visible_under_review(
    client: Client, seed: dict[str, Any], api_keys: dict[str, str]
) -> None:
    claim = claim_with(seed, "2500 troops")
    verdict = await publish(client, claim, "mixed", "First reading.", api_keys["editor2"])
    reopened = await post_transition(client, claim, "reopen", reason="new report")
    assert reopened.status_code in (200, 201), reopened.text
    listed = (await client.get("/verdicts")).json()["items"]
    assert [(v["id"], v["under_review"]) for v in listed] == [(verdict, True)]


async def test_etags_and_cache_control(
    client: Client, seed: dict[str, Any], api_keys: dict[str, str]
) -> None:
    verdict = await publish(
        client, claim_with(seed, "2500 troops"), "true", "Confirmed.", api_keys["editor2"]
    )
    for path in ("/verdicts", f"/verdicts/{verdict}", f"/verdicts/{verdict}/claimreview"):
        first = await client.get(path)
        assert (
            first.status_code == 200 and first.headers["etag"] and "max-age" in first.headers["cache-control"]
        )
        again = await client.get(path, headers={"If-None-Match": first.headers["etag"]})
        assert again.status_code == 304 and not again.content
        stale = await client.get(path, headers={"If-None-Match": '"something-else"'})
        assert stale.status_code == 200


async def test_actor_record_and_claim_matching(
    client: Client, seed: dict[str, Any], api_keys: dict[str, str]
) -> None:
    askari = next(a for a in seed["actors"] if a["name"] == "Abu Ali al-Askari")
    quote = await publish(
        client,
        claim_with(seed, "jihadi operations"),
        "unverifiable",
        "Intent, not fact.",
        api_keys["editor2"],
    )
    record = (await client.get(f"/actors/{askari['id']}/record", headers=bearer(api_keys["reader"]))).json()
    assert record["total"] == 1
    assert record["ratings"][0]["rating"] == "unverifiable"
    assert record["ratings"][0]["verdicts"][0]["link"] == f"/verdicts/{quote}"
    assert (await client.get("/actors/nope/record")).status_code == 404

    strike = await publish(
        client, claim_with(seed, "one Iraqi soldier"), "true", "Confirmed.", api_keys["editor2"]
    )
    matches = (
        await client.get(
            "/claims/match",
            params={"text": "US jets struck PMU bases in Iraq on January 24, killing one Iraqi soldier"},
            headers=bearer(api_keys["reader"]),
        )
    ).json()
    assert matches[0]["verdicts"][0]["id"] == strike
    assert 0 < matches[0]["similarity"] <= 1
    unchecked = await client.get("/claims/match", params={"text": "Propaganda campaign diverting attention"})
    assert unchecked.json() == []
    assert (await client.get("/claims/match", params={"text": "a"})).status_code in (400, 422)


async def test_readers_learn_nothing_of_unpublished_claims_and_their_actors(
    client: Client, seed: dict[str, Any], api_keys: dict[str, str]
) -> None:
    reader = bearer(api_keys["reader"])
    claim = claim_with(seed, "2500 troops")
    askari = next(a for a in seed["actors"] if a["name"] == "Abu Ali al-Askari")
    unknown = await client.get("/claims/no-such-claim/verdict", headers=reader)
    unpublished = await client.get(f"/claims/{claim}/verdict", headers=reader)
    assert unknown.status_code == unpublished.status_code == 404
    assert unpublished.json()["detail"] == unknown.json()["detail"].replace("no-such-claim", claim)
    assert (await client.get(f"/actors/{askari['id']}/record", headers=reader)).status_code == 404
    # Staff still see the claim and the actor, with nothing published yet.
    assert (await client.get(f"/claims/{claim}/verdict")).json()["verdict"] is None
    assert (await client.get(f"/actors/{askari['id']}/record")).json()["total"] == 0

    quote = claim_with(seed, "jihadi operations")
    await publish(client, quote, "unverifiable", "Intent, not fact.", api_keys["editor2"])
    assert (await client.get(f"/claims/{quote}/verdict", headers=reader)).status_code == 200
    record = await client.get(f"/actors/{askari['id']}/record", headers=reader)
    assert record.status_code == 200 and record.json()["total"] == 1
    assert (await client.get(f"/claims/{claim}/verdict", headers=reader)).status_code == 404
