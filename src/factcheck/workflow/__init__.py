"""The review workflow: the state table, its guards, and the transition endpoint."""

from factcheck.workflow.diagram import workflow_mermaid, workflow_mermaid_markdown
from factcheck.workflow.table import (
    TRANSITIONS,
    Action,
    ClaimFacts,
    IllegalTransition,
    State,
    TransitionForbidden,
    allowed_actions,
    apply,
)

__all__ = [
    "TRANSITIONS",
    "Action",
    "ClaimFacts",
    "IllegalTransition",
    "State",
    "TransitionForbidden",
    "allowed_actions",
    "apply",
    "workflow_mermaid",
    "workflow_mermaid_markdown",
]
