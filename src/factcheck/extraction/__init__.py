"""Turn an article's text into candidate claims, actors and sources.

Pure and deterministic: no I/O except in the optional language-model extractor
(``factcheck.extraction.llm``), which takes its HTTP client from the caller.
Every offset indexes the exact text given, so ``text[c.start:c.end] == c.text``.
"""

from __future__ import annotations

from factcheck.extraction.errors import ExtractorError
from factcheck.extraction.kinds import KINDS
from factcheck.extraction.language import detect_language
from factcheck.extraction.metadata import author_name
from factcheck.extraction.models import (
    ActorMention,
    ArticleText,
    ClaimCandidate,
    Extraction,
    Extractor,
    Sentence,
    SourceMention,
)
from factcheck.extraction.rules import RuleBasedExtractor
from factcheck.extraction.scoring import is_checkworthy, score_checkworthiness, shipped_model
from factcheck.extraction.sentences import split_sentences
from factcheck.extraction.text import normalise_text

__all__ = [
    "CHECKWORTHY_THRESHOLD",
    "KINDS",
    "ActorMention",
    "ArticleText",
    "ClaimCandidate",
    "Extraction",
    "Extractor",
    "ExtractorError",
    "RuleBasedExtractor",
    "Sentence",
    "SourceMention",
    "author_name",
    "detect_language",
    "is_checkworthy",
    "normalise_text",
    "score_checkworthiness",
    "split_sentences",
]


def __getattr__(name: str) -> float:
    """``CHECKWORTHY_THRESHOLD``, the shipped model's threshold, read when first asked for."""
    if name == "CHECKWORTHY_THRESHOLD":
        return shipped_model().threshold
    raise AttributeError(name)
