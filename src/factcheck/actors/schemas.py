"""Actor and source detail shapes."""

from __future__ import annotations

from pydantic import BaseModel, Field

__all__ = ["ActorDetail", "ArticleLink", "ClaimLink", "NodeLink", "SourceDetail"]


class ClaimLink(BaseModel):
    """A claim tied to an actor or source."""

    id: str
    text: str
    kind: str
    state: str
    checkworthiness: float
    role: str | None = Field(default=None, description="stated_by or mentions, for actors")


class NodeLink(BaseModel):
    """Another actor."""

    id: str
    name: str
    kind: str | None = None


class ArticleLink(BaseModel):
    """An article a source published."""

    id: str
    title: str | None = None
    url: str | None = None


class ActorDetail(BaseModel):
    """An actor with its claims and affiliations."""

    id: str
    key: str
    name: str
    kind: str | None = None
    title: str | None = None
    aliases: list[str] = Field(default_factory=list)
    affiliated_with: list[NodeLink] = Field(default_factory=list)
    members: list[NodeLink] = Field(default_factory=list)
    claims: list[ClaimLink]


class SourceDetail(BaseModel):
    """A source with the claims it reports and the articles it published."""

    id: str
    key: str
    name: str
    kind: str | None = None
    domain: str | None = None
    claims: list[ClaimLink]
    articles: list[ArticleLink]
