"""`GET /claims/match` over imported fact-checks: tweets in, the review they repeat first."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from tests.api.articles.test_articles import graph_counts

Client = AsyncTestClient  # type: ignore[type-arg]
REVIEWS = [
    ("Iran offered an $80 million bounty for the killing of President Donald Trump.",
     "Did Iran Put an $80 Million Bounty on Trump's Head?"),
    ("Iran's supreme leader said the United States will pay for the killing of Qassem Soleimani.",
     "Did Khamenei Threaten Revenge for Soleimani?"),
    ("A photograph shows engagement rings taken from victims of World War II concentration camps.",
     "Does This Photo Show Rings Taken From Holocaust Victims?"),
    ("Minecraft will be shut down in 2020.", "Is Minecraft Being Shut Down?"),
    ("Nabisco moved all production of Oreo cookies to Mexico.", "Are Oreo Cookies Now Made in Mexico?"),
]  # fmt: skip


def review(claim: str, headline: str, index: int) -> dict[str, Any]:
    return {
        "@type": "ClaimReview",
        "url": f"https://checks.example/review/{index}",
        "claimReviewed": claim,
        "name": headline,
        "author": {"@type": "Organization", "name": "Checks Example"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
    }


@pytest.fixture
async def imported(client: Client, empty_graph: AsyncDriver) -> dict[str, str]:
    """Claim text -> claim id of the imported reviews."""
    answer = await client.post("/claimreviews", json=[review(c, h, i) for i, (c, h) in enumerate(REVIEWS)])
    assert answer.status_code == 201, answer.text
    return {c: item["claim_id"] for (c, _), item in zip(REVIEWS, answer.json()["items"], strict=True)}


async def test_a_paraphrased_tweet_finds_the_review_it_repeats(
    client: Client, imported: dict[str, str]
) -> None:
    tweet = (
        "OMG! Iran's regime just put a price of $80 million on the head of @realDonaldTrump #IranBounty "
        "https://t.co/AbC123 pic.twitter.com/xYz — Jane Doe (@janedoe) January 6, 2020"
    )
    matches = (await client.get("/claims/match", params={"text": tweet})).json()
    assert matches[0]["claim"]["id"] == imported[REVIEWS[0][0]]
    assert matches[0]["verdicts"][0]["external"] is True
    assert matches[0]["headline"] == REVIEWS[0][1]
    assert 0.5 < matches[0]["similarity"] <= 1
    similarities = [m["similarity"] for m in matches]
    assert similarities == sorted(similarities, reverse=True)
    assert all(0 <= s <= 1 for s in similarities)
    if len(matches) > 1:
        assert matches[1]["similarity"] < matches[0]["similarity"]


async def test_headline_words_find_a_claim_too(client: Client, imported: dict[str, str]) -> None:
    matches = (await client.get("/claims/match", params={"text": "rings from the Holocaust, so sad"})).json()
    assert matches[0]["claim"]["id"] == imported[REVIEWS[2][0]]


async def test_limit_and_an_unrelated_text(client: Client, imported: dict[str, str]) -> None:
    one = (
        await client.get("/claims/match", params={"text": "Iran Trump Soleimani bounty", "limit": 1})
    ).json()
    assert len(one) == 1
    unrelated = (await client.get("/claims/match", params={"text": "knitting patterns for winter"})).json()
    assert unrelated == []
    weak = (await client.get("/claims/match", params={"text": "I love cookies so much"})).json()
    assert weak and weak[0]["similarity"] < 0.5


@pytest.mark.parametrize(
    "params",
    [
        {"text": "https://t.co/abc pic.twitter.com/xyz"},
        {"text": "🇨🇦🇨🇦 ?!? — …"},
        {"text": "ab"},
        {"text": "x" * 2001},
        {"text": "Iran bounty", "limit": 0},
        {"text": "Iran bounty", "limit": 51},
        {"text": "Iran bounty", "limit": "many"},
        {},
    ],
)
async def test_bad_input_is_a_problem_and_changes_nothing(
    client: Client, imported: dict[str, str], empty_graph: AsyncDriver, params: dict[str, Any]
) -> None:
    before = await graph_counts(empty_graph)
    answer = await client.get("/claims/match", params=params)
    assert answer.status_code in (400, 422), answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert await graph_counts(empty_graph) == before


async def test_query_syntax_is_searched_as_words(client: Client, imported: dict[str, str]) -> None:
    answer = await client.get(
        "/claims/match", params={"text": 'headline:"Minecraft" AND *:* OR text:(shut~2)'}
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()[0]["claim"]["id"] == imported[REVIEWS[3][0]]


async def test_the_api_description_says_what_similarity_means(client: Client) -> None:
    spec = (await client.get("/schema/openapi.json")).json()
    assert "probability" in spec["paths"]["/claims/match"]["get"]["description"]
    similarity = spec["components"]["schemas"]["ClaimMatch"]["properties"]["similarity"]
    assert similarity["minimum"] == 0 and similarity["maximum"] == 1
