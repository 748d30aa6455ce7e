"""Claim and article text is stored without NUL, control characters, terminal escapes or bidi overrides."""

from __future__ import annotations

import re

from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

Client = AsyncTestClient  # type: ignore[type-arg]

UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
DIRTY = "\x1b[31mThe minister\x00 said on Monday that \u202e40\u202c schools had closed\x07.\x1b]0;x\x07"


async def test_article_and_its_claims_are_stored_clean(client: Client, empty_graph: AsyncDriver) -> None:
    response = await client.post(
        "/articles",
        json={
            "text": DIRTY + "\n\nThe mayor\x1b[2J said 12 roads were shut.",
            "title": "Schools\x00\u2066 shut\u2069",
        },
    )
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["text"].startswith("The minister said on Monday that 40 schools had closed.")
    assert article["title"] == "Schools shut"
    records, _, _ = await empty_graph.execute_query(
        "MATCH (n) WHERE n:Article OR n:Claim RETURN n.text AS text, n.title AS title"
    )
    assert records and all(
        not UNSAFE.search(r["text"] or "") and not UNSAFE.search(r["title"] or "") for r in records
    )
    assert article["claims"] and all(not UNSAFE.search(c["text"]) for c in article["claims"])


async def test_a_free_text_claim_is_stored_clean(client: Client, empty_graph: AsyncDriver) -> None:
    response = await client.post("/claims", json={"text": DIRTY, "claimant": "Mayor\x00 \u202eSmith"})
    assert response.status_code == 201, response.text
    assert response.json()["text"] == "The minister said on Monday that 40 schools had closed."
    records, _, _ = await empty_graph.execute_query(
        "MATCH (c:Claim)-[:STATED_BY]->(a:Actor) RETURN c.text AS t, a.name AS n"
    )
    assert [(r["t"], r["n"]) for r in records] == [
        ("The minister said on Monday that 40 schools had closed.", "Mayor Smith")
    ]


async def test_a_claim_of_nothing_but_controls_is_refused(client: Client, empty_graph: AsyncDriver) -> None:
    response = await client.post("/claims", json={"text": "\x00\x1b[31m\u202e"})
    assert response.status_code == 422, response.text
