"""Reads ClaimReview JSON-LD published by other fact-checkers, quirks and all. Pure."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Any

from factcheck.extraction.text import fold
from factcheck.timestamps import parse_timestamp

__all__ = ["ImportedReview", "normalise_review", "rating_from", "review_items"]

# Words in a rating's own label, in several languages; checked in this order (negations first).
_LABEL_WORDS: list[tuple[str, tuple[str, ...]]] = [
    (rating, tuple(words.split("|")))
    for rating, words in [
        ("mostly_true", "mostly true|mostly correct|mostly accurate|largely accurate|mayormente verdadero"
         "|plutot vrai|überwiegend wahr"),
        ("mostly_false", "mostly false|largely false|mayormente falso|plutot faux|überwiegend falsch"),
        ("mixed", "half true|mixed|mixture|partly|partially|medio verdadero|a medias|en partie|teilweise"
         "|parcialmente|mezcla|ni vrai ni faux"),
        ("misleading", "misleading|out of context|engañoso|enganoso|trompeur|irreführend|sin contexto"
         "|sorti de son contexte|fuorviante|enganador"),
        ("unverifiable", "unverifiable|unproven|no evidence|inverificable|invérifiable|unbelegt|sin pruebas"
         "|nicht belegt|insuficiente"),
        ("false", "not true|untrue|no es cierto|no es verdad|pas vrai|nicht wahr|false|fake|falso|faux"
         "|falsch|pants on fire|incorrect|wrong|bulo|fabricated|hoax|fausse|falsa|sbagliato|onwaar"),
        ("true", "true|correct|accurate|verdadero|vrai|wahr|richtig|cierto|vero|waar|verdadeiro"),
    ]
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class ImportedReview:
    """One external fact-check, normalised to this service's scale."""

    key: str
    claim: str
    rating: str
    label: str | None
    rating_value: float | None
    url: str | None
    reviewer: str | None
    reviewer_url: str | None
    claimant: str | None
    published_at: str | None
    appearance_url: str | None
    language: str | None
    summary: str | None
    headline: str | None = None


def _types(item: dict[str, Any]) -> set[str]:
    raw = item.get("@type", item.get("type"))
    values = raw if isinstance(raw, list) else [raw]
    return {str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for v in values if v}


def review_items(document: Any) -> list[Any]:
    """The ClaimReview objects in a document: one, a list, an @graph, or a DataFeed."""
    if isinstance(document, list):
        return [item for entry in document for item in review_items(entry)]
    if not isinstance(document, dict):
        return [document]
    if "@graph" in document:
        return review_items(document["@graph"])
    if "DataFeed" in _types(document) or "dataFeedElement" in document:
        elements = document.get("dataFeedElement") or []
        items = []
        for element in elements if isinstance(elements, list) else [elements]:
            if isinstance(element, dict) and "item" in element and "ClaimReview" not in _types(element):
                inner = element["item"]
                items += inner if isinstance(inner, list) else [inner]
            else:
                items.append(element)
        return items
    return [document]


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _name(value: Any) -> str | None:
    value = _first(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("alternateName")
    return str(value).strip() or None if isinstance(value, str) else None


def _number(value: Any) -> float | None:
    try:
        return float(str(value).strip().replace(",", "."))
    except (TypeError, ValueError):
        return None


def _plain(text: str) -> str:
    """Lower case without accents, so "Plutôt vrai" matches "plutot vrai"."""
    decomposed = unicodedata.normalize("NFKD", fold(text).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def rating_from(value: float | None, best: float | None, worst: float | None, label: str | None) -> str:
    """This service's rating from a numeric scale (either direction) or, failing that, the label."""
    if label:
        folded = _plain(label)
        for rating, words in _LABEL_WORDS:
            if any(_plain(word) in folded for word in words):
                return rating
    if value is not None:
        best = 5.0 if best is None else best
        worst = 1.0 if worst is None else worst
        if best != worst:
            position = max(0.0, min(1.0, (value - worst) / (best - worst)))
            for threshold, rating in (
                (0.9, "true"),
                (0.65, "mostly_true"),
                (0.4, "mixed"),
                (0.15, "mostly_false"),
            ):
                if position >= threshold:
                    return rating
            return "false"
    return "unverifiable"


def _text(value: Any) -> str | None:
    value = _first(value)
    return value.strip() or None if isinstance(value, str) else None


def _date(value: Any) -> str | None:
    text = _first(value)
    if not isinstance(text, str):
        return None
    try:
        return parse_timestamp(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return None


def normalise_review(item: Any) -> ImportedReview | str:
    """The review, or the reason it cannot be one."""
    if not isinstance(item, dict):
        return "not a JSON object"
    reviewed = _first(item.get("itemReviewed"))
    reviewed = reviewed if isinstance(reviewed, dict) else {}
    claim = (
        item.get("claimReviewed")
        or reviewed.get("text")
        or reviewed.get("name")
        or reviewed.get("description")
    )
    claim = _first(claim)
    if not isinstance(claim, str) or not claim.strip():
        return "no `claimReviewed` and no `itemReviewed` with text: this is not a claim review"
    rating = _first(item.get("reviewRating"))
    rating = rating if isinstance(rating, dict) else {}
    label = _name(rating.get("alternateName")) or _name(rating.get("name"))
    value = _number(rating.get("ratingValue"))
    ours = rating_from(value, _number(rating.get("bestRating")), _number(rating.get("worstRating")), label)
    author = _first(item.get("author") or item.get("publisher"))
    url = _first(item.get("url"))
    appearance = _first(reviewed.get("appearance") or reviewed.get("firstAppearance"))
    reviewer = _name(author)
    key_source = url if isinstance(url, str) and url else f"{reviewer}|{claim.strip()}"
    return ImportedReview(
        key=hashlib.sha256(key_source.encode("utf-8")).hexdigest(),
        claim=" ".join(claim.split()),
        rating=ours,
        label=label,
        rating_value=value,
        url=url if isinstance(url, str) else None,
        reviewer=reviewer,
        reviewer_url=_first(author.get("url")) if isinstance(author, dict) else None,
        claimant=_name(reviewed.get("author")),
        published_at=_date(item.get("datePublished")),
        appearance_url=_first(appearance.get("url")) if isinstance(appearance, dict) else None,
        language=_name(item.get("inLanguage")),
        summary=_text(item.get("reviewBody") or item.get("description")),
        headline=_text(item.get("name") or item.get("headline")),
    )
