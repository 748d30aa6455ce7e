"""Reads: `GET /claims/{id}`, `GET /verdicts?q=`, `GET /verdicts/{id}/claimreview`.

Each against the same query through the driver, with the parameters the service passes:
claims/get_claim, newsroom/search_verdicts and newsroom/get_verdict.
"""

from __future__ import annotations

from urllib.parse import quote

from bench.context import BenchContext
from bench.load import HttpOp, ReadOp
from bench.scenarios.common import Result, compare
from factcheck.newsroom.service import VerdictFilters
from factcheck.search import fulltext_query

__all__ = ["run"]

TARGET = 0.7
SAMPLE = 2000
PUBLISHED = """
MATCH (v:Verdict {state: 'published'})-[:RATES]->(c:Claim)
RETURN c.id AS claim, v.id AS verdict
LIMIT $limit
"""


def search_terms(ctx: BenchContext) -> list[str]:
    """What newsroom users type: names, places and topics of the corpus, of varied selectivity."""
    rng, corpus = ctx.rng, ctx.corpus
    people = rng.sample(corpus.cast, 20)
    countries = rng.sample(corpus.countries, 10)
    topics = ["withdrawal of troops", "negotiations", "ambassador talks", "air strikes", "military coalition"]
    terms = [name.split()[-1] for name in people[:10]] + people[10:]
    terms += [f"{c.name} {rng.choice(topics)}" for c in countries] + topics
    rng.shuffle(terms)
    return terms


def search_params(text: str, limit: int = 20) -> dict[str, object]:
    """The parameters `GET /verdicts?q=` passes to newsroom/search_verdicts (first page)."""
    return {
        **VerdictFilters().params(),
        "limit": limit + 1,
        "q": fulltext_query(text),
        "after_score": None,
        "after_id": None,
    }


Case = tuple[str, str, list[HttpOp], list[ReadOp]]


async def cases(ctx: BenchContext) -> list[Case]:
    """(name, query, service requests, driver reads) of each read, on published claims."""
    records, _, _ = await ctx.driver.execute_query(PUBLISHED, limit=SAMPLE * 4)
    pairs = [(str(r["claim"]), str(r["verdict"])) for r in records]
    ctx.rng.shuffle(pairs)
    pairs = pairs[:SAMPLE]
    terms = search_terms(ctx)
    return [
        (
            "GET /claims/{id}",
            "claims/get_claim",
            [HttpOp("GET", f"/claims/{claim}", "editor") for claim, _ in pairs],
            [ReadOp("claims/get_claim", {"id": claim}) for claim, _ in pairs],
        ),
        (
            "GET /verdicts?q=",
            "newsroom/search_verdicts",
            [HttpOp("GET", f"/verdicts?q={quote(term)}", "reader") for term in terms],
            [ReadOp("newsroom/search_verdicts", search_params(term)) for term in terms],
        ),
        (
            "GET /verdicts/{id}/claimreview",
            "newsroom/get_verdict",
            [HttpOp("GET", f"/verdicts/{verdict}/claimreview", "reader") for _, verdict in pairs],
            [ReadOp("newsroom/get_verdict", {"ids": [verdict]}) for _, verdict in pairs],
        ),
    ]


async def run(ctx: BenchContext) -> None:
    """Measures the three reads; appends their results to the context."""
    options = ctx.options
    published = await ctx.builder.count_published()
    for name, query, http_ops, driver_ops in await cases(ctx):
        service, driver = await compare(
            ctx.rounds_of(http_ops),
            ctx.rounds_of(driver_ops),
            options.rounds,
            ctx.meter,
            name,
            retries=ctx.retries,
        )
        ctx.results.append(
            Result(
                scenario="read",
                name=name,
                unit="req/s",
                graph=f"{ctx.graph_label()}, {published:,} published",
                service=service,
                driver=driver,
                driver_name=f"{query}.cypher",
                target=TARGET,
                notes=[f"concurrency {options.concurrency}", f"{len(http_ops)} distinct requests cycled"],
            )
        )
