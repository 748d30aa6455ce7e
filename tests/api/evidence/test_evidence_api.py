"""`/claims/{id}/evidence` and `/evidence/{id}`: passages located in documents, chains, cycles."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.problems import PROBLEM_JSON
from tests.api.documents.support import SeedClaim, count
from tests.conftest import bearer
from tests.support.http_server import LocalSite

Client = AsyncTestClient  # type: ignore[type-arg]


async def store(client: Client, site: LocalSite, path: str) -> dict[str, Any]:
    response = await client.post("/documents", json={"url": site.url(path)})
    assert response.status_code in (200, 201), response.text
    body: dict[str, Any] = response.json()
    return body


async def add(client: Client, claim_id: str, **body: Any) -> Any:
    return await client.post(f"/claims/{claim_id}/evidence", json=body)


async def graph_size(driver: AsyncDriver) -> tuple[int, ...]:
    return (
        await count(driver, "Document"),
        await count(driver, "Evidence"),
        await count(driver, "Event"),
        await count(driver, "DERIVED_FROM"),
    )


async def test_excerpt_is_located_and_recorded(
    client: Client, empty_graph: AsyncDriver, site: LocalSite, seed_claim: SeedClaim
) -> None:
    doc = await store(client, site, "/statement")
    text = (await client.get(f"/documents/{doc['id']}/text")).text
    excerpt = "Foreign Minister Fuad Hussein received the US Ambassador, Alina Romanowski"
    response = await add(
        client,
        seed_claim["id"],
        document_id=doc["id"],
        stance="supports",
        excerpt=excerpt,
        note="Ministry readout",
    )
    assert response.status_code == 201, response.text
    evidence = response.json()
    assert evidence["excerpt"] == excerpt == text[evidence["start"] : evidence["end"]]
    assert evidence["claim_id"] == seed_claim["id"] and evidence["document"]["id"] == doc["id"]
    assert evidence["stance"] == "supports" and evidence["note"] == "Ministry readout"
    assert evidence["created_by"] and evidence["created_at"] and evidence["derived_from"] == []
    assert (await client.get(f"/evidence/{evidence['id']}")).json() == evidence

    records, _, _ = await empty_graph.execute_query(
        "MATCH (ev:Event {action: 'evidence.created'})-[:ABOUT]->(n)"
        " RETURN ev.subject AS subject, collect(labels(n)[0]) AS about",
        id=evidence["id"],
    )
    assert records[0]["subject"] == evidence["id"]
    assert sorted(records[0]["about"]) == ["Claim", "Document", "Evidence"]


async def test_passage_by_offsets_and_loose_whitespace(
    client: Client, empty_graph: AsyncDriver, site: LocalSite, seed_claim: SeedClaim
) -> None:
    doc = await store(client, site, "/readout.txt")
    text = (await client.get(f"/documents/{doc['id']}/text")).text
    start = text.index("Ambassador Romanowski")
    by_offsets = await add(
        client, seed_claim["id"], document_id=doc["id"], stance="refutes", start=start, end=start + 40
    )
    assert by_offsets.status_code == 201
    assert by_offsets.json()["excerpt"] == text[start : start + 40]

    # Copied from a rendered page: the line break became a space, and the quote is curly.
    loose = "to discuss the future of the coalition. No further meetings"
    located = await add(client, seed_claim["id"], document_id=doc["id"], stance="context", excerpt=loose)
    assert located.status_code == 201, located.text
    found = located.json()
    assert found["excerpt"] == text[found["start"] : found["end"]]
    assert found["excerpt"] == "to discuss the future of the coalition.\nNo further meetings"

    both = await add(
        client,
        seed_claim["id"],
        document_id=doc["id"],
        stance="refutes",
        excerpt=text[start : start + 10],
        start=start,
        end=start + 10,
    )
    assert both.status_code == 201


async def test_grouped_list(
    client: Client, empty_graph: AsyncDriver, site: LocalSite, seed_claim: SeedClaim
) -> None:
    report, readout = await store(client, site, "/report"), await store(client, site, "/readout.txt")
    for doc, stance, excerpt in [
        (report, "supports", "held talks with Foreign Minister Fuad Hussein"),
        (readout, "refutes", "on Tuesday, January 23"),
        (report, "supports", "delivered a message from the US administration"),
        (readout, "context", "No further meetings were held that week."),
    ]:
        assert (
            await add(client, seed_claim["id"], document_id=doc["id"], stance=stance, excerpt=excerpt)
        ).status_code == 201
    listing = await client.get(f"/claims/{seed_claim['id']}/evidence", headers=bearer_for(client))
    assert listing.status_code == 200
    body = listing.json()
    assert body["claim_id"] == seed_claim["id"] and body["total"] == 4
    assert [e["excerpt"] for e in body["supports"]] == [
        "held talks with Foreign Minister Fuad Hussein",
        "delivered a message from the US administration",
    ]
    assert [e["stance"] for e in body["refutes"]] == ["refutes"] and len(body["context"]) == 1
    assert body["refutes"][0]["document"]["url"] == readout["url"]


def bearer_for(client: Client) -> dict[str, str]:
    return {"Authorization": client.headers["authorization"]}


async def test_evidence_by_url_fetches_the_document(
    client: Client, empty_graph: AsyncDriver, site: LocalSite, seed_claim: SeedClaim
) -> None:
    response = await add(
        client, seed_claim["id"], url=site.url("/report"), stance="supports", excerpt="Alina Romanowski"
    )
    assert response.status_code == 201, response.text
    doc_id = response.json()["document"]["id"]
    assert (await client.get(f"/documents/{doc_id}")).json()["url"] == site.url("/report")
    again = await add(
        client, seed_claim["id"], url=site.url("/report"), stance="context", excerpt="Fuad Hussein"
    )
    assert again.json()["document"]["id"] == doc_id  # the same bytes: the stored document
    assert await count(empty_graph, "Document") == 1

    before = await graph_size(empty_graph)
    missing = await add(
        client, seed_claim["id"], url=site.url("/statement"), stance="supports", excerpt="not in there"
    )
    assert missing.status_code == 422 and "does not occur" in missing.json()["detail"]
    assert await graph_size(empty_graph) == before  # neither the document nor the evidence


async def test_derived_from_chains(
    client: Client, empty_graph: AsyncDriver, site: LocalSite, seed_claim: SeedClaim
) -> None:
    report, statement, readout = [
        await store(client, site, p) for p in ("/report", "/statement", "/readout.txt")
    ]
    claim = seed_claim["id"]
    transcript = (
        await add(client, claim, document_id=readout["id"], stance="context", excerpt="Embassy readout")
    ).json()
    ministry = (
        await add(
            client,
            claim,
            document_id=statement["id"],
            stance="supports",
            excerpt="January 24, 2024",
            derived_from=[transcript["id"]],
        )
    ).json()
    news = await add(
        client,
        claim,
        document_id=report["id"],
        stance="supports",
        excerpt="on January 24",
        derived_from=[ministry["id"], statement["id"], ministry["id"]],
    )
    assert news.status_code == 201, news.text
    assert sorted(news.json()["derived_from"]) == sorted([ministry["id"], statement["id"]])

    later = await client.post(
        f"/evidence/{transcript['id']}/derived_from", json={"derived_from": [readout["id"]]}
    )
    assert later.status_code == 200 and later.json()["derived_from"] == [readout["id"]]
    doc_link = await client.post(
        f"/documents/{report['id']}/derived_from", json={"derived_from": [statement["id"]]}
    )
    assert doc_link.status_code == 200 and doc_link.json()["derived_from"] == [statement["id"]]
    events, _, _ = await empty_graph.execute_query(
        "MATCH (e:Event) WHERE e.action ENDS WITH 'derived_from_added'"
        " RETURN e.action AS action ORDER BY e.seq"
    )
    assert [r["action"] for r in events] == ["evidence.derived_from_added", "document.derived_from_added"]

    before = await graph_size(empty_graph)
    # transcript <- ministry <- news: linking the transcript to the news closes a cycle.
    cycle = await client.post(
        f"/evidence/{transcript['id']}/derived_from", json={"derived_from": [news.json()["id"]]}
    )
    assert cycle.status_code == 409 and cycle.headers["content-type"].startswith(PROBLEM_JSON)
    assert cycle.json()["cycles"] == [[transcript["id"], news.json()["id"], ministry["id"], transcript["id"]]]
    self_loop = await client.post(
        f"/evidence/{ministry['id']}/derived_from", json={"derived_from": [ministry["id"]]}
    )
    assert self_loop.status_code == 409
    # The readout document is quoted by the transcript evidence, which rests on it: a cycle too.
    via_quote = await client.post(
        f"/documents/{readout['id']}/derived_from", json={"derived_from": [transcript["id"]]}
    )
    assert via_quote.status_code == 409
    unknown = await client.post(
        f"/evidence/{news.json()['id']}/derived_from", json={"derived_from": ["nope"]}
    )
    assert unknown.status_code == 422 and unknown.json()["unknown_ids"] == ["nope"]
    missing = await client.post("/evidence/nope/derived_from", json={"derived_from": [ministry["id"]]})
    assert missing.status_code == 404
    empty = await client.post(f"/evidence/{news.json()['id']}/derived_from", json={"derived_from": []})
    assert empty.status_code == 422
    assert await graph_size(empty_graph) == before

    again = await client.post(
        f"/evidence/{news.json()['id']}/derived_from", json={"derived_from": [ministry["id"]]}
    )
    assert again.status_code == 200 and await graph_size(empty_graph) == before  # already linked: no write


@pytest.mark.parametrize(
    ("body", "status", "needle"),
    [
        ({"stance": "supports", "excerpt": "Alina"}, 422, "exactly one of `document_id` and `url`"),
        (
            {"document_id": "DOC", "url": "http://127.0.0.1/x", "stance": "supports", "excerpt": "Alina"},
            422,
            "exactly one",
        ),
        ({"document_id": "DOC", "stance": "agrees", "excerpt": "Alina"}, 422, "stance"),
        ({"document_id": "DOC", "stance": "supports"}, 422, "`excerpt`, or as `start` and `end`"),
        ({"document_id": "DOC", "stance": "supports", "start": 5}, 422, "together"),
        ({"document_id": "DOC", "stance": "supports", "start": 9, "end": 3}, 422, "less than"),
        ({"document_id": "DOC", "stance": "supports", "start": 0, "end": 99999}, 422, "must satisfy"),
        (
            {"document_id": "DOC", "stance": "supports", "start": 0, "end": 5, "excerpt": "zzzzz"},
            422,
            "differs",
        ),
        ({"document_id": "DOC", "stance": "supports", "excerpt": "Mosul"}, 422, "does not occur"),
        (
            {"document_id": "DOC", "stance": "supports", "excerpt": "Alina", "derived_from": ["nope"]},
            422,
            "nope",
        ),
        ({"document_id": "nope", "stance": "supports", "excerpt": "Alina"}, 404, "no document"),
        ({"url": "http://10.0.0.7/statement", "stance": "supports", "excerpt": "Alina"}, 422, "private"),
        ({"url": "http://127.0.0.1:9/unreachable", "stance": "supports", "excerpt": "Alina"}, 502, "failed"),
    ],
)
async def test_bad_evidence_is_refused_and_nothing_stored(
    client: Client,
    empty_graph: AsyncDriver,
    site: LocalSite,
    seed_claim: SeedClaim,
    body: dict[str, Any],
    status: int,
    needle: str,
) -> None:
    doc = await store(client, site, "/statement")
    if body.get("document_id") == "DOC":
        body = {**body, "document_id": doc["id"]}
    before = await graph_size(empty_graph)
    response = await add(client, seed_claim["id"], **body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert needle in response.text
    assert await graph_size(empty_graph) == before


async def test_unknown_claims(client: Client, empty_graph: AsyncDriver, site: LocalSite) -> None:
    doc = await store(client, site, "/statement")
    before = await graph_size(empty_graph)
    response = await add(client, "no-such-claim", document_id=doc["id"], stance="supports", excerpt="Alina")
    assert response.status_code == 404 and "no claim" in response.json()["detail"]
    by_url = await add(client, "no-such-claim", url=site.url("/report"), stance="supports", excerpt="Alina")
    assert by_url.status_code == 404
    assert await graph_size(empty_graph) == before  # the fetched report was not kept either
    assert (await client.get("/claims/no-such-claim/evidence")).status_code == 404
    assert (await client.get("/evidence/no-such-evidence")).status_code == 404


async def test_permissions(
    client: Client, empty_graph: AsyncDriver, api_keys: dict[str, str], site: LocalSite, seed_claim: SeedClaim
) -> None:
    doc = await store(client, site, "/statement")
    body = {"document_id": doc["id"], "stance": "supports", "excerpt": "Alina"}
    path = f"/claims/{seed_claim['id']}/evidence"
    for role in ("reader", "auditor"):
        assert (await client.post(path, json=body, headers=bearer(api_keys[role]))).status_code == 403
    created = await client.post(path, json=body, headers=bearer(api_keys["checker"]))
    assert created.status_code == 201
    assert (await client.get(path, headers=bearer(api_keys["reader"]))).status_code == 403
    assert (await client.get(path, headers=bearer(api_keys["auditor"]))).status_code == 200
    link = f"/evidence/{created.json()['id']}/derived_from"
    assert (
        await client.post(link, json={"derived_from": [doc["id"]]}, headers=bearer(api_keys["auditor"]))
    ).status_code == 403
