"""The bulk event writer of the benchmark's graph builder chains hashes as the service does."""

from __future__ import annotations

from typing import Any

from bench.graph_builder import LABELS, _append_events, _Event, _remap

from factcheck.audit.chain import event_hash


class FakeResult:
    async def consume(self) -> None:
        return None


class FakeTx:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []

    async def run(self, query: str, **params: Any) -> FakeResult:
        self.calls.append((query, params))
        return FakeResult()


def event(action: str, subject: str) -> _Event:
    about: dict[str, list[str]] = {label: [] for label in LABELS}
    about["Claim"] = [subject]
    return _Event("user-1", action, "Claim", subject, {"version": 2}, "2024-01-01T00:00:00+00:00", about)


async def test_events_continue_the_chain_from_the_locked_head() -> None:
    tx = FakeTx()
    await _append_events(tx, 41, "head-hash", [event("claim.accept", "c1"), event("claim.take", "c2")])  # type: ignore[arg-type]
    (_, created), (_, linked), (_, head) = tx.calls
    first, second = (row["event"] for row in created["events"])
    assert (first["seq"], second["seq"]) == (42, 43)
    assert first["prev_hash"] == "head-hash" and second["prev_hash"] == first["hash"]
    assert first["hash"] == event_hash("head-hash", first)
    assert second["hash"] == event_hash(first["hash"], second)
    assert "from_state" not in first  # absent fields are not stored, as the service stores them
    assert linked["seqs"] == [42, 43]
    assert head == {"seq": 43, "hash": second["hash"]}


def test_remap_replaces_ids_wherever_they_occur() -> None:
    ids = {"old-claim": "new-claim", "old-evidence": "new-evidence"}
    data = {"claim": "old-claim", "evidence_ids": ["old-evidence", "other"], "nested": {"x": "old-claim"}}
    assert _remap(data, ids) == {
        "claim": "new-claim",
        "evidence_ids": ["new-evidence", "other"],
        "nested": {"x": "new-claim"},
    }
