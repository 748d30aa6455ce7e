"""The additive check-worthiness score."""

from __future__ import annotations

import re

import pytest

from factcheck.extraction import CHECKWORTHY_THRESHOLD, is_checkworthy, score_checkworthiness

REASON = re.compile(r"^[a-z_]+:[+-]\d\.\d{1,3}$")


@pytest.mark.parametrize(
    "sentence",
    [
        "Unemployment fell to 3.7 percent in January, the lowest rate since 1969.",
        "I think this is a great day for everyone.",
        "Why would anyone believe that?",
        "Thank you.",
        "",
    ],
)
def test_score_range_format_and_determinism(sentence: str) -> None:
    score, reasons = score_checkworthiness(sentence)
    assert 0.0 <= score <= 1.0
    assert round(score, 3) == score
    assert all(REASON.match(reason) for reason in reasons)
    assert score_checkworthiness(sentence) == (score, reasons)


def test_factual_numeric_sentence_beats_opinion() -> None:
    factual, reasons = score_checkworthiness("The government spent $4 billion on the program in 2019.")
    opinion, opinion_reasons = score_checkworthiness("I believe this is the best plan we could hope for.")
    assert factual > CHECKWORTHY_THRESHOLD > opinion
    assert "has_number:+0.2" in reasons
    assert any(r.startswith("first_person_view:-") for r in opinion_reasons)


def test_question_and_hedge_lower_the_score() -> None:
    statement, _ = score_checkworthiness("The army deployed 2,000 troops to the border last week.")
    question, reasons = score_checkworthiness("Did the army deploy 2,000 troops to the border last week?")
    hedged, hedge_reasons = score_checkworthiness("The army may possibly have deployed troops to the border.")
    assert question < statement
    assert "question:-0.3" in reasons
    assert hedged < statement
    assert any(r.startswith("hedge:") for r in hedge_reasons)


def test_very_short_sentence_is_penalised() -> None:
    _, reasons = score_checkworthiness("Let me help.")
    assert "very_short:-0.3" in reasons


def test_curly_and_straight_quotes_score_alike() -> None:
    assert score_checkworthiness("We\u2019ve cut taxes by 20 percent.") == score_checkworthiness(
        "We've cut taxes by 20 percent."
    )


def test_threshold_helper() -> None:
    assert 0 < CHECKWORTHY_THRESHOLD < 1
    assert is_checkworthy(CHECKWORTHY_THRESHOLD)
    assert not is_checkworthy(CHECKWORTHY_THRESHOLD - 0.001)
