"""The chat-completions extractor against a real HTTP server on 127.0.0.1 (no mocks)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from factcheck.extraction import ArticleText, Extractor, ExtractorError
from factcheck.extraction.llm import ChatCompletionExtractor, locate
from factcheck.extraction.text import fold

ARTICLE = ArticleText(
    text=(
        "Talks Between Baghdad And Washington\n\n"
        "According to CNN\u2019s claim, the timing of the talks is not related to recent attacks.\n\n"
        "A security official of Kata\u2019ib Hezbollah, Abu Ali al-Askari, stated: Our operations will "
        "continue until the last soldier leaves.\n\n"
        "US warplanes struck   three bases on January 24, killing one soldier."
    ),
    title="Talks Between Baghdad And Washington",
    publisher="CNN",
)


@dataclass
class Canned:
    """One reply the server gives: status, body, and an optional delay in seconds."""

    status: int = 200
    body: bytes = b""
    delay: float = 0.0


@dataclass
class FakeModelServer:
    """A tiny OpenAI-style server; it records every request it receives."""

    replies: list[Canned] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    base_url: str = ""


def chat(content: str) -> bytes:
    return json.dumps(
        {
            "id": "x",
            "object": "chat.completion",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}],
        }
    ).encode()


@pytest.fixture(scope="module")
def running_server() -> Iterator[FakeModelServer]:
    state = FakeModelServer()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            state.requests.append(
                {
                    "path": self.path,
                    "headers": dict(self.headers),
                    "json": json.loads(self.rfile.read(length)),
                }
            )
            reply = state.replies.pop(0) if state.replies else Canned(500, b"no canned reply")
            if reply.delay:
                time.sleep(reply.delay)
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def model_server(running_server: FakeModelServer) -> FakeModelServer:
    running_server.replies.clear()
    running_server.requests.clear()
    return running_server


async def run(server: FakeModelServer, *, api_key: str | None = "sk-test", wait: float = 5.0) -> Any:
    async with httpx.AsyncClient() as client:
        extractor: Extractor = ChatCompletionExtractor(client, server.base_url, "test-model", api_key, wait)
        assert extractor.name == "llm"
        return await extractor.extract(ARTICLE)


@pytest.mark.asyncio
async def test_claims_are_validated_located_and_linked(model_server: FakeModelServer) -> None:
    reply = {
        "claims": [
            {
                "text": "According to CNN's claim, the timing of the talks is not related to recent attacks.",
                "kind": "attribution",
                "checkworthiness": 0.8,
                "reported_by": ["CNN"],
            },
            {
                "text": "Our operations will continue until the last soldier leaves.",
                "kind": "QUOTE",
                "checkworthiness": 1.7,
                "stated_by": ["Abu Ali al-Askari"],
            },
            {
                "text": "US warplanes struck three bases on January 24, killing one soldier",
                "kind": "rumour",
                "checkworthiness": 0.9,
                "stated_by": ["Jane Roe"],
                "reported_by": ["Example Wire Service"],
            },
            {"text": "Iraq announced elections for next month.", "kind": "event", "checkworthiness": 0.7},
            {"text": "Our operations will continue until the last soldier leaves.", "checkworthiness": 0.2},
        ]
    }
    model_server.replies.append(Canned(body=chat(json.dumps(reply))))
    result = await run(model_server)

    text = ARTICLE.text
    assert [c.kind for c in result.claims] == ["attribution", "quote", "other"]
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
    cnn, askari, strikes = result.claims
    assert cnn.reported_by == ("cnn",)
    assert askari.stated_by == ("abu-ali-al-askari",)
    assert askari.checkworthiness == 1.0
    assert strikes.text.endswith("one soldier.")
    assert strikes.stated_by == ("jane-roe",)
    assert strikes.reported_by == ("example-wire-service",)
    assert "united-states" in strikes.mentions
    actors = {a.key: a for a in result.actors}
    assert actors["jane-roe"].kind == "person"
    assert actors["abu-ali-al-askari"].affiliation == "kataib-hezbollah"
    assert {s.key for s in result.sources} == {"cnn", "example-wire-service"}
    assert result.publisher is not None and result.publisher.key == "cnn"
    assert result.sentences

    request = model_server.requests[0]
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == "Bearer sk-test"
    body = request["json"]
    assert body["model"] == "test-model"
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    assert "Kata\u2019ib Hezbollah" in body["messages"][1]["content"]
    assert body["response_format"] == {"type": "json_object"}


@pytest.mark.asyncio
async def test_fenced_json_without_api_key(model_server: FakeModelServer) -> None:
    claims = '{"claims": [{"text": "killing one soldier", "kind": "statistic", "checkworthiness": 0.5}]}'
    content = f"```json\n{claims}\n```"
    model_server.replies.append(Canned(body=chat(content)))
    result = await run(model_server, api_key=None)
    assert [c.text for c in result.claims] == ["killing one soldier"]
    assert "Authorization" not in model_server.requests[0]["headers"]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("reply", "message"),
    [
        (Canned(500, b'{"error": "overloaded"}'), "HTTP 500"),
        (Canned(401, b'{"error": "bad key"}'), "HTTP 401"),
        (Canned(200, b"<html>not json</html>"), "not a chat completion"),
        (Canned(200, b'{"choices": []}'), "not a chat completion"),
        (Canned(200, chat("Sure! Here are the claims: ...")), "not valid JSON"),
        (Canned(200, chat('{"claims": "none"}')), "claim schema"),
        (Canned(200, chat('{"claims": [{"kind": "event"}]}')), "claim schema"),
        (Canned(200, chat("")), "empty"),
    ],
)
async def test_errors_are_reported_clearly(
    model_server: FakeModelServer, reply: Canned, message: str
) -> None:
    model_server.replies.append(reply)
    with pytest.raises(ExtractorError, match=message):
        await run(model_server)


@pytest.mark.asyncio
async def test_timeout(model_server: FakeModelServer) -> None:
    model_server.replies.append(Canned(body=chat('{"claims": []}'), delay=1.0))
    with pytest.raises(ExtractorError, match="timed out"):
        await run(model_server, wait=0.2)


@pytest.mark.asyncio
async def test_unreachable_server() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    async with httpx.AsyncClient() as client:
        extractor = ChatCompletionExtractor(client, f"http://127.0.0.1:{port}", "m", None, 2.0)
        with pytest.raises(ExtractorError, match="unreachable"):
            await extractor.extract(ARTICLE)


def test_locate_tolerates_quotes_whitespace_case_and_final_stop() -> None:
    text = "He said \u201cthe talks  will\nstart\u201d on Monday. Nothing else."
    folded = fold(text)
    assert locate(text, folded, 'He said "the talks will start" on Monday') == (0, text.index("Monday.") + 7)
    assert locate(text, folded, "NOTHING ELSE.") == (text.index("Nothing"), len(text))
    assert locate(text, folded, "not in the article") is None
    assert locate(text, folded, "   ") is None
