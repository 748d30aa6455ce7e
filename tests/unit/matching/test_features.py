"""Pair features and the re-ranker over them."""

from __future__ import annotations

import math

import pytest

from factcheck.matching.features import FEATURE_NAMES, Candidate, features, prepare
from factcheck.matching.rerank import MatchModel, load_model, rerank

CLAIM = "Iran offered an $80 million bounty for killing President Donald Trump."
HEADLINE = "Did Iran Put an $80 Million Bounty on Trump?"


def named(query: str, claim: str, headline: str = "", score: float = 10.0, rank: int = 0) -> dict[str, float]:
    candidate = Candidate(prepare(claim), prepare(headline), score, rank)
    return dict(zip(FEATURE_NAMES, features(prepare(query), candidate, 10.0), strict=True))


def test_one_value_per_named_feature() -> None:
    assert len(features(prepare("a b"), Candidate(prepare("c"), prepare(""), 1.0, 0), 1.0)) == len(
        FEATURE_NAMES
    )


def test_the_same_text_covers_everything() -> None:
    values = named(CLAIM, CLAIM, HEADLINE)
    for name in ("claim_jaccard", "claim_covered", "claim_token_set", "claim_partial", "claim_weighted"):
        assert values[name] == pytest.approx(1.0), name
    assert values["char_overlap"] == pytest.approx(1.0)
    assert values["claim_bigrams"] == pytest.approx(1.0)
    assert values["numbers_shared"] == 1.0 and values["numbers_missing"] == 0.0
    assert values["entities_covered"] == pytest.approx(1.0)


def test_stemming_and_case_do_not_matter() -> None:
    values = named("IRAN OFFERS BOUNTIES", "Iran offered a bounty")
    assert values["claim_covered"] == pytest.approx(1.0)


def test_unrelated_text_shares_nothing() -> None:
    values = named("The weather in Oslo is mild today", CLAIM, HEADLINE)
    for name in ("claim_jaccard", "claim_covered", "headline_covered", "query_covered", "claim_weighted",
                 "claim_bigrams", "numbers_shared", "entities_covered"):  # fmt: skip
        assert values[name] == 0.0, name
    assert values["numbers_missing"] == 1.0


def test_numbers_shared_and_missing() -> None:
    values = named(
        "10,000 camels culled in 2020", "In 2020, officials planned to cull 10000 feral camels and 5 goats."
    )
    assert values["numbers_shared"] == 2.0
    assert values["numbers_missing"] == pytest.approx(1 / 3)


def test_rare_words_weigh_more_than_common_ones() -> None:
    rare = named("camels", "feral camels were seen")
    common = named("seen", "feral camels were seen")
    assert rare["claim_covered"] == common["claim_covered"]
    assert rare["claim_weighted"] > common["claim_weighted"]


def test_score_features_follow_the_full_text_order() -> None:
    first, later = named("x", CLAIM, score=10.0, rank=0), named("x", CLAIM, score=5.0, rank=4)
    assert first["score_share"] == 1.0 and later["score_share"] == 0.5
    assert later["rank_inverse"] == pytest.approx(0.2)
    assert later["score_log"] == pytest.approx(math.log1p(5.0))


def test_empty_headline_gives_zero_headline_features() -> None:
    values = named("Iran bounty", CLAIM, "")
    assert values["headline_covered"] == values["headline_token_set"] == values["headline_weighted"] == 0.0


def row(text: str, headline: str, score: float) -> dict[str, object]:
    return {"claim": {"id": text[:10], "text": text, "headline": headline}, "score": score}


def test_rerank_puts_the_repeated_claim_first_and_gives_probabilities() -> None:
    tweet = "OMG Iran just announced an $80 million bounty on the head of Trump"
    rows = [
        row(
            "Iran's supreme leader said Trump will pay for the killing of Soleimani.", "Iran and Trump", 12.0
        ),
        row(CLAIM, HEADLINE, 11.0),
        row("A photograph shows Trump golfing during a crisis.", "Trump Golfing?", 6.0),
    ]
    ranked = rerank(tweet, rows)
    assert ranked[0][0]["claim"]["text"] == CLAIM
    assert all(0.0 < p < 1.0 for _, p in ranked)
    assert [p for _, p in ranked] == sorted((p for _, p in ranked), reverse=True)


def test_rerank_of_nothing_is_nothing() -> None:
    assert rerank("anything", []) == []


def test_probability_saturates_without_overflow() -> None:
    model = MatchModel(tuple([0.0] * len(FEATURE_NAMES)), 0.0, 1)
    assert model.probability([0.0] * len(FEATURE_NAMES)) == 0.5
    assert MatchModel(model.weights, -1e6, 1).probability([0.0] * len(FEATURE_NAMES)) == 0.0
    assert MatchModel(model.weights, 1e6, 1).probability([0.0] * len(FEATURE_NAMES)) == 1.0
    assert load_model().candidates >= 1
