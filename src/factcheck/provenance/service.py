"""DERIVED_FROM links added to existing evidence or documents, refusing cycles.

The check and the write are one statement, run after the transaction has taken the write lock,
so two requests that would close a cycle together cannot both pass.
"""

from __future__ import annotations

from factcheck.audit.chain import AuditEvent, EventSubject, append_event, lock_chain
from factcheck.errors import Conflict, NotFound, Unprocessable
from factcheck.graph.store import Graph, Transaction
from factcheck.provenance import repository
from factcheck.provenance.schemas import ChainLabel

__all__ = ["add_derived_from"]

_ACTIONS: dict[ChainLabel, str] = {
    "Evidence": "evidence.derived_from_added",
    "Document": "document.derived_from_added",
}


async def add_derived_from(
    graph: Graph, label: ChainLabel, node_id: str, targets: list[str], user: str
) -> list[str]:
    """Links the node to each target; returns the ids linked now (existing links are kept).

    Raises NotFound for an unknown node, Unprocessable for unknown targets, and Conflict
    when a link would close a cycle; then nothing is written.
    """
    unique = list(dict.fromkeys(targets))

    async def work(tx: Transaction) -> list[str]:
        await lock_chain(tx)
        row = await repository.add_derived_from(tx, label, node_id, unique)
        if row is None:
            raise NotFound(f"no {label.lower()} has id {node_id!r}", id=node_id)
        if row["unknown"]:
            raise Unprocessable(
                "`derived_from` names ids that are neither evidence nor documents",
                unknown_ids=row["unknown"],
            )
        if row["cycles"]:
            raise Conflict(
                "a DERIVED_FROM link would close a cycle: the target already rests on this node",
                cycles=row["cycles"],
            )
        added: list[str] = row["added"]
        if added:
            labels = {ref["id"]: ref["label"] for ref in row["targets"]}
            await append_event(
                tx,
                AuditEvent(
                    user=user,
                    action=_ACTIONS[label],
                    subject=EventSubject(label, node_id),
                    data={"derived_from": added},
                    also_about=tuple(EventSubject(labels[ref], ref) for ref in added),
                ),
            )
        return added

    return await graph.transaction(work)
