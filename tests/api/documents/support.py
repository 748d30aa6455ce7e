"""Helpers for the document, evidence and trace tests: a real local site, and the seed claim.

`site` serves pages from a threaded HTTP server on 127.0.0.1 (the test settings allow that
host). `seed_claim` ingests the sample article over HTTP and returns one of its claims.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, LiteralString

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from tests.support.http_server import LocalSite, Route, serve

__all__ = [
    "READOUT",
    "REPORT",
    "STATEMENT",
    "SeedClaim",
    "count",
    "html_page",
    "seed_claim",
    "site",
]

SeedClaim = dict[str, Any]


def html_page(title: str, site_name: str, *paragraphs: str) -> bytes:
    """An HTML article page with navigation and footer boilerplate around its paragraphs."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title><meta property='og:site_name' content='{site_name}'>"
        "</head><body><nav><a href='/'>Home</a> | <a href='/about'>About us</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>All rights reserved. Subscribe to our newsletter.</footer></body></html>"
    ).encode()


REPORT = html_page(
    "Iraq and US to start talks on the coalition's future",
    "Baghdad Daily Report",
    "The US ambassador to Iraq, Alina Romanowski, held talks with Foreign Minister Fuad Hussein "
    "on January 24 and delivered a message from the US administration, the foreign ministry said.",
    "According to the ministry, the message will be passed to Prime Minister Mohammed Shia al-Sudani "
    "for further consideration.",
)
STATEMENT = html_page(
    "Foreign Minister receives the US Ambassador",
    "Iraqi Ministry of Foreign Affairs",
    "Foreign Minister Fuad Hussein received the US Ambassador, Alina Romanowski, on Wednesday, "
    "January 24, 2024, as recorded in the meeting transcript.",
    "The ambassador delivered a significant message from the US administration to the Iraqi "
    "government, which will be delivered to the Prime Minister.",
)
READOUT = (
    b"Embassy readout, 23 January 2024.\n"
    b"Ambassador Romanowski met Foreign Minister Hussein on Tuesday, January 23, to discuss the "
    b"future of the coalition.\n"
    b"No further meetings were held that week.\n"
)


@pytest.fixture
def site() -> Iterator[LocalSite]:
    """A local site serving the report, the ministry statement and the embassy readout."""
    with serve(
        {
            "/report": Route(body=REPORT),
            "/statement": Route(body=STATEMENT),
            "/readout.txt": Route(body=READOUT, content_type="text/plain; charset=utf-8"),
        }
    ) as running:
        yield running


@pytest.fixture
async def seed_claim(
    client: AsyncTestClient,  # type: ignore[type-arg]
    empty_graph: AsyncDriver,
    seed_text: str,
) -> SeedClaim:
    """The seed article's claim about the ambassador's talks, ingested over HTTP."""
    response = await client.post(
        "/articles",
        json={
            "text": seed_text,
            "title": "What Is The US Important Message To Iraq?",
            "url": "https://iswnews.com/analysis/us-message-to-iraq",
            "publisher": "ISWNews",
        },
    )
    assert response.status_code == 201, response.text
    article = response.json()
    claim: SeedClaim = next(c for c in article["claims"] if "Romanowski" in c["text"])
    return {**claim, "article_id": article["id"]}


async def count(driver: AsyncDriver, label: str) -> int:
    """How many nodes carry `label` (one of a fixed set)."""
    queries: dict[str, LiteralString] = {
        "Document": "MATCH (n:Document) RETURN count(n) AS n",
        "Evidence": "MATCH (n:Evidence) RETURN count(n) AS n",
        "Event": "MATCH (n:Event) RETURN count(n) AS n",
        "Source": "MATCH (n:Source) RETURN count(n) AS n",
        "DERIVED_FROM": "MATCH ()-[r:DERIVED_FROM]->() RETURN count(r) AS n",
    }
    records, _, _ = await driver.execute_query(queries[label])
    return int(records[0]["n"])
