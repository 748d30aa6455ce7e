"""Every error is an RFC 9457 problem document, with no stack trace."""

from __future__ import annotations

from litestar import Litestar, post
from litestar.params import JSONBody
from litestar.testing import AsyncTestClient

from factcheck.problems import PROBLEM_JSON, exception_handlers


async def test_unknown_route_is_a_problem(client: AsyncTestClient) -> None:  # type: ignore[type-arg]
    response = await client.get("/no/such/route")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = response.json()
    assert body["status"] == 404 and body["title"] and body["type"].startswith("https://")


async def test_health_and_ready(client: AsyncTestClient) -> None:  # type: ignore[type-arg]
    assert (await client.get("/health")).json() == {"status": "ok"}
    ready = await client.get("/ready")
    assert ready.status_code == 200 and ready.json()["migrations"] >= 2


async def test_openapi_and_docs_page(client: AsyncTestClient) -> None:  # type: ignore[type-arg]
    spec = (await client.get("/schema/openapi.json")).json()
    assert spec["openapi"].startswith("3.1")
    assert "/ready" in spec["paths"]
    page = await client.get("/schema")
    assert page.status_code == 200 and "<html" in page.text.lower()


@post("/echo")
async def _echo(data: JSONBody[dict[str, int]]) -> dict[str, int]:
    return data


@post("/boom")
async def _boom() -> None:
    raise RuntimeError("secret internal detail")


async def test_malformed_json_and_crashes_are_problems() -> None:
    app = Litestar([_echo, _boom], exception_handlers=exception_handlers)
    async with AsyncTestClient(app=app) as raw:
        bad = await raw.post("/echo", content=b'{"a": ', headers={"content-type": "application/json"})
        assert bad.status_code == 400
        assert bad.headers["content-type"].startswith(PROBLEM_JSON)
        assert bad.json()["status"] == 400

        crash = await raw.post("/boom")
        assert crash.status_code == 500
        assert crash.headers["content-type"].startswith(PROBLEM_JSON)
        assert "secret internal detail" not in crash.text and "Traceback" not in crash.text
