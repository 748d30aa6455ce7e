"""Value types produced by the extractors.

Every offset is a character offset into the exact text that was given to the
extractor, so ``article.text[claim.start:claim.end] == claim.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

__all__ = [
    "ActorMention",
    "ArticleText",
    "ClaimCandidate",
    "Extraction",
    "Extractor",
    "Sentence",
    "SourceMention",
]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence; ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A real-world entity referred to by the article.

    Attributes:
        key: Stable slug of the canonical name, e.g. ``"kataib-hezbollah"``.
        name: Canonical display name.
        kind: ``person``, ``organisation``, ``government``, ``armed_group``,
            ``country`` or ``media``.
        aliases: Every surface form seen plus the known aliases.
        title: Role or title found for a person, or None.
        affiliation: Key of the actor this one belongs to (a person's group or
            state), or None when nothing ties it to another actor.
    """

    key: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    title: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class SourceMention:
    """An outlet or body cited as the origin of information, or the publisher."""

    key: str
    name: str
    kind: str
    domain: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimCandidate:
    """A span of the article that asserts something, with its provenance.

    Attributes:
        text: The claim, exactly ``article_text[start:end]``.
        start: Start offset in the article text.
        end: End offset in the article text.
        kind: ``event``, ``statistic``, ``quote``, ``attribution``,
            ``prediction``, ``opinion``, ``historical`` or ``other``.
        checkworthiness: Score in 0..1, rounded to 3 decimals.
        reasons: Fired features with their weights, e.g. ``"has_number:+0.15"``.
        stated_by: Keys of the actors who made the claim.
        reported_by: Keys of the sources that relay it.
        mentions: Keys of the actors named in the claim text.
    """

    text: str
    start: int
    end: int
    kind: str
    checkworthiness: float
    reasons: tuple[str, ...]
    stated_by: tuple[str, ...] = ()
    reported_by: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article.

    ``actors`` holds every actor a claim refers to (as speaker or mention) and
    the actors those are affiliated with; ``sources`` every source a claim cites.
    """

    sentences: tuple[Sentence, ...]
    claims: tuple[ClaimCandidate, ...]
    actors: tuple[ActorMention, ...]
    sources: tuple[SourceMention, ...]
    publisher: SourceMention | None
    author: str | None


@dataclass(frozen=True, slots=True)
class ArticleText:
    """The input: an article's plain text plus the metadata already known."""

    text: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    language: str = "en"


class Extractor(Protocol):
    """Anything that turns an article into an :class:`Extraction`."""

    name: str

    async def extract(self, article: ArticleText) -> Extraction:
        """Extract sentences, claims, actors and sources from ``article``."""
        ...
