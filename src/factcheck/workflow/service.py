"""Takes one transition of a claim: checks, moves, side effects and audit in one transaction.

The transaction first write-locks the claim, so concurrent requests on one claim queue up
and each sees the version its predecessor wrote. The version check, the table, the guards,
the move (which re-checks state and version in Cypher), the side effects on assignments and
verdicts, and the audit event all run inside that one transaction function; when the driver
retries it after a transient error, every check runs again. Publishing, superseding,
withdrawing and reopening also enqueue their webhook deliveries (`factcheck.webhooks.enqueue`)
in that transaction, so newsrooms hear of exactly the changes that commit.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from factcheck.audit.chain import AuditEvent, EventSubject, append_event
from factcheck.auth.identity import Caller
from factcheck.auth.roles import PERMISSIONS, Permission
from factcheck.claims.lock import LockedClaim, lock_claim
from factcheck.errors import Conflict, NotFound, Unprocessable
from factcheck.graph.store import Graph, Transaction
from factcheck.verdicts import service as verdicts
from factcheck.verdicts.lifecycle import (
    PUBLISH,
    PUT_UNDER_REVIEW,
    RETRACT,
    RETURN_FOR_CHANGES,
    SUBMIT,
    VerdictMove,
)
from factcheck.webhooks.events import WebhookEvent
from factcheck.webhooks.outbox import enqueue
from factcheck.workflow.repository import assign_claim, move_claim, unassign_claim
from factcheck.workflow.schemas import Transition, TransitionCreate
from factcheck.workflow.table import (
    NAMES_ASSIGNEE,
    REASON_REQUIRED,
    TAKES_VERDICT_ID,
    Action,
    Assignment,
    ClaimFacts,
    TransitionRule,
    allowed_actions,
    apply,
)

__all__ = [
    "ANNOUNCEMENTS",
    "ASSIGNMENT_EFFECTS",
    "VERDICT_EFFECTS",
    "StaleVersion",
    "check_request",
    "transition",
]

ASSIGNABLE_ROLES = sorted(role.value for role in PERMISSIONS[Permission.WRITE])


class StaleVersion(Conflict):
    """The client saw an older version of the claim (409)."""

    def __init__(self, claim: LockedClaim, sent: int) -> None:
        super().__init__(
            f"the claim is at version {claim.version}, not {sent}; read it again and retry",
            current_version=claim.version,
            state=claim.state.value,
        )


@dataclass(frozen=True, slots=True)
class Step:
    """What an effect works with: the open transaction, the locked claim, the request."""

    tx: Transaction
    claim: LockedClaim
    caller: Caller
    request: TransitionCreate


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an effect changed besides the claim's state."""

    facts: ClaimFacts
    verdict_id: str | None = None
    superseded_id: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    also_about: tuple[EventSubject, ...] = ()
    published: Mapping[str, Any] | None = None


Effect = Callable[[Step], Awaitable[Outcome]]


async def _assign_to(step: Step, assignee: str) -> Outcome:
    ok = await assign_claim(step.tx, step.claim.id, assignee, ASSIGNABLE_ROLES, step.caller.id)
    if not ok:
        raise Unprocessable(f"no enabled checker, editor or admin has the id {assignee!r}", assignee=assignee)
    return Outcome(
        replace(step.claim.facts, assignee=assignee),
        data={"assignee": assignee, "previous_assignee": step.claim.facts.assignee},
        also_about=(EventSubject("User", assignee),),
    )


async def _assign_named(step: Step) -> Outcome:
    assert step.request.assignee is not None  # check_request guarantees it
    return await _assign_to(step, step.request.assignee)


async def _assign_caller(step: Step) -> Outcome:
    return await _assign_to(step, step.caller.id)


async def _clear_assignee(step: Step) -> Outcome:
    await unassign_claim(step.tx, step.claim.id)
    return Outcome(
        replace(step.claim.facts, assignee=None), data={"previous_assignee": step.claim.facts.assignee}
    )


async def _submit(step: Step) -> Outcome:
    claim, named = step.claim, step.request.verdict_id
    if claim.draft_id is None:
        detail = (
            f"verdict {named!r} is not a draft of this claim" if named else "the claim has no draft verdict"
        )
        raise Unprocessable(detail + "; create one with POST /claims/{claim_id}/verdicts")
    if claim.draft_cites < 1:
        raise Unprocessable(
            "a verdict must cite at least one evidence item before it is submitted",
            verdict_id=claim.draft_id,
        )
    if not await verdicts.submit_verdict(step.tx, claim.id, claim.draft_id, step.caller.id):
        raise Conflict("the draft stopped being a draft while it was submitted", verdict_id=claim.draft_id)
    return Outcome(
        replace(claim.facts, submitted_by=step.caller.id),
        verdict_id=claim.draft_id,
        data={"verdict": claim.draft_id},
        also_about=(EventSubject("Verdict", claim.draft_id),),
    )


def _submitted_id(claim: LockedClaim) -> str:
    if claim.submitted_id is None:
        raise Conflict("the claim awaits approval but has no submitted verdict")
    return claim.submitted_id


async def _publish(step: Step) -> Outcome:
    claim_id, verdict_id = step.claim.id, _submitted_id(step.claim)
    row = await verdicts.publish_verdict(step.tx, claim_id, verdict_id, step.caller.id)
    if row is None:
        raise Conflict("the verdict awaiting approval is no longer submitted")
    superseded = row["superseded_id"]
    about = [EventSubject("Verdict", verdict_id)]
    if superseded:
        about.append(EventSubject("Verdict", superseded))
    return Outcome(
        replace(step.claim.facts, submitted_by=None),
        verdict_id=verdict_id,
        superseded_id=superseded,
        data={"verdict": verdict_id, "superseded": superseded},
        also_about=tuple(about),
        published=row,
    )


async def _withdraw_verdict(step: Step, verdict_id: str, move: VerdictMove) -> Outcome:
    withdrawn = await verdicts.withdraw_verdict(
        step.tx,
        claim_id=step.claim.id,
        verdict_id=verdict_id,
        move=move,
        user=step.caller.id,
        reason=step.request.reason,
    )
    if not withdrawn:
        raise Conflict(f"the verdict is no longer {move.source}", verdict_id=verdict_id)
    return Outcome(
        replace(step.claim.facts, submitted_by=None),
        verdict_id=verdict_id,
        data={"verdict": verdict_id},
        also_about=(EventSubject("Verdict", verdict_id),),
    )


async def _return_for_changes(step: Step) -> Outcome:
    return await _withdraw_verdict(step, _submitted_id(step.claim), RETURN_FOR_CHANGES)


async def _retract(step: Step) -> Outcome:
    verdict_id = step.claim.published_id
    if verdict_id is None:
        raise Conflict("the claim is published but has no published verdict")
    return await _withdraw_verdict(step, verdict_id, RETRACT)


async def _put_under_review(step: Step) -> Outcome:
    published = step.claim.published_id
    if published is None:
        return Outcome(step.claim.facts)
    return Outcome(
        step.claim.facts,
        verdict_id=published,
        data={"under_review": published},
        also_about=(EventSubject("Verdict", published),),
    )


ASSIGNMENT_EFFECTS: Mapping[Assignment, Effect] = MappingProxyType(
    {Assignment.NAMED: _assign_named, Assignment.CALLER: _assign_caller, Assignment.CLEAR: _clear_assignee}
)
"""How each assignment change of the table is made."""
VERDICT_EFFECTS: Mapping[VerdictMove, Effect] = MappingProxyType(
    {
        SUBMIT: _submit,
        PUBLISH: _publish,
        RETURN_FOR_CHANGES: _return_for_changes,
        PUT_UNDER_REVIEW: _put_under_review,
        RETRACT: _retract,
    }
)
"""How each verdict move of the lifecycle table is made."""


def _published(step: Step, outcome: Outcome) -> dict[str, Any] | None:
    row = outcome.published or {}
    return {
        "claim_id": step.claim.id,
        "verdict_id": outcome.verdict_id,
        "version": row.get("version"),
        "rating": row.get("rating"),
        "published_at": row.get("published_at"),
        "supersedes": outcome.superseded_id,
    }


def _superseded(step: Step, outcome: Outcome) -> dict[str, Any] | None:
    if outcome.superseded_id is None:
        return None  # nothing was published before
    return {
        "claim_id": step.claim.id,
        "verdict_id": outcome.superseded_id,
        "superseded_by": outcome.verdict_id,
    }


def _withdrawn(step: Step, outcome: Outcome) -> dict[str, Any] | None:
    return {"claim_id": step.claim.id, "verdict_id": outcome.verdict_id, "reason": step.request.reason}


def _reopened(step: Step, outcome: Outcome) -> dict[str, Any] | None:
    return {"claim_id": step.claim.id, "verdict_id": step.claim.published_id, "reason": step.request.reason}


ANNOUNCEMENTS: Mapping[WebhookEvent, Callable[[Step, Outcome], dict[str, Any] | None]] = MappingProxyType(
    {
        WebhookEvent.VERDICT_PUBLISHED: _published,
        WebhookEvent.VERDICT_SUPERSEDED: _superseded,
        WebhookEvent.VERDICT_WITHDRAWN: _withdrawn,
        WebhookEvent.CLAIM_REOPENED: _reopened,
    }
)
"""The payload of each webhook event a row announces; None means there is nothing to tell."""


async def apply_effects(step: Step, row: TransitionRule) -> Outcome:
    """Makes the row's assignment and verdict changes, then enqueues what it announces."""
    outcome = Outcome(step.claim.facts)
    if row.assignment is not None:
        outcome = await ASSIGNMENT_EFFECTS[row.assignment](step)
    if row.verdict is not None:
        outcome = await VERDICT_EFFECTS[row.verdict](step)
    for event in row.announces:
        payload = ANNOUNCEMENTS[event](step, outcome)
        if payload is not None:
            await enqueue(step.tx, event, payload)
    return outcome


def check_request(request: TransitionCreate) -> None:
    """Refuses (422) a request whose fields do not fit its action, before touching the graph."""
    action = request.action
    if action in REASON_REQUIRED and not request.reason:
        raise Unprocessable(f"`{action}` needs a non-blank `reason`")
    if action in NAMES_ASSIGNEE and not request.assignee:
        raise Unprocessable(f"`{action}` needs an `assignee` (a user id)")
    if request.assignee is not None and action not in NAMES_ASSIGNEE:
        raise Unprocessable(f"`{action}` takes no `assignee`; only {_listed(NAMES_ASSIGNEE)} does")
    if request.verdict_id is not None and action not in TAKES_VERDICT_ID:
        raise Unprocessable(f"`{action}` takes no `verdict_id`; only {_listed(TAKES_VERDICT_ID)} does")


def _listed(actions: frozenset[Action]) -> str:
    return " or ".join(f"`{action}`" for action in sorted(actions))


async def transition(graph: Graph, caller: Caller, claim_id: str, request: TransitionCreate) -> Transition:
    """Takes `request.action` on the claim and records it.

    Raises:
        Unprocessable: the request lacks a reason or assignee it needs, or names a bad one.
        NotFound: no claim has `claim_id`.
        StaleVersion: the claim has moved on since the client read it.
        IllegalTransition: the table has no such action from the claim's state.
        TransitionForbidden: the action's guard refuses the caller.
    """
    check_request(request)

    async def work(tx: Transaction) -> Transition:
        claim = await lock_claim(tx, claim_id, request.verdict_id)
        if claim is None:
            raise NotFound(f"no claim has the id {claim_id!r}")
        if claim.version != request.version:
            raise StaleVersion(claim, request.version)
        row = apply(claim.state, request.action, caller, claim.facts)
        version = await move_claim(tx, claim.id, claim.state, row.target, request.version)
        if version is None:
            raise StaleVersion(claim, request.version)
        outcome = await apply_effects(Step(tx, claim, caller, request), row)
        data = {"version": version, "reason": request.reason, **outcome.data}
        event = await append_event(
            tx,
            AuditEvent(
                user=caller.id,
                action=f"claim.{request.action}",
                subject=EventSubject("Claim", claim.id),
                from_state=claim.state.value,
                to_state=row.target.value,
                data={key: value for key, value in data.items() if value is not None},
                also_about=outcome.also_about,
            ),
        )
        return Transition(
            claim_id=claim.id,
            action=request.action,
            from_state=claim.state,
            to_state=row.target,
            version=version,
            assignee=outcome.facts.assignee,
            verdict_id=outcome.verdict_id,
            superseded_verdict_id=outcome.superseded_id,
            event_id=event["id"],
            event_seq=event["seq"],
            actions=allowed_actions(row.target, caller, outcome.facts),
        )

    return await graph.transaction(work)
