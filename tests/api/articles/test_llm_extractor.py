"""`POST /articles` with the optional chat-model extractor, played by a local HTTP server."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.app import create_app
from factcheck.settings import Settings
from tests.api.articles.test_articles import graph_counts
from tests.conftest import bearer
from tests.unit.extraction.test_extraction_llm import ARTICLE, Canned, FakeModelServer, chat, running_server

__all__ = ["running_server"]  # the module-scoped model server fixture, shared with the unit tests

Client = AsyncTestClient  # type: ignore[type-arg]


@pytest.fixture
async def llm_client(
    running_server: FakeModelServer, settings: Settings, api_keys: dict[str, str]
) -> AsyncIterator[Client]:
    running_server.replies.clear()
    configured = settings.model_copy(
        update={"extractor": "llm", "llm_base_url": running_server.base_url, "llm_timeout_s": 5.0,
                "webhook_dispatcher": False}
    )  # fmt: skip
    async with AsyncTestClient(app=create_app(configured)) as client:
        client.headers.update(bearer(api_keys["checker"]))
        yield client


async def test_model_claims_are_stored_with_exact_spans(
    llm_client: Client, running_server: FakeModelServer, empty_graph: AsyncDriver
) -> None:
    quote = "Our operations will continue until the last soldier leaves."
    reply = {
        "claims": [
            {"text": quote, "kind": "quote", "checkworthiness": 0.9, "stated_by": ["Abu Ali al-Askari"]}
        ]
    }
    running_server.replies.append(Canned(body=chat(json.dumps(reply))))
    response = await llm_client.post("/articles", json={"text": ARTICLE.text, "title": ARTICLE.title})
    assert response.status_code == 201, response.text
    article = response.json()
    [claim] = article["claims"]
    assert claim["kind"] == "quote"
    assert article["text"][claim["start"] : claim["end"]] == claim["text"]
    assert "Abu Ali al-Askari" in {a["name"] for a in article["actors"]}


async def test_a_broken_model_reply_is_502_and_writes_nothing(
    llm_client: Client, running_server: FakeModelServer, empty_graph: AsyncDriver
) -> None:
    before = await graph_counts(empty_graph)
    running_server.replies.append(Canned(body=chat("this is not JSON at all")))
    response = await llm_client.post("/articles", json={"text": ARTICLE.text})
    assert response.status_code == 502, response.text
    assert "llm extractor failed" in response.json()["detail"]
    running_server.replies.append(Canned(status=500, body=b"overloaded"))
    assert (await llm_client.post("/articles", json={"text": ARTICLE.text})).status_code == 502
    assert await graph_counts(empty_graph) == before
