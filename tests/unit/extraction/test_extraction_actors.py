"""Actors: alias merging, people with titles, affiliations, article-defined aliases."""

from __future__ import annotations

from factcheck.extraction import ActorMention, ArticleText, Extraction, RuleBasedExtractor


def extract(text: str) -> Extraction:
    return RuleBasedExtractor().extract_sync(ArticleText(text))


def actor(extraction: Extraction, key: str) -> ActorMention:
    found = {a.key: a for a in extraction.actors}
    assert key in found, sorted(found)
    return found[key]


def mentioned(extraction: Extraction) -> set[str]:
    return {key for claim in extraction.claims for key in claim.mentions}


def test_curly_and_straight_apostrophes_and_alias_merge() -> None:
    text = (
        "Kata\u2019ib Hezbollah fighters attacked two bases on Monday.\n\n"
        "Kata'ib Hezbollah later denied that 40 people were wounded.\n\n"
        "The Iraqi Hezbollah Brigades also fired three rockets at the airport."
    )
    result = extract(text)
    assert all(
        claim.mentions == ("kataib-hezbollah",)
        or "kataib-hezbollah" in claim.stated_by
        or "kataib-hezbollah" in claim.mentions
        for claim in result.claims
    )
    group = actor(result, "kataib-hezbollah")
    assert group.name == "Kata'ib Hezbollah"
    assert group.kind == "armed_group"
    assert "Kata\u2019ib Hezbollah" in group.aliases
    assert "Iraqi Hezbollah Brigades" in group.aliases


def test_us_aliases_merge_into_one_actor() -> None:
    text = (
        "The US sent 500 more troops to the region last month.\n\n"
        "U.S. officials confirmed that the United States had moved two carriers.\n\n"
        "Talks between Washington and Tehran collapsed in March 2023."
    )
    result = extract(text)
    assert {"united-states", "iran"} <= mentioned(result)
    us = actor(result, "united-states")
    assert us.kind == "country"
    assert {"US", "U.S.", "Washington"} <= set(us.aliases)


def test_capital_as_place_or_name_is_not_the_state() -> None:
    text = (
        "The delegation met 30 lawmakers in Washington on Tuesday.\n\n"
        "A statue of George Washington was removed from the park in 2020."
    )
    assert "united-states" not in mentioned(extract(text))


def test_pmu_and_acronym() -> None:
    text = (
        "US warplanes struck Popular Mobilization Units (PMU) bases, killing one soldier and injuring three "
        "others."
    )
    result = extract(text)
    assert "popular-mobilization-units" in result.claims[0].mentions
    assert "PMU" in actor(result, "popular-mobilization-units").aliases


def test_article_defined_acronym_creates_an_actor() -> None:
    text = (
        "The Northern Defence Front (NDF) claimed the attack that killed 12 people on Sunday.\n\n"
        "Officials said the NDF had received weapons from abroad in 2022."
    )
    result = extract(text)
    ndf = actor(result, "northern-defence-front")
    assert ndf.kind == "armed_group"
    assert "NDF" in ndf.aliases
    assert "northern-defence-front" in result.claims[1].mentions


def test_people_with_titles_and_affiliations() -> None:
    text = (
        "Alina Romanowski, the US Ambassador to Iraq, held talks with Iraqi Foreign Minister Fuad Hussein "
        "on January 24.\n\n"
        "The deal was signed under former Iraqi Prime Minister Mustafa al-Kadhimi in 2021.\n\n"
        "Hussein later met Romanowski again in Baghdad to discuss the 2,500 troops."
    )
    result = extract(text)
    romanowski = actor(result, "alina-romanowski")
    assert (romanowski.kind, romanowski.title, romanowski.affiliation) == (
        "person",
        "US Ambassador to Iraq",
        "united-states",
    )
    hussein = actor(result, "fuad-hussein")
    assert (hussein.title, hussein.affiliation) == ("Iraqi Foreign Minister", "iraq")
    kadhimi = actor(result, "mustafa-al-kadhimi")
    assert kadhimi.title == "former Iraqi Prime Minister"
    assert result.claims[2].mentions[:2] == ("fuad-hussein", "alina-romanowski")
    assert "Hussein" in hussein.aliases


def test_role_of_group_ties_person_to_group() -> None:
    text = "A spokesman for the Houthis, Yahya Saree, said the group fired 18 drones at ships on Tuesday."
    result = extract(text)
    spokesman = actor(result, "yahya-saree")
    assert spokesman.affiliation == "houthis"
    assert spokesman.title is not None and "spokesman" in spokesman.title
    assert result.claims[0].stated_by == ("yahya-saree",)
    assert "houthis" in {a.key for a in result.actors}


def test_government_body_with_country_affiliation() -> None:
    text = "The Pentagon said 47 service members were injured in the attacks since October."
    result = extract(text)
    assert result.claims[0].stated_by == ("pentagon",)
    pentagon = actor(result, "pentagon")
    assert (pentagon.kind, pentagon.affiliation) == ("government", "united-states")
    assert "united-states" in {a.key for a in result.actors}


def test_unlisted_government_bodies_and_armies() -> None:
    text = (
        "The Ministry of Defence said 14 soldiers were killed on Monday.\n\n"
        "In 2020, the Syrian Arab Army (SAA) retook the city, the SAA said in a statement."
    )
    result = extract(text)
    assert result.claims[0].stated_by == ("ministry-of-defence",)
    army = actor(result, "syrian-arab-army")
    assert (army.kind, army.affiliation) == ("government", "syria")
    assert "SAA" in army.aliases
    assert actor(result, "syria").kind == "country"
