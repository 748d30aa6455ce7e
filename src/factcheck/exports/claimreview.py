"""Published verdicts as schema.org ClaimReview JSON-LD.

Ratings map to `reviewRating` on a 1..5 scale (5 = true). `misleading` sits at 2 and
`unverifiable` at 3 so that every review carries a numeric value; `alternateName` always
carries the rating in words, which is what readers and search engines show.
"""

from __future__ import annotations

from typing import Any

from factcheck.newsroom.schemas import PublicVerdict, PublicVerdictDetail
from factcheck.settings import Settings

__all__ = ["RATING_SCALE", "claim_review", "claim_review_feed"]

SCHEMA_ORG = "https://schema.org"
RATING_SCALE: dict[str, tuple[int, str]] = {
    "true": (5, "True"),
    "mostly_true": (4, "Mostly true"),
    "mixed": (3, "Mixed"),
    "mostly_false": (2, "Mostly false"),
    "false": (1, "False"),
    "misleading": (2, "Misleading"),
    "unverifiable": (3, "Unverifiable"),
}
_ORGANISATION_KINDS = {"organisation", "government", "armed_group", "country", "media", "outlet", "agency"}


def _organisation(settings: Settings) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": settings.org_name}
    if settings.org_url:
        org["url"] = settings.org_url
    return org


def _claim_author(verdict: PublicVerdict) -> dict[str, Any] | None:
    if not verdict.claimants:
        return None
    claimant = verdict.claimants[0]
    kind = "Person" if claimant.kind == "person" else "Organization"
    if claimant.kind not in _ORGANISATION_KINDS | {"person"}:
        kind = "Person" if len(claimant.name.split()) in (2, 3) else "Organization"
    return {"@type": kind, "name": claimant.name}


def claim_review(
    verdict: PublicVerdictDetail, settings: Settings, with_context: bool = True
) -> dict[str, Any]:
    """One ClaimReview for a published verdict."""
    value, label = RATING_SCALE.get(verdict.rating, (3, verdict.rating))
    url = f"{settings.public_base_url.rstrip('/')}/verdicts/{verdict.id}"
    item: dict[str, Any] = {"@type": "Claim"}
    author = _claim_author(verdict)
    if author:
        item["author"] = author
    if verdict.article is not None:
        if verdict.article.published_at:
            item["datePublished"] = verdict.article.published_at
        if verdict.article.url:
            appearance = {"@type": "CreativeWork", "url": verdict.article.url}
            if verdict.article.title:
                appearance["headline"] = verdict.article.title
            item["appearance"] = [appearance]
            item["firstAppearance"] = appearance
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": verdict.external_url or url,
        "claimReviewed": verdict.claim.text,
        "datePublished": (verdict.published_at or "")[:10] or None,
        "author": {"@type": "Organization", "name": verdict.reviewer.name}
        if verdict.reviewer
        else _organisation(settings),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": verdict.rating_label or label,
        },
        "itemReviewed": item,
    }
    if verdict.summary:
        review["reviewBody"] = verdict.summary
    if verdict.claim.language:
        review["inLanguage"] = verdict.claim.language
    citations = [
        {
            "@type": "CreativeWork",
            **({"name": e.document.title} if e.document.title else {}),
            "url": e.document.url,
        }
        for e in verdict.evidence
        if e.document is not None and e.document.url
    ]
    if citations:
        review["citation"] = citations
    review = {key: value for key, value in review.items() if value is not None}
    return {"@context": SCHEMA_ORG, **review} if with_context else review


def claim_review_feed(
    reviews: list[dict[str, Any]], settings: Settings, next_url: str | None
) -> dict[str, Any]:
    """A schema.org DataFeed of ClaimReviews (each without its own @context)."""
    feed: dict[str, Any] = {
        "@context": SCHEMA_ORG,
        "@type": "DataFeed",
        "name": f"{settings.org_name} fact-checks",
        "publisher": _organisation(settings),
        "dataFeedElement": reviews,
    }
    if next_url:
        feed["relatedLink"] = next_url
    return feed
