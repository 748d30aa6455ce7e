"""Appends audit events inside the caller's write transaction.

Each event's `hash` is sha256 over the previous event's hash followed by the event's
canonical JSON (sorted keys, no spaces, UTF-8). The chain head node is locked for the
rest of the transaction, so concurrent writers append one at a time and the chain stays
gapless: `seq` runs 1, 2, 3, ... and each event `FOLLOWS` the one before.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, get_args

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner

__all__ = [
    "AuditEvent",
    "EventSubject",
    "append_event",
    "append_events",
    "canonical_json",
    "event_hash",
    "hashed_fields",
    "lock_chain",
]

LOCK_HEAD = query("audit/lock_head")
APPEND_EVENTS = query("audit/append_events")

SubjectLabel = Literal["Claim", "Verdict", "Evidence", "Document", "Article", "User", "Webhook"]
# The fields the hash covers, in the order a verifier reads them back.
HASHED_FIELDS = (
    "id",
    "seq",
    "at",
    "user",
    "action",
    "subject",
    "subject_type",
    "from_state",
    "to_state",
    "data",
)


@dataclass(frozen=True, slots=True)
class EventSubject:
    """A node an event is about."""

    label: SubjectLabel
    id: str


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """What happened, before it gets its place in the chain."""

    user: str
    action: str
    subject: EventSubject
    from_state: str | None = None
    to_state: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    also_about: Sequence[EventSubject] = ()
    at: str | None = None
    """When it happened (ISO 8601); now when None. Only imports and the bench's clones set it."""


def canonical_json(value: Any) -> str:
    """JSON with sorted keys and no whitespace; the form that is hashed."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def hashed_fields(stored: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a stored event that its hash covers."""
    return {name: stored.get(name) for name in HASHED_FIELDS}


def event_hash(prev_hash: str, stored: Mapping[str, Any]) -> str:
    """sha256(prev_hash + canonical JSON of the hashed fields), as hex."""
    payload = prev_hash + canonical_json(hashed_fields(stored))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


async def lock_chain(runner: Runner) -> Row:
    """Takes the chain head's write lock for the rest of the transaction; returns the head.

    Taking it first makes a write transaction wait for every other writer of the chain.
    """
    [head] = await runner.run(LOCK_HEAD)
    return head


async def append_event(runner: Runner, event: AuditEvent) -> Row:
    """Locks the chain head, appends `event` after it, and returns the stored event.

    Call it inside the same write transaction as the change it records.
    """
    [stored] = await append_events(runner, [event])
    return stored


async def append_events(runner: Runner, events: Sequence[AuditEvent]) -> list[Row]:
    """Locks the chain head and appends `events` after it in order, in one statement.

    Call it inside the same write transaction as the changes they record; returns the stored
    events (nothing is written for an empty list).
    """
    if not events:
        return []
    tip = await lock_chain(runner)
    seq, prev_hash = int(tip["seq"]), str(tip["hash"])
    rows: list[dict[str, Any]] = []
    stored_events: list[Row] = []
    for event in events:
        seq += 1
        stored: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "seq": seq,
            "at": event.at or datetime.now(UTC).isoformat(timespec="microseconds"),
            "user": event.user,
            "action": event.action,
            "subject": event.subject.id,
            "subject_type": event.subject.label,
            "from_state": event.from_state,
            "to_state": event.to_state,
            "data": canonical_json(dict(event.data)),
            "prev_hash": prev_hash,
        }
        stored["hash"] = prev_hash = event_hash(prev_hash, stored)
        about: dict[str, list[str]] = {label: [] for label in get_args(SubjectLabel)}
        for subject in (event.subject, *event.also_about):
            about[subject.label].append(subject.id)
        rows.append({"event": stored, "about": about})
        stored_events.append(stored)
    await runner.run(APPEND_EVENTS, events=rows, head={"seq": seq, "hash": prev_hash})
    return stored_events
