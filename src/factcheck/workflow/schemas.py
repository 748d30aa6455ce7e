"""Transition request and response shapes, and the table as served by `GET /workflow`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from factcheck.workflow.table import Action, ClaimState

__all__ = ["Transition", "TransitionCreate", "WorkflowRow", "WorkflowTable"]


class TransitionCreate(BaseModel):
    """One step of a claim's review, taken at the version the client last saw."""

    model_config = ConfigDict(extra="forbid")

    action: Action
    version: int = Field(ge=1, description="the claim's `version` the client saw; 409 when stale")
    reason: str | None = Field(
        default=None, max_length=2000, description="required for dismiss, request_changes, reopen, withdraw"
    )
    assignee: str | None = Field(default=None, max_length=100, description="user id; `assign` only")
    verdict_id: str | None = Field(
        default=None, max_length=100, description="`submit` only: the draft to submit (default: latest)"
    )

    @field_validator("reason")
    @classmethod
    def _strip(cls, value: str | None) -> str | None:
        if value is None:
            return None
        return value.strip() or None


class Transition(BaseModel):
    """What a transition did."""

    claim_id: str
    action: Action
    from_state: ClaimState
    to_state: ClaimState
    version: int = Field(description="the claim's new version")
    assignee: str | None = None
    verdict_id: str | None = Field(default=None, description="the verdict submitted, published or withdrawn")
    superseded_verdict_id: str | None = None
    event_id: str
    event_seq: int
    actions: list[str] = Field(description="the actions the caller may take next")


class WorkflowRow(BaseModel):
    """One row of the workflow table."""

    source: ClaimState
    action: Action
    target: ClaimState
    who: str
    reason_required: bool
    effect: str


class WorkflowTable(BaseModel):
    """The whole workflow: states, rows, and the Mermaid diagram drawn from them."""

    initial_state: ClaimState
    states: list[ClaimState]
    transitions: list[WorkflowRow]
    mermaid: str
