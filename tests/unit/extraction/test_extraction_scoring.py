"""The learned check-worthiness score: a probability with readable reasons."""

from __future__ import annotations

import re

import pytest

from factcheck.extraction import CHECKWORTHY_THRESHOLD, is_checkworthy, score_checkworthiness

REASON = re.compile(r"^[a-z][a-z -]*(?:: .+)? \([+-]\)$|^words: \".+\" \([+-]\)$|^no strong cue$")


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
    assert reasons and len(reasons) <= 3
    assert all(REASON.match(reason) for reason in reasons), reasons
    assert score_checkworthiness(sentence) == (score, reasons)


def test_factual_numeric_sentence_beats_opinion() -> None:
    factual, reasons = score_checkworthiness("The government spent $4 billion on the program in 2019.")
    opinion, opinion_reasons = score_checkworthiness("I believe this is the best plan we could hope for.")
    assert factual > CHECKWORTHY_THRESHOLD > opinion
    assert "a figure: 4 (+)" in reasons
    assert all(reason.endswith("(-)") for reason in opinion_reasons)


def test_question_and_hedge_lower_the_score() -> None:
    statement, _ = score_checkworthiness("The army deployed 2,000 troops to the border last week.")
    question, reasons = score_checkworthiness("Did the army deploy 2,000 troops to the border last week?")
    hedged, _ = score_checkworthiness("The army may possibly have deployed troops to the border.")
    assert question < statement
    assert "a question (-)" in reasons
    assert hedged < statement


def test_reasons_name_what_pushed_the_score_with_the_text() -> None:
    _, reasons = score_checkworthiness("According to CNN, 2,500 US troops are stationed in Iraq.")
    assert "a figure: 2,500 (+)" in reasons
    assert "reported speech: According to CNN (+)" in reasons


def test_context_moves_the_score() -> None:
    text = "The talks are not related to the recent attacks on the bases."
    alone, _ = score_checkworthiness(text)
    attributed, reasons = score_checkworthiness(text, attributed=True)
    assert attributed > alone
    assert "reported speech: a named speaker or source (+)" in reasons


def test_very_short_sentence_scores_low() -> None:
    score, _ = score_checkworthiness("Let me help.")
    assert not is_checkworthy(score)


def test_curly_and_straight_quotes_score_alike() -> None:
    assert score_checkworthiness("We\u2019ve cut taxes by 20 percent.") == score_checkworthiness(
        "We've cut taxes by 20 percent."
    )


def test_other_languages_use_only_language_neutral_signals() -> None:
    score, reasons = score_checkworthiness(
        "El gobierno gast\u00f3 4 millones de euros en 2019.", language="es"
    )
    other, _ = score_checkworthiness("La ministra pag\u00f3 4 millones de pesos en 2019.", language="es")
    assert reasons[0] == "language: es, scored on language-neutral signals only"
    assert not any(reason.startswith("words:") for reason in reasons)
    assert score == other
    assert score != score_checkworthiness("El gobierno gast\u00f3 4 millones de euros en 2019.")[0]


def test_threshold_helper() -> None:
    assert 0 < CHECKWORTHY_THRESHOLD < 1
    assert is_checkworthy(CHECKWORTHY_THRESHOLD)
    assert not is_checkworthy(CHECKWORTHY_THRESHOLD - 0.001)
