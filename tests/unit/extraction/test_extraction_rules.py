"""The rule-based extractor end to end: the sample article and small texts of our own."""

from __future__ import annotations

import statistics
import time

import pytest

from factcheck.extraction import (
    KINDS,
    ArticleText,
    ClaimCandidate,
    Extraction,
    Extractor,
    RuleBasedExtractor,
)


def extract(text: str, **meta: str) -> Extraction:
    return RuleBasedExtractor().extract_sync(ArticleText(text, **meta))


@pytest.fixture(scope="module")
def sample_text(seed_text: str) -> str:
    """The sample article (the suite's `seed_text`: FACTCHECK_SHARED_DIR or ../shared)."""
    return seed_text


@pytest.fixture(scope="module")
def sample(sample_text: str) -> Extraction:
    return extract(sample_text)


def find(extraction: Extraction, *needles: str) -> ClaimCandidate:
    hits = [c for c in extraction.claims if all(n in c.text for n in needles)]
    assert len(hits) == 1, [c.text for c in extraction.claims]
    return hits[0]


def assert_consistent(text: str, extraction: Extraction) -> None:
    for sentence in extraction.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    actor_keys = {a.key for a in extraction.actors}
    source_keys = {s.key for s in extraction.sources}
    for claim in extraction.claims:
        assert text[claim.start : claim.end] == claim.text
        assert claim.kind in KINDS
        assert 0.0 <= claim.checkworthiness <= 1.0
        assert set(claim.stated_by) | set(claim.mentions) <= actor_keys
        assert set(claim.reported_by) <= source_keys
    for actor in extraction.actors:
        assert actor.affiliation is None or actor.affiliation in actor_keys


# -- the sample article ------------------------------------------------------------------------


def test_sample_offsets_and_links(sample_text: str, sample: Extraction) -> None:
    assert_consistent(sample_text, sample)


def test_sample_boilerplate_is_never_a_claim(sample: Extraction) -> None:
    for needle in (
        "Share it",
        "Leave a Reply",
        "email address",
        "Read more",
        "Author:",
        "15:50",
        "Would American",
    ):
        assert not any(needle in c.text for c in sample.claims), needle
    assert not any(c.text.strip() == "ISWNews Analysis Group" for c in sample.claims)


def test_sample_publisher_and_author(sample: Extraction) -> None:
    assert sample.author == "ISWNews Analysis Group"
    assert sample.publisher is not None
    assert sample.publisher.key == "iswnews"


def test_sample_meeting(sample: Extraction) -> None:
    claim = find(sample, "Alina Romanowski", "January 24")
    assert claim.kind in {"event", "statistic"}
    assert claim.checkworthiness >= 0.5
    assert {"alina-romanowski", "fuad-hussein"} <= set(claim.mentions)


def test_sample_reuters_cnn_report(sample: Extraction) -> None:
    claim = find(sample, "Reuters and CNN")
    assert claim.kind == "attribution"
    assert claim.reported_by == ("reuters", "cnn")
    assert claim.checkworthiness >= 0.5


def test_sample_cnn_claim(sample: Extraction) -> None:
    claim = find(sample, "CNN\u2019s claim")
    assert claim.reported_by == ("cnn",)
    assert claim.kind == "attribution"
    assert claim.checkworthiness >= 0.5


def test_sample_askari_statement(sample: Extraction) -> None:
    claim = find(sample, "Our jihadi operations")
    assert claim.kind == "quote"
    assert claim.stated_by == ("abu-ali-al-askari",)
    assert claim.checkworthiness >= 0.5
    actors = {a.key: a for a in sample.actors}
    askari = actors["abu-ali-al-askari"]
    assert askari.affiliation == "kataib-hezbollah"
    assert askari.title is not None and "security official" in askari.title
    assert actors["kataib-hezbollah"].kind == "armed_group"
    assert "Iraqi Hezbollah Brigades" in actors["kataib-hezbollah"].aliases


def test_sample_strikes_on_pmu(sample: Extraction) -> None:
    claim = find(sample, "Popular Mobilization Units", "three others")
    assert claim.kind in {"event", "statistic"}
    assert "popular-mobilization-units" in claim.mentions
    assert claim.checkworthiness >= 0.5


def test_sample_kadhimi_agreement_is_historical(sample: Extraction) -> None:
    claim = find(sample, "al-Kadhimi", "2021")
    assert claim.kind == "historical"
    assert "2500" not in claim.text
    assert "mustafa-al-kadhimi" in claim.mentions
    assert claim.checkworthiness >= 0.5


def test_sample_troops_statistic(sample: Extraction) -> None:
    claim = find(sample, "2500 troops")
    assert claim.kind == "statistic"
    assert claim.reported_by == ("united-states-government",)
    assert claim.checkworthiness >= 0.5


def test_sample_opinion_ranks_below_the_checkable_claims(sample: Extraction) -> None:
    claim = find(sample, "It appears that this propaganda campaign")
    assert claim.kind == "opinion"
    checkable = [
        find(sample, *needles)
        for needles in (
            ("Alina Romanowski", "January 24"),
            ("Reuters and CNN",),
            ("CNN\u2019s claim",),
            ("Our jihadi operations",),
            ("Popular Mobilization Units", "three others"),
            ("al-Kadhimi", "2021"),
            ("2500 troops",),
        )
    ]
    assert claim.checkworthiness < min(c.checkworthiness for c in checkable)


def test_sample_people(sample: Extraction) -> None:
    actors = {a.key: a for a in sample.actors}
    assert actors["alina-romanowski"].title == "US Ambassador to Iraq"
    assert actors["fuad-hussein"].title == "Iraqi Foreign Minister"
    assert actors["mustafa-al-kadhimi"].title == "former Iraqi Prime Minister"
    assert actors["mohammed-shia-al-sudani"].title == "Prime Minister"
    assert {"Washington", "US", "US administration"} <= set(actors["united-states"].aliases)
    assert "Baghdad" in actors["iraq"].aliases


def test_sample_is_fast(sample_text: str) -> None:
    extractor = RuleBasedExtractor()
    article = ArticleText(sample_text)
    extractor.extract_sync(article)
    timings = []
    for _ in range(7):
        began = time.perf_counter()
        extractor.extract_sync(article)
        timings.append(time.perf_counter() - began)
    assert statistics.median(timings) < 0.05


def test_sample_with_crlf_and_straight_quotes_gives_same_claims(sample_text: str, sample: Extraction) -> None:
    def summary(extraction: Extraction) -> list[tuple[str, float, tuple[str, ...], tuple[str, ...]]]:
        return [(c.kind, c.checkworthiness, c.stated_by, c.reported_by) for c in extraction.claims]

    for variant in (sample_text.replace("\n", "\r\n"), sample_text.replace("\u2019", "'")):
        result = extract(variant)
        assert_consistent(variant, result)
        assert summary(result) == summary(sample)


# -- small texts of our own -------------------------------------------------------------------

NEWS = (
    "Parliament Passes Budget In Late Vote\n"
    "By Jane Roe\n"
    "Monday 3 March 2025 - 09:15\n\n"
    "The parliament approved a budget of $12 billion on Sunday, with 180 lawmakers voting in favour.\r\n\r\n"
    "Finance Minister Ali Allawi said the deficit would shrink next year. "
    "\u201cWe will not raise taxes,\u201d Allawi told reporters.\r\n\r\n"
    "The central bank is expected to cut interest rates in April.\r\n\r\n"
    "A similar budget had been rejected in 2019 after weeks of protests.\r\n\r\n"
    "It seems the opposition simply wants to delay everything.\r\n\r\n"
    "Share this:\r\nLeave a comment\r\n"
)


def test_news_text_kinds_and_boilerplate() -> None:
    result = extract(NEWS)
    assert_consistent(NEWS, result)
    assert find(result, "$12 billion").kind == "statistic"
    assert find(result, "expected to cut").kind == "prediction"
    assert find(result, "had been rejected").kind == "historical"
    opinion = find(result, "It seems")
    assert opinion.kind == "opinion"
    assert opinion.checkworthiness < 0.35
    quote = find(result, "We will not raise taxes")
    assert quote.kind == "quote"
    assert quote.stated_by == ("ali-allawi",)
    assert not any("Share" in c.text or "Parliament Passes" in c.text for c in result.claims)
    assert result.author == "Jane Roe"


def test_publisher_from_metadata_and_url() -> None:
    result = extract(
        "Two people were killed in the blast on Friday.", publisher="Reuters", url="https://www.reuters.com/x"
    )
    assert result.publisher is not None
    assert (result.publisher.key, result.publisher.kind, result.publisher.domain) == (
        "reuters",
        "agency",
        "reuters.com",
    )
    unknown = extract("Two people were killed in the blast on Friday.", publisher="Daily Example")
    assert unknown.publisher is not None
    assert (unknown.publisher.key, unknown.publisher.domain) == ("daily-example", None)
    assert extract("Two people were killed in the blast on Friday.").publisher is None


def test_deterministic() -> None:
    first = extract(NEWS)
    assert extract(NEWS) == first


@pytest.mark.asyncio
async def test_async_extract_matches_sync() -> None:
    extractor: Extractor = RuleBasedExtractor()
    assert extractor.name == "rules"
    assert await extractor.extract(ArticleText(NEWS)) == extract(NEWS)


def test_empty_and_boilerplate_only_articles() -> None:
    assert extract("").claims == ()
    assert extract("Share it:\n\nLeave a Reply\n").claims == ()


def test_questions_and_fragments_score_low() -> None:
    result = extract("Will the talks succeed where others have failed in the past decade?\n\nMaybe.")
    assert all(c.checkworthiness < 0.5 for c in result.claims)


def test_wrapped_first_line_is_body_not_headline() -> None:
    text = "The minister said that the talks\nwould begin on Monday with 40 delegates."
    assert [c.text for c in extract(text).claims] == [text]
