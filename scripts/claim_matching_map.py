"""Measure claim matching (`GET /claims/match`) on the CheckThat! 2022 Task 2A English pairs.

Usage:
    .venv/bin/python scripts/claim_matching_map.py [--split dev] [--mode both|shipped|bm25]
        [--extra-claims N]

Starts a local Neo4j (or uses NEO4J_URI, whose claims it adds to) and the service under uvicorn,
imports the 14,231 Snopes fact-checks through `POST /claimreviews` (the claim as
`claimReviewed`, the headline as `name`), asks `GET /claims/match` for each tweet of the split
and prints MAP@5 with the request latency. `bm25` scores plain BM25 (rank-bm25's Okapi BM25 over
claim + headline, raw tweet, lower-cased words without English stop words) on the same pairs.
`--extra-claims N` first adds unreviewed claims (sentences of the benchmark's synthetic news
articles) until the graph holds N of them, to measure matching beside a newsroom's own feed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "src"))
sys.path.insert(0, str(REPO_ROOT))

from bench.corpus import Corpus, seed_text  # noqa: E402
from bench.server import Server  # noqa: E402

from factcheck.auth.keys import hash_key, new_key  # noqa: E402
from factcheck.extraction.sentences import split_sentences  # noqa: E402
from factcheck.graph.local import LocalNeo4j, free_port  # noqa: E402
from factcheck.graph.migrations import apply_migrations  # noqa: E402
from factcheck.graph.store import create_driver  # noqa: E402
from factcheck.settings import Settings  # noqa: E402

DATA_DIR = REPO_ROOT.parent / "shared" / "data" / "claim-matching"
BATCH = 1000
REVIEWER = {"@type": "Organization", "name": "Snopes", "url": "https://www.snopes.com"}


@dataclass(frozen=True, slots=True)
class Dataset:
    """Fact-checks by id, tweets by id, and the gold fact-check of each tweet per split."""

    claims: dict[str, dict[str, str]]
    tweets: dict[str, str]
    gold: dict[str, dict[str, set[str]]]


def unquote(text: str) -> str:
    """Undo the spreadsheet-style quoting left in a raw field: outer quotes, doubled inner quotes."""
    text = text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1].replace('""', '"')
    return text


def load_dataset(data_dir: Path = DATA_DIR) -> Dataset:
    """Reads the four files of the set."""
    with (data_dir / "verified_claims.jsonl").open(encoding="utf-8") as handle:
        claims = {row["vclaim_id"]: row for row in map(json.loads, handle)}
    tweets = {}
    for line in (data_dir / "train-dev_queries.tsv").read_text(encoding="utf-8").splitlines():
        tweet_id, _, text = line.partition("\t")
        tweets[tweet_id] = unquote(text)
    gold: dict[str, dict[str, set[str]]] = {}
    for split in ("train", "dev"):
        pairs = gold.setdefault(split, {})
        for line in (data_dir / f"{split}_qrels.tsv").read_text(encoding="utf-8").splitlines():
            tweet_id, _, claim_id, relevant = line.split("\t")
            if relevant.strip() == "1":
                pairs.setdefault(tweet_id, set()).add(claim_id)
    return Dataset(claims, tweets, gold)


def average_precision_at(ranked: list[str], relevant: set[str], k: int = 5) -> float:
    """AP@k as the lab computes it: precision at each relevant hit, over min(|relevant|, k)."""
    hits, total = 0, 0.0
    for position, item in enumerate(ranked[:k], start=1):
        if item in relevant:
            hits += 1
            total += hits / position
    return total / min(len(relevant), k) if relevant else 0.0


def mean_ap(rankings: dict[str, list[str]], gold: dict[str, set[str]], k: int = 5) -> float:
    """MAP@k over the tweets of `gold`; a tweet with no ranking counts as 0."""
    return sum(average_precision_at(rankings.get(t, []), rel, k) for t, rel in gold.items()) / len(gold)


def _normal(text: str) -> str:
    return " ".join(text.split())


def claim_review(row: dict[str, str]) -> dict[str, object]:
    """One fact-check as ClaimReview JSON-LD, as a newsroom would send it."""
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": row["vclaim"],
        "name": row["title"],
        "author": REVIEWER,
        "reviewRating": {"@type": "Rating", "alternateName": "Unrated"},
    }


def _batches(items: list[dict[str, str]], size: int) -> Iterable[list[dict[str, str]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def import_reviews(client: httpx.Client, claims: dict[str, dict[str, str]]) -> dict[str, str]:
    """POSTs every fact-check in batches; returns vclaim_id -> the claim id the service gave it.

    The service keys an unlinked review by reviewer and claim text, so fact-checks with the same
    text become one claim (no tweet of the set points at those).
    """
    by_text: dict[str, str] = {}
    rows = list(claims.values())
    for batch in _batches(rows, BATCH):
        answer = client.post("/claimreviews", json=[claim_review(r) for r in batch], timeout=600)
        answer.raise_for_status()
        texts = list(dict.fromkeys(_normal(r["vclaim"]) for r in batch))
        items = answer.json()["items"]
        if len(items) != len(texts):
            raise RuntimeError(f"sent {len(texts)} distinct reviews, {len(items)} came back")
        by_text.update(zip(texts, (item["claim_id"] for item in items), strict=True))
    return {vid: by_text[_normal(row["vclaim"])] for vid, row in claims.items()}


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def ask_service(
    client: httpx.Client, tweets: dict[str, str], claim_ids: dict[str, str], k: int = 5
) -> tuple[dict[str, list[str]], list[float]]:
    """Rankings (as vclaim ids) from `GET /claims/match`, and each request's latency in ms."""
    to_vclaim: dict[str, str] = {}
    for vid, cid in claim_ids.items():
        to_vclaim.setdefault(cid, vid)
    rankings, latencies = {}, []
    for tweet_id, text in tweets.items():
        started = time.perf_counter()
        answer = client.get("/claims/match", params={"text": text[:2000], "limit": k})
        latencies.append((time.perf_counter() - started) * 1000)
        if answer.status_code == 422:  # nothing left to search for once links and handles are out
            rankings[tweet_id] = []
            continue
        answer.raise_for_status()
        rankings[tweet_id] = [to_vclaim.get(m["claim"]["id"], "") for m in answer.json()]
    return rankings, latencies


_BM25_WORD = re.compile(r"\w+")


def bm25_rankings(dataset: Dataset, tweets: dict[str, str], k: int = 5) -> dict[str, list[str]]:
    """Plain Okapi BM25 (k1=1.5, b=0.75) over claim + headline; the tweet as it is."""
    from rank_bm25 import BM25Okapi
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    def words(text: str) -> list[str]:
        return [w for w in _BM25_WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]

    ids = list(dataset.claims)
    index = BM25Okapi([words(f"{c['vclaim']} {c['title']}") for c in dataset.claims.values()])
    rankings = {}
    for tweet_id, text in tweets.items():
        scores = index.get_scores(words(text))
        best = sorted(range(len(ids)), key=lambda i: -scores[i])[:k]
        rankings[tweet_id] = [ids[i] for i in best]
    return rankings


@dataclass(frozen=True, slots=True)
class Stack:
    """A migrated Neo4j with the fact-checks imported, the service in front of it, and a key."""

    neo4j_uri: str
    base_url: str
    api_key: str
    claim_ids: dict[str, str]

    def client(self) -> httpx.Client:
        """An HTTP client for the service, as an admin."""
        return httpx.Client(
            base_url=self.base_url, headers={"Authorization": f"Bearer {self.api_key}"}, timeout=60
        )


FILLER = "claim-matching-filler"
COUNT_FILLER = "MATCH (c:Claim {extractor: $extractor}) RETURN count(c) AS n"
ADD_FILLER = """
UNWIND $rows AS row
CREATE (:Claim {id: row.id, text: row.text, kind: 'other', state: 'extracted', version: 1,
                extractor: $extractor, created_at: datetime()})
"""


def filler_sentences(count: int) -> Iterable[str]:
    """Sentences of the benchmark's generated articles (seed 1), long enough to be claims."""
    corpus, index, made = Corpus(1, seed_text()), 0, 0
    while made < count:
        for sentence in split_sentences(corpus.article(index).text):
            if len(sentence.text) >= 40 and made < count:
                made += 1
                yield sentence.text
        index += 1


async def add_unreviewed_claims(uri: str, wanted: int) -> int:
    """Adds unreviewed claims until `wanted` are there (written directly, 5,000 a transaction)."""
    settings = Settings(_env_file=None, neo4j_uri=uri)  # type: ignore[call-arg]
    driver = create_driver(settings)
    try:
        records, _, _ = await driver.execute_query(COUNT_FILLER, extractor=FILLER)
        have = int(records[0]["n"])
        texts = list(filler_sentences(wanted))[have:]
        for start in range(0, len(texts), 5000):
            rows = [{"id": str(uuid.uuid4()), "text": t} for t in texts[start : start + 5000]]
            await driver.execute_query(ADD_FILLER, rows=rows, extractor=FILLER)
        return max(have, wanted)
    finally:
        await driver.close()


async def _prepare_graph(uri: str, key: str) -> None:
    settings = Settings(_env_file=None, neo4j_uri=uri)  # type: ignore[call-arg]
    driver = create_driver(settings)
    try:
        await apply_migrations(driver, settings.cypher_dir, settings.neo4j_database)
        await driver.execute_query(
            "MERGE (u:User {name: 'claim-matching-measure'})"
            " ON CREATE SET u.id = $id, u.created_at = datetime()"
            " SET u.roles = ['admin'], u.key_hash = $hash, u.disabled = false",
            id=str(uuid.uuid4()),
            hash=hash_key(key),
        )
    finally:
        await driver.close()


@asynccontextmanager
async def running_stack(dataset: Dataset, extra_claims: int = 0) -> AsyncIterator[Stack]:
    """Neo4j (NEO4J_URI or a fresh local one), the service, and the fact-checks imported."""
    home = tempfile.TemporaryDirectory(prefix="factcheck-match-")
    instance: LocalNeo4j | None = None
    uri = os.environ.get("NEO4J_URI")
    try:
        if not uri:
            instance = LocalNeo4j(
                home=Path(home.name) / "neo4j",
                port=free_port(),
                cache_dir=Settings(_env_file=None).neo4j_cache_dir,  # type: ignore[call-arg]
                heap_mb=1024,
                pagecache_mb=256,
            )
            print("[neo4j] starting a local instance", file=sys.stderr, flush=True)
            instance.start()
            uri = instance.uri
        key = new_key()
        await _prepare_graph(uri, key)
        if extra_claims:
            started = time.perf_counter()
            held = await add_unreviewed_claims(uri, extra_claims)
            print(
                f"[claims] {held} unreviewed claims ({time.perf_counter() - started:.0f}s)", file=sys.stderr
            )
        with Server(1, uri, new_key()) as server:
            stack = Stack(uri, server.base_url, key, {})
            started = time.perf_counter()
            with stack.client() as client:
                claim_ids = import_reviews(client, dataset.claims)
            print(
                f"[import] {len(dataset.claims)} fact-checks in {time.perf_counter() - started:.0f}s",
                file=sys.stderr,
                flush=True,
            )
            yield Stack(uri, server.base_url, key, claim_ids)
    finally:
        if instance is not None:
            instance.stop()
        home.cleanup()


async def run(split: str, mode: str, extra_claims: int) -> int:
    """Prints MAP@5 for the split; returns a process exit code."""
    dataset = load_dataset()
    gold = dataset.gold[split]
    tweets = {t: dataset.tweets[t] for t in gold}
    print(f"claim matching, {split}: {len(tweets)} tweets, {len(dataset.claims)} fact-checks")
    if mode in ("both", "bm25"):
        bm25 = mean_ap(bm25_rankings(dataset, tweets), gold)
        print(f"  plain BM25 (claim + headline, raw tweet)  MAP@5 {bm25:.4f}")
    if mode in ("both", "shipped"):
        async with running_stack(dataset, extra_claims) as stack:
            with stack.client() as client:
                ask_service(client, dict(list(tweets.items())[:20]), stack.claim_ids)  # warm up
                rankings, latencies = ask_service(client, tweets, stack.claim_ids)
        beside = f", beside {extra_claims:,} unreviewed claims" if extra_claims else ""
        print(f"  GET /claims/match (shipped matcher)       MAP@5 {mean_ap(rankings, gold):.4f}{beside}")
        print(
            f"  latency over {len(latencies)} requests: p50 {statistics.median(latencies):.1f} ms,"
            f" p99 {percentile(latencies, 0.99):.1f} ms (one client, one uvicorn worker)"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parses the arguments and runs the measurement."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--mode", choices=("both", "shipped", "bm25"), default="both")
    parser.add_argument("--extra-claims", type=int, default=0, metavar="N", help="unreviewed claims beside")
    options = parser.parse_args(argv)
    return asyncio.run(run(options.split, options.mode, options.extra_claims))


if __name__ == "__main__":
    sys.exit(main())
