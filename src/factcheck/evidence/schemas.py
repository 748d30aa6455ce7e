"""Evidence request and response shapes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, model_validator

from factcheck.documents.schemas import DocumentRef

__all__ = ["STANCES", "Evidence", "EvidenceCreate", "EvidenceList", "Stance"]

Stance = Literal["supports", "refutes", "context"]
STANCES: tuple[Stance, ...] = ("supports", "refutes", "context")


class EvidenceCreate(BaseModel):
    """A stored `document_id` or a `url` to fetch, and the passage as `excerpt` or `start`/`end`.

    With both `excerpt` and offsets, the text at the offsets must equal the excerpt.
    """

    model_config = ConfigDict(extra="forbid")

    document_id: str | None = None
    url: HttpUrl | None = None
    stance: Stance
    excerpt: str | None = Field(default=None, min_length=1, max_length=20_000)
    start: int | None = Field(
        default=None, ge=0, description="offset in the document's text, in Unicode code points"
    )
    end: int | None = Field(default=None, ge=1, description="end offset, exclusive")
    note: str | None = Field(default=None, max_length=10_000)
    derived_from: list[str] = Field(
        default_factory=list, max_length=50, description="ids of evidence or documents this rests on"
    )

    @model_validator(mode="after")
    def _consistent(self) -> EvidenceCreate:
        if (self.document_id is None) == (self.url is None):
            raise ValueError("give exactly one of `document_id` and `url`")
        if (self.start is None) != (self.end is None):
            raise ValueError("give `start` and `end` together")
        if self.excerpt is None and self.start is None:
            raise ValueError("give the quoted passage as `excerpt`, or as `start` and `end`")
        if self.start is not None and self.end is not None and self.start >= self.end:
            raise ValueError("`start` must be less than `end`")
        return self


class Evidence(BaseModel):
    """A passage of a document, read as supporting, refuting or giving context to a claim."""

    id: str
    claim_id: str
    stance: Stance
    excerpt: str = Field(description="exactly `text[start:end]` of the document's extracted text")
    start: int
    end: int
    note: str | None = None
    document: DocumentRef
    derived_from: list[str] = Field(default_factory=list)
    created_by: str | None = None
    created_at: str


class EvidenceList(BaseModel):
    """A claim's evidence by stance, oldest first in each group."""

    claim_id: str
    supports: list[Evidence] = Field(default_factory=list)
    refutes: list[Evidence] = Field(default_factory=list)
    context: list[Evidence] = Field(default_factory=list)
    total: int = 0
