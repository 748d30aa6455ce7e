"""A canonical hash of a whole graph that does not depend on element ids.

A node's digest covers its sorted labels and its encoded properties; a relationship's covers
its type, its properties and the digests of its two nodes. The graph's hash is the sha256 of
the sorted node digests followed by the sorted relationship digests, so two graphs hash the
same exactly when they hold the same nodes and relationships, however they were numbered.
`:Migration` nodes are hashed without `applied_at`: it records when that database's schema
was applied, not what the graph holds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from factcheck.backup.values import canonical

__all__ = ["GraphHasher"]

_VOLATILE = {"Migration": frozenset({"applied_at"})}


class GraphHasher:
    """Feed every node, then every relationship; read `hexdigest()`."""

    def __init__(self) -> None:
        self._node_digest: dict[str, bytes] = {}
        self._relationships: list[bytes] = []

    @property
    def nodes(self) -> int:
        """Nodes fed so far."""
        return len(self._node_digest)

    @property
    def relationships(self) -> int:
        """Relationships fed so far."""
        return len(self._relationships)

    def node(self, element_id: str, labels: Sequence[str], props: Mapping[str, Any]) -> None:
        """Adds one node (its properties already encoded)."""
        dropped = frozenset().union(*(_VOLATILE.get(label, frozenset()) for label in labels))
        kept = {k: v for k, v in props.items() if k not in dropped}
        self._node_digest[element_id] = hashlib.sha256(canonical([sorted(labels), kept])).digest()

    def relationship(self, rel_type: str, start: str, end: str, props: Mapping[str, Any]) -> None:
        """Adds one relationship between nodes fed before; KeyError for an unknown node."""
        ends = [self._node_digest[start].hex(), self._node_digest[end].hex()]
        self._relationships.append(hashlib.sha256(canonical([rel_type, ends, dict(props)])).digest())

    def hexdigest(self) -> str:
        """The graph's hash."""
        total = hashlib.sha256()
        for digest in sorted(self._node_digest.values()):
            total.update(digest)
        total.update(b"|")
        for digest in sorted(self._relationships):
            total.update(digest)
        return total.hexdigest()
