"""Bylines that are names, and the language of an article nobody named."""

from __future__ import annotations

from factcheck.articles.html import extract_html
from factcheck.extraction import author_name, detect_language

BODY = (
    "<article><p>"
    + "The parliament approved the budget of 12 billion dollars on Sunday. " * 8
    + "</p></article>"
)


def page(head: str, byline: str = "") -> str:
    return f"<html lang='en'><head><title>Budget</title>{head}</head><body>{byline}{BODY}</body></html>"


def test_author_name_keeps_names_and_collapses_repeats() -> None:
    assert author_name(["Jane Doe; JANE DOE"]) == "Jane Doe"
    assert author_name(["By Jane Doe and John Roe"]) == "Jane Doe; John Roe"
    assert author_name(["Ana Mar\u00eda L\u00f3pez"]) == "Ana Mar\u00eda L\u00f3pez"


def test_author_name_never_takes_a_non_name() -> None:
    for bad in ("Username", "Log in", "25 January 2024", "https://example.org/jane", "jane@example.org"):
        assert author_name([bad]) is None, bad
    assert author_name(["Daily Example"], site_name="Daily Example") is None
    assert author_name(["Reuters"]) is None
    assert author_name(["Username", None, "Jane Doe"]) == "Jane Doe"


def test_html_falls_back_to_json_ld_and_meta_author() -> None:
    json_ld = (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "author": [{"name": "Jane Doe"}, {"name": "John Roe"}]}</script>'
    )
    assert extract_html(page(json_ld)).author == "Jane Doe; John Roe"
    assert extract_html(page('<meta name="author" content="Jane Doe">')).author == "Jane Doe"
    assert extract_html(page('<meta property="article:author" content="Jane Doe">')).author == "Jane Doe"


def test_html_login_widget_is_not_the_author() -> None:
    widget = '<meta name="author" content="Username">'
    assert extract_html(page(widget)).author is None
    both = widget + '<meta property="article:author" content="JANE DOE; Jane Doe">'
    assert extract_html(page(both)).author == "JANE DOE"


def test_detect_language() -> None:
    assert detect_language("Two people were killed in the blast on Friday, the police said.") == "en"
    assert (
        detect_language("El gobierno gast\u00f3 cuatro millones de euros en el programa el a\u00f1o pasado.")
        == "es"
    )
    assert (
        detect_language(
            "Der Minister sagte am Montag, die Gespr\u00e4che w\u00fcrden n\u00e4chste Woche beginnen."
        )
        == "de"
    )
    assert detect_language("Too short.") is None
    assert detect_language("") is None
