"""`/documents`: snapshots fetched or uploaded, deduplicated by their bytes, revised by URL."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import AsyncIterator

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.app import create_app
from factcheck.problems import PROBLEM_JSON
from factcheck.settings import Settings
from tests.api.documents.support import REPORT, SeedClaim, count, html_page
from tests.conftest import bearer
from tests.support.http_server import LocalSite, Route, serve

Client = AsyncTestClient  # type: ignore[type-arg]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def test_fetch_stores_the_exact_snapshot(
    client: Client, empty_graph: AsyncDriver, site: LocalSite
) -> None:
    site.routes["/old-report"] = Route(status=301, headers={"Location": "/report"})
    response = await client.post("/documents", json={"url": site.url("/old-report")})
    assert response.status_code == 201, response.text
    doc = response.json()
    assert doc["origin"] == "fetch"
    assert doc["url"] == site.url("/old-report") and doc["final_url"] == site.url("/report")
    assert doc["http_status"] == 200 and doc["content_type"] == "text/html; charset=utf-8"
    assert doc["sha256"] == sha256(REPORT) and doc["size"] == len(REPORT)
    assert doc["title"] == "Iraq and US to start talks on the coalition's future"
    assert doc["publisher"]["name"] == "Baghdad Daily Report" and doc["publisher"]["domain"] == "127.0.0.1"
    assert doc["retrieved_at"] and doc["created_by"]

    text = await client.get(f"/documents/{doc['id']}/text")
    assert text.status_code == 200
    assert "Alina Romanowski, held talks with Foreign Minister Fuad Hussein" in text.text
    assert "newsletter" not in text.text  # boilerplate is left out of the text
    assert doc["text_sha256"] == sha256(text.text.encode()) and doc["text_length"] == len(text.text)

    content = await client.get(f"/documents/{doc['id']}/content")
    assert content.status_code == 200
    assert content.content == REPORT
    assert content.headers["content-type"] == "text/html; charset=utf-8"
    assert (
        content.headers["repr-digest"]
        == f"sha-256=:{base64.b64encode(hashlib.sha256(REPORT).digest()).decode()}:"
    )
    assert "sandbox" in content.headers["content-security-policy"]

    again = await client.get(f"/documents/{doc['id']}")
    assert again.status_code == 200 and again.json() == doc

    records, _, _ = await empty_graph.execute_query(
        "MATCH (e:Event {action: 'document.created'})-[:ABOUT]->(d:Document {id: $id})"
        " MATCH (d)-[:PUBLISHED_BY]->(s:Source) RETURN e.data AS data, s.key AS key",
        id=doc["id"],
    )
    assert len(records) == 1 and doc["sha256"] in records[0]["data"]
    assert records[0]["key"] == "baghdad-daily-report"


async def test_same_bytes_return_the_stored_document(
    client: Client, empty_graph: AsyncDriver, site: LocalSite
) -> None:
    first = await client.post("/documents", json={"url": site.url("/report")})
    site.routes["/mirror"] = Route(body=REPORT)
    again = await client.post("/documents", json={"url": site.url("/report")})
    mirror = await client.post("/documents", json={"url": site.url("/mirror")})
    assert first.status_code == 201
    assert again.status_code == 200 and mirror.status_code == 200
    assert again.json()["id"] == mirror.json()["id"] == first.json()["id"]
    assert await count(empty_graph, "Document") == 1
    assert await count(empty_graph, "Event") == 1


async def test_changed_content_is_a_new_revision(
    client: Client, empty_graph: AsyncDriver, site: LocalSite
) -> None:
    url = site.url("/report")
    old = (await client.post("/documents", json={"url": url})).json()
    site.routes["/report"] = Route(
        body=html_page("Corrected", "Baghdad Daily Report", "The talks were on January 23.")
    )
    response = await client.post("/documents", json={"url": url})
    assert response.status_code == 201
    new = response.json()
    assert new["id"] != old["id"] and new["revision_of"] == old["id"]
    assert new["publisher"]["id"] == old["publisher"]["id"]
    kept = (await client.get(f"/documents/{old['id']}")).json()
    assert kept["sha256"] == old["sha256"] and kept["revised_by"] == [new["id"]]
    assert (await client.get(f"/documents/{old['id']}/content")).content == REPORT

    site.routes["/report"] = Route(
        body=html_page("Corrected again", "Baghdad Daily Report", "Or January 22.")
    )
    third = (await client.post("/documents", json={"url": url})).json()
    assert third["revision_of"] == new["id"]
    assert await count(empty_graph, "Source") == 1


async def test_upload_text_and_html(client: Client, empty_graph: AsyncDriver) -> None:
    text = "Transcript of the press briefing.\nQ: Did the talks take place on January 24?\nA: Yes.\n"
    response = await client.post(
        "/documents", json={"text": text, "title": "Press briefing transcript", "publisher": "Reuters"}
    )
    assert response.status_code == 201, response.text
    doc = response.json()
    assert doc["origin"] == "upload" and doc["url"] is None and doc["http_status"] is None
    assert doc["content_type"] == "text/plain; charset=utf-8" and doc["sha256"] == sha256(text.encode())
    assert doc["publisher"]["name"] == "Reuters" and doc["publisher"]["kind"] == "agency"
    assert (await client.get(f"/documents/{doc['id']}/text")).text == text
    content = await client.get(f"/documents/{doc['id']}/content")
    assert content.content == text.encode() and content.headers["content-type"] == "text/plain; charset=utf-8"

    html = REPORT.decode()
    uploaded = await client.post(
        "/documents", json={"html": html, "title": "Saved page", "url": "https://example.org/report"}
    )
    assert uploaded.status_code == 201
    page = uploaded.json()
    assert page["content_type"] == "text/html; charset=utf-8" and page["url"] == "https://example.org/report"
    assert (
        page["publisher"]["name"] == "Baghdad Daily Report" and page["publisher"]["domain"] == "example.org"
    )
    assert "Fuad Hussein" in (await client.get(f"/documents/{page['id']}/text")).text


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({}, "give a `url`"),
        ({"title": "No content"}, "give a `url`"),
        ({"text": "Some text."}, "needs a `title`"),
        ({"text": "a", "html": "<p>b</p>", "title": "Both"}, "not both"),
        ({"url": "ftp://example.org/file"}, "url"),
        ({"url": "https://example.org", "extra": 1}, "extra"),
    ],
)
async def test_bad_requests_are_refused(
    client: Client, empty_graph: AsyncDriver, body: dict[str, object], needle: str
) -> None:
    response = await client.post("/documents", json=body)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert needle in response.text
    assert await count(empty_graph, "Document") == 0


async def test_private_addresses_are_refused(client: Client, empty_graph: AsyncDriver) -> None:
    for url in ("http://10.1.2.3/report", "http://169.254.169.254/latest/meta-data/"):
        response = await client.post("/documents", json={"url": url})
        assert response.status_code == 422
        assert response.json()["type"].endswith("/url-refused")
    assert await count(empty_graph, "Document") == 0 and await count(empty_graph, "Event") == 0


async def test_upstream_failures(client: Client, empty_graph: AsyncDriver, site: LocalSite) -> None:
    site.routes["/logo.png"] = Route(body=b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png")
    missing = await client.post("/documents", json={"url": site.url("/gone")})
    assert missing.status_code == 502 and missing.json()["upstream_status"] == 404
    image = await client.post("/documents", json={"url": site.url("/logo.png")})
    assert image.status_code == 415
    assert image.json()["content_type"] == "image/png" and "image/png" in image.json()["detail"]
    assert await count(empty_graph, "Document") == 0 and await count(empty_graph, "Event") == 0


@pytest.fixture
async def strict_client(settings: Settings, api_keys: dict[str, str]) -> AsyncIterator[Client]:
    """The app with a 0.5 s fetch timeout and a 2 kB size cap."""
    strict = settings.model_copy(update={"http_timeout_s": 0.5, "http_max_bytes": 2000})
    async with AsyncTestClient(app=create_app(strict)) as test_client:
        test_client.headers.update(bearer(api_keys["checker"]))
        yield test_client


async def test_timeouts_and_size_caps(strict_client: Client, empty_graph: AsyncDriver) -> None:
    with serve(
        {
            "/slow": Route(body=b"late", content_type="text/plain", delay_s=2.0),
            "/big": Route(body=b"x" * 5000, content_type="text/plain"),
        }
    ) as slow_site:
        slow = await strict_client.post("/documents", json={"url": slow_site.url("/slow")})
        assert slow.status_code == 502 and "timed out" in slow.json()["detail"]
        big = await strict_client.post("/documents", json={"url": slow_site.url("/big")})
        assert big.status_code == 413
    upload = await strict_client.post("/documents", json={"text": "y" * 3000, "title": "Too long"})
    assert upload.status_code == 413 and upload.json()["limit"] == 2000
    assert await count(empty_graph, "Document") == 0


async def test_unknown_documents_are_404(client: Client, empty_graph: AsyncDriver) -> None:
    for path in ("/documents/nope", "/documents/nope/content", "/documents/nope/text"):
        response = await client.get(path)
        assert response.status_code == 404 and response.headers["content-type"].startswith(PROBLEM_JSON)


async def test_permissions(
    client: Client, empty_graph: AsyncDriver, api_keys: dict[str, str], site: LocalSite, seed_claim: SeedClaim
) -> None:
    doc = (await client.post("/documents", json={"url": site.url("/report")})).json()
    reader, auditor = bearer(api_keys["reader"]), bearer(api_keys["auditor"])
    assert (
        await client.post("/documents", json={"url": site.url("/statement")}, headers=reader)
    ).status_code == 403
    assert (
        await client.post("/documents", json={"url": site.url("/statement")}, headers=auditor)
    ).status_code == 403
    assert (await client.get(f"/documents/{doc['id']}", headers=reader)).status_code == 403
    assert (await client.get(f"/documents/{doc['id']}/content", headers=auditor)).status_code == 200
    assert (
        await client.get(f"/documents/{doc['id']}", headers={"Authorization": "Bearer nope"})
    ).status_code == 401
    checker = bearer(api_keys["checker"])
    assert (
        await client.post("/documents", json={"url": site.url("/statement")}, headers=checker)
    ).status_code == 201
