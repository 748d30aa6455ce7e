"""A verdict's life as one table: draft -> submitted -> published -> superseded or withdrawn.

The workflow's transition rows name the move they make (`VerdictMove`); the Cypher that makes
it gets the states as parameters (`VERDICT_STATE_PARAMS`), and the docs are rendered from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "AUTHORING_ACTIONS",
    "EDITABLE",
    "PUBLISH",
    "PUT_UNDER_REVIEW",
    "RETRACT",
    "RETURN_FOR_CHANGES",
    "SUBMIT",
    "VERDICT_MOVES",
    "VERDICT_STATE_PARAMS",
    "VerdictMove",
    "VerdictState",
]


class VerdictState(StrEnum):
    """Where a verdict is in its life; only drafts are ever edited."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    PUBLISHED = "published"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


EDITABLE = VerdictState.DRAFT
"""The only state in which a verdict is written to (created, then edited in place)."""


@dataclass(frozen=True, slots=True)
class VerdictMove:
    """What a workflow transition does to the claim's verdicts.

    Attributes:
        source: the state of the verdict the move applies to.
        target: its state afterwards (the same for a move that only marks it).
        supersedes: the claim's published verdict, if any, becomes `superseded`.
        doc: the move in a sentence, for `docs/workflow.md`.
    """

    source: VerdictState
    target: VerdictState
    doc: str
    supersedes: bool = False


V = VerdictState
SUBMIT = VerdictMove(
    V.DRAFT, V.SUBMITTED, "the draft (citing at least one evidence item) becomes `submitted`"
)
PUBLISH = VerdictMove(
    V.SUBMITTED,
    V.PUBLISHED,
    "`submitted` becomes `published`; the previously `published` one becomes `superseded`,"
    " linked by `(new)-[:SUPERSEDES]->(old)`",
    supersedes=True,
)
RETURN_FOR_CHANGES = VerdictMove(
    V.SUBMITTED, V.WITHDRAWN, "`submitted` becomes `withdrawn`; the next draft is a new version"
)
PUT_UNDER_REVIEW = VerdictMove(
    V.PUBLISHED,
    V.PUBLISHED,
    "the `published` verdict stays visible with `under_review: true` until the next is published",
)
RETRACT = VerdictMove(V.PUBLISHED, V.WITHDRAWN, "`published` becomes `withdrawn`")
del V

VERDICT_MOVES: tuple[VerdictMove, ...] = (SUBMIT, PUBLISH, RETURN_FOR_CHANGES, PUT_UNDER_REVIEW, RETRACT)

AUTHORING_ACTIONS: tuple[str, ...] = ("verdict.create", "verdict.update")
"""Audit actions that write a verdict's content: their users are its authors, who may not approve it."""

VERDICT_STATE_PARAMS: dict[str, str] = {f"{state.value}_verdict": state.value for state in VerdictState}
"""Every verdict state as a Cypher parameter (`$draft_verdict`, `$published_verdict`, ...)."""
