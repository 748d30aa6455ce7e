"""Recognise page furniture that is never a claim.

Works line by line: share and comment prompts, "Read more:" teasers, bylines,
datelines, copyright notices, headlines and lines that only repeat the
publisher's or author's name.
"""

from __future__ import annotations

import re

from factcheck.extraction.text import fold, word_set

__all__ = ["AUTHOR_LINE", "BY_LINE", "boilerplate_reason", "is_headline"]

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue(?:s)?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
_TIME = (
    r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:[a-z]{2,4}|(?:gmt|utc)\s*[+-]?\s*\d{0,2}(?::?\d{2})?)?"
)
_DATELINE = re.compile(
    rf"^(?:(?:posted|published|updated|last updated)(?:\s+on)?\s*:?\s*)?(?:{_WEEKDAY},?\s*)?{_DATE}"
    rf"(?:\s*(?:[-,|@/]|at)?\s*{_TIME})?$",
    re.IGNORECASE,
)
AUTHOR_LINE = re.compile(
    r"^(?:author|authors|written by|posted by|reporter|reporting by|by)\s*:\s*(?P<name>.{2,80}?)\s*$",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,4}"
BY_LINE = re.compile(rf"^[Bb]y\s+(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s*$")
"""A "By Jane Roe and John Doe" line."""


class _Phrases:
    """Lower-case phrases found in any case, like ``re.compile("|".join(phrases), re.I)``.

    In ASCII text a case-insensitive match is a match in the lower-cased text, which
    ``in`` finds much faster; other text goes to the regex, as a few non-ASCII letters
    match ASCII ones there (``\u017f`` matches ``s``).
    """

    def __init__(self, *phrases: str) -> None:
        self._phrases = phrases
        self._pattern = re.compile("|".join(map(re.escape, phrases)), re.IGNORECASE)

    def search(self, text: str) -> bool:
        """Whether any phrase occurs in ``text``."""
        if text.isascii():
            lowered = text.lower()
            return any(phrase in lowered for phrase in self._phrases)
        return self._pattern.search(text) is not None


_PATTERNS: tuple[tuple[str, re.Pattern[str] | _Phrases], ...] = (
    (
        "share_prompt",
        re.compile(r"^(?:share(?:\s+(?:it|this|on\s+\w+|this\s+\w+))?|tweet|print|e-?mail)\s*:?$", re.I),
    ),
    (
        "comment_prompt",
        re.compile(r"^(?:leave a (?:reply|comment)|post a comment|\d*\s*comments?\s*:?$)", re.I),
    ),
    ("comment_form", _Phrases("your email address will not be published", "required fields are marked")),
    (
        "read_more",
        re.compile(
            r"^(?:read more|read also|also read|see also|related(?: articles?| stories| news)?|recommended"
            r"|more on this|watch|listen|more|next|previous)\s*[:>\-|]",
            re.I,
        ),
    ),
    ("byline", AUTHOR_LINE),
    ("byline", BY_LINE),
    (
        "metadata",
        re.compile(
            r"^(?:source|photo|image|credit|credits|tags?|categor(?:y|ies)|filed under|keywords|topics"
            r"|editor)\s*:",
            re.I,
        ),
    ),
    ("dateline", _DATELINE),
    # all rights reserved|^\s*(?:\(c\)|©|copyright)\s, as two patterns: only whether either occurs counts.
    ("copyright", _Phrases("all rights reserved")),
    ("copyright", re.compile(r"^\s*(?:\(c\)|©|copyright)\s", re.I)),
    (
        "site_prompt",
        re.compile(
            r"^(?:subscribe|sign up|follow us|click here|advertisement|we use cookies|log ?in|register|"
            r"download (?:our|the) app|newsletter)\b.{0,80}$",
            re.I,
        ),
    ),
)
_WORD = re.compile(r"[A-Za-z][\w'-]*")
_MINOR_WORDS = word_set("a an and as at but by for from in into nor of on or the to with vs via")


def boilerplate_reason(line: str, names: frozenset[str] = frozenset()) -> str | None:
    """Return why ``line`` is boilerplate, or None when it may hold claims.

    Args:
        line: One trimmed line of the article.
        names: Lower-cased publisher and author names; a line that only repeats
            one of them is a byline.
    """
    folded = fold(line).strip()
    if folded.lower().strip(" .|-") in names:
        return "byline"
    for reason, pattern in _PATTERNS:
        if pattern.search(folded):
            return reason
    return None


def is_headline(line: str, *, first: bool = False, title: str | None = None) -> bool:
    """Whether ``line`` reads as a headline rather than body text.

    A line is a headline when it repeats the known ``title``, when it is Title
    Cased and does not end with a full stop, or when it is the ``first`` line of
    the text and does not end with a full stop.
    """
    folded = fold(line).strip()
    if title and folded.lower() == fold(title).strip().lower():
        return True
    if folded.endswith((".", '."', ".'", ":")):
        return False
    if first:
        return True
    words = [w for w in _WORD.findall(folded) if w.lower() not in _MINOR_WORDS]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.8
