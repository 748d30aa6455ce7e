"""Turning the trace query's row into a Trace: cuts, dedupes and integrity checks."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from neo4j.time import DateTime
from pydantic import ValidationError

from factcheck.audit.chain import canonical_json, event_hash
from factcheck.settings import PROJECT_ROOT, Settings
from factcheck.trace.build import build_trace, plain
from factcheck.trace.repository import DEPTH_CEILING
from factcheck.trace.schemas import TraceRoot

RAW = b"<html><body><p>The talks took place on January 24.</p></body></html>"
TEXT = "The talks took place on January 24."


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def event(seq: int, subject: str, action: str, data: dict[str, Any]) -> dict[str, Any]:
    stored: dict[str, Any] = {
        "id": f"ev{seq}",
        "seq": seq,
        "at": f"2024-01-25T10:0{seq}:00+00:00",
        "user": "u1",
        "action": action,
        "subject": subject,
        "subject_type": "Document",
        "data": canonical_json(data),
        "prev_hash": "",
    }
    stored["hash"] = event_hash("", stored)
    return stored


def row(**changes: Any) -> dict[str, Any]:
    document = {"id": "d1", "raw": RAW, "text": TEXT, "sha256": sha(RAW), "text_sha256": sha(TEXT.encode())}
    evidence = {"id": "e1", "excerpt": "January 24", "start": 24, "end": 34, "stance": "supports"}
    base: dict[str, Any] = {
        "claim_id": "c1",
        "claim": {
            "id": "c1",
            "text": "Talks took place on January 24.",
            "created_at": DateTime(2024, 1, 25, 9, 0, 0),
        },
        "articles": [{"id": "a1", "title": "Talks", "text": None}],
        "sources": [{"id": "s1", "name": "Outlet"}, {"id": "s1", "name": "Outlet"}],
        "verdicts": [{"id": "v1", "state": "published", "version": 1}],
        "chain": [
            {"label": "Evidence", "depth": 0, "properties": evidence},
            {"label": "Document", "depth": 1, "properties": document},
            {"label": "Evidence", "depth": 1, "properties": {**evidence, "id": "e2"}},
        ],
        "events": [
            event(1, "d1", "document.created", {"sha256": sha(RAW), "text_sha256": sha(TEXT.encode())}),
            event(2, "e1", "evidence.created", {"excerpt_sha256": sha(b"January 24")}),
        ],
        "users": [{"id": "u1", "name": "checker", "roles": ["checker"]}],
        "edges": [
            {"source": "c1", "target": "a1", "type": "APPEARS_IN", "properties": {"start": 0, "end": 31}},
            {"source": "a1", "target": "s1", "type": "PUBLISHED_BY"},
            {"source": "v1", "target": "e1", "type": "CITES"},
            {"source": "v1", "target": "e1", "type": "CITES"},
            {"source": "e1", "target": "d1", "type": "QUOTES"},
            {"source": "e1", "target": "e2", "type": "DERIVED_FROM"},
            {"source": "e2", "target": "d1", "type": "QUOTES"},
            {"source": "e2", "target": "e9", "type": "DERIVED_FROM"},  # cut by the depth bound
            {"source": "d1", "target": "s1", "type": "PUBLISHED_BY"},
            {"source": "ev1", "target": "d1", "type": "ABOUT"},
            {"source": "ev2", "target": "e1", "type": "ABOUT"},
            {"source": "ev2", "target": "e7", "type": "ABOUT"},  # about a node outside the trace
        ],
    }
    base.update(changes)
    return base


def test_nodes_edges_and_truncation() -> None:
    trace = build_trace(row(), TraceRoot(label="Claim", id="c1"), 1)
    assert [n.label for n in trace.nodes] == [
        "Claim",
        "Article",
        "Source",
        "Verdict",
        "Evidence",
        "Evidence",
        "Document",
        "Event",
        "Event",
        "User",
    ]
    assert len({(e.source, e.target, e.type) for e in trace.edges}) == len(trace.edges) == 9
    assert trace.truncated is True and trace.truncated_at == ["e2"]
    assert all("e9" not in (e.source, e.target) and "e7" not in (e.source, e.target) for e in trace.edges)
    claim = trace.nodes[0]
    assert claim.properties["created_at"].startswith("2024-01-25T09:00:00")
    document = next(n for n in trace.nodes if n.id == "d1")
    assert "raw" not in document.properties and "text" not in document.properties
    assert "text" not in next(n for n in trace.nodes if n.id == "a1").properties
    assert trace.intact is True and document.intact is True and document.depth == 1
    json.dumps(trace.model_dump())  # plain JSON all the way down


def test_a_changed_snapshot_is_not_intact() -> None:
    tampered = row()
    tampered["chain"][1]["properties"] = {**tampered["chain"][1]["properties"], "raw": RAW + b" "}
    trace = build_trace(tampered, TraceRoot(label="Claim", id="c1"), 10)
    document = next(n for n in trace.nodes if n.id == "d1")
    assert document.intact is False and "the stored bytes hash to" in document.problems[0]
    assert trace.intact is False


def test_rehashed_snapshot_still_differs_from_its_creation_event() -> None:
    # Bytes, text and both stored hashes rewritten consistently: the audit event still knows.
    raw, text = b"<p>No talks took place.</p>", "No talks took place."
    rewritten = row()
    rewritten["chain"][1]["properties"] = {
        "id": "d1",
        "raw": raw,
        "text": text,
        "sha256": sha(raw),
        "text_sha256": sha(text.encode()),
    }
    trace = build_trace(rewritten, TraceRoot(label="Claim", id="c1"), 10)
    document = next(n for n in trace.nodes if n.id == "d1")
    assert document.problems == [
        "the stored sha256 differs from the sha256 its creation event recorded",
        "the stored text_sha256 differs from the text_sha256 its creation event recorded",
    ]
    evidence = next(n for n in trace.nodes if n.id == "e1")
    assert evidence.problems == ["the excerpt is not the quoted document's text at start..end"]


def test_an_edited_event_is_not_intact() -> None:
    edited = row()
    edited["events"][0] = {**edited["events"][0], "user": "someone-else"}
    trace = build_trace(edited, TraceRoot(label="Claim", id="c1"), 10)
    assert next(n for n in trace.nodes if n.id == "ev1").intact is False
    assert next(n for n in trace.nodes if n.id == "ev2").intact is True


def test_plain_converts_temporal_values_recursively() -> None:
    assert plain({"a": [DateTime(2024, 1, 25, 9, 30, 0)], "b": 1}) == {
        "a": ["2024-01-25T09:30:00.000000000"],
        "b": 1,
    }


def test_the_depth_ceiling_matches_the_query_and_the_setting() -> None:
    text = (PROJECT_ROOT / "cypher" / "queries" / "trace" / "trace_provenance.cypher").read_text()
    assert f"{{0,{DEPTH_CEILING}}}" in text
    assert Settings(_env_file=None, trace_max_depth=DEPTH_CEILING).trace_max_depth == DEPTH_CEILING  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        Settings(_env_file=None, trace_max_depth=DEPTH_CEILING + 1)  # type: ignore[call-arg]
