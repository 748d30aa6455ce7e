"""`/claims/{id}/trace` and `/verdicts/{id}/trace`: from a published verdict to every document."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver
from pyld import jsonld

from factcheck.app import create_app
from factcheck.graph.store import Graph
from factcheck.settings import Settings
from tests.api.documents.support import SeedClaim
from tests.api.trace.support import Case, Review, build_case
from tests.conftest import bearer
from tests.support.http_server import LocalSite

Client = AsyncTestClient  # type: ignore[type-arg]
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
Edge = tuple[str, str, str]


async def trace_of(client: Client, path: str, key: str, **params: str) -> dict[str, Any]:
    response = await client.get(path, params=params, headers=bearer(key))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def events_about(driver: AsyncDriver, ids: set[str]) -> set[Edge]:
    """(event, node, ABOUT) for every audit event about one of `ids`, read straight from the graph."""
    records, _, _ = await driver.execute_query(
        "MATCH (e:Event)-[:ABOUT]->(n) WHERE n.id IN $ids RETURN e.id AS event, n.id AS node", ids=list(ids)
    )
    return {(r["event"], r["node"], "ABOUT") for r in records}


async def article_source(driver: AsyncDriver, article_id: str) -> str:
    records, _, _ = await driver.execute_query(
        "MATCH (:Article {id: $id})-[:PUBLISHED_BY]->(s:Source) RETURN s.id AS id", id=article_id
    )
    return str(records[0]["id"])


def by_label(trace: dict[str, Any], *labels: str) -> set[tuple[str, str]]:
    return {(n["label"], n["id"]) for n in trace["nodes"] if n["label"] in labels}


def edges_of(trace: dict[str, Any]) -> set[Edge]:
    return {(e["source"], e["target"], e["type"]) for e in trace["edges"]}


def node(trace: dict[str, Any], node_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(n for n in trace["nodes"] if n["id"] == node_id)
    return found


async def test_trace_from_a_published_verdict_to_every_document(
    client: Client,
    empty_graph: AsyncDriver,
    api_keys: dict[str, str],
    site: LocalSite,
    seed_claim: SeedClaim,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = await build_case(client, api_keys, site, seed_claim)
    ev, docs = {k: v["id"] for k, v in case.evidence.items()}, {k: v["id"] for k, v in case.documents.items()}
    publishers = {k: v["publisher"]["id"] for k, v in case.documents.items()}
    cid, aid, vid = seed_claim["id"], seed_claim["article_id"], case.verdict_id
    asrc = await article_source(empty_graph, aid)

    reads: list[str] = []
    real_read = Graph.run

    async def counting_read(self: Graph, name: Any, /, **params: Any) -> Any:
        if not self.queries.writes(name):  # the webhook dispatcher's lease writes run meanwhile
            reads.append(name.name)
        return await real_read(self, name, **params)

    monkeypatch.setattr(Graph, "run", counting_read)
    trace = await trace_of(client, f"/claims/{cid}/trace", api_keys["auditor"])
    monkeypatch.undo()
    # One query, whatever the depth (besides the API key lookup).
    assert [name for name in reads if not name.startswith("auth/")] == ["trace/trace_provenance"]

    assert trace["root"] == {"label": "Claim", "id": cid} and trace["claim_id"] == cid
    assert trace["truncated"] is False and trace["truncated_at"] == [] and trace["max_depth"] == 10
    core = {
        ("Claim", cid),
        ("Article", aid),
        ("Source", asrc),
        ("Verdict", vid),
        ("Evidence", ev["news"]),
        ("Evidence", ev["ministry"]),
        ("Evidence", ev["readout"]),
        ("Document", docs["report"]),
        ("Document", docs["statement"]),
        ("Document", docs["readout"]),
        *(("Source", publishers[k]) for k in ("report", "statement", "readout")),
    }
    assert by_label(trace, "Claim", "Article", "Source", "Verdict", "Evidence", "Document") == core
    assert ev["extra"] not in {n["id"] for n in trace["nodes"]}  # not cited, rests on nothing cited

    expected_edges = {
        (cid, aid, "APPEARS_IN"),
        (aid, asrc, "PUBLISHED_BY"),
        (vid, cid, "RATES"),
        (vid, ev["news"], "CITES"),
        (vid, ev["readout"], "CITES"),
        (ev["news"], ev["ministry"], "DERIVED_FROM"),
        (ev["ministry"], ev["readout"], "DERIVED_FROM"),
        (docs["report"], docs["statement"], "DERIVED_FROM"),
        (ev["news"], docs["report"], "QUOTES"),
        (ev["ministry"], docs["statement"], "QUOTES"),
        (ev["readout"], docs["readout"], "QUOTES"),
        *((docs[k], publishers[k], "PUBLISHED_BY") for k in ("report", "statement", "readout")),
        *((ev[k], cid, "ABOUT") for k in ("news", "ministry", "readout")),
    }
    about = await events_about(empty_graph, {node_id for _, node_id in core})
    assert edges_of(trace) == expected_edges | about
    assert {n["id"] for n in trace["nodes"] if n["label"] == "Event"} == {e for e, _, _ in about}
    actions = {n["properties"]["action"] for n in trace["nodes"] if n["label"] == "Event"}
    assert {"document.created", "evidence.created", "document.derived_from_added"} <= actions
    assert len(actions) >= 6  # ingestion and the review steps are there too

    users = {n["id"]: n["properties"] for n in trace["nodes"] if n["label"] == "User"}
    named = {n["properties"]["user"] for n in trace["nodes"] if n["label"] == "Event"}
    verdict = node(trace, vid)["properties"]
    assert verdict["state"] == "published" and verdict["rating"] == "mixed"
    named |= {verdict["created_by"], verdict["submitted_by"], verdict["approved_by"]}
    assert set(users) == named and all(set(u) == {"id", "name", "roles"} for u in users.values())

    for key in ("news", "readout"):
        assert node(trace, ev[key])["depth"] == 0
    assert node(trace, ev["ministry"])["depth"] == 1 and node(trace, docs["statement"])["depth"] == 2
    for key, doc_id in docs.items():
        doc = node(trace, doc_id)
        assert doc["intact"] is True and doc["problems"] == [], key
        assert "raw" not in doc["properties"] and "text" not in doc["properties"]
        assert doc["properties"]["sha256"] == case.documents[key]["sha256"]
    assert all(n["intact"] is not False for n in trace["nodes"]) and trace["intact"] is True
    assert node(trace, ev["news"])["properties"]["excerpt"] == case.evidence["news"]["excerpt"]

    # Someone rewrites the ministry statement's stored bytes in the database.
    await empty_graph.execute_query(
        "MATCH (d:Document {id: $id}) SET d.raw = $raw",
        id=docs["statement"],
        raw=b"<html><body><p>The ambassador delivered no message.</p></body></html>",
    )
    after = await trace_of(client, f"/verdicts/{vid}/trace", api_keys["auditor"])
    assert after["intact"] is False
    flags = {key: node(after, doc_id)["intact"] for key, doc_id in docs.items()}
    assert flags == {"report": True, "statement": False, "readout": True}
    assert "the stored bytes hash to" in node(after, docs["statement"])["problems"][0]
    assert all(n["intact"] is not False for n in after["nodes"] if n["id"] != docs["statement"])


async def test_prov_export_is_valid_json_ld(
    client: Client, empty_graph: AsyncDriver, api_keys: dict[str, str], site: LocalSite, seed_claim: SeedClaim
) -> None:
    case = await build_case(client, api_keys, site, seed_claim)
    ev = {k: v["id"] for k, v in case.evidence.items()}
    response = await client.get(
        f"/claims/{seed_claim['id']}/trace", params={"format": "prov"}, headers=bearer(api_keys["auditor"])
    )
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/ld+json")
    document = response.json()
    assert isinstance(document["@context"], dict)  # inline: nothing to fetch

    def no_network(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
        raise AssertionError(f"the export needs {url}")

    expanded = jsonld.expand(document, {"documentLoader": no_network})
    assert expanded
    quads = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": no_network})
    triples = {tuple(line.rstrip(" .").split(" ", 2)) for line in quads.splitlines()}

    def iri(label: str, node_id: str) -> str:
        return f"<urn:factcheck:{label}:{node_id}>"

    verdict, review = iri("verdict", case.verdict_id), f"<urn:factcheck:review:{case.verdict_id}>"
    assert (verdict, f"<{PROV}wasGeneratedBy>", review) in triples
    assert (review, f"<{RDF_TYPE}>", f"<{PROV}Activity>") in triples
    assert (verdict, f"<{RDF_TYPE}>", f"<{PROV}Entity>") in triples
    agents = {o for s, p, o in triples if s == review and p == f"<{PROV}wasAssociatedWith>"}
    assert len(agents) == 2  # the checker who drafted and submitted, the editor who approved
    assert all((agent, f"<{RDF_TYPE}>", f"<{PROV}Agent>") in triples for agent in agents)
    for key in ("news", "readout"):
        assert (verdict, f"<{PROV}wasDerivedFrom>", iri("evidence", ev[key])) in triples
    news = iri("evidence", ev["news"])
    assert (news, f"<{PROV}wasDerivedFrom>", iri("evidence", ev["ministry"])) in triples
    report = iri("document", case.documents["report"]["id"])
    assert (news, f"<{PROV}wasDerivedFrom>", report) in triples
    assert (news, f"<{PROV}wasQuotedFrom>", report) in triples
    publisher = iri("source", case.documents["report"]["publisher"]["id"])
    assert (report, f"<{PROV}wasAttributedTo>", publisher) in triples
    assert (publisher, f"<{RDF_TYPE}>", f"<{PROV}Agent>") in triples
    assert any(p == f"<{PROV}startedAtTime>" and "XMLSchema#dateTime" in o for _, p, o in triples)


async def test_superseded_versions_and_verdict_traces(
    client: Client, empty_graph: AsyncDriver, api_keys: dict[str, str], site: LocalSite, seed_claim: SeedClaim
) -> None:
    case = await build_case(client, api_keys, site, seed_claim)
    cid, first = seed_claim["id"], case.verdict_id
    review = Review(client, api_keys)
    await review.act(cid, "reopen", "editor", reason="the embassy readout needs a second look")
    second = await review.publish(cid, [case.evidence["news"]["id"]], rating="mostly_true")

    claim_trace = await trace_of(client, f"/claims/{cid}/trace", api_keys["editor"])
    assert by_label(claim_trace, "Verdict") == {("Verdict", first), ("Verdict", second)}
    assert (second, first, "SUPERSEDES") in edges_of(claim_trace)
    assert node(claim_trace, first)["properties"]["state"] == "superseded"

    newest = await trace_of(client, f"/verdicts/{second}/trace", api_keys["auditor"])
    assert newest["root"] == {"label": "Verdict", "id": second} and newest["claim_id"] == cid
    assert by_label(newest, "Verdict") == {("Verdict", first), ("Verdict", second)}
    oldest = await trace_of(client, f"/verdicts/{first}/trace", api_keys["auditor"])
    assert by_label(oldest, "Verdict") == {("Verdict", first)}
    assert ("Evidence", case.evidence["readout"]["id"]) in by_label(oldest, "Evidence")

    prov = (
        await client.get(f"/verdicts/{second}/trace?format=prov", headers=bearer(api_keys["auditor"]))
    ).json()
    quads = jsonld.to_rdf(prov, {"format": "application/n-quads"})
    assert (
        f"<urn:factcheck:verdict:{second}> <{PROV}wasRevisionOf> <urn:factcheck:verdict:{first}> ." in quads
    )


@pytest.fixture
async def shallow_client(settings: Settings, api_keys: dict[str, str]) -> AsyncIterator[Client]:
    """The app with FACTCHECK_TRACE_MAX_DEPTH=1."""
    async with AsyncTestClient(app=create_app(settings.model_copy(update={"trace_max_depth": 1}))) as shallow:
        shallow.headers.update(bearer(api_keys["admin"]))
        yield shallow


async def test_the_depth_bound_cuts_chains_and_says_where(
    client: Client,
    shallow_client: Client,
    empty_graph: AsyncDriver,
    api_keys: dict[str, str],
    site: LocalSite,
    seed_claim: SeedClaim,
) -> None:
    case: Case = await build_case(client, api_keys, site, seed_claim)
    trace = await trace_of(shallow_client, f"/claims/{seed_claim['id']}/trace", api_keys["auditor"])
    statement = case.documents["statement"]["id"]
    assert trace["max_depth"] == 1 and trace["truncated"] is True
    # The statement is two steps from the cited evidence: both routes to it stop one short.
    assert trace["truncated_at"] == sorted([case.evidence["ministry"]["id"], case.documents["report"]["id"]])
    assert statement not in {n["id"] for n in trace["nodes"]}
    assert max(n["depth"] or 0 for n in trace["nodes"]) == 1
    assert all(statement not in (e["source"], e["target"]) for e in trace["edges"])


async def test_tampered_excerpts_and_texts_show(
    client: Client, empty_graph: AsyncDriver, api_keys: dict[str, str], site: LocalSite, seed_claim: SeedClaim
) -> None:
    case = await build_case(client, api_keys, site, seed_claim)
    news, readout_doc = case.evidence["news"]["id"], case.documents["readout"]["id"]
    await empty_graph.execute_query(
        "MATCH (e:Evidence {id: $id}) SET e.excerpt = replace(e.excerpt, 'January 24', 'January 25')", id=news
    )
    await empty_graph.execute_query(
        "MATCH (d:Document {id: $id}) SET d.text = replace(d.text, 'January 23', 'January 24')",
        id=readout_doc,
    )
    trace = await trace_of(client, f"/claims/{seed_claim['id']}/trace", api_keys["auditor"])
    assert trace["intact"] is False
    assert node(trace, news)["problems"] == [
        "the excerpt is not the quoted document's text at start..end",
        "the excerpt differs from the one its creation event recorded",
    ]
    assert node(trace, readout_doc)["intact"] is False
    assert node(trace, case.evidence["readout"]["id"])["intact"] is False  # its passage changed too
    assert node(trace, case.documents["report"]["id"])["intact"] is True


async def test_permissions_and_unknown_ids(
    client: Client, empty_graph: AsyncDriver, api_keys: dict[str, str], seed_claim: SeedClaim
) -> None:
    path = f"/claims/{seed_claim['id']}/trace"
    for role, status in (
        ("reader", 403),
        ("checker", 403),
        ("editor", 200),
        ("auditor", 200),
        ("admin", 200),
    ):
        assert (await client.get(path, headers=bearer(api_keys[role]))).status_code == status, role
    empty = await trace_of(client, path, api_keys["auditor"])
    assert by_label(empty, "Verdict", "Evidence", "Document") == set() and empty["intact"] is True
    assert (await client.get("/claims/nope/trace")).status_code == 404
    missing = await client.get("/verdicts/nope/trace")
    assert missing.status_code == 404 and missing.json()["verdict_id"] == "nope"
    assert (await client.get(f"{path}?format=xml")).status_code == 422
