"""The review workflow as one table: `(state, action) -> (next state, guard)`.

The transition endpoint, the `actions` listed on claim reads, the Mermaid diagram in the
API description and `docs/workflow.md`, and the tests all read `TRANSITIONS`. `apply()`
accepts only the pairs in the table; there is no fallback.

Each row also says what else the move does: whether it needs a reason, what it does to the
assignment and to the claim's verdicts (a move of `verdicts.lifecycle`), and which webhook
events it announces. The service, the request checks and the docs read those from the row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from factcheck.auth.identity import Caller
from factcheck.auth.roles import Permission
from factcheck.errors import Conflict, Forbidden
from factcheck.verdicts.lifecycle import (
    AUTHORING_ACTIONS,
    PUBLISH,
    PUT_UNDER_REVIEW,
    RETRACT,
    RETURN_FOR_CHANGES,
    SUBMIT,
    VERDICT_STATE_PARAMS,
    VerdictMove,
)
from factcheck.webhooks.events import WebhookEvent

__all__ = [
    "ANNOUNCING",
    "CYPHER_STATES",
    "DRAFT_GUARD",
    "DRAFT_STATES",
    "INITIAL_STATE",
    "NAMES_ASSIGNEE",
    "REASON_REQUIRED",
    "TABLE",
    "TAKES_VERDICT_ID",
    "TRANSITIONS",
    "Action",
    "Assignment",
    "ClaimFacts",
    "ClaimState",
    "Guard",
    "IllegalTransition",
    "TransitionForbidden",
    "TransitionRule",
    "actions_from",
    "allowed_actions",
    "apply",
    "route_to",
]


class ClaimState(StrEnum):
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


INITIAL_STATE = ClaimState.CANDIDATE


class Assignment(StrEnum):
    """What a transition does to the claim's assignee."""

    NAMED = "named"  # the request's `assignee` becomes the only assignee
    CALLER = "caller"  # the caller becomes the only assignee
    CLEAR = "clear"  # the claim has no assignee afterwards


@dataclass(frozen=True, slots=True)
class ClaimFacts:
    """What the guards need to know about a claim besides its state.

    Attributes:
        assignee: id of the user `(User)-[:ASSIGNED]->(Claim)`, or None.
        submitted_by: id of the user who submitted the verdict awaiting approval, or None.
        authors: ids of the users who wrote or edited the verdict awaiting approval.
    """

    assignee: str | None = None
    submitted_by: str | None = None
    authors: frozenset[str] = frozenset()


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
    if caller.id in facts.authors:
        return "four eyes: a user who wrote or edited a verdict may not approve it"
    return None


STAFF = Guard("checker, editor or admin", _staff)
EDITOR = Guard("editor or admin", _editor)
UNASSIGNED = Guard("checker, editor or admin, while nobody is assigned", _unassigned)
ASSIGNEE_OR_EDITOR = Guard("the assignee, an editor or an admin", _assignee_or_editor)
FOUR_EYES = Guard("editor or admin who did not write, edit or submit the verdict", _four_eyes)

DRAFT_STATES: frozenset[ClaimState] = frozenset({ClaimState.RESEARCHING})
"""Verdict drafts are written and edited only while the claim is in one of these states."""
DRAFT_GUARD = ASSIGNEE_OR_EDITOR
"""Who may write and edit verdict drafts."""


@dataclass(frozen=True, slots=True)
class TransitionRule:
    """One row of the table.

    Attributes:
        effect: what happens, in a phrase, for the docs.
        reason: the request needs a non-blank `reason` (422 without).
        assignment: what the move does to the assignee, if anything.
        verdict: what the move does to the claim's verdicts, if anything.
        announces: the webhook events the move enqueues in its transaction.
    """

    source: ClaimState
    action: Action
    target: ClaimState
    guard: Guard
    effect: str
    reason: bool = False
    assignment: Assignment | None = None
    verdict: VerdictMove | None = None
    announces: tuple[WebhookEvent, ...] = ()


S, A, E = ClaimState, Action, WebhookEvent
TRANSITIONS: tuple[TransitionRule, ...] = (
    TransitionRule(S.CANDIDATE, A.ACCEPT, S.QUEUED, STAFF, "worth checking: into the queue"),
    TransitionRule(S.CANDIDATE, A.DISMISS, S.DISMISSED, STAFF, "not worth checking", reason=True),
    TransitionRule(S.QUEUED, A.DISMISS, S.DISMISSED, STAFF, "taken out of the queue", reason=True),
    TransitionRule(S.DISMISSED, A.RESTORE, S.CANDIDATE, STAFF, "back to triage"),
    TransitionRule(S.QUEUED, A.ASSIGN, S.ASSIGNED, EDITOR, "assigns `assignee`", assignment=Assignment.NAMED),
    TransitionRule(
        S.QUEUED, A.TAKE, S.ASSIGNED, UNASSIGNED, "assigns the caller", assignment=Assignment.CALLER
    ),
    TransitionRule(
        S.ASSIGNED, A.ASSIGN, S.ASSIGNED, EDITOR, "reassigns to `assignee`", assignment=Assignment.NAMED
    ),
    TransitionRule(
        S.ASSIGNED,
        A.UNASSIGN,
        S.QUEUED,
        ASSIGNEE_OR_EDITOR,
        "back to the queue",
        assignment=Assignment.CLEAR,
    ),
    TransitionRule(S.ASSIGNED, A.START, S.RESEARCHING, ASSIGNEE_OR_EDITOR, "research begins"),
    TransitionRule(
        S.RESEARCHING,
        A.ASSIGN,
        S.RESEARCHING,
        EDITOR,
        "reassigns to `assignee`",
        assignment=Assignment.NAMED,
    ),
    TransitionRule(
        S.RESEARCHING,
        A.SUBMIT,
        S.AWAITING_APPROVAL,
        ASSIGNEE_OR_EDITOR,
        "submits a draft verdict citing at least one evidence item",
        verdict=SUBMIT,
    ),
    TransitionRule(
        S.AWAITING_APPROVAL,
        A.APPROVE,
        S.PUBLISHED,
        FOUR_EYES,
        "publishes the verdict; it supersedes the previously published one",
        verdict=PUBLISH,
        announces=(E.VERDICT_PUBLISHED, E.VERDICT_SUPERSEDED),
    ),
    TransitionRule(
        S.AWAITING_APPROVAL,
        A.REQUEST_CHANGES,
        S.RESEARCHING,
        EDITOR,
        "withdraws the submitted verdict",
        reason=True,
        verdict=RETURN_FOR_CHANGES,
    ),
    TransitionRule(
        S.PUBLISHED,
        A.REOPEN,
        S.RESEARCHING,
        EDITOR,
        "the published verdict stays visible, under review",
        reason=True,
        verdict=PUT_UNDER_REVIEW,
        announces=(E.CLAIM_REOPENED,),
    ),
    TransitionRule(
        S.PUBLISHED,
        A.WITHDRAW,
        S.RESEARCHING,
        EDITOR,
        "retracts the published verdict",
        reason=True,
        verdict=RETRACT,
        announces=(E.VERDICT_WITHDRAWN,),
    ),
)
del S, A, E

TABLE: Mapping[tuple[ClaimState, Action], TransitionRule] = MappingProxyType(
    {(t.source, t.action): t for t in TRANSITIONS}
)
assert len(TABLE) == len(TRANSITIONS), "a (state, action) pair appears twice in TRANSITIONS"


def _per_action(rule: Callable[[TransitionRule], object]) -> dict[Action, object]:
    """`rule(row)` for each action, checking that every row of the action agrees."""
    seen: dict[Action, object] = {}
    for row in TRANSITIONS:
        value = seen.setdefault(row.action, rule(row))
        assert value == rule(row), f"the rows of `{row.action}` disagree"
    return seen


REASON_REQUIRED: frozenset[Action] = frozenset(
    a for a, needs in _per_action(lambda t: t.reason).items() if needs
)
"""Actions refused (422) without a non-blank `reason`."""
NAMES_ASSIGNEE: frozenset[Action] = frozenset(
    a for a, how in _per_action(lambda t: t.assignment).items() if how is Assignment.NAMED
)
"""Actions that need an `assignee` in the request; no other action takes one."""
TAKES_VERDICT_ID: frozenset[Action] = frozenset(
    a for a, move in _per_action(lambda t: t.verdict).items() if move is SUBMIT
)
"""Actions that may name the draft they act on (`verdict_id`); no other action takes one."""
CYPHER_STATES: dict[str, object] = {
    **VERDICT_STATE_PARAMS,
    "authoring_actions": list(AUTHORING_ACTIONS),
    "initial_claim": INITIAL_STATE.value,
    "published_claim": ClaimState.PUBLISHED.value,
}
"""The states queries compare with, as parameters: `$published_verdict`, `$initial_claim`, ..."""
ANNOUNCING: frozenset[Action] = frozenset(t.action for t in TRANSITIONS if t.announces)
"""Actions whose transaction enqueues webhook deliveries."""


class IllegalTransition(Conflict):
    """The table has no row for this action from this state (409)."""

    def __init__(self, state: ClaimState, action: Action) -> None:
        allowed = actions_from(state)
        listed = ", ".join(allowed) or "none"
        super().__init__(
            f"`{action}` is not possible from `{state}`; the table allows: {listed}",
            state=state.value,
            allowed_actions=allowed,
        )


class TransitionForbidden(Forbidden):
    """The row exists, but its guard refuses this caller (403)."""


def actions_from(state: ClaimState) -> list[str]:
    """Every action the table has from `state`, whoever asks, in table order."""
    return [t.action.value for t in TRANSITIONS if t.source is state]


def route_to(target: ClaimState) -> list[TransitionRule]:
    """The shortest run of rows that takes a new claim to `target` without a verdict or a named assignee.

    Rows that need a reason are allowed (the caller gives one). Raises LookupError when the
    table has no such route (states after `researching` need a verdict).
    """
    routes: dict[ClaimState, list[TransitionRule]] = {INITIAL_STATE: []}
    frontier = [INITIAL_STATE]
    while frontier and target not in routes:
        state = frontier.pop(0)
        for row in TRANSITIONS:
            usable = row.verdict is None and row.assignment is not Assignment.NAMED
            if row.source is state and usable and row.target not in routes:
                routes[row.target] = [*routes[state], row]
                frontier.append(row.target)
    if target not in routes:
        raise LookupError(f"no route to `{target}` without a verdict")
    return routes[target]


def apply(state: ClaimState, action: Action, caller: Caller, facts: ClaimFacts) -> TransitionRule:
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


def allowed_actions(state: ClaimState | str, caller: Caller, claim_facts: ClaimFacts) -> list[str]:
    """The actions `caller` may take now on a claim in `state`; [] for an unknown state."""
    try:
        current = ClaimState(state)
    except ValueError:
        return []
    return [
        t.action.value
        for t in TRANSITIONS
        if t.source is current and t.guard.check(caller, claim_facts) is None
    ]
