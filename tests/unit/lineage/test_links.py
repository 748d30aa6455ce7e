"""Choosing links for a batch of new claims from their full-text candidates."""

from __future__ import annotations

from typing import Any

from factcheck.lineage.links import (
    NewClaim,
    Thresholds,
    choose_links,
    load_thresholds,
    names_agree,
    search_rows,
    text_key,
)

QUOTE = (
    "Our jihadi operations against the American occupiers will continue until their last soldier leaves Iraq."
)
OTHER = "The Iraqi parliament is expected to debate the future of foreign forces next month."
THRESHOLDS = Thresholds(same_as=0.9, similar_to=0.45)


def candidate(
    claim_id: str, new_id: str, text: str, score: float, since: int, verdicts: Any = ()
) -> dict[str, Any]:
    return {
        "claim_id": new_id,
        "score": score,
        "claim": {"id": claim_id, "text": text, "headline": None, "since": since, "verdicts": list(verdicts)},
    }


def test_shipped_thresholds_order_same_above_similar() -> None:
    shipped = load_thresholds()
    assert 0 < shipped.similar_to <= shipped.same_as < 1


def test_text_key_ignores_case_punctuation_and_links() -> None:
    assert text_key("Troops will LEAVE, soon! https://t.co/x") == text_key("troops will leave soon")
    assert text_key("troops will leave soon") != text_key("troops will stay")


def test_search_rows_skip_claims_without_words() -> None:
    rows = search_rows([NewClaim("a", QUOTE, 0), NewClaim("b", "https://example.org/x", 1)])
    assert [row["id"] for row in rows] == ["a"] and rows[0]["key"] == text_key(QUOTE)


def test_near_identical_claim_links_to_the_earliest_match_and_reports_its_verdict() -> None:
    new = [NewClaim("new", QUOTE, 0)]
    verdict = {"id": "v1", "rating": "true"}
    rows = [
        candidate("late", "new", QUOTE, 20.0, since=2_000),
        candidate("early", "new", QUOTE, 20.0, since=1_000, verdicts=[verdict]),
        candidate("off", "new", OTHER, 1.0, since=500),
    ]
    links = choose_links(new, rows, THRESHOLDS)
    assert [(row["from"], row["to"]) for row in links.same] == [("new", "early")]
    assert [row["to"] for row in links.similar] == ["late"]
    assert links.already_checked["new"]["verdict_id"] == "v1"
    assert links.already_checked["new"]["claim_id"] == "early"
    assert {r["claim_id"] for r in links.repeats["new"]} == {"early", "late"}


def test_same_batch_claims_link_only_backwards() -> None:
    new = [NewClaim("first", QUOTE, 0), NewClaim("second", QUOTE, 1)]
    rows = [
        candidate("second", "first", QUOTE, 20.0, since=0),
        candidate("first", "second", QUOTE, 20.0, since=0),
    ]
    links = choose_links(new, rows, THRESHOLDS)
    assert [(row["from"], row["to"]) for row in links.same] == [("second", "first")]
    assert "first" not in links.repeats


def test_unrelated_candidates_get_no_link() -> None:
    links = choose_links(
        [NewClaim("new", QUOTE, 0)], [candidate("off", "new", OTHER, 1.0, since=0)], THRESHOLDS
    )
    assert not links.same and not links.similar and not links.already_checked


def test_the_same_sentence_about_other_places_or_figures_is_only_similar() -> None:
    yemen = (
        "Our jihadi operations against the Indian occupiers will continue until the withdrawal"
        " of their last soldier from Yemeni soil."
    )
    libya = yemen.replace("Yemeni", "Libyan")
    assert names_agree(yemen, yemen.replace("will continue", "will go on"))
    assert not names_agree(yemen, libya)
    assert not names_agree("Strikes killed 3 soldiers in Iraq.", "Strikes killed 4 soldiers in Iraq.")
    assert names_agree(
        "Following the talks, Reuters reported a deal.", "Reuters reported a deal after the talks."
    )
    links = choose_links(
        [NewClaim("new", libya, 0)], [candidate("old", "new", yemen, 20.0, since=0)], THRESHOLDS
    )
    assert not links.same and [row["to"] for row in links.similar] == ["old"]
