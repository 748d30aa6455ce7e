"""What a user pasted (often a tweet), cleaned into words, and the fielded full-text query."""

from __future__ import annotations

import re

__all__ = ["HEADLINE_BOOST", "TEXT_BOOST", "clean_text", "match_query", "split_compound"]

TEXT_BOOST = 1.0
HEADLINE_BOOST = 0.6
MAX_TERMS = 64

_URL = re.compile(
    r"(?:https?://|www\.)\S+|\bpic\.twitter\.com/\S+|\b[a-z0-9.-]+\.(?:com|org|net|ly)/\S*", re.I
)
# "— Jane Doe (@janedoe) January 14, 2020" at the end of an embedded tweet: the name is kept.
_TAIL = re.compile(r"\s*[—–]\s*([^—–]{0,120}?)\s*\(@\w{1,30}\)\s*[A-Z][a-z]+\.? \d{1,2}, \d{4}[\s\"']*$")
_HANDLE = re.compile(r"(?<!\w)@(\w{1,30})")
_HASHTAG = re.compile(r"(?<!\w)#(\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_SPACE = re.compile(r"\s+")


def split_compound(tag: str) -> str:
    """`AustralianFires` -> `Australian Fires`, `COVID19` -> `COVID 19`; lower-case tags stay whole."""
    return _CAMEL.sub(" ", tag.replace("_", " "))


def clean_text(text: str) -> str:
    """The text without links, @ signs and the date and handle of an embedded tweet's tail.

    Hashtags and handles are split into words; the tail's author name stays, as claims often
    say who said something.
    """
    text = _TAIL.sub(lambda m: " " + m.group(1), text)
    text = _URL.sub(" ", text)
    text = _HANDLE.sub(lambda m: " " + split_compound(m.group(1)) + " ", text)
    text = _HASHTAG.sub(lambda m: " " + split_compound(m.group(1)) + " ", text)
    return _SPACE.sub(" ", text).strip()


def _terms(words: list[str]) -> str:
    return " ".join('"' + w + '"' for w in words)


def match_query(cleaned: str) -> str | None:
    """A Lucene query over the claim text and the review headline, boosted per field; None if no words.

    Words are quoted, so Lucene syntax in the input (`AND`, `*`, `:`, quotes) is inert.
    """
    words = list(dict.fromkeys(w.lower().replace("\\", "") for w in _WORD.findall(cleaned)))[:MAX_TERMS]
    if not words:
        return None
    terms = _terms(words)
    return f"text:({terms})^{TEXT_BOOST} headline:({terms})^{HEADLINE_BOOST}"
