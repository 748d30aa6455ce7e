"""`PreparationPool`: drafts made on worker processes equal the ones made in-process, in order."""

from __future__ import annotations

import httpx
import pytest

from factcheck.articles.inputs import prepare_offline
from factcheck.articles.preparation import MIN_OFFLINE, PreparationPool
from factcheck.articles.schemas import ArticleCreate
from factcheck.extraction import RuleBasedExtractor
from factcheck.settings import Settings


def _inputs(seed_text: str) -> list[ArticleCreate]:
    items = [
        ArticleCreate(text=f"{seed_text}\n\nOfficials said {n} bridges were closed on Monday.", title=f"n{n}")
        for n in range(MIN_OFFLINE + 3)
    ]
    items.insert(4, ArticleCreate(text="x" * 5_000, title="too large"))
    items.insert(
        7,
        ArticleCreate(
            html="<html><head><title>Port closed</title></head><body><article><p>The port authority"
            " said on Tuesday that 300 containers were stuck after the strike.</p></article></body></html>"
        ),
    )
    return items


async def test_worker_drafts_equal_in_process_drafts(seed_text: str) -> None:
    settings = Settings(_env_file=None, max_article_bytes=len(seed_text.encode()) + 200)  # type: ignore[call-arg]
    items = _inputs(seed_text)
    async with httpx.AsyncClient() as http:
        with PreparationPool(settings, http, RuleBasedExtractor(), workers=2) as pool:
            drafted = await pool.prepare(items)
            assert pool.uses_workers
    assert len(drafted) == len(items)
    assert isinstance(drafted[4], str)
    assert "the limit is" in drafted[4]
    expected = [prepare_offline(item, settings) for i, item in enumerate(items) if i != 4]
    assert [d for i, d in enumerate(drafted) if i != 4] == expected
    assert drafted[7] != drafted[6]  # the HTML page, drafted in its own place
    assert getattr(drafted[7], "title", None) == "Port closed"


@pytest.mark.parametrize("workers", [1, 2])
async def test_few_inputs_are_drafted_in_process(seed_text: str, workers: int) -> None:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    items = _inputs(seed_text)[: MIN_OFFLINE - 1]
    async with httpx.AsyncClient() as http:
        with PreparationPool(settings, http, RuleBasedExtractor(), workers=workers) as pool:
            drafted = await pool.prepare(items)
            assert not pool.uses_workers
    assert drafted == [prepare_offline(item, settings) for item in items]
