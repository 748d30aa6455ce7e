"""The fast pattern helpers match exactly like the plain patterns they stand for."""

from __future__ import annotations

import random
import re

import pytest

from factcheck.extraction.firstchar import WordStartSearch, at_word_start, by_first_char
from factcheck.extraction.patterns import alternation
from factcheck.extraction.scan import find_phrases, finditer_at, finditer_first, searcher, searcher_at
from factcheck.extraction.text import fold, words_at_least

# Pieces of text that exercise case, word boundaries and the non-ASCII letters that a
# case-insensitive pattern matches for ASCII ones (U+0130, U+0131, U+212A, U+017F).
_PIECES = (
    "said", "Said", "SAID", "says", "sai", "xsaid", "had", "Had", "been", "walked", "two", "Two", "hundreds",
    "per", "cent", "it", "appears", "kind", "1999", "20", "5", "Jan", "US", "U.S.", "al-", "the", "'ve",
    "\u0130t", "\u0131t", "\u212aind", "\u017faid", "\u00e9", "_", "\u0663",
)  # fmt: skip
_SEPARATORS = (" ", " ", "", "'", "-", ".", ",", "\n", "  ")


def _texts(seed: int, count: int = 400) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) + rng.choice(_SEPARATORS) for _ in range(rng.randint(0, 10)))
        for _ in range(count)
    ]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@pytest.mark.parametrize("caseless", [False, True])
def test_at_word_start_matches_like_a_word_boundary_alternation(caseless: bool) -> None:
    fragments = ["said", "says", "had been", "two", "hundreds?", "'ve", "it (?:appears|seems)", "kind"]
    flags = re.IGNORECASE if caseless else 0
    plain = re.compile(rf"\b(?:{'|'.join(fragments)})", flags)
    fast = re.compile(at_word_start(fragments, caseless=caseless), flags)
    for text in _texts(1):
        assert _spans(fast, text) == _spans(plain, text), text


def test_at_word_start_takes_digit_fragments() -> None:
    fragments = [r"\d\d?:\d\d", r"\d(?:(?<=1)9|(?<=2)0)\d\d\b", "jan"]
    plain = re.compile(r"\b(?:\d{1,2}:\d\d|(?:19|20)\d\d\b|jan)", re.IGNORECASE)
    fast = re.compile(at_word_start(fragments, caseless=True), re.IGNORECASE)
    for text in [*_texts(2), "12:30 1999 2020 Jan 1850 \u0663\u0663:\u0663\u0663"]:
        assert _spans(fast, text) == _spans(plain, text), text


def test_at_word_start_refuses_a_fragment_it_cannot_arrange() -> None:
    with pytest.raises(ValueError):
        at_word_start([r"\.x"])
    with pytest.raises(ValueError):
        at_word_start([r"\d", "1"])


@pytest.mark.parametrize("caseless", [False, True])
@pytest.mark.parametrize("literals", [False, True])
def test_word_start_search_finds_what_the_plain_search_finds(caseless: bool, literals: bool) -> None:
    fragments = ["said", "had", "it (?:appears|seems)", "two", "hundreds?", "kind"]
    suffix = r"\b(?P<after>\s*)"
    plain = re.compile(rf"\b(?:{'|'.join(fragments)}){suffix}", re.IGNORECASE if caseless else 0)
    fast = WordStartSearch.of(fragments, suffix, caseless=caseless, literals=literals)
    rng = random.Random(3)
    for text in _texts(3):
        start, end = sorted(rng.randint(0, len(text)) for _ in range(2))
        expected = plain.search(text, start, end)
        found = fast.search(text, start, end)
        assert (found is None) == (expected is None), (text, start, end)
        if expected is not None and found is not None:
            assert (found.end(), found.group("after")) == (expected.end(), expected.group("after"))
        assert fast.occurs_in(text, start, end) == (expected is not None), (text, start, end)


def test_by_first_char_keeps_the_order_of_alternatives() -> None:
    fragments = ["Secretary of State", "Secretary-General", "Secretary", "Sen\\.", "President", "Prince"]
    plain = re.compile(rf"(?:{'|'.join(fragments)})(?: [A-Z]\w*)?")
    fast = re.compile(rf"{by_first_char(fragments)}(?: [A-Z]\w*)?")
    texts = ["Secretary of State Rubio", "Secretary-General Guterres", "Secretary Jane", "Sen. Roe"]
    for text in [*texts, *_texts(4)]:
        assert _spans(fast, text) == _spans(plain, text), text


def test_alternation_is_a_longest_first_trie() -> None:
    phrases = ["US", "U.S.", "USA", "US government", "U", "UN", "United Nations", "Iraq", "Iraqi", "Iraqis"]
    longest_first = "|".join(re.escape(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))
    for after in ("", r"(?![\w])", r"\s\w"):
        plain = re.compile(rf"(?:{longest_first}){after}")
        trie = re.compile(rf"(?:{alternation(phrases)}){after}")
        guarded = re.compile(alternation(phrases, not_after=r"[\w']") + after)
        plain_guarded = re.compile(rf"(?<![\w'])(?:{longest_first}){after}")
        for text in ["US government said", "USA", "the U.S. and UN", "Iraqis, Iraqi", "xUS 'US", *_texts(5)]:
            assert _spans(trie, text) == _spans(plain, text), text
            assert _spans(guarded, text) == _spans(plain_guarded, text), text


def test_find_phrases_matches_the_alternation_regex() -> None:
    phrases = ["Hussein", "Fuad Hussein", "Al Sudani", "Sudani", "al-Askari", "Askari", "US"]
    regex = re.compile(rf"(?<![\w'])(?:{alternation(phrases)})(?![\w])")
    texts = ["Fuad Hussein met Hussein.", "Al Sudani's", "xSudani Sudani_", "al-Askari, Askari", "US'US US"]
    for text in [*texts, *_texts(6)]:
        assert find_phrases(text, phrases) == _spans(regex, text), text


def test_finditer_helpers_give_the_matches_of_the_alternation() -> None:
    first = re.compile(r"[A-Z]\w+ said")
    second = re.compile(r"said [A-Z]\w+")
    union = re.compile(rf"{first.pattern}|{second.pattern}")
    for text in ["Roe said Doe said Jane", "said Roe said", "x said Y Z said W", *_texts(7)]:
        expected = _spans(union, text)
        assert [m.span() for m in finditer_first([searcher(first, text), searcher(second, text)])] == expected
        everywhere = list(range(len(text) + 1))
        found = finditer_first([searcher_at(first, text, everywhere), searcher(second, text)])
        assert [m.span() for m in found] == expected
        assert [m.span() for m in finditer_at(union, text, everywhere)] == expected


def test_fold_matches_a_translation_table() -> None:
    table = str.maketrans(
        {
            **dict.fromkeys("\u2018\u2019\u201a\u201b\u02bc\u2032\u00b4`", "'"),
            **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb", '"'),
            **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"),
            **dict.fromkeys("\u00a0\u2009\u202f", " "),
        }
    )
    for text in ["plain ascii", "back`tick", "Kata\u2019ib \u201cquote\u201d \u2014 1\u00a02", *_texts(8)]:
        assert fold(text) == text.translate(table)


def test_words_at_least_counts_runs_of_word_characters() -> None:
    for count in (1, 4, 8):
        pattern = words_at_least(count)
        for text in ["", "one", "one two three four", "a-b c'd e.f g", "  x  y  ", *_texts(9)]:
            assert (pattern.search(text) is not None) == (len(re.findall(r"\w+", text)) >= count), text
