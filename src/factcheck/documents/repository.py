"""Document reads and the snapshot write."""

from __future__ import annotations

from typing import Any

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner

__all__ = [
    "create_document",
    "find_by_sha256",
    "get_content",
    "get_document",
    "get_text",
]

FIND_BY_SHA256 = query("documents/find_by_sha256")
CREATE_DOCUMENT = query("documents/create_document")
GET_DOCUMENT = query("documents/get_document")
GET_CONTENT = query("documents/get_content")
GET_TEXT = query("documents/get_text")


async def find_by_sha256(runner: Runner, sha256: str) -> str | None:
    """The id of the document with exactly these bytes, or None."""
    row = await runner.run_one(FIND_BY_SHA256, sha256=sha256)
    return str(row["id"]) if row else None


async def create_document(
    runner: Runner, properties: dict[str, Any], publisher: dict[str, Any] | None
) -> str | None:
    """Creates the document (and its publisher when new); returns the id of the text it revises."""
    [row] = await runner.run(CREATE_DOCUMENT, doc=properties, publisher=publisher)
    return row["revision_of"]  # type: ignore[no-any-return]


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
