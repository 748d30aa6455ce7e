"""The DERIVED_FROM write, which refuses unknown targets and cycles in the same statement."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner
from factcheck.provenance.schemas import ChainLabel

__all__ = ["add_derived_from"]

ADD_DERIVED_FROM = query("provenance/add_derived_from")


async def add_derived_from(
    runner: Runner, label: ChainLabel, node_id: str, targets: Sequence[str]
) -> Row | None:
    """Adds the links unless a target is unknown or one would close a cycle; None when no node."""
    return await runner.run_one(ADD_DERIVED_FROM, label=label, id=node_id, targets=list(targets))
