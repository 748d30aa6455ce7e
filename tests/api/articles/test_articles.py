"""Ingesting articles over HTTP: the seed article's graph, the three input kinds, dedupe, bad input."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.app import create_app
from factcheck.settings import Settings
from tests.conftest import bearer
from tests.support.http_server import LocalSite, Route, serve

Client = AsyncTestClient  # type: ignore[type-arg]


async def graph_counts(driver: AsyncDriver) -> dict[str, int]:
    """Nodes per label and the relationship count, to show that a refused request wrote nothing."""
    records, _, _ = await driver.execute_query(
        "MATCH (n) WHERE NOT n:Migration RETURN labels(n)[0] AS label, count(*) AS n"
    )
    counts = {r["label"]: r["n"] for r in records}
    records, _, _ = await driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    counts["relationships"] = records[0]["n"]
    return counts


def claim_containing(article: dict[str, Any], fragment: str) -> dict[str, Any]:
    """The one claim whose text contains `fragment`."""
    found = [c for c in article["claims"] if fragment in c["text"]]
    assert len(found) == 1, f"{fragment!r} in {[c['text'][:50] for c in article['claims']]}"
    return found[0]


def actor_named(article: dict[str, Any], name: str) -> dict[str, Any]:
    found = [a for a in article["actors"] if a["name"] == name]
    assert len(found) == 1, f"{name!r} not in {[a['name'] for a in article['actors']]}"
    return found[0]


def source_named(article: dict[str, Any], name: str) -> dict[str, Any]:
    found = [s for s in article["sources"] if s["name"] == name]
    assert len(found) == 1, f"{name!r} not in {[s['name'] for s in article['sources']]}"
    return found[0]


@pytest.fixture
async def seed_article(client: Client, empty_graph: AsyncDriver, seed_text: str) -> dict[str, Any]:
    response = await client.post("/articles", json={"text": seed_text, "url": "https://iswnews.com/talks"})
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_seed_article_becomes_the_expected_graph(seed_article: dict[str, Any]) -> None:
    article = seed_article
    text = article["text"]
    for claim in article["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
        assert claim["state"] == "candidate" and claim["version"] == 1
        assert claim["reasons"], claim["text"]
    assert article["publisher"]["name"] == "ISWNews"
    assert article["author"] == "ISWNews Analysis Group"

    expected = {
        "held talks with Iraqi Foreign Minister Fuad Hussein on January 24": {"event"},
        "Reuters and CNN, citing some sources, separately reported": {"attribution", "event"},
        "the timing of these talks is not related to recent attacks": {"attribution"},
        "Our jihadi operations against the American occupiers will continue": {"quote"},
        "one Iraqi soldier and the injury of three others": {"event", "statistic"},
        "would come to an end by the end of 2021": {"historical", "event"},
        "2500 troops stationed in Iraq": {"statistic", "event"},
    }
    for fragment, kinds in expected.items():
        claim = claim_containing(article, fragment)
        assert claim["kind"] in kinds, (fragment, claim["kind"])
        assert claim["checkworthiness"] >= 0.5, (fragment, claim["checkworthiness"])

    opinion = claim_containing(article, "It appears that this propaganda campaign")
    lowest = min(claim_containing(article, fragment)["checkworthiness"] for fragment in expected)
    assert opinion["kind"] == "opinion" and opinion["checkworthiness"] < lowest

    askari = actor_named(article, "Abu Ali al-Askari")
    kataib = actor_named(article, "Kata'ib Hezbollah")
    assert askari["kind"] == "person" and kataib["id"] in askari["affiliated_with"]
    assert "Iraqi Hezbollah Brigades" in kataib["aliases"]
    assert askari["id"] in claim_containing(article, "Our jihadi operations")["stated_by"]
    assert actor_named(article, "Alina Romanowski")["title"] == "US Ambassador to Iraq"
    pmu = actor_named(article, "Popular Mobilization Units")
    assert "PMU" in pmu["aliases"]
    assert pmu["id"] in claim_containing(article, "one Iraqi soldier")["mentions"]

    reuters, cnn = source_named(article, "Reuters"), source_named(article, "CNN")
    assert {reuters["id"], cnn["id"]} <= set(claim_containing(article, "separately reported")["reported_by"])
    assert claim_containing(article, "timing of these talks")["reported_by"] == [cnn["id"]]
    ministry = source_named(article, "Iraqi Foreign Ministry")
    assert ministry["id"] in claim_containing(article, "significant message has been received")["reported_by"]

    texts = " ".join(c["text"] for c in article["claims"])
    for boilerplate in ("Share it", "Leave a Reply", "Read more", "Required fields", "Author:"):
        assert boilerplate not in texts


async def test_graph_holds_the_relationships(seed_article: dict[str, Any], driver: AsyncDriver) -> None:
    records, _, _ = await driver.execute_query(
        "MATCH (c:Claim)-[:STATED_BY]->(p:Actor {name: 'Abu Ali al-Askari'})-[:AFFILIATED_WITH]->"
        "(g:Actor {key: 'kataib-hezbollah'}) RETURN count(c) AS n"
    )
    assert records[0]["n"] >= 1
    records, _, _ = await driver.execute_query(
        "MATCH (a:Article {id: $id})-[:PUBLISHED_BY]->(s:Source) RETURN s.name AS name", id=seed_article["id"]
    )
    assert [r["name"] for r in records] == ["ISWNews"]
    records, _, _ = await driver.execute_query(
        "MATCH (e:Event {action: 'article.ingested'})-[:ABOUT]->(:Article {id: $id}) RETURN count(e) AS n",
        id=seed_article["id"],
    )
    assert records[0]["n"] == 1


async def test_same_text_again_returns_the_existing_article(
    client: Client, seed_article: dict[str, Any], seed_text: str, driver: AsyncDriver
) -> None:
    before = await graph_counts(driver)
    again = await client.post("/articles", json={"text": seed_text.replace("\n", "\r\n") + "\n\n"})
    assert again.status_code == 200
    assert again.json()["id"] == seed_article["id"]
    assert await graph_counts(driver) == before


async def test_actors_are_reused_across_articles(client: Client, seed_article: dict[str, Any]) -> None:
    kataib = actor_named(seed_article, "Kata'ib Hezbollah")
    other = await client.post(
        "/articles",
        json={
            "text": "The Iraqi Hezbollah Brigades said on Monday that 12 fighters were killed in a strike "
            "near the Syrian border, according to Reuters.",
            "title": "Strike near the border",
        },
    )
    assert other.status_code == 201, other.text
    actors = {a["name"]: a["id"] for a in other.json()["actors"]}
    assert kataib["id"] in actors.values()
    reuters = source_named(seed_article, "Reuters")
    assert reuters["id"] in {s["id"] for s in other.json()["sources"]}


async def test_html_input_uses_the_page_metadata(client: Client, empty_graph: AsyncDriver) -> None:
    html = page_html("Ministry confirms 40 arrests", "Jane Doe", "Daily Ledger")
    response = await client.post("/articles", json={"html": html, "url": "https://ledger.example/a"})
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["title"] == "Ministry confirms 40 arrests"
    assert article["author"] == "Jane Doe"
    assert article["publisher"]["name"] == "Daily Ledger"
    assert article["published_at"].startswith("2024-02-03")
    assert any("40 people" in c["text"] for c in article["claims"])
    assert "Subscribe to our newsletter" not in article["text"]


def page_html(title: str, author: str, site: str) -> str:
    paragraphs = "".join(
        f"<p>{p}</p>"
        for p in [
            "The Interior Ministry said on Friday that police had arrested 40 people in the capital.",
            "According to the ministry, the arrests followed three days of protests over fuel prices.",
            "Officials expect the price rise of 15 percent to take effect on March 1.",
        ]
    )
    return (
        f'<html lang="en"><head><title>{title} | {site}</title>'
        f'<meta name="author" content="{author}"><meta property="og:site_name" content="{site}">'
        '<meta property="article:published_time" content="2024-02-03T08:00:00Z"></head>'
        f"<body><nav>Home | World</nav><article><h1>{title}</h1>{paragraphs}</article>"
        "<aside>Subscribe to our newsletter</aside></body></html>"
    )


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    with serve() as running:
        yield running


async def test_url_input_is_fetched(client: Client, empty_graph: AsyncDriver, site: LocalSite) -> None:
    site.routes["/story"] = Route(
        body=page_html("Ministry confirms 40 arrests", "Jane Doe", "Ledger").encode()
    )
    site.routes["/moved"] = Route(status=302, headers={"Location": "/story"})
    response = await client.post("/articles", json={"url": site.url("/moved")})
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["url"] == site.url("/story")
    assert article["title"] == "Ministry confirms 40 arrests"
    site.routes["/plain"] = Route(
        body=b"The minister said 12 schools closed on Monday.", content_type="text/plain"
    )
    plain = await client.post("/articles", json={"url": site.url("/plain")})
    assert plain.status_code == 201, plain.text


@pytest.fixture(scope="module")
async def strict_client(settings: Settings, api_keys: dict[str, str]) -> AsyncIterator[Client]:
    """An app with a short timeout, a small size cap, and only 127.0.0.1 allowlisted."""
    tight = settings.model_copy(
        update={"http_timeout_s": 1.0, "max_article_bytes": 5_000, "http_allowed_hosts": ["127.0.0.1"]}
    )
    async with AsyncTestClient(app=create_app(tight)) as test_client:
        test_client.headers.update(bearer(api_keys["checker"]))
        yield test_client


BAD_INPUTS: list[tuple[str, dict[str, Any], int]] = [
    ("empty text", {"text": "  \n\n "}, 422),
    ("text over the cap", {"text": "The minister said 40 people were arrested. " * 200}, 413),
    ("no input at all", {"title": "only a title"}, 422),
    ("text and html", {"text": "a", "html": "<p>b</p>"}, 422),
    ("unknown field", {"text": "The minister said so.", "body": "x"}, 422),
    ("not a URL", {"url": "not a url"}, 422),
    ("ftp URL", {"url": "ftp://example.org/a.txt"}, 422),
    ("private address", {"url": "http://10.1.2.3/story"}, 422),
    ("link-local address", {"url": "http://169.254.169.254/latest/meta-data"}, 422),
    ("loopback by name, not allowlisted", {"url": "http://localhost:9/story"}, 422),
]


@pytest.mark.parametrize(("case", "body", "status"), BAD_INPUTS, ids=[c[0] for c in BAD_INPUTS])
async def test_bad_input_is_a_problem_and_writes_nothing(
    strict_client: Client, empty_graph: AsyncDriver, case: str, body: dict[str, Any], status: int
) -> None:
    before = await graph_counts(empty_graph)
    response = await strict_client.post("/articles", json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["detail"]
    assert await graph_counts(empty_graph) == before


async def test_upstream_failures_are_502_with_the_reason(
    strict_client: Client, empty_graph: AsyncDriver, site: LocalSite
) -> None:
    site.routes["/slow"] = Route(body=b"<p>late</p>", delay_s=3)
    site.routes["/image"] = Route(body=b"\x89PNG....", content_type="image/png")
    site.routes["/gone"] = Route(status=410, body=b"gone")
    site.routes["/to-private"] = Route(status=301, headers={"Location": "http://10.9.9.9/x"})
    site.routes["/huge"] = Route(body=b"<p>" + b"word " * 100_000 + b"</p>")
    before = await graph_counts(empty_graph)
    for path, status, reason in [
        ("/slow", 502, "timed out"),
        ("/image", 502, "image/png"),
        ("/gone", 502, "410"),
        ("/missing", 502, "404"),
        ("/to-private", 422, "10.9.9.9"),
    ]:
        response = await strict_client.post("/articles", json={"url": site.url(path)})
        assert response.status_code == status, (path, response.text)
        assert reason in response.json()["detail"], (path, response.json())
    assert await graph_counts(empty_graph) == before


async def test_malformed_json_is_400(client: Client) -> None:
    response = await client.post(
        "/articles", content=b'{"text": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_roles(client: Client, api_keys: dict[str, str], empty_graph: AsyncDriver) -> None:
    body = {"text": "The minister said 40 people were arrested on Friday."}
    assert (await client.post("/articles", json=body, headers={"Authorization": ""})).status_code == 401
    assert (await client.post("/articles", json=body, headers=bearer("fck_wrong"))).status_code == 401
    for role in ("reader", "auditor"):
        assert (await client.post("/articles", json=body, headers=bearer(api_keys[role]))).status_code == 403
    assert (await client.get("/articles", headers=bearer(api_keys["reader"]))).status_code == 403
    assert (await client.post("/articles", json=body, headers=bearer(api_keys["checker"]))).status_code == 201
    assert (await client.get("/articles", headers=bearer(api_keys["auditor"]))).status_code == 200


async def test_article_pages(client: Client, empty_graph: AsyncDriver) -> None:
    ids = []
    for n in range(5):
        response = await client.post(
            "/articles", json={"text": f"Officials said {n + 10} roads were closed."}
        )
        ids.append(response.json()["id"])
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/articles", params=params)).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == list(reversed(ids))
    assert (await client.get("/articles", params={"cursor": "%%%"})).status_code == 400
    assert (await client.get("/articles", params={"limit": 0})).status_code in (400, 422)
    assert (await client.get("/articles/nope")).status_code == 404


async def test_language_is_detected_and_other_languages_use_neutral_signals(
    client: Client, empty_graph: AsyncDriver
) -> None:
    text = (
        "El Gobierno aprob\u00f3 el lunes un presupuesto de 12.000 millones de euros para 2025.\n\n"
        "Seg\u00fan el ministerio, el gasto en sanidad crecer\u00e1 un 8 por ciento este a\u00f1o."
    )
    response = await client.post("/articles", json={"text": text})
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["language"] == "es"
    assert article["claims"]
    for claim in article["claims"]:
        assert claim["reasons"][0] == "language: es, scored on language-neutral signals only"
    named = await client.post("/articles", json={"text": text + " Fin.", "language": "en"})
    assert named.status_code == 201, named.text
    assert named.json()["language"] == "en"
