"""A document snapshot: the bytes as received, the text read from them, and both hashes.

`text` is what evidence offsets index. For HTML it is trafilatura's main text; for any other
text type it is the decoded body, unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Literal

import trafilatura

from factcheck.documents.errors import UnsupportedMediaType
from factcheck.documents.publisher import PublisherDraft
from factcheck.errors import Unprocessable

__all__ = [
    "HTML_TYPES",
    "PageText",
    "Snapshot",
    "is_text_type",
    "media_type",
    "read_text",
    "sha256_hex",
]

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_OTHER_TEXT_TYPES = frozenset({"application/json", "application/xml", "application/ld+json"})


def sha256_hex(data: bytes) -> str:
    """The hex sha256 of `data`."""
    return hashlib.sha256(data).hexdigest()


def media_type(content_type: str) -> str:
    """The content type without parameters, lower-cased."""
    return content_type.split(";", 1)[0].strip().lower()


def is_text_type(content_type: str) -> bool:
    """True for HTML, any `text/*` type, JSON and XML."""
    kind = media_type(content_type)
    return kind in HTML_TYPES or kind.startswith("text/") or kind in _OTHER_TEXT_TYPES


@dataclass(frozen=True, slots=True)
class PageText:
    """The text of a body, and what an HTML page says about itself."""

    text: str
    title: str | None = None
    site_name: str | None = None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything stored for one document, before it has an id."""

    origin: Literal["fetch", "upload"]
    url: str | None
    final_url: str | None
    http_status: int | None
    content_type: str
    raw: bytes
    text: str
    title: str | None
    retrieved_at: str
    publisher: PublisherDraft | None

    @property
    def sha256(self) -> str:
        """sha256 of the stored bytes."""
        return sha256_hex(self.raw)

    @property
    def text_sha256(self) -> str:
        """sha256 of the extracted text, UTF-8."""
        return sha256_hex(self.text.encode("utf-8"))

    def properties(self, document_id: str, created_by: str) -> dict[str, Any]:
        """The node's properties (`retrieved_at` becomes a datetime in the query)."""
        return {
            "id": document_id,
            "origin": self.origin,
            "url": self.url,
            "final_url": self.final_url,
            "http_status": self.http_status,
            "content_type": self.content_type,
            "raw": self.raw,
            "text": self.text,
            "title": self.title,
            "size": len(self.raw),
            "text_length": len(self.text),
            "sha256": self.sha256,
            "text_sha256": self.text_sha256,
            "retrieved_at": self.retrieved_at,
            "created_by": created_by,
        }


def read_text(raw: bytes, content_type: str, charset: str | None, url: str | None) -> PageText:
    """The text of a body; raises UnsupportedMediaType for non-text and Unprocessable when empty.

    Runs trafilatura for HTML, so call it from a worker thread.
    """
    if not is_text_type(content_type):
        raise UnsupportedMediaType(
            f"{url or 'the document'} is {media_type(content_type)}; only HTML and text documents "
            "can be quoted",
            content_type=media_type(content_type),
        )
    decoded = _decode(raw, charset)
    if media_type(content_type) in HTML_TYPES:
        # Without a declared charset trafilatura reads the page's own <meta charset>.
        page = _html_text(raw if decoded is None else decoded, url)
    else:
        page = PageText(decoded if decoded is not None else raw.decode("utf-8", errors="replace"))
    if not page.text.strip():
        raise Unprocessable(f"{url or 'the document'} has no readable text to quote", url=url)
    return page


def _decode(raw: bytes, charset: str | None) -> str | None:
    """`raw` in the declared charset, bad bytes replaced; None when none or an unknown one is declared."""
    if not charset:
        return None
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:
        return None


def _html_text(html: str | bytes, url: str | None) -> PageText:
    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data: dict[str, Any] = {}
    if isinstance(found, dict):
        data = found
    elif found is not None:
        data = found.as_dict()
    text = str(data.get("text") or "") or str(trafilatura.html2txt(html) or "")
    return PageText(text=text, title=data.get("title") or None, site_name=data.get("sitename") or None)
