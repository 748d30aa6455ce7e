"""Caseless patterns find what the case-insensitive pattern finds, in any text."""

from __future__ import annotations

import random
import re

import pytest

from factcheck.extraction.caseless import Caseless, CaselessText

_SOURCE = r"\b(?:it (?:appears|seems)|i think|one\s+(?!of\b)[a-z]+|\d{1,2}\s+(?:jan|june?))\b"
_PIECES = ("It", "IT", "appears", "SEEMS", "I", "i", "think", "One", "of", "day", "12", "Jan", "JUNE")
_NON_ASCII = ("\u017f", "\u0130", "\u212a")  # long s, dotted capital I, Kelvin sign
_SEPARATORS = (" ", "  ", "\n", ", ", "-", "")


def _texts(seed: int, count: int = 600) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES + _NON_ASCII) + rng.choice(_SEPARATORS) for _ in range(rng.randint(0, 12)))
        for _ in range(count)
    ]


def test_caseless_matches_are_the_case_insensitive_matches() -> None:
    pattern, reference = Caseless.compile(_SOURCE), re.compile(_SOURCE, re.IGNORECASE)
    texts = _texts(14)
    assert any(not t.isascii() for t in texts) and any(t.isascii() and reference.search(t) for t in texts)
    for text in texts:
        caseless = CaselessText.of(text)
        found = pattern.search(caseless)
        expected = reference.search(text)
        assert (found and found.span()) == (expected and expected.span()), text
        assert [m.span() for m in pattern.finditer(caseless)] == [m.span() for m in reference.finditer(text)]
        assert pattern.sub(" ", caseless).text.lower() == reference.sub(" ", text).lower()


def test_caseless_patterns_are_written_in_lower_case() -> None:
    with pytest.raises(ValueError):
        Caseless.compile(r"\bI think\b")
    with pytest.raises(ValueError):
        Caseless.compile(r"\S+")
