"""Storing snapshots and reading them back."""

from __future__ import annotations

from neo4j import AsyncManagedTransaction

from factcheck.documents import repository
from factcheck.documents.intake import take_snapshot
from factcheck.documents.schemas import Document, DocumentCreate
from factcheck.errors import NotFound
from factcheck.state import AppServices

__all__ = ["StoredContent", "create_document", "get_content", "get_document", "get_text"]

StoredContent = tuple[bytes, str, str]


def _missing(document_id: str) -> NotFound:
    return NotFound(f"no document has id {document_id!r}", document_id=document_id)


async def create_document(services: AppServices, data: DocumentCreate, user: str) -> tuple[Document, bool]:
    """Stores the snapshot unless the same bytes are stored; returns it and whether it is new."""
    snapshot = await take_snapshot(data, services.settings, services.http)
    graph = services.graph

    async def work(tx: AsyncManagedTransaction) -> tuple[Document, bool]:
        stored = await repository.store_snapshot(graph, tx, snapshot, user)
        row = await repository.get_document_in(graph, tx, stored.id)
        assert row is not None
        return Document.model_validate(row), stored.created

    return await graph.transaction(work)


async def get_document(services: AppServices, document_id: str) -> Document:
    """The document's metadata; NotFound when there is none."""
    row = await repository.get_document(services.graph, document_id)
    if row is None:
        raise _missing(document_id)
    return Document.model_validate(row)


async def get_content(services: AppServices, document_id: str) -> StoredContent:
    """The stored bytes, content type and sha256; NotFound when there is none."""
    row = await repository.get_content(services.graph, document_id)
    if row is None:
        raise _missing(document_id)
    return bytes(row["raw"]), str(row["content_type"]), str(row["sha256"])


async def get_text(services: AppServices, document_id: str) -> str:
    """The extracted text that evidence offsets index; NotFound when there is none."""
    row = await repository.get_text(services.graph, document_id)
    if row is None:
        raise _missing(document_id)
    return str(row["text"])
