"""Storing snapshots and reading them back."""

from __future__ import annotations

import httpx

from factcheck.documents import repository
from factcheck.documents.intake import take_snapshot
from factcheck.documents.schemas import Document, DocumentCreate
from factcheck.errors import NotFound
from factcheck.graph.store import Graph, Transaction
from factcheck.settings import Settings

__all__ = ["StoredContent", "create_document", "get_content", "get_document", "get_text"]

StoredContent = tuple[bytes, str, str]


def _missing(document_id: str) -> NotFound:
    return NotFound(f"no document has id {document_id!r}", document_id=document_id)


async def create_document(
    graph: Graph, settings: Settings, http: httpx.AsyncClient, data: DocumentCreate, user: str
) -> tuple[Document, bool]:
    """Stores the snapshot unless the same bytes are stored; returns it and whether it is new."""
    snapshot = await take_snapshot(data, settings, http)

    async def work(tx: Transaction) -> tuple[Document, bool]:
        stored = await repository.store_snapshot(tx, snapshot, user)
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
