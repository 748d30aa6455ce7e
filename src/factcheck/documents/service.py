"""Storing snapshots and reading them back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import httpx

from factcheck.audit.chain import AuditEvent, EventSubject, append_event, lock_chain
from factcheck.documents import repository
from factcheck.documents.intake import take_snapshot
from factcheck.documents.schemas import Document, DocumentCreate
from factcheck.documents.snapshot import Snapshot
from factcheck.errors import NotFound
from factcheck.graph.store import Graph, Runner, Transaction
from factcheck.settings import Settings

__all__ = [
    "StoredContent",
    "StoredDocument",
    "create_document",
    "get_content",
    "get_document",
    "get_text",
    "store_snapshot",
]

StoredContent = tuple[bytes, str, str]


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
    existing = await repository.find_by_sha256(runner, snapshot.sha256)
    if existing is not None:
        return StoredDocument(existing, created=False)
    document_id = str(uuid.uuid4())
    publisher = snapshot.publisher
    revision_of = await repository.create_document(
        runner,
        snapshot.properties(document_id, user),
        None
        if publisher is None
        else {
            "id": str(uuid.uuid4()),
            "key": publisher.key,
            "name": publisher.name,
            "kind": publisher.kind,
            "domain": publisher.domain,
        },
    )
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


def _missing(document_id: str) -> NotFound:
    return NotFound(f"no document has id {document_id!r}", document_id=document_id)


async def create_document(
    graph: Graph, settings: Settings, http: httpx.AsyncClient, data: DocumentCreate, user: str
) -> tuple[Document, bool]:
    """Stores the snapshot unless the same bytes are stored; returns it and whether it is new."""
    snapshot = await take_snapshot(data, settings, http)

    async def work(tx: Transaction) -> tuple[Document, bool]:
        stored = await store_snapshot(tx, snapshot, user)
        row = await repository.get_document(tx, stored.id)
        assert row is not None
        return Document.model_validate(row), stored.created

    return await graph.transaction(work)


async def get_document(graph: Graph, document_id: str) -> Document:
    """The document's metadata; NotFound when there is none."""
    row = await repository.get_document(graph, document_id)
    if row is None:
        raise _missing(document_id)
    return Document.model_validate(row)


async def get_content(graph: Graph, document_id: str) -> StoredContent:
    """The stored bytes, content type and sha256; NotFound when there is none."""
    row = await repository.get_content(graph, document_id)
    if row is None:
        raise _missing(document_id)
    return bytes(row["raw"]), str(row["content_type"]), str(row["sha256"])


async def get_text(graph: Graph, document_id: str) -> str:
    """The extracted text that evidence offsets index; NotFound when there is none."""
    row = await repository.get_text(graph, document_id)
    if row is None:
        raise _missing(document_id)
    return str(row["text"])
