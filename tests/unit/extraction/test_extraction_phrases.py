"""The phrase matcher and the gazetteer data files it reads."""

from __future__ import annotations

import random
import re

from factcheck.extraction.aliases import COUNTRIES, NOT_ACTORS, ORGANISATIONS, OUTLETS
from factcheck.extraction.entities import STATIC_ENTITIES, table_mentions
from factcheck.extraction.phrases import PhraseMatcher, read_jsonl
from factcheck.extraction.text import fold, has_words

_PIECES = ("US", "US administration", "USA", "Iraq", "Iraqi", "x", "Kata'ib", "al-", "_", "\u00e9", "U.S.")
_SEPARATORS = (" ", "", "'", "-", ".", ",", "\n")


def _texts(seed: int, count: int = 400) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) + rng.choice(_SEPARATORS) for _ in range(rng.randint(0, 10)))
        for _ in range(count)
    ]


def test_matcher_finds_what_the_plain_longest_first_regex_finds() -> None:
    phrases = ["US", "US administration", "USA", "Iraq", "Iraqi", "U.S.", "Kata'ib"]
    longest_first = sorted(phrases, key=len, reverse=True)
    plain = re.compile(rf"(?<![\w'])(?:{'|'.join(map(re.escape, longest_first))})(?!\w)")
    matcher = PhraseMatcher({p: p for p in phrases})
    for text in _texts(7):
        expected = [(m.start(), m.end(), m.group(0)) for m in plain.finditer(text)]
        assert matcher.find(text) == expected, text


def test_matcher_with_no_phrases_finds_nothing() -> None:
    assert PhraseMatcher({}).find("anything at all") == []


def test_every_gazetteer_alias_is_found_in_text_and_resolves() -> None:
    for entry in (*COUNTRIES, *ORGANISATIONS, *OUTLETS):
        for alias in (entry.name, *entry.aliases):
            mentions = table_mentions(fold(f"Yesterday {alias} spoke."))
            assert [m.end - m.start for m in mentions] == [len(alias)], alias
            assert mentions[0].key in STATIC_ENTITIES, alias


def test_not_actor_phrases_hide_their_alias() -> None:
    assert "Latin America" in NOT_ACTORS
    assert all(m.key == "" for m in table_mentions("Trade with Latin America grew."))


def test_data_files_are_one_object_a_line_with_known_kinds() -> None:
    kinds = {o["kind"] for o in read_jsonl("organisations.jsonl")}
    assert kinds <= {"armed_group", "government", "organisation"}
    assert {o["kind"] for o in read_jsonl("outlets.jsonl")} <= {"agency", "outlet"}
    names = [
        e["name"] for name in ("countries", "organisations", "outlets") for e in read_jsonl(f"{name}.jsonl")
    ]
    assert len(names) == len(set(names))


def test_has_words_counts_runs_of_word_characters() -> None:
    assert has_words("one two-three", 3)
    assert not has_words("one, two", 3)
    assert has_words("", 0)
