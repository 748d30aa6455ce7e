"""Features of a (query, candidate) pair for the re-ranker. Pure, no I/O."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz
from Stemmer import Stemmer
from wordfreq import zipf_frequency

__all__ = ["FEATURE_NAMES", "Candidate", "Prepared", "features", "prepare"]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ENTITY = re.compile(r"\b[A-Z][\w’'-]*[A-Za-z0-9](?:\s+(?:of\s+|the\s+)?[A-Z][\w’'-]*[A-Za-z0-9])*")
_STOP = frozenset(
    ("a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but",
     "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his",
     "how", "i", "if", "in", "into", "is", "it", "its", "just", "me", "more", "my", "no", "not", "now",
     "of", "on", "one", "or", "our", "out", "over", "she", "so", "some", "than", "that", "the", "their",
     "them", "then", "there", "these", "they", "this", "those", "to", "up", "us", "was", "we", "were",
     "what", "when", "which", "who", "why", "will", "with", "would", "you", "your")
)  # fmt: skip
_STEMMER = Stemmer("english")

FEATURE_NAMES = (
    "score_share",  # the candidate's full-text score over the best candidate's
    "score_log",  # log(1 + full-text score)
    "rank_inverse",  # 1 / (1 + full-text rank)
    "claim_jaccard",  # stemmed content words, query vs claim
    "claim_covered",  # share of the claim's words found in the query
    "headline_covered",  # share of the headline's words found in the query
    "query_covered",  # share of the query's words found in claim or headline
    "claim_token_set",  # token-set similarity of query and claim, 0..1
    "headline_token_set",  # token-set similarity of query and headline
    "claim_partial",  # best partial alignment of the claim inside the query
    "claim_weighted",  # like claim_covered, each word weighted by its rarity in English
    "headline_weighted",  # like headline_covered, weighted by rarity
    "query_weighted",  # like query_covered, weighted by rarity
    "claim_bigrams",  # share of the claim's word pairs found in the query
    "char_overlap",  # character 4-gram containment of the claim in the query
    "numbers_shared",  # numbers in both
    "numbers_missing",  # share of the claim's numbers absent from the query
    "entities_covered",  # share of the names in the claim (capitalised words) found in the query
)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


@lru_cache(maxsize=65536)
def _rarity(word: str) -> float:
    """0 for the commonest English words, about 8 for words English text hardly uses."""
    return max(0.0, 8.0 - zipf_frequency(word, "en"))


def _content(text: str) -> list[tuple[str, str]]:
    lowered = (w.lower() for w in _WORD.findall(text))
    return [(w, _stem(w)) for w in lowered if w not in _STOP]


def _weighted(part: dict[str, float], whole: dict[str, float]) -> float:
    total = sum(whole.values())
    return sum(w for stem, w in whole.items() if stem in part) / total if total > 0 else 0.0


def _grams(text: str, n: int = 4) -> frozenset[str]:
    squeezed = " ".join(w.lower() for w in _WORD.findall(text))
    return frozenset(squeezed[i : i + n] for i in range(max(len(squeezed) - n + 1, 0)))


def _numbers(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _NUMBER.findall(text))


def _entities(text: str) -> frozenset[str]:
    names = (m.group(0) for m in _ENTITY.finditer(text))
    return frozenset(
        _stem(w.lower()) for name in names for w in _WORD.findall(name) if w.lower() not in _STOP
    )


@dataclass(frozen=True, slots=True)
class Prepared:
    """A text with its word, n-gram, number and name sets worked out once."""

    text: str
    words: frozenset[str]
    rarity: dict[str, float]
    bigrams: frozenset[tuple[str, str]]
    grams: frozenset[str]
    numbers: frozenset[str]
    entities: frozenset[str]


@lru_cache(maxsize=16384)
def prepare(text: str) -> Prepared:
    """The sets the features compare (cached: ingest meets the same candidate texts again and again)."""
    content = _content(text)
    stems = [stem for _, stem in content]
    rarity: dict[str, float] = {}
    for word, stem in content:
        rarity[stem] = max(rarity.get(stem, 0.0), _rarity(word))
    bigrams = frozenset(pairwise(stems))
    return Prepared(text, frozenset(stems), rarity, bigrams, _grams(text), _numbers(text), _entities(text))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A reviewed claim found by the full-text search."""

    claim: Prepared
    headline: Prepared
    score: float
    rank: int


def _share(part: frozenset[str], whole: frozenset[str]) -> float:
    return len(part & whole) / len(whole) if whole else 0.0


def features(query: Prepared, candidate: Candidate, best_score: float) -> list[float]:
    """The values named by FEATURE_NAMES, in that order."""
    claim, headline = candidate.claim, candidate.headline
    union = claim.words | headline.words
    both = claim.words | query.words
    return [
        candidate.score / best_score if best_score > 0 else 0.0,
        math.log1p(max(candidate.score, 0.0)),
        1.0 / (1 + candidate.rank),
        len(claim.words & query.words) / len(both) if both else 0.0,
        _share(query.words, claim.words),
        _share(query.words, headline.words),
        _share(union, query.words),
        fuzz.token_set_ratio(query.text, claim.text, processor=str.lower) / 100,
        fuzz.token_set_ratio(query.text, headline.text, processor=str.lower) / 100 if headline.text else 0.0,
        fuzz.partial_ratio(claim.text.lower(), query.text.lower()) / 100,
        _weighted(query.rarity, claim.rarity),
        _weighted(query.rarity, headline.rarity),
        _weighted({**claim.rarity, **headline.rarity}, query.rarity),
        len(claim.bigrams & query.bigrams) / len(claim.bigrams) if claim.bigrams else 0.0,
        _share(query.grams, claim.grams),
        float(len(query.numbers & claim.numbers | query.numbers & headline.numbers)),
        1.0 - _share(query.numbers, claim.numbers) if claim.numbers else 0.0,
        _share(query.words, claim.entities),
    ]
