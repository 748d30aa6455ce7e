"""Publisher, author and date hints from an article's metadata and byline lines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from factcheck.extraction.boilerplate import AUTHOR_LINE, BY_LINE, boilerplate_reason
from factcheck.extraction.entities import entity_for_alias
from factcheck.extraction.models import ArticleText, SourceMention
from factcheck.extraction.sentences import line_spans
from factcheck.extraction.text import fold, slug

__all__ = ["Byline", "article_byline", "read_byline"]

_ORG_WORDS = re.compile(
    r"\b(?:group|news|agency|desk|staff|team|newsroom|editorial|editors|media|press|times|post|network|tv"
    r"|radio|institute|center|centre)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_HEAD_LINES = 12


@dataclass(frozen=True, slots=True)
class Byline:
    """What the metadata and the byline lines say about the article."""

    publisher: SourceMention | None
    author: str | None
    year: int | None
    names: frozenset[str]


def article_byline(article: ArticleText) -> Byline:
    """Read the byline from ``article`` metadata and its first lines."""
    head = [article.text[s:e] for s, e in line_spans(article.text, 0, len(article.text))[:_HEAD_LINES]]
    dateline = next((line for line in head if boilerplate_reason(line) == "dateline"), None)
    return read_byline(article, head, dateline)


def read_byline(article: ArticleText, lines: list[str], dateline: str | None) -> Byline:
    """Combine ``article`` metadata with the byline found in the first ``lines``.

    Metadata wins over the text. An "Author:" line gives the author; when that
    name reads as an organisation ("ISWNews Analysis Group") it also gives the
    publisher. Returns the lower-cased names to treat as bylines when alone.
    """
    author = article.author
    byline_name: str | None = None
    for line in lines:
        match = AUTHOR_LINE.match(fold(line).strip()) or BY_LINE.match(fold(line).strip())
        if match:
            byline_name = line.strip()[match.start("name") : match.end("name")].strip()
            break
    if author is None:
        author = byline_name
    publisher_name = article.publisher
    if publisher_name is None and byline_name and _is_organisation(byline_name):
        publisher_name = byline_name
    publisher = _publisher(publisher_name, article.url)
    names = {n.lower() for n in (author, byline_name, article.publisher, publisher_name) if n}
    if publisher is not None:
        names.add(publisher.name.lower())
    year_match = _YEAR.search(dateline or "")
    return Byline(publisher, author, int(year_match.group(0)) if year_match else None, frozenset(names))


def _is_organisation(name: str) -> bool:
    return entity_for_alias(fold(name)) is not None or bool(_ORG_WORDS.search(name))


def _publisher(name: str | None, url: str | None) -> SourceMention | None:
    domain = _domain(url)
    if name is None:
        return None if domain is None else SourceMention(slug(domain), domain, "outlet", domain)
    entity = entity_for_alias(fold(name).strip())
    if entity is not None and entity.kind == "media":
        return SourceMention(entity.key, entity.name, entity.outlet_kind or "outlet", domain or entity.domain)
    return SourceMention(slug(name), name.strip(), "outlet", domain)


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    if not host:
        return None
    return host.removeprefix("www.")
