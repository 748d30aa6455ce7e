"""The workflow table drawn as a Mermaid state diagram, and as a Markdown table."""

from __future__ import annotations

from factcheck.workflow.table import INITIAL_STATE, REASON_REQUIRED, TRANSITIONS

__all__ = ["transitions_markdown", "workflow_mermaid", "workflow_mermaid_markdown"]


def workflow_mermaid() -> str:
    """A Mermaid `stateDiagram-v2`, one arrow per row of the table."""
    lines = ["stateDiagram-v2", f"    [*] --> {INITIAL_STATE}"]
    for t in TRANSITIONS:
        lines.append(f"    {t.source} --> {t.target}: {t.action}")
    return "\n".join(lines) + "\n"


def transitions_markdown() -> str:
    """The table as Markdown: from, action, to, who may, what happens."""
    rows = [
        "| from | action | to | who may | what happens |",
        "|---|---|---|---|---|",
    ]
    for t in TRANSITIONS:
        action = f"`{t.action}`" + (" (reason)" if t.action in REASON_REQUIRED else "")
        rows.append(f"| `{t.source}` | {action} | `{t.target}` | {t.guard.who} | {t.effect} |")
    return "\n".join(rows) + "\n"


def workflow_mermaid_markdown() -> str:
    """A Markdown section for the OpenAPI description: the diagram and the table."""
    return (
        "\n## Review workflow\n\n"
        "`POST /claims/{claim_id}/transitions` takes `{action, version, reason?, assignee?, verdict_id?}`."
        " A stale `version` or an action the table does not allow from the current state gets 409.\n\n"
        f"```mermaid\n{workflow_mermaid()}```\n\n{transitions_markdown()}"
    )
