"""Boilerplate and headline recognition."""

from __future__ import annotations

import pytest

from factcheck.extraction.boilerplate import boilerplate_reason, is_headline


@pytest.mark.parametrize(
    "line",
    [
        "Share it:",
        "Share this:",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Read more: US Carries Out Airstrikes On Alleged Iranian-Backed Militias In Iraq",
        "Also read: Something happened",
        "Author: ISWNews Analysis Group",
        "By Jane Roe and John Doe",
        "Thursday 25 January 2024 - 15:50",
        "January 25, 2024",
        "Published on 2024-01-25 10:30",
        "\u00a9 2024 Example Media. All rights reserved.",
        "Tags: Iraq, US",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert boilerplate_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Alina Romanowski held talks with Fuad Hussein on January 24.",
        "By the end of 2021, the mission had changed.",
        "By Monday, Iraq had agreed to the talks.",
        "Reading more into the statement would be a mistake.",
        "The share of votes rose to 40 percent.",
    ],
)
def test_body_lines_are_not_boilerplate(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_line_repeating_a_byline_name() -> None:
    assert boilerplate_reason(" ISWNews Analysis Group", frozenset({"iswnews analysis group"})) == "byline"


def test_headlines() -> None:
    assert is_headline("What Is The US Important Message To Iraq?")
    assert is_headline("Would American Occupiers Withdraw From Iraq?!")
    assert is_headline("Iraq says talks with US to start soon", first=True)
    assert is_headline("Talks to start soon", title="Talks to start soon")
    assert not is_headline("The talks will start soon, officials said.")
    assert not is_headline("Iraq says talks with US will start soon.", first=True)
