"""`/documents`: store a snapshot, read its metadata, its bytes and its text, link its origins."""

from __future__ import annotations

import base64

from litestar import Controller, Response, get, post
from litestar.params import FromPath, JSONBody

from factcheck.app_services import Services
from factcheck.auth.guards import CallerDep, requires
from factcheck.auth.roles import Permission
from factcheck.documents import service
from factcheck.documents.schemas import Document, DocumentCreate
from factcheck.provenance.schemas import DerivedFromCreate
from factcheck.provenance.service import add_derived_from

__all__ = ["DocumentController"]

# Stored pages are someone else's HTML: never let them run script or be sniffed on our origin.
_CONTENT_HEADERS = {
    "content-security-policy": "sandbox; default-src 'none'",
    "x-content-type-options": "nosniff",
    "cache-control": "private, no-cache",
}


class DocumentController(Controller):
    """Snapshots of the material evidence quotes."""

    path = "/documents"
    tags = ["documents"]

    @post(
        "/",
        guards=[requires(Permission.WRITE)],
        summary="Store a document fetched from a URL, or uploaded as text or HTML",
        description="201 with the new document; 200 with the stored one when the same bytes were "
        "stored before. A URL whose content changed gets a new document that is a REVISION_OF the "
        "previous one. 415 for content that is not text.",
    )
    async def create(
        self, data: JSONBody[DocumentCreate], services: Services, caller: CallerDep
    ) -> Response[Document]:
        """Fetches or reads the document, and stores its snapshot with an audit event."""
        document, created = await service.create_document(
            services.graph, services.settings, services.http, data, caller.id
        )
        return Response(document, status_code=201 if created else 200)

    @get("/{document_id:str}", guards=[requires(Permission.READ_INTERNAL)], summary="Read a document")
    async def read(self, document_id: FromPath[str], services: Services) -> Document:
        """The document's metadata, hashes, publisher and revisions."""
        return await service.get_document(services.graph, document_id)

    @get(
        "/{document_id:str}/content",
        guards=[requires(Permission.READ_INTERNAL)],
        summary="The stored snapshot, byte for byte, with its original content type",
        media_type="application/octet-stream",
    )
    async def content(self, document_id: FromPath[str], services: Services) -> Response[bytes]:
        """The bytes as fetched or uploaded; `Repr-Digest` carries their recorded sha256."""
        raw, content_type, sha256 = await service.get_content(services.graph, document_id)
        digest = base64.b64encode(bytes.fromhex(sha256)).decode()
        headers = {
            **_CONTENT_HEADERS,
            "content-type": content_type,
            "repr-digest": f"sha-256=:{digest}:",
            "etag": f'"{sha256}"',
        }
        return Response(raw, headers=headers)

    @get(
        "/{document_id:str}/text",
        guards=[requires(Permission.READ_INTERNAL)],
        summary="The extracted text that evidence offsets index",
        media_type="text/plain",
    )
    async def text(self, document_id: FromPath[str], services: Services) -> str:
        """The text read from the snapshot (trafilatura's main text for HTML)."""
        return await service.get_text(services.graph, document_id)

    @post(
        "/{document_id:str}/derived_from",
        guards=[requires(Permission.WRITE)],
        summary="Record what a document derives from",
        description="409 when a link would close a cycle; nothing is written then.",
        status_code=200,
    )
    async def derive(
        self,
        document_id: FromPath[str],
        data: JSONBody[DerivedFromCreate],
        services: Services,
        caller: CallerDep,
    ) -> Document:
        """Links the document to the evidence or documents it derives from."""
        await add_derived_from(services.graph, "Document", document_id, data.derived_from, caller.id)
        return await service.get_document(services.graph, document_id)
