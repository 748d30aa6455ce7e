"""The trace response: a subgraph of nodes and edges, with integrity flags."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

__all__ = ["Trace", "TraceEdge", "TraceLabel", "TraceNode", "TraceRoot"]

TraceLabel = Literal["Claim", "Article", "Source", "Verdict", "Evidence", "Document", "Event", "User"]


class TraceNode(BaseModel):
    """A node of the trace with its stored properties (document bytes and texts left out)."""

    id: str
    label: TraceLabel
    properties: dict[str, Any]
    depth: int | None = Field(
        default=None, description="DERIVED_FROM / QUOTES steps from the nearest cited evidence"
    )
    intact: bool | None = Field(
        default=None,
        description="Documents: the stored bytes and text hash to their recorded sha256s. Evidence: "
        "the excerpt is the quoted text at its offsets. Events: the event hashes to its `hash`.",
    )
    problems: list[str] = Field(default_factory=list, description="why `intact` is false")


class TraceEdge(BaseModel):
    """A relationship between two nodes of the trace."""

    source: str
    target: str
    type: str
    properties: dict[str, Any] = Field(default_factory=dict)


class TraceRoot(BaseModel):
    """Where the trace starts."""

    label: Literal["Claim", "Verdict"]
    id: str


class Trace(BaseModel):
    """Everything a claim's (or a verdict's) verdicts rest on, and who did what, when."""

    root: TraceRoot
    claim_id: str
    max_depth: int = Field(description="the DERIVED_FROM / QUOTES depth followed (FACTCHECK_TRACE_MAX_DEPTH)")
    truncated: bool = Field(description="true when the depth bound cut at least one chain")
    truncated_at: list[str] = Field(
        default_factory=list, description="nodes whose chains continue beyond the bound"
    )
    intact: bool = Field(description="true when every document, evidence item and event is intact")
    nodes: list[TraceNode]
    edges: list[TraceEdge]
