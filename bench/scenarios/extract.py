"""Extract: how fast the rule-based extractor reads text, in KB/s (no graph, no driver side).

`factcheck.extraction.RuleBasedExtractor().extract_sync` over the sample article, repeated,
and over generated articles. Latency is one article.
"""

from __future__ import annotations

import time

from bench.context import BenchContext
from bench.corpus import seed_text
from bench.load import RoundResult
from bench.scenarios.common import Result, RoundFn, compare
from factcheck.extraction import ArticleText, RuleBasedExtractor, normalise_text

__all__ = ["run"]

GENERATED_OFFSET = 10_000_000  # far from the articles the graph is built from


def _rounds(texts: list[ArticleText]) -> RoundFn:
    extractor = RuleBasedExtractor()

    async def round_(number: int) -> RoundResult:
        chosen = texts[: max(1, len(texts) // 4)] if number < 0 else texts
        latencies, size = [], 0
        began = time.perf_counter()
        for article in chosen:
            start = time.perf_counter()
            extractor.extract_sync(article)
            latencies.append(time.perf_counter() - start)
            size += len(article.text.encode("utf-8"))
        return RoundResult(latencies, {"ok": len(chosen)}, time.perf_counter() - began, size)

    return round_


async def run(ctx: BenchContext) -> None:
    """Measures both corpora; appends their results."""
    options = ctx.options
    sample = ArticleText(text=normalise_text(seed_text()))
    generated = [
        ArticleText(
            text=normalise_text(a.text), title=a.title, publisher=a.publisher, author=a.author, url=a.url
        )
        for a in ctx.corpus.articles(GENERATED_OFFSET, options.extract_articles)
    ]
    for name, texts in (
        (f"sample article x {options.extract_repeats}", [sample] * options.extract_repeats),
        (f"{options.extract_articles} generated articles", generated),
    ):
        service, _ = await compare(_rounds(texts), None, options.rounds, ctx.meter, name, unit_scale=1 / 1024)
        mean = sum(len(t.text.encode("utf-8")) for t in texts) / len(texts)
        ctx.results.append(
            Result(
                scenario="extract",
                name=f"RuleBasedExtractor.extract_sync: {name}",
                unit="KB/s",
                graph="-",
                service=service,
                driver=None,
                notes=[f"mean article {mean / 1024:.1f} KB", "latency: one article; one core"],
            )
        )
