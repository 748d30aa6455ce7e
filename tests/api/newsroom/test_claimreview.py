"""ClaimReview JSON-LD out, and other fact-checkers' ClaimReviews in."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver
from pyld import jsonld

from tests.api.articles.test_articles import graph_counts
from tests.conftest import bearer
from tests.support.workflow import add_evidence, publish, walk

Client = AsyncTestClient  # type: ignore[type-arg]
SCHEMA = "http://schema.org/"
# The schema.org terms a ClaimReview may use here (types and properties from schema.org).
SCHEMA_TERMS = {
    "ClaimReview", "Claim", "Rating", "Organization", "Person", "CreativeWork", "DataFeed",
    "url", "claimReviewed", "datePublished", "author", "reviewRating", "ratingValue", "bestRating",
    "worstRating", "alternateName", "itemReviewed", "appearance", "firstAppearance", "headline",
    "citation", "name", "reviewBody", "inLanguage", "dataFeedElement", "publisher", "relatedLink",
}  # fmt: skip


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """schema.org's context, served locally: its @vocab is what expansion needs."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def expanded_terms(document: dict[str, Any]) -> set[str]:
    """Every property and type IRI in the expanded document."""
    terms: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key == "@type":
                    terms.update(value)
                elif not key.startswith("@"):
                    terms.add(key)
                walk(value)

    walk(jsonld.expand(document, {"documentLoader": offline_loader}))
    return terms


@pytest.fixture
async def published(
    client: Client, empty_graph: AsyncDriver, seed_text: str, api_keys: dict[str, str]
) -> tuple[str, dict[str, Any]]:
    article = (
        await client.post(
            "/articles",
            json={
                "text": seed_text,
                "url": "https://iswnews.com/talks",
                "published_at": "2024-01-25T15:50:00Z",
            },
        )
    ).json()
    claim = next(c["id"] for c in article["claims"] if "jihadi operations" in c["text"])
    await walk(client, claim, "researching")
    evidence = await add_evidence(
        client,
        claim,
        "Kata'ib Hezbollah statement of 24 January 2024.",
        "statement of 24 January",
        url="https://archive.example/kataib-statement",
    )
    verdict = await publish(
        client, claim, "misleading", "A statement of intent.", api_keys["editor2"], [evidence]
    )
    return verdict, article


async def test_claimreview_for_a_seed_verdict(
    published: tuple[str, dict[str, Any]], client: Client, api_keys: dict[str, str]
) -> None:
    verdict_id, _ = published
    response = await client.get(f"/verdicts/{verdict_id}/claimreview", headers=bearer(api_keys["reader"]))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    review = response.json()
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"].startswith("Our jihadi operations")
    assert review["url"].endswith(f"/verdicts/{verdict_id}")
    rating = review["reviewRating"]
    assert rating["alternateName"] == "Misleading"
    assert {"ratingValue", "bestRating", "worstRating"} <= rating.keys()
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Abu Ali al-Askari"}
    assert item["firstAppearance"]["url"] == "https://iswnews.com/talks"
    assert item["datePublished"].startswith("2024-01-25")
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    assert [c["url"] for c in review["citation"]] == ["https://archive.example/kataib-statement"]

    terms = expanded_terms(review)
    assert {SCHEMA + "claimReviewed", SCHEMA + "reviewRating", SCHEMA + "url"} <= terms
    assert {SCHEMA + "alternateName", SCHEMA + "ClaimReview"} <= terms
    unknown = {t for t in terms if not t.startswith(SCHEMA) or t.removeprefix(SCHEMA) not in SCHEMA_TERMS}
    assert not unknown, unknown


async def test_claimreview_feed(published: tuple[str, dict[str, Any]], client: Client) -> None:
    verdict_id, _ = published
    feed = (await client.get("/verdicts/claimreview", params={"rating": "misleading"})).json()
    assert feed["@type"] == "DataFeed"
    assert [r["url"].rsplit("/", 1)[-1] for r in feed["dataFeedElement"]] == [verdict_id]
    terms = expanded_terms(feed)
    assert all(t.startswith(SCHEMA) and t.removeprefix(SCHEMA) in SCHEMA_TERMS for t in terms), terms
    assert (await client.get("/verdicts/claimreview", params={"rating": "true"})).json()[
        "dataFeedElement"
    ] == []


QUIRKY_REVIEWS = [
    {  # `type` instead of `@type`, no ratingValue, non-English label
        "type": "ClaimReview",
        "url": "https://chequeado.example/verificacion/tropas",
        "claimReviewed": "Estados Unidos retiró todas sus tropas de Irak en 2021",
        "author": {"type": "Organization", "name": "Chequeado Example", "url": "https://chequeado.example"},
        "datePublished": "2024-02-01",
        "inLanguage": "es",
        "reviewRating": {"type": "Rating", "alternateName": "Falso"},
        "itemReviewed": {"type": "Claim", "author": {"type": "Person", "name": "Juan Pérez"}},
    },
    {  # inverted scale: 1 is best, 5 is worst; value 1 means true
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://faktencheck.example/truppen",
        "claimReviewed": "The US has 2500 troops in Iraq",
        "author": {"@type": "Organization", "name": "Faktencheck Example"},
        "reviewRating": {"@type": "Rating", "ratingValue": 1, "bestRating": 1, "worstRating": 5,
                         "alternateName": "Stimmt"},
    },
    {  # only itemReviewed, with the claim as its text
        "@type": "ClaimReview",
        "url": "https://verif.example/frappes",
        "author": {"@type": "Organization", "name": "Vérif Example"},
        "itemReviewed": {"@type": "Claim", "text": "US strikes killed one Iraqi soldier on January 24"},
        "reviewRating": {"@type": "Rating", "ratingValue": "4", "bestRating": "5", "worstRating": "1",
                         "alternateName": "Plutôt vrai"},
    },
]  # fmt: skip


async def test_import_real_world_claimreviews(
    client: Client, empty_graph: AsyncDriver, api_keys: dict[str, str]
) -> None:
    feed = {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": QUIRKY_REVIEWS}
    response = await client.post("/claimreviews", json=feed, headers=bearer(api_keys["checker"]))
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["created"] == 3
    assert [i["rating"] for i in result["items"]] == ["false", "true", "mostly_true"]

    again = await client.post("/claimreviews", json=QUIRKY_REVIEWS[0])
    assert again.status_code == 200 and again.json()["existing"] == 1

    found = (await client.get("/verdicts", params={"q": "tropas Irak"})).json()["items"]
    assert found[0]["external"] is True and found[0]["rating_label"] == "Falso"
    assert found[0]["reviewer"]["name"] == "Chequeado Example"
    assert found[0]["claimants"][0]["name"] == "Juan Pérez"
    matches = (await client.get("/claims/match", params={"text": "2500 US troops in Iraq"})).json()
    assert matches and matches[0]["verdicts"][0]["external"] is True
    review = (await client.get(f"/verdicts/{found[0]['id']}/claimreview")).json()
    assert review["url"] == "https://chequeado.example/verificacion/tropas"
    assert review["author"]["name"] == "Chequeado Example"
    assert review["reviewRating"]["alternateName"] == "Falso"


@pytest.mark.parametrize(
    "document",
    [
        {"@type": "ClaimReview", "url": "https://x.example/1", "reviewRating": {"ratingValue": 1}},
        [QUIRKY_REVIEWS[0], {"@type": "ClaimReview", "author": {"name": "Nobody"}}],
        {"@type": "DataFeed", "dataFeedElement": []},
        "just a string",
    ],
    ids=["no claim", "one bad item in a list", "empty feed", "not an object"],
)
async def test_import_refuses_what_cannot_be_a_claim_review(
    client: Client, empty_graph: AsyncDriver, document: Any
) -> None:
    before = await graph_counts(empty_graph)
    response = await client.post("/claimreviews", json=document)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert await graph_counts(empty_graph) == before


async def test_import_needs_a_writer(client: Client, api_keys: dict[str, str]) -> None:
    for role in ("reader", "auditor"):
        response = await client.post("/claimreviews", json=QUIRKY_REVIEWS[0], headers=bearer(api_keys[role]))
        assert response.status_code == 403
