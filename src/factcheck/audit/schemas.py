"""Audit trail response shapes."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = ["BrokenLinkOut", "ChainVerification", "ClaimHistory", "HistoryEvent"]


class HistoryEvent(BaseModel):
    """One event of the audit chain."""

    id: str
    seq: int
    at: str
    user: str
    user_name: str | None = None
    action: str
    subject: str
    subject_type: str
    from_state: str | None = None
    to_state: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)
    prev_hash: str
    hash: str


class ClaimHistory(BaseModel):
    """Every event about a claim, its verdicts and its evidence, in chain order."""

    claim_id: str
    events: list[HistoryEvent]


class BrokenLinkOut(BaseModel):
    """Where the chain first breaks."""

    seq: int = Field(
        description="the seq where the break shows (for a missing event, the seq that is missing)"
    )
    event_id: str | None = Field(description="the event found there, if any")
    reason: str = Field(
        description="missing seq, prev_hash mismatch, hash mismatch, follows mismatch, head mismatch"
    )
    detail: str


class ChainVerification(BaseModel):
    """The result of walking the whole chain."""

    ok: bool
    checked: int = Field(description="events that passed before the walk stopped")
    head_seq: int
    pages: int = Field(description="queries the walk took")
    first_broken: BrokenLinkOut | None = None
