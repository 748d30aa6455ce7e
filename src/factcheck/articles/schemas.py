"""Article request and response shapes."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from factcheck.claims.schemas import ActorRef, Claim, SourceRef
from factcheck.cleantext import CleanText
from factcheck.timestamps import Timestamp

__all__ = ["Article", "ArticleCreate", "ArticlePage", "ArticleSummary"]


class ArticleCreate(BaseModel):
    """One article: its `text`, its `html`, or a `url` to fetch. Metadata is optional."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    html: str | None = None
    url: HttpUrl | None = None
    title: CleanText | None = Field(default=None, max_length=1000)
    published_at: Timestamp | None = None
    author: CleanText | None = Field(default=None, max_length=500)
    publisher: CleanText | None = Field(default=None, max_length=500)
    language: str | None = Field(default=None, pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")

    @model_validator(mode="after")
    def _one_input(self) -> ArticleCreate:
        if self.text is not None and self.html is not None:
            raise ValueError("give `text` or `html`, not both")
        if self.text is None and self.html is None and self.url is None:
            raise ValueError("give one of `text`, `html` or `url`")
        return self


class ArticleSummary(BaseModel):
    """An article in a list."""

    id: str
    title: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    sha256: str
    published_at: str | None = None
    ingested_at: str | None = None
    publisher: SourceRef | None = None
    claim_count: int = 0


class Article(BaseModel):
    """An article with its claims, the actors they involve and the sources they cite."""

    id: str
    title: str | None = None
    url: str | None = None
    language: str | None = None
    author: str | None = None
    sha256: str = Field(description="sha256 of the normalised text")
    text: str
    published_at: str | None = None
    ingested_at: str | None = None
    ingested_by: str | None = None
    publisher: SourceRef | None = None
    claims: list[Claim]
    actors: list[ActorRef]
    sources: list[SourceRef]


class ArticlePage(BaseModel):
    """A page of articles, newest first; pass `next_cursor` as `cursor` for the next one."""

    items: list[ArticleSummary]
    next_cursor: str | None = None
