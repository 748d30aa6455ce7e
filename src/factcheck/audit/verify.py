"""Walks the audit chain and reports the first broken link.

The walk reads the head first and checks events `1..head.seq` in pages ordered by `seq`
(one query per page, never one per event). Events appended while it runs lie beyond the
head it read and are left for the next walk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from factcheck.audit.chain import event_hash
from factcheck.audit.repository import events_page, read_head
from factcheck.graph.store import Graph

__all__ = ["DEFAULT_PAGE_SIZE", "BreakReason", "BrokenLink", "ChainReport", "ChainWalker", "verify_chain"]

DEFAULT_PAGE_SIZE = 5000


class BreakReason(StrEnum):
    """Why a link of the chain does not hold."""

    MISSING_SEQ = "missing seq"
    PREV_HASH_MISMATCH = "prev_hash mismatch"
    HASH_MISMATCH = "hash mismatch"
    FOLLOWS_MISMATCH = "follows mismatch"
    HEAD_MISMATCH = "head mismatch"


@dataclass(frozen=True, slots=True)
class BrokenLink:
    """The first place the chain breaks: the seq expected there, the event found, and why."""

    seq: int
    event_id: str | None
    reason: BreakReason
    detail: str


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The outcome of a walk: `broken` is None when every link holds."""

    checked: int
    head_seq: int
    pages: int
    broken: BrokenLink | None

    @property
    def ok(self) -> bool:
        """True when no link is broken."""
        return self.broken is None


class ChainWalker:
    """Checks events one by one in seq order, remembering only the previous hash."""

    def __init__(self) -> None:
        self.expected_seq = 1
        self.prev_hash = ""

    @property
    def checked(self) -> int:
        """How many events passed."""
        return self.expected_seq - 1

    def check(self, event: Mapping[str, Any], follows: Sequence[int]) -> BrokenLink | None:
        """The broken link at `event`, or None when it follows on from the previous one."""
        seq, event_id = event.get("seq"), event.get("id")
        expected = self.expected_seq
        if seq != expected:
            return BrokenLink(
                expected, event_id, BreakReason.MISSING_SEQ, f"expected seq {expected}, found seq {seq}"
            )
        if event.get("prev_hash") != self.prev_hash:
            return BrokenLink(
                seq,
                event_id,
                BreakReason.PREV_HASH_MISMATCH,
                "prev_hash differs from the previous event's hash",
            )
        if event_hash(self.prev_hash, event) != event.get("hash"):
            return BrokenLink(
                seq, event_id, BreakReason.HASH_MISMATCH, "the stored hash does not match the event's fields"
            )
        if list(follows) != ([expected - 1] if expected > 1 else []):
            return BrokenLink(
                seq,
                event_id,
                BreakReason.FOLLOWS_MISMATCH,
                f"FOLLOWS points at {list(follows)}, not the event before",
            )
        self.expected_seq += 1
        self.prev_hash = str(event["hash"])
        return None

    def finish(self, head_seq: int, head_hash: str) -> BrokenLink | None:
        """The broken link at the end: the head must name the last event walked."""
        if head_seq != self.checked:
            return BrokenLink(
                self.expected_seq,
                None,
                BreakReason.MISSING_SEQ,
                f"the head is at seq {head_seq} but the chain ends at seq {self.checked}",
            )
        if head_hash != self.prev_hash:
            return BrokenLink(
                head_seq,
                None,
                BreakReason.HEAD_MISMATCH,
                "the head's hash differs from the last event's hash",
            )
        return None


async def verify_chain(graph: Graph, page_size: int = DEFAULT_PAGE_SIZE) -> ChainReport:
    """Walks the whole chain in pages of `page_size` events; reports the first broken link."""
    head = await read_head(graph)
    walker = ChainWalker()
    if head["seq"] is None:
        broken = None
        if head["has_events"]:
            broken = BrokenLink(
                1, None, BreakReason.HEAD_MISMATCH, "events exist but the chain head is missing"
            )
        return ChainReport(checked=0, head_seq=0, pages=0, broken=broken)
    head_seq, pages = int(head["seq"]), 0
    while walker.checked < head_seq:
        rows = await events_page(graph, after=walker.checked, through=head_seq, limit=page_size)
        pages += 1
        if not rows:
            break
        for row in rows:
            broken = walker.check(row["event"], row["follows"])
            if broken is not None:
                return ChainReport(checked=walker.checked, head_seq=head_seq, pages=pages, broken=broken)
    broken = walker.finish(head_seq, str(head["hash"]))
    return ChainReport(checked=walker.checked, head_seq=head_seq, pages=pages, broken=broken)
