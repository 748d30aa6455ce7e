"""Control characters, terminal escapes and bidi overrides are normalised away."""

from __future__ import annotations

import pytest

from factcheck.cleantext import strip_unsafe
from factcheck.extraction import normalise_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("40\x00 schools", "40 schools"),
        ("\x1b[31mred\x1b[0m alert", "red alert"),
        ("title\x1b]0;owned\x07 here", "title here"),
        ("a\x1bcb", "ab"),
        ("\u202eevil\u202c text \u2066x\u2069", "evil text x"),
        ("\x9b2Jwiped", "wiped"),
        ("bell\x07 and del\x7f", "bell and del"),
        ("keep\ttabs\nand lines", "keep\ttabs\nand lines"),
        ("\u0627\u200f\u0628 \u200eok", "\u0627\u200f\u0628 \u200eok"),  # RLM and LRM stay
        ("plain", "plain"),
    ],
)
def test_strip_unsafe(raw: str, clean: str) -> None:
    assert strip_unsafe(raw) == clean


def test_article_text_is_normalised_with_newlines_kept() -> None:
    assert normalise_text("One\r\ntwo\x85three\x00\u202e\x1b[1m four") == "One\ntwo\nthree four"
