"""Errors particular to documents."""

from __future__ import annotations

from factcheck.errors import FactcheckError

__all__ = ["UnsupportedMediaType"]


class UnsupportedMediaType(FactcheckError):
    """The URL answered with content that is not text (an image, a PDF, an archive, ...)."""

    status, slug, title = 415, "unsupported-media-type", "Not a text document"
