"""Lineage request and response shapes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.claims.schemas import SourceRef

__all__ = [
    "Appearance",
    "ClusterLink",
    "ClusterMember",
    "Count",
    "Lineage",
    "LineageVerdict",
    "LinkDecision",
    "LinkOutcome",
]


class LinkDecision(BaseModel):
    """A reviewer's decision on a link between this claim and another."""

    model_config = ConfigDict(extra="forbid")

    other_claim_id: str = Field(min_length=1, max_length=100)
    relation: Literal["same_as", "similar_to"]
    decision: Literal["confirm", "reject"]
    reason: str | None = Field(default=None, max_length=2000)


class LinkOutcome(BaseModel):
    """What the decision stored."""

    claim_id: str
    other_claim_id: str
    relation: Literal["same_as", "similar_to"]
    decision: Literal["confirm", "reject"]
    score: float | None = Field(default=None, description="the similarity the link was suggested with")
    decided_by: str
    decided_at: str


class Named(BaseModel):
    """An actor or source as lineage shows it."""

    id: str
    name: str
    kind: str | None = None
    domain: str | None = None


class ArticleRef(BaseModel):
    """The article a claim appeared in."""

    id: str
    title: str | None = None
    url: str | None = None
    published_at: str | None = None
    ingested_at: str | None = None


class Appearance(BaseModel):
    """One appearance of a cluster's claim: where, when, said by whom, reported by whom."""

    claim_id: str
    text: str
    confirmed: bool = Field(description="joined to the asked claim by confirmed SAME_AS links only")
    at: str | None = Field(description="the article's publication time, else its ingest time")
    article: ArticleRef
    source: SourceRef | None = None
    stated_by: list[Named] = Field(default_factory=list)
    reported_by: list[Named] = Field(default_factory=list)


class ClusterLink(BaseModel):
    """A SAME_AS link out of a member."""

    to: str
    score: float | None = None
    confirmed: bool
    confirmed_by: str | None = None
    confirmed_at: str | None = None


class ClusterMember(BaseModel):
    """A claim of the cluster."""

    id: str
    text: str
    state: str
    external: bool = False
    appearance_url: str | None = None
    confirmed: bool
    links: list[ClusterLink] = Field(default_factory=list)


class LineageVerdict(BaseModel):
    """A verdict standing on a claim of the cluster."""

    id: str
    claim_id: str
    rating: str | None = None
    rating_label: str | None = None
    summary: str | None = None
    external: bool | None = None
    external_url: str | None = None
    published_at: str | None = None


class Count(BaseModel):
    """How many appearances a source published, or an actor stated."""

    id: str
    name: str
    count: int


class Lineage(BaseModel):
    """A claim's SAME_AS cluster: first appearance, every appearance in date order, verdicts, counts."""

    claim_id: str
    as_of: str | None = None
    first_appearance: Appearance | None = None
    appearances: list[Appearance]
    members: list[ClusterMember]
    verdicts: list[LineageVerdict]
    by_source: list[Count]
    by_actor: list[Count]
