"""Full-text query strings built safely from what a user typed."""

from __future__ import annotations

import re

__all__ = ["fulltext_query", "token_set", "token_similarity"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_STOP = frozenset(
    ("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its",
     "of", "on", "or", "that", "the", "this", "to", "was", "were", "will", "with")
)  # fmt: skip


def token_set(text: str) -> frozenset[str]:
    """Lower-cased content words of a text."""
    return frozenset(w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP)


def fulltext_query(text: str, max_terms: int = 32) -> str | None:
    """A Lucene query matching any of the text's words; None when it has none.

    Words are quoted, so Lucene syntax in the input (`AND`, `*`, `:`, quotes) is inert.
    """
    words = [w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP][:max_terms]
    if not words:
        return None
    return " ".join('"' + w.replace("\\", "").replace('"', "") + '"' for w in dict.fromkeys(words))


def token_similarity(left: str, right: str) -> float:
    """Jaccard similarity of two texts' content words, 0..1."""
    a, b = token_set(left), token_set(right)
    return round(len(a & b) / len(a | b), 3) if a and b else 0.0
