"""Document reads and the snapshot write."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from factcheck.audit.chain import AuditEvent, EventSubject, append_event, lock_chain
from factcheck.documents.snapshot import Snapshot
from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner

__all__ = [
    "StoredDocument",
    "get_content",
    "get_document",
    "get_text",
    "store_snapshot",
]

FIND_BY_SHA256 = query("documents/find_by_sha256")
CREATE_DOCUMENT = query("documents/create_document")
GET_DOCUMENT = query("documents/get_document")
GET_CONTENT = query("documents/get_content")
GET_TEXT = query("documents/get_text")


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """The id of a stored snapshot, and whether this request created it."""

    id: str
    created: bool


async def store_snapshot(runner: Runner, snapshot: Snapshot, user: str) -> StoredDocument:
    """Finds the document with the same bytes, or creates one with its audit event.

    Call it inside a write transaction; it takes the write lock first.
    """
    await lock_chain(runner)
    existing = await runner.run(FIND_BY_SHA256, sha256=snapshot.sha256)
    if existing:
        return StoredDocument(str(existing[0]["id"]), created=False)
    document_id = str(uuid.uuid4())
    publisher = snapshot.publisher
    [row] = await runner.run(
        CREATE_DOCUMENT,
        doc=snapshot.properties(document_id, user),
        publisher=None
        if publisher is None
        else {
            "id": str(uuid.uuid4()),
            "key": publisher.key,
            "name": publisher.name,
            "kind": publisher.kind,
            "domain": publisher.domain,
        },
    )
    revision_of = row["revision_of"]
    await append_event(
        runner,
        AuditEvent(
            user=user,
            action="document.created",
            subject=EventSubject("Document", document_id),
            data={
                "origin": snapshot.origin,
                "url": snapshot.url,
                "final_url": snapshot.final_url,
                "sha256": snapshot.sha256,
                "text_sha256": snapshot.text_sha256,
                "revision_of": revision_of,
            },
            also_about=[EventSubject("Document", revision_of)] if revision_of else (),
        ),
    )
    return StoredDocument(document_id, created=True)


async def get_document(runner: Runner, document_id: str) -> Row | None:
    """The document's metadata; None when there is none."""
    row = await runner.run_one(GET_DOCUMENT, id=document_id)
    return row["document"] if row else None


async def get_content(runner: Runner, document_id: str) -> Row | None:
    """The stored bytes, content type and sha256; None when there is none."""
    return await runner.run_one(GET_CONTENT, id=document_id)


async def get_text(runner: Runner, document_id: str) -> Row | None:
    """The extracted text and its sha256; None when there is none."""
    return await runner.run_one(GET_TEXT, id=document_id)
