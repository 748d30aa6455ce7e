"""The PROV-O JSON-LD export: valid JSON-LD with an inline context, and the PROV terms."""

from __future__ import annotations

from typing import Any

import pytest
from pyld import jsonld

from factcheck.exports.prov import PROV_CONTEXT, node_iri, trace_to_prov
from factcheck.trace.schemas import Trace, TraceEdge, TraceNode, TraceRoot

PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def n(label: Any, node_id: str, **props: Any) -> TraceNode:
    return TraceNode(id=node_id, label=label, properties={"id": node_id, **props})


def e(source: str, target: str, kind: str) -> TraceEdge:
    return TraceEdge(source=source, target=target, type=kind)


TRACE = Trace(
    root=TraceRoot(label="Claim", id="c1"),
    claim_id="c1",
    max_depth=10,
    truncated=False,
    intact=True,
    nodes=[
        n("Claim", "c1", text="Talks took place on January 24.", kind="event"),
        n("Article", "a1", title="Talks", url="https://example.org/a"),
        n("Source", "s1", name="Outlet", kind="outlet"),
        n("Source", "s2", name="Ministry", kind="website", domain="mofa.gov.iq"),
        n(
            "Verdict",
            "v2",
            rating="mixed",
            version=2,
            state="published",
            created_by="u1",
            submitted_by="u1",
            approved_by="u2",
            created_at="2024-01-26T10:00:00+00:00",
            published_at="2024-01-26T12:00:00+00:00",
        ),
        n("Verdict", "v1", rating="false", version=1, state="superseded", created_by="u1"),
        n("Evidence", "e1", stance="supports", excerpt="January 24", start=24, end=34, created_by="u1"),
        n("Evidence", "e2", stance="refutes", excerpt="January 23", start=5, end=15, created_by="u1"),
        n(
            "Document",
            "d1",
            title="Statement",
            sha256="ab",
            retrieved_at="2024-01-25T09:00:00+00:00",
            url="https://mofa.gov.iq/s",
        ),
        n(
            "Event",
            "ev1",
            seq=1,
            at="2024-01-25T09:00:01+00:00",
            user="u1",
            action="document.created",
            hash="x",
        ),
        n("User", "u1", name="checker", roles=["checker"]),
        n("User", "u2", name="editor", roles=["editor"]),
    ],
    edges=[
        e("c1", "a1", "APPEARS_IN"),
        e("a1", "s1", "PUBLISHED_BY"),
        e("v2", "c1", "RATES"),
        e("v1", "c1", "RATES"),
        e("v2", "v1", "SUPERSEDES"),
        e("v2", "e1", "CITES"),
        e("v1", "e2", "CITES"),
        e("e1", "d1", "QUOTES"),
        e("e1", "e2", "DERIVED_FROM"),
        e("d1", "s2", "PUBLISHED_BY"),
        e("ev1", "d1", "ABOUT"),
    ],
)


def no_network(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    raise AssertionError(f"the export made the reader fetch {url}")


@pytest.fixture(scope="module")
def triples() -> set[tuple[str, str, str]]:
    quads = jsonld.to_rdf(
        trace_to_prov(TRACE), {"format": "application/n-quads", "documentLoader": no_network}
    )
    return {tuple(line.rstrip(" .").split(" ", 2)) for line in quads.splitlines()}  # type: ignore[misc]


def iri(label: str, node_id: str) -> str:
    return f"<{node_iri(label, node_id)}>"


def test_the_export_expands_without_the_network() -> None:
    document = trace_to_prov(TRACE)
    assert document["@context"] is PROV_CONTEXT
    expanded = jsonld.expand(document, {"documentLoader": no_network})
    ids = {item["@id"] for item in expanded}
    assert node_iri("Verdict", "v2") in ids and "urn:factcheck:review:v2" in ids
    verdict = next(item for item in expanded if item["@id"] == node_iri("Verdict", "v2"))
    assert verdict[f"{PROV}wasGeneratedBy"] == [{"@id": "urn:factcheck:review:v2"}]
    assert f"{PROV}Entity" in verdict["@type"]


def test_verdict_review_and_reviewers(triples: set[tuple[str, str, str]]) -> None:
    review = "<urn:factcheck:review:v2>"
    assert (iri("Verdict", "v2"), f"<{PROV}wasGeneratedBy>", review) in triples
    assert (review, RDF_TYPE, f"<{PROV}Activity>") in triples
    for user in ("u1", "u2"):
        assert (review, f"<{PROV}wasAssociatedWith>", iri("User", user)) in triples
        assert (iri("User", user), RDF_TYPE, f"<{PROV}Agent>") in triples
    assert (review, f"<{PROV}used>", iri("Claim", "c1")) in triples
    assert (
        review,
        f"<{PROV}endedAtTime>",
        '"2024-01-26T12:00:00+00:00"^^<http://www.w3.org/2001/XMLSchema#dateTime>',
    ) in triples


def test_derivations_revisions_and_attributions(triples: set[tuple[str, str, str]]) -> None:
    derived = f"<{PROV}wasDerivedFrom>"
    assert (iri("Verdict", "v2"), derived, iri("Evidence", "e1")) in triples
    assert (iri("Evidence", "e1"), derived, iri("Document", "d1")) in triples
    assert (iri("Evidence", "e1"), derived, iri("Evidence", "e2")) in triples
    assert (iri("Evidence", "e1"), f"<{PROV}wasQuotedFrom>", iri("Document", "d1")) in triples
    assert (iri("Verdict", "v2"), f"<{PROV}wasRevisionOf>", iri("Verdict", "v1")) in triples
    assert (iri("Document", "d1"), f"<{PROV}wasAttributedTo>", iri("Source", "s2")) in triples
    assert (iri("Article", "a1"), f"<{PROV}wasAttributedTo>", iri("Source", "s1")) in triples
    assert (iri("Source", "s2"), RDF_TYPE, f"<{PROV}Organization>") in triples
    assert (iri("Claim", "c1"), f"<{PROV}wasQuotedFrom>", iri("Article", "a1")) in triples


def test_audit_events_are_activities(triples: set[tuple[str, str, str]]) -> None:
    event = iri("Event", "ev1")
    assert (event, RDF_TYPE, f"<{PROV}Activity>") in triples
    assert (event, f"<{PROV}wasAssociatedWith>", iri("User", "u1")) in triples
    assert (event, "<https://factcheck.dev/ns#about>", iri("Document", "d1")) in triples
