"""The workflow table, its guards, `allowed_actions`, and what is generated from it."""

from __future__ import annotations

import itertools

import pytest

from factcheck.auth.identity import Caller
from factcheck.auth.roles import Role
from factcheck.errors import Unprocessable
from factcheck.verdicts.lifecycle import VERDICT_MOVES
from factcheck.webhooks.events import WebhookEvent
from factcheck.workflow.diagram import workflow_mermaid, workflow_mermaid_markdown
from factcheck.workflow.docs import DOC_PATH, VERDICT_STEPS, render_workflow_doc
from factcheck.workflow.schemas import TransitionCreate
from factcheck.workflow.service import ANNOUNCEMENTS, ASSIGNMENT_EFFECTS, VERDICT_EFFECTS, check_request
from factcheck.workflow.table import (
    ANNOUNCING,
    INITIAL_STATE,
    REASON_REQUIRED,
    TABLE,
    TRANSITIONS,
    Action,
    Assignment,
    ClaimFacts,
    ClaimState,
    IllegalTransition,
    TransitionForbidden,
    TransitionRule,
    actions_from,
    allowed_actions,
    apply,
    route_to,
)

ADMIN = Caller("admin-1", "admin", Role.ADMIN)
EDITOR = Caller("editor-1", "editor", Role.EDITOR)
CHECKER = Caller("checker-1", "checker", Role.CHECKER)
OTHER_CHECKER = Caller("checker-2", "checker2", Role.CHECKER)
AUDITOR = Caller("auditor-1", "auditor", Role.AUDITOR)
READER = Caller("reader-1", "reader", Role.READER)
EVERYONE = [ADMIN, EDITOR, CHECKER, OTHER_CHECKER, AUDITOR, READER]

# The same rules, restated by hand: who may take each action when CHECKER is the assignee
# and CHECKER submitted the verdict awaiting approval.
FACTS = ClaimFacts(assignee=CHECKER.id, submitted_by=CHECKER.id)
STAFF = {ADMIN, EDITOR, CHECKER, OTHER_CHECKER}
EDITORS = {ADMIN, EDITOR}
WHO_MAY: dict[Action, set[Caller]] = {
    Action.ACCEPT: STAFF,
    Action.DISMISS: STAFF,
    Action.RESTORE: STAFF,
    Action.ASSIGN: EDITORS,
    Action.TAKE: set(),  # somebody is assigned already
    Action.UNASSIGN: EDITORS | {CHECKER},
    Action.START: EDITORS | {CHECKER},
    Action.SUBMIT: EDITORS | {CHECKER},
    Action.APPROVE: EDITORS,
    Action.REQUEST_CHANGES: EDITORS,
    Action.REOPEN: EDITORS,
    Action.WITHDRAW: EDITORS,
}


@pytest.mark.parametrize(("state", "action"), list(itertools.product(ClaimState, Action)))
def test_every_state_and_action_pair(state: ClaimState, action: Action) -> None:
    row = TABLE.get((state, action))
    if row is None:
        with pytest.raises(IllegalTransition) as refused:
            apply(state, action, ADMIN, ClaimFacts())
        assert refused.value.status == 409
        assert refused.value.extra["allowed_actions"] == actions_from(state)
        assert action not in refused.value.extra["allowed_actions"]
    else:
        assert apply(state, action, ADMIN, ClaimFacts()) is row


@pytest.mark.parametrize("row", TRANSITIONS, ids=[f"{t.source}-{t.action}" for t in TRANSITIONS])
@pytest.mark.parametrize("caller", EVERYONE, ids=[c.name for c in EVERYONE])
def test_every_guard_by_role(row: TransitionRule, caller: Caller) -> None:
    if caller in WHO_MAY[row.action]:
        assert apply(row.source, row.action, caller, FACTS) is row
    else:
        with pytest.raises(TransitionForbidden) as refused:
            apply(row.source, row.action, caller, FACTS)
        assert refused.value.status == 403


def test_four_eyes() -> None:
    facts = ClaimFacts(assignee=EDITOR.id, submitted_by=EDITOR.id)
    with pytest.raises(TransitionForbidden, match="four eyes"):
        apply(ClaimState.AWAITING_APPROVAL, Action.APPROVE, EDITOR, facts)
    assert apply(ClaimState.AWAITING_APPROVAL, Action.APPROVE, ADMIN, facts).target is ClaimState.PUBLISHED


def test_a_checker_takes_only_an_unassigned_claim() -> None:
    assert apply(ClaimState.QUEUED, Action.TAKE, CHECKER, ClaimFacts()).target is ClaimState.ASSIGNED
    with pytest.raises(TransitionForbidden, match="already assigned"):
        apply(ClaimState.QUEUED, Action.TAKE, CHECKER, ClaimFacts(assignee=OTHER_CHECKER.id))


@pytest.mark.parametrize("state", ClaimState)
def test_allowed_actions_are_the_rows_whose_guards_pass(state: ClaimState) -> None:
    for caller in EVERYONE:
        expected = [t.action.value for t in TRANSITIONS if t.source is state and caller in WHO_MAY[t.action]]
        assert allowed_actions(state, caller, FACTS) == expected
        assert allowed_actions(state.value, caller, FACTS) == expected
    assert allowed_actions(state, AUDITOR, FACTS) == [] and allowed_actions(state, READER, FACTS) == []


def test_allowed_actions_of_an_unknown_state_is_empty() -> None:
    assert allowed_actions("archived", ADMIN, ClaimFacts()) == []


def test_every_state_is_reachable_and_none_is_a_dead_end() -> None:
    reached, frontier = {INITIAL_STATE}, [INITIAL_STATE]
    while frontier:
        state = frontier.pop()
        for row in TRANSITIONS:
            if row.source is state and row.target not in reached:
                reached.add(row.target)
                frontier.append(row.target)
    assert reached == set(ClaimState)
    assert all(actions_from(state) for state in ClaimState)


def test_every_action_has_an_effect_and_the_reasons_are_as_documented() -> None:
    assert set(ASSIGNMENT_EFFECTS) == set(Assignment)
    assert set(VERDICT_EFFECTS) == set(VERDICT_MOVES)
    assert set(ANNOUNCEMENTS) == set(WebhookEvent)
    assert {row.action for row in TRANSITIONS} == set(Action)
    assert {Action.DISMISS, Action.REQUEST_CHANGES, Action.REOPEN, Action.WITHDRAW} == REASON_REQUIRED


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"action": "dismiss", "version": 1}, "reason"),
        ({"action": "reopen", "version": 1, "reason": "  "}, "reason"),
        ({"action": "assign", "version": 1}, "assignee"),
        ({"action": "take", "version": 1, "assignee": "u"}, "only `assign`"),
        ({"action": "approve", "version": 1, "verdict_id": "v"}, "only `submit`"),
    ],
)
def test_requests_that_do_not_fit_their_action(body: dict[str, object], message: str) -> None:
    with pytest.raises(Unprocessable, match=message):
        check_request(TransitionCreate.model_validate(body))


def test_the_mermaid_diagram_has_one_arrow_per_row() -> None:
    lines = workflow_mermaid().splitlines()
    assert lines[:2] == ["stateDiagram-v2", f"    [*] --> {INITIAL_STATE}"]
    assert lines[2:] == [f"    {t.source} --> {t.target}: {t.action}" for t in TRANSITIONS]
    assert workflow_mermaid() in workflow_mermaid_markdown()


def test_the_docs_describe_real_actions() -> None:
    assert {action for action, _ in VERDICT_STEPS} <= set(Action)


def test_docs_workflow_md_matches_the_table() -> None:
    assert DOC_PATH.read_text(encoding="utf-8") == render_workflow_doc(), (
        "docs/workflow.md is stale: run `python -m factcheck.workflow.docs`"
    )


def test_the_route_to_each_state_before_a_verdict_follows_the_table() -> None:
    assert [row.action for row in route_to(ClaimState.RESEARCHING)] == [
        Action.ACCEPT,
        Action.TAKE,
        Action.START,
    ]
    assert [row.action for row in route_to(ClaimState.DISMISSED)] == [Action.DISMISS]
    assert route_to(INITIAL_STATE) == []
    for state in (ClaimState.AWAITING_APPROVAL, ClaimState.PUBLISHED):
        with pytest.raises(LookupError, match="without a verdict"):
            route_to(state)


def test_every_action_agrees_on_its_fields_across_its_rows() -> None:
    for action in Action:
        rows = [row for row in TRANSITIONS if row.action is action]
        assert len({(row.reason, row.assignment, row.verdict) for row in rows}) == 1, action
    assert {Action.APPROVE, Action.REOPEN, Action.WITHDRAW} == ANNOUNCING
