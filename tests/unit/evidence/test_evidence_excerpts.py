"""Locating a quoted passage in a document's text."""

from __future__ import annotations

import pytest

from factcheck.errors import Unprocessable
from factcheck.evidence.excerpts import locate

TEXT = "The minister said: “We received a message.”\nTalks begin\n\non 5 February.\nThe message arrived."


def test_exact_excerpt_first_occurrence() -> None:
    start, end = locate(TEXT, "message", None, None)
    assert TEXT[start:end] == "message" and start == TEXT.index("message")


def test_whitespace_and_typographic_quotes_are_loose() -> None:
    start, end = locate(TEXT, '"We received a message." Talks begin on 5 February', None, None)
    assert TEXT[start:end] == "“We received a message.”\nTalks begin\n\non 5 February"


def test_offsets_give_the_excerpt_and_must_agree_with_one() -> None:
    assert locate(TEXT, None, 4, 12) == (4, 12)
    assert locate(TEXT, "minister", 4, 12) == (4, 12)
    with pytest.raises(Unprocessable, match="differs") as refused:
        locate(TEXT, "ministry", 4, 12)
    assert refused.value.extra["found"] == "minister"


@pytest.mark.parametrize(("start", "end"), [(0, len(TEXT) + 1), (5, 5), (9, 3)])
def test_offsets_outside_the_text_are_refused(start: int, end: int) -> None:
    with pytest.raises(Unprocessable, match="must satisfy") as refused:
        locate(TEXT, None, start, end)
    assert refused.value.extra["text_length"] == len(TEXT)


@pytest.mark.parametrize("excerpt", ["The ministry said", "message arrived on time", "   "])
def test_a_passage_not_in_the_text_is_refused(excerpt: str) -> None:
    with pytest.raises(Unprocessable, match="does not occur"):
        locate(TEXT, excerpt, None, None)
