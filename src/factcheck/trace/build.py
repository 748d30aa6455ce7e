"""Turns the trace query's row into a Trace: dedupes, cuts at the bound, checks integrity."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.graph.store import Row
from factcheck.trace.integrity import document_problems, event_problems, evidence_problems, recorded_data
from factcheck.trace.schemas import Trace, TraceEdge, TraceLabel, TraceNode, TraceRoot

__all__ = ["build_trace", "plain"]

_CHAIN_TYPES = frozenset({"DERIVED_FROM", "QUOTES"})
_HIDDEN = {"Document": frozenset({"raw", "text"}), "Article": frozenset({"text"})}
_ORDER: dict[str, int] = {
    label: i
    for i, label in enumerate(
        ["Claim", "Article", "Source", "Verdict", "Evidence", "Document", "Event", "User"]
    )
}


def plain(value: Any) -> Any:
    """`value` with Neo4j temporal values as ISO strings, recursively."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    iso_format = getattr(value, "iso_format", None)
    if callable(iso_format):
        return iso_format()
    return value


def _visible(label: str, properties: Mapping[str, Any]) -> dict[str, Any]:
    hidden = _HIDDEN.get(label, frozenset())
    return {k: plain(v) for k, v in properties.items() if k not in hidden and not isinstance(v, bytes)}


def _sort_key(node: TraceNode) -> tuple[int, int, int, str]:
    props = node.properties
    rank = props.get("seq") or props.get("version") or 0
    return (_ORDER[node.label], node.depth or 0, rank if isinstance(rank, int) else 0, node.id)


class _Builder:
    def __init__(self, row: Row) -> None:
        self.nodes: dict[str, TraceNode] = {}
        self.events: list[dict[str, Any]] = [dict(event) for event in row["events"]]
        # What each creation event recorded, by the id of the node it created.
        self.recorded: dict[str, dict[str, Any]] = {
            str(event.get("subject")): recorded_data(event)
            for event in self.events
            if str(event.get("action", "")).endswith(".created")
        }

    def add(self, label: TraceLabel, properties: Mapping[str, Any], **extra: Any) -> None:
        node_id = str(properties.get("id"))
        if node_id not in self.nodes:
            self.nodes[node_id] = TraceNode(
                id=node_id, label=label, properties=_visible(label, properties), **extra
            )

    def add_all(self, label: TraceLabel, rows: Iterable[Mapping[str, Any]]) -> None:
        for properties in rows:
            self.add(label, properties)


def _edges(
    raw_edges: Iterable[Mapping[str, Any]], nodes: Mapping[str, TraceNode]
) -> tuple[list[TraceEdge], set[str]]:
    edges: dict[tuple[str, str, str], TraceEdge] = {}
    cut: set[str] = set()
    for edge in raw_edges:
        source, target, kind = str(edge["source"]), str(edge["target"]), str(edge["type"])
        if source not in nodes:
            continue
        if target not in nodes:
            if kind in _CHAIN_TYPES:
                cut.add(source)
            continue
        edges.setdefault(
            (source, target, kind),
            TraceEdge(
                source=source, target=target, type=kind, properties=plain(edge.get("properties") or {})
            ),
        )
    return sorted(edges.values(), key=lambda e: (e.type, e.source, e.target)), cut


def build_trace(row: Row, root: TraceRoot, max_depth: int) -> Trace:
    """The trace of one query row; integrity is checked against the stored hashes here."""
    builder = _Builder(row)
    builder.add("Claim", row["claim"])
    builder.add_all("Article", row["articles"])
    builder.add_all("Source", row["sources"])
    builder.add_all("Verdict", row["verdicts"])
    texts: dict[str, str] = {}
    evidence_rows: list[Mapping[str, Any]] = []
    for hit in row["chain"]:
        props = hit["properties"]
        if hit["label"] == "Document":
            problems = document_problems(props, builder.recorded.get(str(props.get("id"))))
            builder.add("Document", props, depth=hit["depth"], intact=not problems, problems=problems)
            if isinstance(props.get("text"), str):
                texts[str(props["id"])] = props["text"]
        else:
            evidence_rows.append(props)
            builder.add("Evidence", props, depth=hit["depth"])
    for event in builder.events:
        problems = event_problems(event)
        builder.add("Event", event, intact=not problems, problems=problems)
    builder.add_all("User", row["users"])
    edges, cut = _edges(row["edges"], builder.nodes)
    quoted = {edge.source: edge.target for edge in edges if edge.type == "QUOTES"}
    for props in evidence_rows:
        node = builder.nodes[str(props["id"])]
        text = texts.get(quoted.get(node.id, ""))
        node.problems = evidence_problems(props, text, builder.recorded.get(node.id))
        node.intact = not node.problems
    nodes = sorted(builder.nodes.values(), key=_sort_key)
    return Trace(
        root=root,
        claim_id=str(row["claim_id"]),
        max_depth=max_depth,
        truncated=bool(cut),
        truncated_at=sorted(cut),
        intact=all(node.intact is not False for node in nodes),
        nodes=nodes,
        edges=edges,
    )
