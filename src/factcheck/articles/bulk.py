"""`factcheck ingest`: files, directories, JSONL streams or URLs, written in batches."""

from __future__ import annotations

import asyncio
import getpass
import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from pydantic import ValidationError
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from factcheck.articles import service
from factcheck.articles.inputs import make_extractor
from factcheck.articles.plan import PreparedArticle
from factcheck.articles.preparation import PreparationPool
from factcheck.articles.schemas import ArticleCreate
from factcheck.graph.store import Graph
from factcheck.settings import Settings

__all__ = ["IngestSummary", "ingest_source", "read_inputs"]

_TEXT_SUFFIXES = {".txt", ".md"}
_HTML_SUFFIXES = {".html", ".htm"}
_JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}


@dataclass(slots=True)
class IngestSummary:
    """What one run did."""

    created: int = 0
    existing: int = 0
    claims: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        """Articles handled (created or found) per second of wall time."""
        return (self.created + self.existing) / self.seconds if self.seconds else 0.0


def _json_lines(lines: Iterator[str], origin: str) -> Iterator[tuple[str, ArticleCreate | str]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        label = f"{origin}:{number}"
        try:
            yield label, ArticleCreate.model_validate(json.loads(line))
        except (ValueError, ValidationError) as exc:
            yield label, f"not an article: {exc}".splitlines()[0]


def _file_inputs(path: Path) -> Iterator[tuple[str, ArticleCreate | str]]:
    suffix = path.suffix.lower()
    if suffix in _JSON_SUFFIXES:
        with path.open(encoding="utf-8") as lines:
            yield from _json_lines(iter(lines), str(path))
    elif suffix in _HTML_SUFFIXES:
        yield str(path), ArticleCreate(html=path.read_text(encoding="utf-8", errors="replace"))
    else:
        yield str(path), ArticleCreate(text=path.read_text(encoding="utf-8", errors="replace"))


def read_inputs(target: str) -> Iterator[tuple[str, ArticleCreate | str]]:
    """(label, article or error) for a file, a directory (recursively), `-` for JSONL on stdin, or a URL."""
    if target == "-":
        yield from _json_lines(iter(sys.stdin), "stdin")
    elif target.startswith(("http://", "https://")):
        yield target, ArticleCreate.model_validate({"url": target})
    else:
        path = Path(target)
        if path.is_dir():
            suffixes = _TEXT_SUFFIXES | _HTML_SUFFIXES | _JSON_SUFFIXES
            for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes):
                yield from _file_inputs(file)
        elif path.is_file():
            yield from _file_inputs(path)
        else:
            yield target, "no such file or directory"


async def ingest_source(
    target: str, graph: Graph, http: httpx.AsyncClient, settings: Settings, show_progress: bool = True
) -> IngestSummary:
    """Extracts every article of `target` and writes them `settings.ingest_batch_size` at a time.

    Batches are pipelined: while one batch is written, the next is prepared on
    `settings.ingest_workers` processes. Writes stay one at a time, in input order.
    """
    summary = IngestSummary()
    writer = _BatchWriter(graph, f"cli:{getpass.getuser()}", summary, settings.ingest_lineage)
    size = settings.ingest_batch_size
    began = time.perf_counter()
    columns = (
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
    )
    with (
        Progress(*columns, disable=not show_progress, transient=False) as progress,
        PreparationPool(settings, http, make_extractor(settings, http), settings.ingest_workers) as pool,
    ):
        task = progress.add_task("ingest", total=None, last="")
        ready: list[PreparedArticle] = []
        try:
            for chunk in _chunks(read_inputs(target), size):
                ready += await _prepare(pool, chunk, summary.failed)
                while len(ready) >= size:
                    await writer.submit(ready[:size])
                    ready = ready[size:]
                progress.update(task, advance=len(chunk), last=chunk[-1][0][-60:])
            if ready:
                await writer.submit(ready)
            await writer.wait()
        finally:
            writer.cancel()
    summary.seconds = time.perf_counter() - began
    return summary


class _BatchWriter:
    """Writes one batch at a time in the background, while the caller prepares the next."""

    def __init__(self, graph: Graph, user: str, summary: IngestSummary, lineage: bool) -> None:
        self._graph, self._user, self._summary, self._lineage = graph, user, summary, lineage
        self._task: asyncio.Task[list[service.IngestOutcome]] | None = None

    async def submit(self, batch: list[PreparedArticle]) -> None:
        """Waits for the batch being written, then starts writing this one."""
        await self.wait()
        self._task = asyncio.create_task(
            service.ingest(self._graph, batch, self._user, lineage=self._lineage)
        )

    async def wait(self) -> None:
        """Waits for the batch being written, if any, and counts its outcomes."""
        if self._task is None:
            return
        task, self._task = self._task, None
        for outcome in await task:
            self._summary.created += outcome.created
            self._summary.existing += not outcome.created
            self._summary.claims += outcome.claims if outcome.created else 0

    def cancel(self) -> None:
        """Stops a write still running (after an error elsewhere); its transaction rolls back."""
        if self._task is not None:
            self._task.cancel()


async def _prepare(
    pool: PreparationPool, chunk: list[tuple[str, ArticleCreate | str]], failed: list[tuple[str, str]]
) -> list[PreparedArticle]:
    """The chunk's prepared articles; inputs that could not be read or prepared go to `failed`."""
    inputs: list[tuple[str, ArticleCreate]] = []
    for label, item in chunk:
        if isinstance(item, str):
            failed.append((label, item))
        else:
            inputs.append((label, item))
    prepared: list[PreparedArticle] = []
    results = await pool.prepare([item for _, item in inputs])
    for (label, _), result in zip(inputs, results, strict=True):
        if isinstance(result, str):
            failed.append((label, result))
        else:
            prepared.append(result)
    return prepared


def _chunks(
    inputs: Iterator[tuple[str, ArticleCreate | str]], size: int
) -> Iterator[list[tuple[str, ArticleCreate | str]]]:
    chunk: list[tuple[str, ArticleCreate | str]] = []
    for entry in inputs:
        chunk.append(entry)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
