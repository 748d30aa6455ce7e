"""`factcheck ingest`: files, directories, JSONL streams or URLs, written in batches."""

from __future__ import annotations

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
from factcheck.articles.inputs import draft_article, make_extractor
from factcheck.articles.plan import ArticleDraft
from factcheck.articles.schemas import ArticleCreate
from factcheck.errors import FactcheckError
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
    """Extracts every article of `target` and writes them `settings.ingest_batch_size` at a time."""
    summary = IngestSummary()
    user = f"cli:{getpass.getuser()}"
    extractor = make_extractor(settings, http)
    batch: list[ArticleDraft] = []
    began = time.perf_counter()

    async def flush() -> None:
        for outcome in await service.ingest(graph, batch, user):
            summary.created += outcome.created
            summary.existing += not outcome.created
            summary.claims += outcome.claims if outcome.created else 0
        batch.clear()

    columns = (
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
    )
    with Progress(*columns, disable=not show_progress, transient=False) as progress:
        task = progress.add_task("ingest", total=None, last="")
        for label, item in read_inputs(target):
            progress.update(task, advance=1, last=label[-60:])
            if isinstance(item, str):
                summary.failed.append((label, item))
                continue
            try:
                batch.append(await draft_article(item, settings, http, extractor))
            except FactcheckError as exc:
                summary.failed.append((label, exc.detail))
                continue
            if len(batch) >= settings.ingest_batch_size:
                await flush()
        if batch:
            await flush()
    summary.seconds = time.perf_counter() - began
    return summary
