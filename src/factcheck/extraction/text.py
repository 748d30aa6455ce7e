"""Text helpers shared by the extraction modules.

``fold`` maps typographic quotes and dashes to ASCII one character for one
character, so patterns can be matched on the folded text while offsets stay valid
for the original.
"""

from __future__ import annotations

import re
import unicodedata

from factcheck.cleantext import strip_unsafe

__all__ = ["fold", "has_words", "normalise_text", "slug", "word_set"]

_FOLD_MAP: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}

_FOLD_PAIRS = tuple(_FOLD_MAP.items())
"""(character, replacement) pairs; no replacement is itself replaced, so the order is free."""

_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x85")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SLUG_DROP = re.compile(r"['\u2019.]")
_SLUG_SEP = re.compile(r"[^a-z0-9]+")
_WORDS = re.compile(r"\w+")


def fold(text: str) -> str:
    """Return ``text`` with curly quotes, dashes and odd spaces made ASCII.

    The result has exactly the same length as the input. Each character is
    replaced with ``str.replace`` only when present: the same result as
    ``str.translate`` with the mapping, far faster on non-ASCII text.
    """
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    for char, ascii_char in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, ascii_char)
    return text


def normalise_text(text: str) -> str:
    """Normalise article text for dedupe hashing.

    Applies Unicode NFC, turns every newline form into ``\\n``, drops control characters,
    terminal escapes and bidi overrides (``strip_unsafe``), strips trailing
    whitespace from each line, collapses runs of two or more blank lines into one
    blank line, and strips the ends. Returns ``""`` for blank input.
    """
    text = unicodedata.normalize("NFC", text)
    text = strip_unsafe(_NEWLINES.sub("\n", text))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def slug(name: str) -> str:
    """Return a stable key for ``name``: ``"Kata'ib Hezbollah"`` -> ``"kataib-hezbollah"``."""
    ascii_name = unicodedata.normalize("NFKD", fold(name)).encode("ascii", "ignore").decode()
    ascii_name = _SLUG_DROP.sub("", ascii_name.lower())
    return _SLUG_SEP.sub("-", ascii_name).strip("-")


def has_words(text: str, count: int) -> bool:
    """Whether ``text`` holds at least ``count`` words (runs of ``\\w``)."""
    return len(_WORDS.findall(text)) >= count


def word_set(words: str) -> frozenset[str]:
    """Return the whitespace-separated ``words`` as a frozenset."""
    return frozenset(words.split())
