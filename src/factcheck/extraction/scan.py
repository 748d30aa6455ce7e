"""Run a regex only where a match can start, and get exactly what ``finditer`` gives.

A pattern that the regex engine cannot find by a literal prefix costs one match
attempt at every offset of the text. When cheap anchors bound where a match may
start, trying only those offsets gives the same matches: ``finditer`` yields the
leftmost match that starts at or after the end of the previous one.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Iterator

__all__ = [
    "Searcher",
    "find_phrases",
    "finditer_at",
    "finditer_first",
    "searcher",
    "searcher_at",
    "span_start",
]


def finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """Yield the matches of ``pattern.finditer(text)``.

    Args:
        pattern: A pattern that never matches the empty string.
        text: The text.
        starts: Ascending offsets that include every offset where a match may start.
    """
    end = 0
    for start in starts:
        if start >= end:
            match = pattern.match(text, start)
            if match is not None:
                yield match
                end = match.end()


Searcher = Callable[[int], "re.Match[str] | None"]
"""Returns a pattern's leftmost match that starts at or after the given offset."""


def searcher(pattern: re.Pattern[str], text: str) -> Searcher:
    """The searcher of ``pattern`` in ``text``: ``pattern.search(text, offset)``."""
    return functools.partial(pattern.search, text)


def searcher_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Searcher:
    """The searcher of ``pattern`` in ``text`` that tries only ``starts`` (ascending), which
    must include every offset where a match may start."""

    def search(offset: int) -> re.Match[str] | None:
        for start in starts[bisect.bisect_left(starts, offset) :]:
            match = pattern.match(text, start)
            if match is not None:
                return match
        return None

    return search


def finditer_first(searchers: list[Searcher]) -> Iterator[re.Match[str]]:
    """Yield the matches that ``finditer`` gives for the alternation of the searchers' patterns.

    Each pattern keeps its own fast way of being found; at one offset the earlier
    searcher wins, as the earlier alternative does. No pattern may match the empty string.
    """
    pending = [search(0) for search in searchers]
    while True:
        first: re.Match[str] | None = None
        for match in pending:
            if match is not None and (first is None or match.start() < first.start()):
                first = match
        if first is None:
            return
        yield first
        end = first.end()
        for i, match in enumerate(pending):
            if match is not None and match.start() < end:
                pending[i] = searchers[i](end)


def span_start(text: str, end: int, chars: frozenset[str], spaces: int) -> int:
    """Return the smallest offset from which ``text[offset:end]`` holds only ``chars`` and
    at most ``spaces`` whitespace characters."""
    start = end
    while start > 0:
        char = text[start - 1]
        if char.isspace():
            if spaces == 0:
                break
            spaces -= 1
        elif char not in chars:
            break
        start -= 1
    return start


def find_phrases(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    r"""Return the spans that ``(?<![\w'])(?:phrase1|phrase2|...)(?![\w])`` finds in ``text``.

    The phrases are literal text, longest tried first at each offset, as
    :func:`factcheck.extraction.patterns.alternation` writes them. Searching each
    phrase with ``str.find`` gives the same spans without compiling a regex, which
    costs more than the search for the few phrases of one article.
    """
    longest: dict[int, int] = {}
    for phrase in phrases:
        size = len(phrase)
        start = text.find(phrase)
        while start != -1:
            if size > longest.get(start, 0) and _free(text, start - 1, "'") and _free(text, start + size, ""):
                longest[start] = size
            start = text.find(phrase, start + 1)
    spans: list[tuple[int, int]] = []
    end = 0
    for start in sorted(longest):
        if start >= end:
            end = start + longest[start]
            spans.append((start, end))
    return spans


def _free(text: str, index: int, also: str) -> bool:
    """Whether ``text[index]`` is outside the text or neither a word character nor in ``also``."""
    if index < 0 or index >= len(text):
        return True
    char = text[index]
    return not (char.isalnum() or char == "_" or char in also)
