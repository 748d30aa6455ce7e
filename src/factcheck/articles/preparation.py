"""Preparing articles for the batch ingest: text and HTML on worker processes, while the last batch writes.

Extraction is pure CPU work in Python, so one process can only extract or drive a write at a
time. `PreparationPool` sends the rule-based preparation of text and HTML inputs to worker processes,
which lets `factcheck ingest` extract batch N+1 while Neo4j writes batch N. Inputs that need
I/O (URLs, a chat-completion extractor) are prepared in the calling process as before.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType

import httpx

from factcheck.articles.inputs import prepare_article, prepare_offline
from factcheck.articles.plan import PreparedArticle
from factcheck.articles.schemas import ArticleCreate
from factcheck.errors import FactcheckError
from factcheck.extraction import Extractor, RuleBasedExtractor
from factcheck.settings import Settings

__all__ = ["MIN_OFFLINE", "PreparationPool", "Prepared"]

MIN_OFFLINE = 8  # fewer text and HTML inputs than this are prepared here: a worker takes a second to start

Prepared = PreparedArticle | str
"""A prepared article, or the reason the input could not be prepared."""


def prepare_chunk(items: Sequence[ArticleCreate], settings: Settings) -> list[Prepared]:
    """Prepares text and HTML inputs without I/O; a refused input comes back as its reason."""
    results: list[Prepared] = []
    for item in items:
        try:
            results.append(prepare_offline(item, settings))
        except FactcheckError as exc:
            results.append(exc.detail)
    return results


class PreparationPool:
    """Prepares lists of inputs, in order; with `workers` > 1, text and HTML go to worker processes."""

    def __init__(
        self, settings: Settings, http: httpx.AsyncClient, extractor: Extractor, workers: int
    ) -> None:
        self._settings, self._http, self._extractor = settings, http, extractor
        self._workers = workers
        self._parallel = workers > 1 and isinstance(extractor, RuleBasedExtractor)
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> PreparationPool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def uses_workers(self) -> bool:
        """True once inputs have gone to worker processes."""
        return self._executor is not None

    def close(self) -> None:
        """Stops the worker processes; inputs still queued are dropped."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    async def prepare(self, items: Sequence[ArticleCreate]) -> list[Prepared]:
        """One prepared article or reason per input, in the order given."""
        offline = [i for i, item in enumerate(items) if item.text is not None or item.html is not None]
        if not self._parallel or len(offline) < MIN_OFFLINE:
            offline = []
        parts = [offline[k :: self._workers] for k in range(self._workers) if offline[k :: self._workers]]
        loop = asyncio.get_running_loop()
        pending = [
            loop.run_in_executor(self._started(), prepare_chunk, [items[i] for i in part], self._settings)
            for part in parts
        ]
        results: dict[int, Prepared] = {}
        sent = set(offline)
        for index, item in enumerate(items):
            if index not in sent:
                results[index] = await self._prepare_here(item)
        for part, chunk in zip(parts, await asyncio.gather(*pending), strict=True):
            results.update(zip(part, chunk, strict=True))
        return [results[index] for index in range(len(items))]

    def _started(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # spawn, not fork: this process holds an event loop, a driver and their threads.
            context = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(self._workers, mp_context=context)
        return self._executor

    async def _prepare_here(self, item: ArticleCreate) -> Prepared:
        try:
            return await prepare_article(item, self._settings, self._http, self._extractor)
        except FactcheckError as exc:
            return exc.detail
