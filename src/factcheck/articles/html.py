"""Main text and metadata from an HTML page, by trafilatura, with JSON-LD and meta tags as backup.

The author is the first of trafilatura's, JSON-LD's and the meta tags' that reads as a
name (see ``factcheck.extraction.metadata.author_name``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura

from factcheck.extraction import author_name

__all__ = ["HtmlArticle", "extract_html"]


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What the page says about itself."""

    text: str
    title: str | None
    author: str | None
    site_name: str | None
    date: str | None
    language: str | None


def _json_ld_author(tree: Any) -> str | None:
    """The JSON-LD ``author`` names, joined by ``"; "`` (several authors may be listed)."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            author = item.get("author") if isinstance(item, dict) else None
            authors = author if isinstance(author, list) else [author]
            names = [a.get("name") if isinstance(a, dict) else a for a in authors]
            text = "; ".join(n.strip() for n in names if isinstance(n, str) and n.strip())
            if text:
                return text
    return None


def _meta(tree: Any, *names: str) -> str | None:
    for name in names:
        values = tree.xpath(f'//meta[@name="{name}" or @property="{name}"]/@content')
        if values and str(values[0]).strip():
            return str(values[0]).strip()
    return None


def extract_html(html: str, url: str | None = None) -> HtmlArticle:
    """The article in `html`; `text` is empty when the page has no main text."""
    found = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only dates the page states as metadata; guesses from body text mislead reviewers.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data: dict[str, Any] = found.as_dict() if found is not None and not isinstance(found, dict) else {}
    author = data.get("author")
    site_name = data.get("sitename")
    language = data.get("language")
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    if tree is not None:
        site_name = site_name or _meta(tree, "og:site_name", "application-name")
        candidates = [author, _json_ld_author(tree), _meta(tree, "author"), _meta(tree, "article:author")]
        language = language or (tree.get("lang") or None)
    else:
        candidates = [author]
    author = author_name(candidates, site_name=site_name)
    return HtmlArticle(
        text=str(data.get("text") or ""),
        title=data.get("title"),
        author=author,
        site_name=site_name,
        date=data.get("date"),
        language=language,
    )
