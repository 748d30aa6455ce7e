"""The review workflow as one table: `(state, action) -> (next state, guard)`.

The transition endpoint, the `actions` listed on claim reads, the Mermaid diagram in the
API description and `docs/workflow.md`, and the tests all read `TRANSITIONS`. `apply()`
accepts only the pairs in the table; there is no fallback.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from factcheck.auth.identity import Caller
from factcheck.auth.roles import Permission
from factcheck.errors import Conflict, Forbidden

__all__ = [
    "DRAFT_GUARD",
    "DRAFT_STATES",
    "INITIAL_STATE",
    "REASON_REQUIRED",
    "TABLE",
    "TRANSITIONS",
    "Action",
    "ClaimFacts",
    "Guard",
    "IllegalTransition",
    "State",
    "TransitionForbidden",
    "TransitionRule",
    "actions_from",
    "allowed_actions",
    "apply",
]


class State(StrEnum):
    """Where a claim is in its review."""

    CANDIDATE = "candidate"
    QUEUED = "queued"
    ASSIGNED = "assigned"
    RESEARCHING = "researching"
    AWAITING_APPROVAL = "awaiting_approval"
    PUBLISHED = "published"
    DISMISSED = "dismissed"


class Action(StrEnum):
    """What a user can do to a claim."""

    ACCEPT = "accept"
    DISMISS = "dismiss"
    RESTORE = "restore"
    ASSIGN = "assign"
    TAKE = "take"
    UNASSIGN = "unassign"
    START = "start"
    SUBMIT = "submit"
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"
    REOPEN = "reopen"
    WITHDRAW = "withdraw"


INITIAL_STATE = State.CANDIDATE
REASON_REQUIRED: frozenset[Action] = frozenset(
    {Action.DISMISS, Action.REQUEST_CHANGES, Action.REOPEN, Action.WITHDRAW}
)
"""Actions refused (422) without a non-blank `reason`."""


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What the guards need to know about a claim besides its state.

    Attributes:
        assignee: id of the user `(User)-[:ASSIGNED]->(Claim)`, or None.
        submitted_by: id of the user who submitted the verdict awaiting approval, or None.
    """

    assignee: str | None = None
    submitted_by: str | None = None


@dataclass(frozen=True, slots=True)
class Guard:
    """Who may take a transition. `check` returns why a caller may not, or None."""

    who: str
    check: Callable[[Caller, ClaimFacts], str | None]


def _staff(caller: Caller, facts: ClaimFacts) -> str | None:
    return None if caller.may(Permission.WRITE) else "it needs a checker, editor or admin"


def _editor(caller: Caller, facts: ClaimFacts) -> str | None:
    return None if caller.may(Permission.APPROVE) else "it needs an editor or admin"


def _unassigned(caller: Caller, facts: ClaimFacts) -> str | None:
    if facts.assignee is not None:
        return "the claim is already assigned; an editor can reassign it"
    return _staff(caller, facts)


def _assignee_or_editor(caller: Caller, facts: ClaimFacts) -> str | None:
    if caller.may(Permission.APPROVE) or (caller.may(Permission.WRITE) and facts.assignee == caller.id):
        return None
    return "only the claim's assignee, an editor or an admin may do this"


def _four_eyes(caller: Caller, facts: ClaimFacts) -> str | None:
    if not caller.may(Permission.APPROVE):
        return "approving needs an editor or admin"
    if facts.submitted_by == caller.id:
        return "four eyes: the user who submitted a verdict may not approve it"
    return None


STAFF = Guard("checker, editor or admin", _staff)
EDITOR = Guard("editor or admin", _editor)
UNASSIGNED = Guard("checker, editor or admin, while nobody is assigned", _unassigned)
ASSIGNEE_OR_EDITOR = Guard("the assignee, an editor or an admin", _assignee_or_editor)
FOUR_EYES = Guard("editor or admin who did not submit the verdict", _four_eyes)

DRAFT_STATES: frozenset[State] = frozenset({State.RESEARCHING})
"""Verdict drafts are written and edited only while the claim is in one of these states."""
DRAFT_GUARD = ASSIGNEE_OR_EDITOR
"""Who may write and edit verdict drafts."""


@dataclass(frozen=True, slots=True)
class TransitionRule:
    """One row of the table."""

    source: State
    action: Action
    target: State
    guard: Guard
    effect: str


S, A = State, Action
TRANSITIONS: tuple[TransitionRule, ...] = (
    TransitionRule(S.CANDIDATE, A.ACCEPT, S.QUEUED, STAFF, "worth checking: into the queue"),
    TransitionRule(S.CANDIDATE, A.DISMISS, S.DISMISSED, STAFF, "not worth checking"),
    TransitionRule(S.QUEUED, A.DISMISS, S.DISMISSED, STAFF, "taken out of the queue"),
    TransitionRule(S.DISMISSED, A.RESTORE, S.CANDIDATE, STAFF, "back to triage"),
    TransitionRule(S.QUEUED, A.ASSIGN, S.ASSIGNED, EDITOR, "assigns `assignee`"),
    TransitionRule(S.QUEUED, A.TAKE, S.ASSIGNED, UNASSIGNED, "assigns the caller"),
    TransitionRule(S.ASSIGNED, A.ASSIGN, S.ASSIGNED, EDITOR, "reassigns to `assignee`"),
    TransitionRule(S.ASSIGNED, A.UNASSIGN, S.QUEUED, ASSIGNEE_OR_EDITOR, "back to the queue"),
    TransitionRule(S.ASSIGNED, A.START, S.RESEARCHING, ASSIGNEE_OR_EDITOR, "research begins"),
    TransitionRule(S.RESEARCHING, A.ASSIGN, S.RESEARCHING, EDITOR, "reassigns to `assignee`"),
    TransitionRule(
        S.RESEARCHING,
        A.SUBMIT,
        S.AWAITING_APPROVAL,
        ASSIGNEE_OR_EDITOR,
        "submits a draft verdict citing at least one evidence item",
    ),
    TransitionRule(
        S.AWAITING_APPROVAL,
        A.APPROVE,
        S.PUBLISHED,
        FOUR_EYES,
        "publishes the verdict; it supersedes the previously published one",
    ),
    TransitionRule(
        S.AWAITING_APPROVAL,
        A.REQUEST_CHANGES,
        S.RESEARCHING,
        EDITOR,
        "withdraws the submitted verdict",
    ),
    TransitionRule(
        S.PUBLISHED,
        A.REOPEN,
        S.RESEARCHING,
        EDITOR,
        "the published verdict stays visible, under review",
    ),
    TransitionRule(
        S.PUBLISHED,
        A.WITHDRAW,
        S.RESEARCHING,
        EDITOR,
        "retracts the published verdict",
    ),
)
del S, A

TABLE: Mapping[tuple[State, Action], TransitionRule] = MappingProxyType(
    {(t.source, t.action): t for t in TRANSITIONS}
)
assert len(TABLE) == len(TRANSITIONS), "a (state, action) pair appears twice in TRANSITIONS"


class IllegalTransition(Conflict):
    """The table has no row for this action from this state (409)."""

    def __init__(self, state: State, action: Action) -> None:
        allowed = actions_from(state)
        listed = ", ".join(allowed) or "none"
        super().__init__(
            f"`{action}` is not possible from `{state}`; the table allows: {listed}",
            state=state.value,
            allowed_actions=allowed,
        )


class TransitionForbidden(Forbidden):
    """The row exists, but its guard refuses this caller (403)."""


def actions_from(state: State) -> list[str]:
    """Every action the table has from `state`, whoever asks, in table order."""
    return [t.action.value for t in TRANSITIONS if t.source is state]


def apply(state: State, action: Action, caller: Caller, facts: ClaimFacts) -> TransitionRule:
    """The row for `(state, action)` once its guard admits `caller`.

    Raises:
        IllegalTransition: the table has no such row.
        TransitionForbidden: the guard refuses the caller.
    """
    transition = TABLE.get((state, action))
    if transition is None:
        raise IllegalTransition(state, action)
    denial = transition.guard.check(caller, facts)
    if denial is not None:
        raise TransitionForbidden(f"`{action}` from `{state}`: {denial}", action=action.value)
    return transition


def allowed_actions(state: State | str, caller: Caller, claim_facts: ClaimFacts) -> list[str]:
    """The actions `caller` may take now on a claim in `state`; [] for an unknown state."""
    try:
        current = State(state)
    except ValueError:
        return []
    return [
        t.action.value
        for t in TRANSITIONS
        if t.source is current and t.guard.check(caller, claim_facts) is None
    ]
