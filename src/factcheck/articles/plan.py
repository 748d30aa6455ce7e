"""Turns extracted articles into the rows one batched write needs. Pure: no I/O."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from factcheck.actors.rows import actor_row, source_row
from factcheck.extraction import Extraction, SourceMention
from factcheck.extraction.text import fold, slug

__all__ = [
    "BatchPlan",
    "PreparedArticle",
    "plan_batch",
    "resolved_articles",
    "text_sha256",
]


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """A normalised article and what the extractor found in it."""

    text: str
    extraction: Extraction
    extractor: str
    title: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    publisher: str | None = None
    language: str = "en"

    @property
    def sha256(self) -> str:
        """The dedupe key: sha256 of the normalised text."""
        return text_sha256(self.text)


@dataclass(slots=True)
class BatchPlan:
    """Rows for the source, actor and article writes of one batch."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    affiliations: list[tuple[str, str]] = field(default_factory=list)  # (member key, group key)
    articles: list[dict[str, Any]] = field(default_factory=list)


def text_sha256(text: str) -> str:
    """Hex sha256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _publisher(article: PreparedArticle) -> SourceMention | None:
    if article.publisher:
        return SourceMention(key=slug(fold(article.publisher)), name=article.publisher.strip(), kind="outlet")
    return article.extraction.publisher


def plan_batch(prepared: Sequence[PreparedArticle]) -> BatchPlan:
    """Rows for a batch; actor and source keys are resolved to ids by the writes themselves."""
    plan = BatchPlan()
    sources: dict[str, dict[str, Any]] = {}
    actors: dict[str, dict[str, Any]] = {}
    for article in prepared:
        publisher = _publisher(article)
        for source in (*article.extraction.sources, *([publisher] if publisher else [])):
            sources.setdefault(source.key, source_row(source))
        for actor in article.extraction.actors:
            row = actors.setdefault(actor.key, actor_row(actor))
            row["aliases"] = sorted({*row["aliases"], *actor.aliases})
            if actor.affiliation:
                plan.affiliations.append((actor.key, actor.affiliation))
        plan.articles.append(_article_row(article, publisher))
    # Sorted by key, so concurrent batches take their MERGE locks in one order (no deadlocks).
    plan.sources = [sources[key] for key in sorted(sources)]
    plan.actors = [actors[key] for key in sorted(actors)]
    return plan


def _article_row(article: PreparedArticle, publisher: SourceMention | None) -> dict[str, Any]:
    claims = [
        {
            "id": str(uuid.uuid4()),
            "text": claim.text,
            "start": claim.start,
            "end": claim.end,
            "kind": claim.kind,
            "checkworthiness": claim.checkworthiness,
            "reasons": list(claim.reasons),
            "stated_by": list(claim.stated_by),  # actor keys until resolved to ids
            "mentions": [key for key in claim.mentions if key not in claim.stated_by],
            "reported_by": list(claim.reported_by),  # source keys until resolved to ids
        }
        for claim in article.extraction.claims
    ]
    return {
        "id": str(uuid.uuid4()),
        "url": article.url,
        "title": article.title,
        "language": article.language,
        "author": article.author or article.extraction.author,
        "text": article.text,
        "sha256": article.sha256,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "publisher_key": publisher.key if publisher else None,
        "extractor": article.extractor,
        "claims": claims,
    }


def resolved_articles(
    plan: BatchPlan, actor_ids: dict[str, str], source_ids: dict[str, str]
) -> list[dict[str, Any]]:
    """The article rows with actor and source keys replaced by the ids the graph holds."""

    def ids(keys: list[str], known: dict[str, str]) -> list[str]:
        return list(dict.fromkeys(known[k] for k in keys if k in known))

    return [
        {
            **article,
            "publisher_id": source_ids.get(article["publisher_key"] or ""),
            "claims": [
                {
                    **claim,
                    "stated_by": ids(claim["stated_by"], actor_ids),
                    "mentions": ids(claim["mentions"], actor_ids),
                    "reported_by": ids(claim["reported_by"], source_ids),
                }
                for claim in article["claims"]
            ],
        }
        for article in plan.articles
    ]
