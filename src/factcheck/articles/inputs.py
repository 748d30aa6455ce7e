"""Turns what a client sends (text, HTML or a URL) into a normalised article draft."""

from __future__ import annotations

from datetime import datetime

import anyio
import httpx

from factcheck.articles.html import extract_html
from factcheck.articles.plan import ArticleDraft
from factcheck.articles.schemas import ArticleCreate
from factcheck.errors import PayloadTooLarge, Unprocessable, UpstreamError
from factcheck.extraction import ArticleText, Extractor, ExtractorError, RuleBasedExtractor, normalise_text
from factcheck.fetching import FetchPolicy, fetch
from factcheck.settings import Settings

__all__ = ["draft_article", "make_extractor", "parse_date"]

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
        return datetime.fromisoformat(value)
    except ValueError:
        return None


async def draft_article(
    data: ArticleCreate, settings: Settings, http: httpx.AsyncClient, extractor: Extractor
) -> ArticleDraft:
    """Fetches and parses as needed, checks the size, and runs the extractor."""
    url = str(data.url) if data.url else None
    title, author, publisher, published = data.title, data.author, data.publisher, data.published_at
    language = data.language
    if data.text is not None:
        raw_text = data.text
    else:
        html = data.html
        if html is None:
            assert url is not None
            fetched = await fetch(http, url, FetchPolicy.from_settings(settings))
            if fetched.media_type in _TEXT_TYPES:
                html = None
                raw_text = fetched.text()
            elif fetched.media_type in _HTML_TYPES:
                html = fetched.text()
            else:
                raise UpstreamError(
                    f"{url} returned {fetched.media_type}, not an HTML or plain-text article",
                    url=url,
                    content_type=fetched.media_type,
                )
            url = fetched.final_url
        if html is not None:
            _check_size(html, settings.max_article_bytes * 4, "the HTML")
            page = await anyio.to_thread.run_sync(extract_html, html, url)
            raw_text = page.text
            title = title or page.title
            author = author or page.author
            publisher = publisher or page.site_name
            published = published or parse_date(page.date)
            language = language or (page.language or "").split("-")[0] or None
    text = normalise_text(raw_text)
    if not text:
        raise Unprocessable("the article has no text to ingest", field="text")
    _check_size(text, settings.max_article_bytes, "the article text")
    article = ArticleText(
        text=text, title=title, publisher=publisher, author=author, url=url, language=language or "en"
    )
    if len(text) > _THREAD_THRESHOLD and isinstance(extractor, RuleBasedExtractor):
        extraction = await anyio.to_thread.run_sync(extractor.extract_sync, article)
    else:
        try:
            extraction = await extractor.extract(article)
        except ExtractorError as exc:
            raise UpstreamError(f"the {extractor.name} extractor failed: {exc}") from None
    return ArticleDraft(
        text=text,
        extraction=extraction,
        extractor=extractor.name,
        title=title,
        url=url,
        published_at=published,
        author=author,
        publisher=publisher,
        language=language or "en",
    )


def _check_size(text: str, limit: int, what: str) -> None:
    size = len(text.encode("utf-8"))
    if size > limit:
        raise PayloadTooLarge(f"{what} is {size} bytes; the limit is {limit}", limit=limit, size=size)
