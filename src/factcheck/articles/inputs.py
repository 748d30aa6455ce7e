"""Turns what a client sends (text, HTML or a URL) into a prepared article: its text and extraction."""

from __future__ import annotations

from datetime import datetime

import anyio
import httpx

from factcheck.articles.html import extract_html
from factcheck.articles.plan import PreparedArticle
from factcheck.articles.schemas import ArticleCreate
from factcheck.cleantext import strip_unsafe
from factcheck.errors import PayloadTooLarge, Unprocessable, UpstreamError
from factcheck.extraction import (
    ArticleText,
    Extraction,
    Extractor,
    ExtractorError,
    RuleBasedExtractor,
    detect_language,
    normalise_text,
)
from factcheck.fetching import FetchPolicy, fetch
from factcheck.settings import Settings
from factcheck.timestamps import parse_timestamp

__all__ = ["article_text", "make_extractor", "parse_date", "prepare_article", "prepare_offline"]

_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain"}
_RULES = RuleBasedExtractor()
# Texts above this size are extracted on a worker thread so the event loop keeps serving.
_THREAD_THRESHOLD = 64_000


def make_extractor(settings: Settings, http: httpx.AsyncClient) -> Extractor:
    """The configured extractor: the rule-based one unless a chat endpoint is set up."""
    if settings.extractor == "llm" and settings.llm_base_url:
        from factcheck.extraction.llm import ChatCompletionExtractor

        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
        return ChatCompletionExtractor(
            http, settings.llm_base_url, settings.llm_model, key, settings.llm_timeout_s
        )
    return _RULES


def parse_date(value: str | None) -> datetime | None:
    """An ISO date or datetime from page metadata; None when absent or unreadable."""
    if not value:
        return None
    try:
        return parse_timestamp(value)
    except ValueError:
        return None


async def prepare_article(
    data: ArticleCreate, settings: Settings, http: httpx.AsyncClient, extractor: Extractor
) -> PreparedArticle:
    """Fetches and parses as needed, checks the size, and runs the extractor."""
    url = str(data.url) if data.url else None
    raw_text, html = data.text, data.html
    if raw_text is None and html is None:
        assert url is not None
        raw_text, html, url = await _fetch_article(http, url, settings)
    if html is not None:
        article, published = await anyio.to_thread.run_sync(article_text, data, settings, None, html, url)
    else:
        article, published = article_text(data, settings, raw_text, None, url)
    if len(article.text) > _THREAD_THRESHOLD and isinstance(extractor, RuleBasedExtractor):
        extraction = await anyio.to_thread.run_sync(extractor.extract_sync, article)
    else:
        try:
            extraction = await extractor.extract(article)
        except ExtractorError as exc:
            raise UpstreamError(f"the {extractor.name} extractor failed: {exc}") from None
    return _prepared(article, published, extraction, extractor.name)


def prepare_offline(data: ArticleCreate, settings: Settings) -> PreparedArticle:
    """Prepares an article sent as text or HTML with the rule-based extractor: no I/O at all.

    The same steps as `prepare_article`, for worker processes of the batch ingest.
    """
    if data.text is None and data.html is None:
        raise ValueError("prepare_offline takes text or HTML; a URL needs prepare_article")
    url = str(data.url) if data.url else None
    article, published = article_text(data, settings, data.text, data.html, url)
    return _prepared(article, published, _RULES.extract_sync(article), _RULES.name)


def article_text(
    data: ArticleCreate, settings: Settings, raw_text: str | None, html: str | None, url: str | None
) -> tuple[ArticleText, datetime | None]:
    """The normalised article from its text or HTML, and its publication date; checks sizes."""
    title, author, publisher = data.title, data.author, data.publisher
    published: datetime | None = data.published_at
    language = data.language
    if html is not None:
        _check_size(html, settings.max_article_bytes * 4, "the HTML")
        page = extract_html(html, url)
        raw_text = page.text
        title = title or (strip_unsafe(page.title) if page.title else None)
        author = author or (strip_unsafe(page.author) if page.author else None)
        publisher = publisher or (strip_unsafe(page.site_name) if page.site_name else None)
        published = published or parse_date(page.date)
        language = language or (page.language or "").split("-")[0] or None
    text = normalise_text(raw_text or "")
    if not text:
        raise Unprocessable("the article has no text to ingest", field="text")
    _check_size(text, settings.max_article_bytes, "the article text")
    language = language or detect_language(text) or "en"
    article = ArticleText(
        text=text, title=title, publisher=publisher, author=author, url=url, language=language
    )
    return article, published


async def _fetch_article(
    http: httpx.AsyncClient, url: str, settings: Settings
) -> tuple[str | None, str | None, str]:
    """(text, html, final URL) of a fetched article; exactly one of text and html is set."""
    fetched = await fetch(http, url, FetchPolicy.from_settings(settings))
    if fetched.media_type in _TEXT_TYPES:
        return fetched.text(), None, fetched.final_url
    if fetched.media_type in _HTML_TYPES:
        return None, fetched.text(), fetched.final_url
    raise UpstreamError(
        f"{url} returned {fetched.media_type}, not an HTML or plain-text article",
        url=url,
        content_type=fetched.media_type,
    )


def _prepared(
    article: ArticleText, published: datetime | None, extraction: Extraction, extractor: str
) -> PreparedArticle:
    return PreparedArticle(
        text=article.text,
        extraction=extraction,
        extractor=extractor,
        title=article.title,
        url=article.url,
        published_at=published,
        author=article.author,
        publisher=article.publisher,
        language=article.language,
    )


def _check_size(text: str, limit: int, what: str) -> None:
    size = len(text.encode("utf-8"))
    if size > limit:
        raise PayloadTooLarge(f"{what} is {size} bytes; the limit is {limit}", limit=limit, size=size)
