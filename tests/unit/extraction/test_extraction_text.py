"""normalise_text, fold and slug."""

from __future__ import annotations

import hashlib

import pytest

from factcheck.extraction import normalise_text
from factcheck.extraction.text import fold, slug


def test_normalise_unifies_newlines_and_trailing_space() -> None:
    assert normalise_text("a  \r\nb\t\rc\n") == "a\nb\nc"


def test_normalise_applies_nfc() -> None:
    assert normalise_text("Caf\u0065\u0301") == "Caf\u00e9"


def test_normalise_collapses_runs_of_blank_lines() -> None:
    assert normalise_text("one\n\n\n\n\ntwo\n\nthree") == "one\n\ntwo\n\nthree"


def test_normalise_strips_ends_and_handles_blank() -> None:
    assert normalise_text("\n\n  body  \n\n") == "body"
    assert normalise_text(" \r\n ") == ""


def test_normalise_is_idempotent_and_hash_stable() -> None:
    variants = ["Title\r\n\r\n\r\n\r\nBody line.  \r\n", "Title\n\n\nBody line.\n", "Title\n\nBody line."]
    hashes = {hashlib.sha256(normalise_text(v).encode()).hexdigest() for v in variants}
    assert len(hashes) == 1
    once = normalise_text(variants[0])
    assert normalise_text(once) == once


def test_fold_keeps_length() -> None:
    text = "Kata\u2019ib \u201cquoted\u201d \u2014 dash\u00a0space"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == 'Kata\'ib "quoted" - dash space'


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Kata'ib Hezbollah", "kataib-hezbollah"),
        ("Kata\u2019ib Hezbollah", "kataib-hezbollah"),
        ("United States", "united-states"),
        ("U.S.", "us"),
        ("Mohammed Shia\u2019 Al Sudani", "mohammed-shia-al-sudani"),
        ("Caf\u00e9 Society", "cafe-society"),
    ],
)
def test_slug(name: str, key: str) -> None:
    assert slug(name) == key
