"""Verdict request and response shapes, and the rating scale."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from factcheck.verdicts.lifecycle import VerdictState

__all__ = ["Rating", "Verdict", "VerdictCreate", "VerdictHistory", "VerdictState", "VerdictUpdate"]

MAX_CITED = 100


class Rating(StrEnum):
    """How true a claim is, from `true` down to `false`, or why it cannot be placed there."""

    TRUE = "true"
    MOSTLY_TRUE = "mostly_true"
    MIXED = "mixed"
    MOSTLY_FALSE = "mostly_false"
    FALSE = "false"
    MISLEADING = "misleading"
    UNVERIFIABLE = "unverifiable"


def _unique_ids(ids: list[str] | None) -> list[str] | None:
    if ids is None:
        return None
    cleaned = [i.strip() for i in ids]
    if any(not i for i in cleaned):
        raise ValueError("evidence ids must not be blank")
    return list(dict.fromkeys(cleaned))


class VerdictCreate(BaseModel):
    """A new draft verdict on a claim, citing evidence about that claim."""

    model_config = ConfigDict(extra="forbid")

    rating: Rating
    summary: str = Field(min_length=1, max_length=5000)
    evidence_ids: list[str] = Field(
        default_factory=list, max_length=MAX_CITED, description="Evidence about this claim"
    )

    @field_validator("summary")
    @classmethod
    def _summary_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the summary must not be blank")
        return value.strip()

    @field_validator("evidence_ids")
    @classmethod
    def _dedupe(cls, value: list[str]) -> list[str]:
        return _unique_ids(value) or []


class VerdictUpdate(BaseModel):
    """Changes to a draft; a submitted verdict is never edited (make a new draft instead)."""

    model_config = ConfigDict(extra="forbid")

    rating: Rating | None = None
    summary: str | None = Field(default=None, min_length=1, max_length=5000)
    evidence_ids: list[str] | None = Field(default=None, max_length=MAX_CITED)

    @field_validator("summary")
    @classmethod
    def _summary_not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("the summary must not be blank")
        return value.strip() if value is not None else None

    @field_validator("evidence_ids")
    @classmethod
    def _dedupe(cls, value: list[str] | None) -> list[str] | None:
        return _unique_ids(value)

    @model_validator(mode="after")
    def _something(self) -> VerdictUpdate:
        if self.rating is None and self.summary is None and self.evidence_ids is None:
            raise ValueError("give at least one of `rating`, `summary`, `evidence_ids`")
        return self


class Verdict(BaseModel):
    """One version of a claim's verdict. Timestamps are ISO 8601 strings."""

    id: str
    claim_id: str
    rating: Rating
    summary: str
    version: int
    state: VerdictState
    evidence_ids: list[str] = Field(default_factory=list)
    under_review: bool = Field(
        default=False, description="published, while the claim has been reopened for a new verdict"
    )
    created_by: str
    created_at: str
    submitted_by: str | None = None
    submitted_at: str | None = None
    approved_by: str | None = None
    published_at: str | None = None
    superseded_at: str | None = None
    withdrawn_by: str | None = None
    withdrawn_at: str | None = None
    withdrawn_reason: str | None = None
    supersedes: str | None = Field(default=None, description="id of the verdict this one replaced")
    superseded_by: str | None = None


class VerdictHistory(BaseModel):
    """Every version of a claim's verdict, oldest first."""

    claim_id: str
    claim_state: str
    verdicts: list[Verdict]
