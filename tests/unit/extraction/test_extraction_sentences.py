"""Sentence splitting: exact offsets, abbreviations, quotes, paragraphs, headlines."""

from __future__ import annotations

import pytest

from factcheck.extraction import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones. They talked.",
        "He said \u201cWe will win. They will lose.\u201d Then he left.",
        "Line one\r\n\r\nLine two has words.\r\nLine three!",
        "  Leading and trailing space.   ",
        "Emoji \U0001f600 inside. Caf\u00e9 after.",
        "Kata\u2019ib Hezbollah said: Our operations will continue. Rest assured.",
        "",
        "\n\n\n",
    ],
)
def test_offsets_are_exact(text: str) -> None:
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.text


def test_titles_and_initials_do_not_end_sentences() -> None:
    assert texts("Mr. Smith met Dr. J. Jones in St. Louis. They talked.") == [
        "Mr. Smith met Dr. J. Jones in St. Louis.",
        "They talked.",
    ]


def test_initialism_ends_sentence_only_before_an_opener() -> None:
    assert texts("The U.S. economy grew. It was fast.") == ["The U.S. economy grew.", "It was fast."]
    assert texts("He moved to the U.S. The next day he left.") == [
        "He moved to the U.S.",
        "The next day he left.",
    ]


def test_month_abbreviation_before_day() -> None:
    assert texts("On Jan. 5 the talks began. They ended.") == ["On Jan. 5 the talks began.", "They ended."]


def test_short_quotation_is_kept_whole() -> None:
    assert texts('He said, "We will win. They will lose." Then he left.') == [
        'He said, "We will win. They will lose."',
        "Then he left.",
    ]


def test_colon_speech_stays_in_one_sentence() -> None:
    text = "The official stated: Our operations will continue until the end. We are not fooled."
    assert texts(text) == [
        "The official stated: Our operations will continue until the end.",
        "We are not fooled.",
    ]


def test_paragraphs_and_headlines_split_on_lines() -> None:
    text = "A Headline Without Stop\nAuthor: Jane Roe\n\nBody sentence one. Body two?"
    assert texts(text) == ["A Headline Without Stop", "Author: Jane Roe", "Body sentence one.", "Body two?"]


def test_wrapped_line_joins_its_continuation() -> None:
    text = "The minister said that the talks\nwould begin next week. Nobody knew."
    assert texts(text) == ["The minister said that the talks\nwould begin next week.", "Nobody knew."]


def test_crlf_paragraphs() -> None:
    text = "First paragraph here.\r\n\r\nSecond paragraph here."
    assert texts(text) == ["First paragraph here.", "Second paragraph here."]


def test_question_and_exclamation_marks() -> None:
    assert texts("Would they withdraw?! Nobody knows. Really!") == [
        "Would they withdraw?!",
        "Nobody knows.",
        "Really!",
    ]
