"""`POST /claims/{claim_id}/transitions` and `GET /workflow`."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, get, post
from litestar.params import FromPath, JSONBody

from factcheck.app_services import Services
from factcheck.auth.guards import CallerDep, requires
from factcheck.auth.roles import Permission
from factcheck.webhooks.dispatcher import wake_dispatcher
from factcheck.workflow import service
from factcheck.workflow.diagram import workflow_mermaid
from factcheck.workflow.schemas import Transition, TransitionCreate, WorkflowRow, WorkflowTable
from factcheck.workflow.table import ANNOUNCING, INITIAL_STATE, REASON_REQUIRED, TRANSITIONS, ClaimState

__all__ = ["WorkflowController"]


class WorkflowController(Controller):
    """Moves claims through the review workflow."""

    tags = ["workflow"]

    @post(
        "/claims/{claim_id:str}/transitions",
        guards=[requires(Permission.WRITE)],
        summary="Take a workflow action on a claim",
        description="200 with the new state and version. 409 for a stale `version` (the state is "
        "untouched) or an action the table does not allow from the current state (`allowed_actions` "
        "lists those it does). 403 when the action's guard refuses the caller, for instance an editor "
        "approving a verdict they wrote, edited or submitted. 422 when a reason, assignee or cited "
        "evidence is missing.",
        status_code=200,
    )
    async def create(
        self,
        request: Request[Any, Any, Any],
        claim_id: FromPath[str],
        data: JSONBody[TransitionCreate],
        services: Services,
        caller: CallerDep,
    ) -> Transition:
        """Checks the version, the table and the guard, then moves the claim and records it."""
        result = await service.transition(services.graph, caller, claim_id, data)
        if data.action in ANNOUNCING:
            wake_dispatcher(
                request.app.state
            )  # send the webhooks this commit queued now, not at the next poll
        return result

    @get("/workflow", guards=[requires(Permission.READ_INTERNAL)], summary="The workflow table")
    async def table(self) -> WorkflowTable:
        """Every state and transition, with who may take it, and the Mermaid diagram."""
        return WorkflowTable(
            initial_state=INITIAL_STATE,
            states=list(ClaimState),
            transitions=[
                WorkflowRow(
                    source=t.source,
                    action=t.action,
                    target=t.target,
                    who=t.guard.who,
                    reason_required=t.action in REASON_REQUIRED,
                    effect=t.effect,
                )
                for t in TRANSITIONS
            ],
            mermaid=workflow_mermaid(),
        )
