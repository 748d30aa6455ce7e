"""STATED_BY and REPORTED_BY from the text's own attribution."""

from __future__ import annotations

from factcheck.extraction import ArticleText, ClaimCandidate, Extraction, RuleBasedExtractor


def extract(text: str) -> Extraction:
    return RuleBasedExtractor().extract_sync(ArticleText(text))


def only_claim(text: str) -> ClaimCandidate:
    claims = extract(text).claims
    assert len(claims) == 1, claims
    return claims[0]


def test_according_to_outlet_claim() -> None:
    claim = only_claim(
        "According to CNN\u2019s claim, the talks are not related to the recent attacks on bases."
    )
    assert claim.reported_by == ("cnn",)
    assert claim.stated_by == ()
    assert claim.kind == "attribution"
    assert "reported speech: According to CNN's claim (+)" in claim.reasons


def test_several_outlets_reporting_with_interjection() -> None:
    text = (
        "Reuters and CNN, citing some sources, separately reported that the United States and Iraq "
        "are about to start negotiations."
    )
    claim = only_claim(text)
    assert claim.reported_by == ("reuters", "cnn")
    assert "reported speech: reported (+)" in claim.reasons
    assert "reuters" not in claim.mentions and "united-states" in claim.mentions


def test_according_to_government_body_statement() -> None:
    result = extract(
        "According to the Iraqi Foreign Ministry's statement, a message has been received from the US."
    )
    claim = result.claims[0]
    assert claim.reported_by == ("iraqi-foreign-ministry",)
    source = {s.key: s for s in result.sources}["iraqi-foreign-ministry"]
    assert (source.name, source.kind) == ("Iraqi Foreign Ministry", "government")


def test_country_announcement_is_its_government() -> None:
    result = extract(
        "The mission of 2,500 troops, according to the US announcement, moved to an advisory role."
    )
    assert result.claims[0].reported_by == ("united-states-government",)
    assert result.sources[0].kind == "government"


def test_direct_quote_with_speaker_after() -> None:
    claim = only_claim('"We have agreed on a timetable for the withdrawal," Fuad Hussein told reporters.')
    assert claim.kind == "quote"
    assert claim.stated_by == ("fuad-hussein",)


def test_inverted_said() -> None:
    claim = only_claim('"The strikes killed 17 fighters," said John Kirby, a White House spokesman.')
    assert claim.stated_by == ("john-kirby",)
    assert claim.kind == "quote"


def test_colon_speech_and_its_continuation() -> None:
    text = (
        "A commander of the Houthis, Abdul Malik al-Houthi, stated: Our attacks on ships will continue "
        "until the war ends. We are not afraid of anyone.\n\n"
        "Shipping rates rose by 200 percent in January."
    )
    result = extract(text)
    speech, continuation, other = result.claims
    assert speech.text == "Our attacks on ships will continue until the war ends."
    assert speech.stated_by == continuation.stated_by == ("abdul-malik-al-houthi",)
    assert speech.kind == continuation.kind == "quote"
    assert other.stated_by == ()
    assert other.kind == "statistic"


def test_told_outlet() -> None:
    claim = only_claim("Pentagon spokesman Pat Ryder told Reuters that 2,500 U.S. troops remain in Iraq.")
    assert claim.stated_by == ("pat-ryder",)
    assert claim.reported_by == ("reuters",)


def test_pronoun_speaker_resolves_to_last_person() -> None:
    text = (
        "Iraqi Prime Minister Mohammed Shia al-Sudani met envoys on Monday.\n\n"
        "He said the talks would take a year."
    )
    claims = extract(text).claims
    assert claims[1].stated_by == ("mohammed-shia-al-sudani",)


def test_wire_dateline_reports_every_claim() -> None:
    text = (
        "BAGHDAD (Reuters) - Iraq's Foreign Minister Fuad Hussein said on Thursday that talks would "
        "begin.\n\n"
        "Two rockets hit the airport on Wednesday, officials said."
    )
    claims = extract(text).claims
    assert claims[0].text.startswith("Iraq's Foreign Minister")
    assert all("reuters" in claim.reported_by for claim in claims)
    assert claims[0].stated_by == ("fuad-hussein",)


def test_unattributed_sentence_has_no_provenance() -> None:
    claim = only_claim("US warplanes targeted three bases in western Iraq on January 24.")
    assert claim.stated_by == () and claim.reported_by == ()


def test_quotation_run_on_belongs_to_the_same_speaker() -> None:
    text = (
        '"We have seen a 30-fold rise in measles cases," Hans Kluge told a press conference. '
        '"Urgent measures are needed to prevent further spread." Officials counted 42,000 cases.'
    )
    first, second, third = extract(text).claims
    assert first.stated_by == second.stated_by == ("hans-kluge",)
    assert second.kind == "quote"
    assert third.stated_by == ()


def test_reported_speech_backshift_is_not_historical() -> None:
    claim = only_claim(
        "Jane Roe, the health minister, said vaccination rates had dropped during the pandemic."
    )
    assert claim.stated_by == ("jane-roe",)
    assert claim.kind != "historical"
    assert (
        only_claim("A similar ceasefire had been agreed by both sides before the war.").kind == "historical"
    )
