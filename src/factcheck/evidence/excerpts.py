"""Finds a quoted passage in a document's text.

An excerpt is looked up exactly first. When that fails it is looked up again with typographic
quotes and dashes folded and any run of whitespace matching any other, since passages copied
from a rendered page rarely keep the page's line breaks. The stored excerpt is always the
document's own text at the offsets found.
"""

from __future__ import annotations

import re

from factcheck.errors import Unprocessable
from factcheck.extraction.text import fold

__all__ = ["Span", "locate"]

Span = tuple[int, int]
_PREVIEW = 200


def _loose(excerpt: str) -> re.Pattern[str]:
    words = fold(excerpt).split()
    return re.compile(r"\s+".join(re.escape(word) for word in words))


def locate(text: str, excerpt: str | None, start: int | None, end: int | None) -> Span:
    """The `(start, end)` of the passage in `text`; raises Unprocessable when it is not there."""
    if start is not None and end is not None:
        if not 0 <= start < end <= len(text):
            raise Unprocessable(
                f"start={start} and end={end} must satisfy 0 <= start < end <= {len(text)}, "
                "the length of the document's text",
                text_length=len(text),
            )
        if excerpt is not None and text[start:end] != excerpt:
            raise Unprocessable(
                "the excerpt differs from the document's text at start..end",
                found=text[start:end][:_PREVIEW],
            )
        return start, end
    assert excerpt is not None
    found = text.find(excerpt)
    if found >= 0:
        return found, found + len(excerpt)
    if excerpt.split():
        match = _loose(excerpt).search(fold(text))
        if match:
            return match.start(), match.end()
    raise Unprocessable(
        "the excerpt does not occur in the document's text; quote it as it appears there "
        "(GET /documents/{id}/text shows the text offsets index)",
        excerpt=excerpt[:_PREVIEW],
    )
