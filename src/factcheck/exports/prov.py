"""A trace as W3C PROV-O in JSON-LD, with its @context inline (nothing is fetched to read it).

- Claims, articles, verdicts, evidence and documents are `prov:Entity`.
- Each verdict `prov:wasGeneratedBy` a review `prov:Activity` that `prov:used` the claim and
  the cited evidence and `prov:wasAssociatedWith` its reviewers (`prov:Agent`, `prov:Person`).
- A verdict `prov:wasDerivedFrom` each evidence item it cites and `prov:wasRevisionOf` the
  version it supersedes. Evidence `prov:wasQuotedFrom` (and `prov:wasDerivedFrom`) its
  document, and both `prov:wasDerivedFrom` what they derive from.
- Documents and articles `prov:wasAttributedTo` their source (`prov:Organization`).
- Each audit event is a `prov:Activity` at its time, associated with its user.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from factcheck.trace.schemas import Trace, TraceNode

__all__ = ["PROV_CONTEXT", "node_iri", "trace_to_prov"]

FC = "https://factcheck.dev/ns#"
_ID = {"@type": "@id"}
_TIME = {"@type": "xsd:dateTime"}
PROV_CONTEXT: dict[str, Any] = {
    "prov": "http://www.w3.org/ns/prov#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "fc": FC,
    "label": "rdfs:label",
    **{
        term: {"@id": f"prov:{term}", **_ID}
        for term in (
            "wasGeneratedBy",
            "wasAssociatedWith",
            "wasAttributedTo",
            "wasDerivedFrom",
            "wasQuotedFrom",
            "wasRevisionOf",
            "used",
        )
    },
    **{
        term: {"@id": f"prov:{term}", **_TIME} for term in ("startedAtTime", "endedAtTime", "generatedAtTime")
    },
    "about": {"@id": "fc:about", **_ID},
    "rates": {"@id": "fc:rates", **_ID},
    "url": {"@id": "fc:url", **_ID},
    "intact": {"@id": "fc:intact", "@type": "xsd:boolean"},
}
# Node properties copied as fc: literals.
_LITERALS: dict[str, tuple[str, ...]] = {
    "Claim": ("text", "kind", "state"),
    "Article": ("title", "sha256"),
    "Source": ("kind", "domain"),
    "Verdict": ("rating", "summary", "state", "version"),
    "Evidence": ("stance", "excerpt", "start", "end", "note"),
    "Document": ("title", "content_type", "sha256", "text_sha256"),
    "Event": ("seq", "action", "subject_type", "from_state", "to_state", "prev_hash", "hash"),
}
_TYPES = {
    "Claim": ["prov:Entity", "fc:Claim"],
    "Article": ["prov:Entity", "fc:Article"],
    "Source": ["prov:Agent", "prov:Organization", "fc:Source"],
    "Verdict": ["prov:Entity", "fc:Verdict"],
    "Evidence": ["prov:Entity", "fc:Evidence"],
    "Document": ["prov:Entity", "fc:Document"],
    "Event": ["prov:Activity", "fc:AuditEvent"],
    "User": ["prov:Agent", "prov:Person"],
}


def node_iri(label: str, node_id: str) -> str:
    """The IRI a node has in the export: `urn:factcheck:<label>:<id>`."""
    return f"urn:factcheck:{label.lower()}:{node_id}"


def _review_iri(verdict_id: str) -> str:
    return f"urn:factcheck:review:{verdict_id}"


class _Graph:
    def __init__(self, trace: Trace) -> None:
        self.labels = {node.id: node.label for node in trace.nodes}
        self.out: dict[tuple[str, str], list[str]] = defaultdict(list)
        for edge in trace.edges:
            self.out[(edge.source, edge.type)].append(edge.target)

    def iri(self, node_id: str) -> str:
        return node_iri(self.labels[node_id], node_id)

    def targets(self, node_id: str, kind: str) -> list[str]:
        return [self.iri(target) for target in self.out.get((node_id, kind), [])]

    def user(self, user_id: Any) -> list[str]:
        return [node_iri("User", str(user_id))] if user_id and self.labels.get(str(user_id)) == "User" else []


def _put(item: dict[str, Any], key: str, values: list[str]) -> None:
    if values:
        item[key] = values if len(values) > 1 else values[0]


def _entity(node: TraceNode, graph: _Graph) -> list[dict[str, Any]]:
    props = node.properties
    item: dict[str, Any] = {"@id": graph.iri(node.id), "@type": _TYPES[node.label]}
    for key in _LITERALS.get(node.label, ()):
        if props.get(key) is not None:
            item[f"fc:{key}"] = props[key]
    if node.intact is not None:
        item["intact"] = node.intact
    extra: list[dict[str, Any]] = []
    derived = graph.targets(node.id, "DERIVED_FROM")
    if node.label == "Claim":
        _put(item, "wasQuotedFrom", graph.targets(node.id, "APPEARS_IN"))
    elif node.label in ("Article", "Document"):
        _put(item, "wasAttributedTo", graph.targets(node.id, "PUBLISHED_BY"))
        if props.get("url"):
            item["url"] = props["url"]
        if props.get("retrieved_at"):
            item["generatedAtTime"] = props["retrieved_at"]
    elif node.label == "Evidence":
        quoted = graph.targets(node.id, "QUOTES")
        _put(item, "wasQuotedFrom", quoted)
        derived = quoted + derived
        _put(item, "wasAttributedTo", graph.user(props.get("created_by")))
        if props.get("created_at"):
            item["generatedAtTime"] = props["created_at"]
    elif node.label == "Verdict":
        cited = graph.targets(node.id, "CITES")
        derived = cited
        review: dict[str, Any] = {"@id": _review_iri(node.id), "@type": ["prov:Activity", "fc:Review"]}
        _put(review, "used", graph.targets(node.id, "RATES") + cited)
        reviewers = [props.get(k) for k in ("created_by", "submitted_by", "approved_by")]
        _put(review, "wasAssociatedWith", sorted({iri for uid in reviewers for iri in graph.user(uid)}))
        if props.get("created_at"):
            review["startedAtTime"] = props["created_at"]
        if props.get("published_at") or props.get("submitted_at"):
            review["endedAtTime"] = props.get("published_at") or props.get("submitted_at")
        item["wasGeneratedBy"] = review["@id"]
        _put(item, "rates", graph.targets(node.id, "RATES"))
        _put(item, "wasRevisionOf", graph.targets(node.id, "SUPERSEDES"))
        _put(item, "wasAttributedTo", graph.user(props.get("created_by")))
        extra.append(review)
    _put(item, "wasDerivedFrom", derived)
    return [item, *extra]


def _event(node: TraceNode, graph: _Graph) -> dict[str, Any]:
    item = _entity(node, graph)[0]
    at = node.properties.get("at")
    if at:
        item["startedAtTime"] = item["endedAtTime"] = at
    _put(item, "wasAssociatedWith", graph.user(node.properties.get("user")))
    _put(item, "about", graph.targets(node.id, "ABOUT"))
    return item


def _agent(node: TraceNode) -> dict[str, Any]:
    name = node.properties.get("name")
    item: dict[str, Any] = {"@id": node_iri(node.label, node.id), "@type": _TYPES[node.label]}
    if name:
        item["label"] = name
    if node.label == "Source":
        for key in _LITERALS["Source"]:
            if node.properties.get(key):
                item[f"fc:{key}"] = node.properties[key]
    return item


def trace_to_prov(trace: Trace) -> dict[str, Any]:
    """The trace as a JSON-LD document of PROV-O statements, with an inline @context."""
    graph = _Graph(trace)
    items: list[dict[str, Any]] = []
    for node in trace.nodes:
        if node.label in ("User", "Source"):
            items.append(_agent(node))
        elif node.label == "Event":
            items.append(_event(node, graph))
        else:
            items.extend(_entity(node, graph))
    summary = {
        "@id": node_iri(trace.root.label, trace.root.id) + "#trace",
        "@type": "fc:Trace",
        "fc:root": {"@id": node_iri(trace.root.label, trace.root.id)},
        "fc:maxDepth": trace.max_depth,
        "fc:truncated": trace.truncated,
        "intact": trace.intact,
    }
    return {"@context": PROV_CONTEXT, "@graph": [summary, *items]}
