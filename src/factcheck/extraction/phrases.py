"""One phrase matcher (Aho-Corasick) for every gazetteer, cue list and article-defined alias,
and the reader of the package's JSONL data files."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from typing import Any, Generic, TypeVar

import ahocorasick

__all__ = ["PhraseMatcher", "read_jsonl"]

_V = TypeVar("_V")


class PhraseMatcher(Generic[_V]):
    """Find whole-word occurrences of literal phrases, longest first, never overlapping.

    A match may not follow a word character or an apostrophe (``Kata'ib``), nor be
    followed by a word character: what ``(?<![\\w'])(?:p1|p2|...)(?!\\w)`` finds, with
    the phrases sorted longest first. With ``whole_words=False`` every occurrence
    counts, for text and phrases that carry their own boundaries (padded with spaces).
    """

    def __init__(self, phrases: Mapping[str, _V], *, whole_words: bool = True) -> None:
        self._whole_words = whole_words
        self._automaton = ahocorasick.Automaton()
        for phrase, value in phrases.items():
            if phrase:
                self._automaton.add_word(phrase, (len(phrase), value))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def find_all(self, text: str) -> list[tuple[int, int, _V]]:
        """Return ``(start, end, value)`` of every whole-word match, overlapping ones too."""
        if self._empty:
            return []
        found: list[tuple[int, int, _V]] = []
        for last, (size, value) in self._automaton.iter(text):
            start, end = last + 1 - size, last + 1
            if not self._whole_words or (_free(text, start - 1, "'") and _free(text, end, "")):
                found.append((start, end, value))
        return found

    def find(self, text: str) -> list[tuple[int, int, _V]]:
        """Return ``(start, end, value)`` of each match in text order, the longest at each start."""
        longest: dict[int, tuple[int, _V]] = {}
        for start, end, value in self.find_all(text):
            if end - start > longest.get(start, (0, None))[0]:
                longest[start] = (end - start, value)
        found: list[tuple[int, int, _V]] = []
        reached = 0
        for start in sorted(longest):
            if start >= reached:
                size, value = longest[start]
                reached = start + size
                found.append((start, reached, value))
        return found


def _free(text: str, index: int, also: str) -> bool:
    """Whether ``text[index]`` is outside the text or neither a word character nor in ``also``."""
    if index < 0 or index >= len(text):
        return True
    char = text[index]
    return not (char.isalnum() or char == "_" or char in also)


def read_jsonl(name: str) -> list[dict[str, Any]]:
    """The entries of one data file of the package (``data/NAME``), one JSON object a line."""
    text = resources.files("factcheck.extraction").joinpath("data", name).read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]
