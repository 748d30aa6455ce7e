"""Sentence splitting with exact character offsets.

The text is cut into paragraphs at blank lines and paragraphs into segments at line
breaks (a line that does not end a sentence is joined to the next when that line
reads as its continuation); NLTK's Punkt splitter then cuts each segment into
sentences. A full stop after an abbreviation of ``data/abbreviations.jsonl``
(``Mr.``, ``Jan.``, ``U.S.``) ends a sentence only before a capitalised word of
``data/sentence_starters.jsonl``; a cut inside a short quotation is undone.
"""

from __future__ import annotations

import re

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from factcheck.extraction.models import Sentence
from factcheck.extraction.phrases import read_jsonl
from factcheck.extraction.text import fold, word_set

__all__ = ["line_spans", "paragraph_spans", "split_lines", "split_sentences"]

_PARAGRAPH_BREAK = re.compile(r"\r?\n[ \t\f\v\u00a0]*(?:\r?\n[ \t\f\v\u00a0]*)+|\r(?:[ \t]*\r)+")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SENTENCE_END_CHARS = frozenset(".!?:;\"')]\u2026*")
_JOIN_WORDS = word_set("a an the of to and or in on for with by at from that as its their his her")


def _punkt() -> PunktSentenceTokenizer:
    parameters = PunktParameters()
    parameters.abbrev_types = {entry["abbreviation"] for entry in read_jsonl("abbreviations.jsonl")}
    parameters.sent_starters = {entry["sentence_starter"] for entry in read_jsonl("sentence_starters.jsonl")}
    return PunktSentenceTokenizer(parameters)


_PUNKT = _punkt()
_QUOTATION = re.compile(r'"[^"]{0,298}"')


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every paragraph (blocks between blank lines), trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _add_trimmed(text, pos, match.start(), spans)
        pos = match.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the trimmed, non-empty lines of ``text[start:end]`` as offsets."""
    spans: list[tuple[int, int]] = []
    pos = start
    for match in _LINE_BREAK.finditer(text, start, end):
        _add_trimmed(text, pos, match.start(), spans)
        pos = match.end()
    _add_trimmed(text, pos, end, spans)
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences whose ``text == text[start:end]``.

    Returns an empty list for blank text. Leading and trailing whitespace is never
    part of a sentence.
    """
    lines = [line_spans(text, start, end) for start, end in paragraph_spans(text)]
    return split_lines(text, fold(text), lines)


def split_lines(text: str, folded: str, paragraph_lines: list[list[tuple[int, int]]]) -> list[Sentence]:
    """Split ``text`` into sentences, given its folded form and the :func:`line_spans` of
    each of its :func:`paragraph_spans` (folding changes no line)."""
    sentences: list[Sentence] = []
    for lines in paragraph_lines:
        for seg_start, seg_end in _segments(folded, lines):
            for start, end in _split_segment(folded, seg_start, seg_end):
                sentences.append(Sentence(start=start, end=end, text=text[start:end]))
    return sentences


def _add_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


def _segments(folded: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Group the lines of a paragraph into runs that may hold several sentences."""
    segments: list[tuple[int, int]] = []
    for line_start, line_end in lines:
        if segments and _continues(folded[segments[-1][0] : segments[-1][1]], folded[line_start:line_end]):
            segments[-1] = (segments[-1][0], line_end)
        else:
            segments.append((line_start, line_end))
    return segments


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` continues the sentence that ``previous`` leaves open."""
    if previous[-1] in _SENTENCE_END_CHARS:
        return False
    if line[0].islower() or previous[-1] in ",-(":
        return True
    last_word = previous.rsplit(None, 1)[-1].lower()
    return last_word in _JOIN_WORDS


def _split_segment(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    segment = folded[start:end]
    quotes = [m.span() for m in _QUOTATION.finditer(segment)] if segment.count('"') % 2 == 0 else []
    cuts: list[tuple[int, int, bool]] = []
    for sent_start, sent_end in _PUNKT.span_tokenize(segment):
        inside = any(q_start < sent_end - 1 and sent_end < q_end for q_start, q_end in quotes)
        if cuts and cuts[-1][2]:
            sent_start = cuts.pop()[0]
        cuts.append((sent_start, sent_end, inside))
    spans: list[tuple[int, int]] = []
    for sent_start, sent_end, _ in cuts:
        _add_trimmed(folded, start + sent_start, start + sent_end, spans)
    return spans
