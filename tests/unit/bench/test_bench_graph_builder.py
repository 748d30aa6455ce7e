"""The benchmark's graph builder remaps the ids of the claims it clones."""

from __future__ import annotations

from bench.graph_builder import _remap


def test_remap_replaces_ids_wherever_they_occur() -> None:
    ids = {"old-claim": "new-claim", "old-evidence": "new-evidence"}
    data = {"claim": "old-claim", "evidence_ids": ["old-evidence", "other"], "nested": {"x": "old-claim"}}
    assert _remap(data, ids) == {
        "claim": "new-claim",
        "evidence_ids": ["new-evidence", "other"],
        "nested": {"x": "new-claim"},
    }
