"""The default, rule-based extractor: deterministic, no I/O, no model.

Pipeline: sentences with offsets -> boilerplate and headline lines dropped ->
each sentence attributed -> cut into claim units (the speech after ``X stated:``;
clauses around a semicolon) -> each unit classified and scored -> actors and
sources collected from the claims.

Speech introduced by ``X stated:`` runs on to the end of its paragraph, so the
sentences after it are the same speaker's words. A wire dateline such as
``BAGHDAD (Reuters) -`` makes the agency the reporter of every later claim.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from factcheck.extraction.actors import ActorIndex
from factcheck.extraction.attribution import Attribution, find_attribution, wire_lead
from factcheck.extraction.boilerplate import boilerplate_reason, is_headline
from factcheck.extraction.claims import build_claim, claim_units
from factcheck.extraction.metadata import Byline, article_byline
from factcheck.extraction.models import (
    ActorMention,
    ArticleText,
    ClaimCandidate,
    Extraction,
    Sentence,
    SourceMention,
)
from factcheck.extraction.sentences import line_spans, paragraph_spans, split_lines
from factcheck.extraction.text import fold, has_words

__all__ = ["RuleBasedExtractor"]

_MIN_WORDS = 4
_LABEL_WORDS = 8
_LEAD_CHARS = 40
_OPENS_QUOTE = re.compile(r"\"")
_ENDS_SENTENCE = re.compile(r"[.!?][\"')\]]*$")


class RuleBasedExtractor:
    """Extract claims, actors and sources with patterns and an alias table."""

    name = "rules"

    async def extract(self, article: ArticleText) -> Extraction:
        """Extract from ``article``; the work is CPU-only and fast, so it runs inline."""
        return self.extract_sync(article)

    def extract_sync(self, article: ArticleText) -> Extraction:
        """Extract from ``article``. The same input always gives the same output."""
        return _Pass(article).run()


@dataclass(slots=True)
class _Carry:
    """A speaker whose words run on into the following sentences of a paragraph."""

    speakers: tuple[str, ...]
    paragraph: int
    quotes_only: bool = False


class _Pass:
    """One walk over one article's sentences."""

    def __init__(self, article: ArticleText) -> None:
        self.article = article
        self.text = article.text
        self.folded = fold(self.text)
        self.paragraphs = paragraph_spans(self.text)
        paragraph_lines = [line_spans(self.text, *para) for para in self.paragraphs]
        self.sentences = split_lines(self.text, self.folded, paragraph_lines)
        self.lines = [span for lines in paragraph_lines for span in lines]
        self.line_starts = [start for start, _ in self.lines]
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.byline: Byline = article_byline(article)
        self.skipped = self._furniture()
        self.index = ActorIndex(self.text, self.folded)
        self.claims: list[ClaimCandidate] = []
        self.sources: dict[str, SourceMention] = {}
        self.carry: _Carry | None = None
        self.wire: SourceMention | None = None

    def run(self) -> Extraction:
        for sentence in self.sentences:
            line = _index_of(self.line_starts, sentence.start)
            if line in self.skipped or self._is_label(sentence, line):
                self.carry = None
                continue
            self._sentence(sentence)
        return Extraction(
            sentences=tuple(self.sentences),
            claims=tuple(self.claims),
            actors=_collect_actors(self.claims, self.index),
            sources=tuple(self.sources.values()),
            publisher=self.byline.publisher,
            author=self.byline.author,
        )

    def _sentence(self, sentence: Sentence) -> None:
        para = _index_of(self.paragraph_starts, sentence.start)
        floor = self.paragraphs[max(0, para - 1)][0]
        start = sentence.start
        lead = wire_lead(self.folded, start, sentence.end, self.index)
        if lead is not None and start == self.paragraphs[para][0]:
            start, self.wire = lead
        attribution = find_attribution(self.folded, start, sentence.end, self.index, floor)
        continuing = (
            self.carry is not None
            and self.carry.paragraph == para
            and not attribution.stated_by
            and (not self.carry.quotes_only or _OPENS_QUOTE.match(self.folded, start) is not None)
        )
        if continuing and self.carry is not None:
            attribution = replace(attribution, stated_by=self.carry.speakers, quoted=True, speech_start=None)
        units = claim_units(self.text, (start, sentence.end), attribution)
        for unit in units:
            own = attribution
            if len(units) > 1:
                own = self._clause_attribution(unit, start, attribution, floor)
            claim = build_claim(
                self.text,
                unit,
                own,
                self.index,
                year=self.byline.year,
                speech=continuing,
                language=self.article.language,
            )
            if self.wire is not None and self.wire.key not in claim.reported_by:
                claim = replace(claim, reported_by=(*claim.reported_by, self.wire.key))
                self.sources[self.wire.key] = self.wire
            self.claims.append(claim)
            self.sources.update((s.key, s) for s in own.reported_by)
        self.carry = self._next_carry(sentence, attribution, para, continuing)

    def _furniture(self) -> set[int]:
        """Return the indexes of lines that are boilerplate or headlines.

        A line whose sentence runs on into the next line is body text, never a headline.
        """
        running_on: set[int] = set()
        for sentence in self.sentences:
            line_index = _index_of(self.line_starts, sentence.start)
            if sentence.end > self.lines[line_index][1]:
                running_on.add(line_index)
        skipped: set[int] = set()
        for i, (start, end) in enumerate(self.lines):
            line = self.text[start:end]
            headline = i not in running_on and is_headline(line, first=i == 0, title=self.article.title)
            if headline or boilerplate_reason(line, self.byline.names):
                skipped.add(i)
        return skipped

    def _is_label(self, sentence: Sentence, line: int) -> bool:
        """A whole line without final punctuation and with few words is a label, not a claim.

        ``line`` is the index of the line the sentence starts on.
        """
        line_start, line_end = self.lines[line]
        whole_line = sentence.start == line_start and sentence.end == line_end
        if has_words(sentence.text, _LABEL_WORDS):
            return False
        unterminated = not _ENDS_SENTENCE.search(sentence.text)
        return (whole_line and unterminated) or not has_words(sentence.text, _MIN_WORDS)

    def _clause_attribution(
        self, span: tuple[int, int], sentence_start: int, attribution: Attribution, floor: int
    ) -> Attribution:
        """Attribute one clause; a lead frame ("According to X, A; B") covers every clause."""
        own = find_attribution(self.folded, span[0], span[1], self.index, floor)
        if own.stated_by or own.reported_by:
            return own
        leads = attribution.used and attribution.used[0].start - sentence_start <= _LEAD_CHARS
        return attribution if leads else own

    def _next_carry(
        self, sentence: Sentence, attribution: Attribution, para: int, continuing: bool
    ) -> _Carry | None:
        """Speech after ``X stated:`` runs on to the end of the paragraph; after a quotation
        by X, the next sentences that are quotations are X's too."""
        if attribution.stated_by and attribution.speech_start is not None:
            return _Carry(attribution.stated_by, para)
        if continuing:
            return self.carry
        if attribution.stated_by and sentence.text.rstrip().endswith(":"):
            return _Carry(attribution.stated_by, para + 1)
        if attribution.stated_by and attribution.quoted:
            return _Carry(attribution.stated_by, para, quotes_only=True)
        return None


def _collect_actors(claims: list[ClaimCandidate], index: ActorIndex) -> tuple[ActorMention, ...]:
    """Every actor the claims name, then the actors those are affiliated with."""
    pending = list(dict.fromkeys(key for claim in claims for key in (*claim.stated_by, *claim.mentions)))
    actors: dict[str, ActorMention] = {}
    while pending:
        key = pending.pop(0)
        actor = index.to_actor(key) if key not in actors else None
        if actor is not None:
            actors[key] = actor
            if actor.affiliation and actor.affiliation not in actors:
                pending.append(actor.affiliation)
    return tuple(actors.values())


def _index_of(starts: list[int], position: int) -> int:
    """Index of the last span starting at or before ``position`` (0 when none), given the
    ascending starts of the spans."""
    return max(0, bisect.bisect_right(starts, position) - 1)
