"""Claim, actor and source shapes shared by the article and claim endpoints."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from factcheck.cleantext import CleanText

__all__ = [
    "ActorRef",
    "AlreadyChecked",
    "Claim",
    "ClaimCreate",
    "ClaimDetail",
    "ClaimPage",
    "DuplicateCandidate",
    "Repeat",
    "SourceRef",
]


class SourceRef(BaseModel):
    """A publisher, or an outlet or body a claim is reported by."""

    id: str
    name: str
    kind: str | None = None
    domain: str | None = None


class ActorRef(BaseModel):
    """A person, organisation, government, armed group or country."""

    id: str
    name: str
    kind: str | None = None
    title: str | None = None
    aliases: list[str] = Field(default_factory=list)
    affiliated_with: list[str] = Field(default_factory=list, description="ids of actors this one belongs to")


class AlreadyChecked(BaseModel):
    """A published verdict (own or imported) on a claim that a new claim repeats."""

    verdict_id: str
    claim_id: str = Field(description="the claim the verdict rates")
    rating: str | None = None
    similarity: float = Field(ge=0, le=1)


class Repeat(BaseModel):
    """An earlier claim a new claim was linked to at ingest, as a suggestion to confirm."""

    claim_id: str
    relation: Literal["same_as", "similar_to"]
    similarity: float = Field(ge=0, le=1)


class Claim(BaseModel):
    """A claim: the unit of review. `start`/`end` index the article text when it has one."""

    id: str
    text: str
    kind: str
    checkworthiness: float = Field(ge=0, le=1)
    reasons: list[str] = Field(default_factory=list, description="features that set the score")
    start: int | None = None
    end: int | None = None
    article_id: str | None = None
    state: str
    version: int
    assignee: str | None = None
    created_at: str | None = None
    stated_by: list[str] = Field(default_factory=list, description="actor ids")
    reported_by: list[str] = Field(default_factory=list, description="source ids")
    mentions: list[str] = Field(default_factory=list, description="actor ids")
    already_checked: AlreadyChecked | None = Field(
        default=None, description="in the ingest answer: a published verdict this new claim repeats"
    )
    repeats: list[Repeat] = Field(default_factory=list, description="in the ingest answer: links suggested")


class ArticleSpan(BaseModel):
    """Where a claim sits in its article."""

    article_id: str
    title: str | None = None
    url: str | None = None
    start: int
    end: int
    context: str = Field(description="the sentence-level span, article.text[start:end]")


class DuplicateCandidate(BaseModel):
    """An existing claim that full-text search finds close to a new one."""

    id: str
    text: str
    state: str
    score: float


class ClaimDetail(Claim):
    """A claim with its actors, sources, span and the actions the caller may take now."""

    span: ArticleSpan | None = None
    actors: list[ActorRef] = Field(default_factory=list)
    sources: list[SourceRef] = Field(default_factory=list)
    actions: list[str] = Field(default_factory=list)
    duplicates: list[DuplicateCandidate] | None = None


class ClaimPage(BaseModel):
    """A page of claims; pass `next_cursor` as `cursor` for the next one."""

    items: list[Claim]
    next_cursor: str | None = None


class ClaimCreate(BaseModel):
    """A claim the extractor missed: a span of an article, or free text with a claimant."""

    model_config = ConfigDict(extra="forbid")

    article_id: str | None = None
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    text: CleanText | None = Field(default=None, max_length=5000)
    claimant: CleanText | None = Field(default=None, max_length=300, description="who made the claim")
    kind: str | None = Field(default=None, max_length=40)
    check_duplicates: bool = Field(default=False, description="flag likely duplicates by full-text score")

    @model_validator(mode="after")
    def _span_or_text(self) -> ClaimCreate:
        if self.article_id is not None:
            if self.start is None or self.end is None:
                raise ValueError("a claim in an article needs `start` and `end` offsets")
            if self.end <= self.start:
                raise ValueError("`end` must be greater than `start`")
        elif not (self.text and self.text.strip()):
            raise ValueError("give either `article_id` with `start`/`end`, or a non-empty `text`")
        return self
