"""Publisher, author and date hints from an article's metadata and byline lines.

:func:`author_name` picks a page's author from its metadata candidates (the main-text
extractor's, JSON-LD ``author``, ``<meta name="author">``, ``article:author``) and
keeps only what reads as a name: never a login widget's word (``data/not_names.jsonl``),
the site's own name, a date, a URL or an e-mail address. Repeats collapse to one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from factcheck.extraction.boilerplate import AUTHOR_LINE, BY_LINE, boilerplate_reason
from factcheck.extraction.entities import entity_for_alias
from factcheck.extraction.models import ArticleText, SourceMention
from factcheck.extraction.phrases import read_jsonl
from factcheck.extraction.sentences import line_spans
from factcheck.extraction.text import fold, slug

__all__ = ["Byline", "article_byline", "author_name", "read_byline"]

_ORG_WORDS = re.compile(
    r"\b(?:group|news|agency|desk|staff|team|newsroom|editorial|editors|media|press|times|post|network|tv"
    r"|radio|institute|center|centre)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_HEAD_LINES = 12
_NOT_NAMES = frozenset(entry["not_a_name"] for entry in read_jsonl("not_names.jsonl"))
_SEPARATORS = re.compile(r"\s*(?:[;|/&]|,(?!\s*(?:jr|sr)\b)|\band\b)\s*", re.IGNORECASE)
_BY = re.compile(r"^(?:by|von|par|por)\s+", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'.,-]*$")
_ADDRESS = re.compile(r"@|https?:|www\.|\.(?:com|org|net)\b", re.IGNORECASE)


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


def author_name(candidates: list[str | None], *, site_name: str | None = None) -> str | None:
    """The names in the first candidate that holds any, joined by ``"; "``, or None.

    A candidate may list several names ("Jane Doe; JANE DOE and John Roe"); each part
    must be one to five words of letters, and no site or outlet name.
    """
    site = " ".join(site_name.split()).casefold() if site_name else None
    for candidate in candidates:
        names: dict[str, str] = {}
        if not candidate or _ADDRESS.search(candidate):
            continue
        for part in _SEPARATORS.split(candidate):
            name = " ".join(_BY.sub("", part.strip()).split())
            key = name.casefold()
            if _reads_as_name(name, key, site):
                names.setdefault(key, name)
        if names:
            return "; ".join(names.values())
    return None


def _reads_as_name(name: str, key: str, site: str | None) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 5 or key in _NOT_NAMES or key == site or any(c.isdigit() for c in name):
        return False
    if not all(_NAME_WORD.match(word) for word in words):
        return False
    entity = entity_for_alias(fold(name))
    return entity is None or entity.kind != "media"
