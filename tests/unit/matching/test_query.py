"""The query cleaner and the fielded full-text query."""

from __future__ import annotations

import pytest

from factcheck.matching.query import (
    HEADLINE_BOOST,
    MAX_TERMS,
    TEXT_BOOST,
    clean_text,
    match_query,
    split_compound,
)

TWEET = (
    "How are butterflies surviving the #AustralianFires? Footage by Julie Favell "
    "pic.twitter.com/0eJtwJyS1J — Center for Bio Div (@CenterForBioDiv) January 14, 2020"
)


def test_links_and_picture_links_go() -> None:
    cleaned = clean_text("Look at this https://t.co/abc123 and www.example.org/x?y=1 pic.twitter.com/Zz9 now")
    assert cleaned == "Look at this and now"


def test_embedded_tweet_tail_keeps_the_name_only() -> None:
    cleaned = clean_text(TWEET)
    assert cleaned.endswith("Footage by Julie Favell Center for Bio Div")
    assert "@" not in cleaned and "2020" not in cleaned and "pic.twitter" not in cleaned


def test_tail_with_trailing_quote_and_emoji() -> None:
    cleaned = clean_text('"Defund The CBC — Brad Trost 🇨🇦 (@BradTrostCPC) December 26, 2019"')
    assert "December" not in cleaned and "BradTrostCPC" not in cleaned and "Brad Trost" in cleaned


def test_a_dash_in_the_text_is_not_a_tail() -> None:
    text = "Prices rose — sharply — in 2019, says @jane_doe"
    assert clean_text(text) == "Prices rose — sharply — in 2019, says jane doe"


@pytest.mark.parametrize(
    ("tag", "words"),
    [
        ("AustralianFires", "Australian Fires"),
        ("COVID19", "COVID 19"),
        ("coronavirus", "coronavirus"),
        ("FERCblockade", "FER Cblockade"),
        ("realDonaldTrump", "real Donald Trump"),
        ("stop_the_steal", "stop the steal"),
    ],
)
def test_hashtags_and_handles_split_into_words(tag: str, words: str) -> None:
    assert split_compound(tag) == words
    assert clean_text(f"#{tag}") == words
    assert clean_text(f"@{tag}") == words


def test_email_like_and_inner_hash_are_left_alone() -> None:
    assert clean_text("mail me at a@b or see C#") == "mail me at a@b or see C#"


def test_query_searches_both_fields_with_boosts() -> None:
    lucene = match_query("Obama red line Syria")
    terms = '("obama" "red" "line" "syria")'
    assert lucene == f"text:{terms}^{TEXT_BOOST} headline:{terms}^{HEADLINE_BOOST}"


def test_query_syntax_in_the_input_is_inert() -> None:
    lucene = match_query('title:"x" AND *:* OR (a) \\ ~2 ^9 text:y')
    assert lucene is not None
    inner = lucene.split(")^")[0]
    assert inner == 'text:("title" "x" "and" "or" "a" "2" "9" "text" "y"'


def test_no_words_no_query() -> None:
    assert match_query(clean_text("https://t.co/x pic.twitter.com/y #")) is None
    assert match_query("  ¿¡ -- ") is None


def test_query_keeps_at_most_max_terms() -> None:
    lucene = match_query(" ".join(f"w{i}" for i in range(500)))
    assert lucene is not None and lucene.count('"') == 2 * 2 * MAX_TERMS
