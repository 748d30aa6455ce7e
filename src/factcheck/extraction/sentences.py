"""Sentence splitting with exact character offsets.

The text is cut into paragraphs at blank lines, paragraphs into segments at line
breaks (a line that does not end a sentence is joined to the next when that line
reads as its continuation), and segments into sentences at ``.``, ``!``, ``?``
or ``…``. A full stop after a known abbreviation (``Mr.``, ``Jan.``, ``U.S.``) or
an initial does not end a sentence unless the next word is a typical sentence
opener; boundaries inside a short quotation are ignored.
"""

from __future__ import annotations

import re

from factcheck.extraction.models import Sentence
from factcheck.extraction.text import fold, word_set

__all__ = ["line_spans", "paragraph_spans", "split_lines", "split_sentences"]

# \r?\n[ \t\f\v\u00a0]*(?:\r?\n[ \t\f\v\u00a0]*)+|\r(?:[ \t]*\r)+, with every alternative
# starting with a character, so the regex engine skips ahead to line breaks.
_PARAGRAPH_BREAK = re.compile(
    r"\r\n[ \t\f\v\u00a0]*(?:\r?\n[ \t\f\v\u00a0]*)+|\n[ \t\f\v\u00a0]*(?:\r?\n[ \t\f\v\u00a0]*)+"
    r"|\r(?:[ \t]*\r)+"
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# (?:[.!?]+|\u2026|\.\.\.)[\"')\]]*(?=\s), starting with the first character of the terminator.
_TERMINATOR = re.compile(r"[.!?\u2026](?:(?<=[.!?])[.!?]*|(?<=\u2026)|(?<=\.)\.\.)[\"')\]]*(?=\s)")
_NEXT_WORD = re.compile(r"\s+[\"'(\[]*([^\s\"'(\[]+)")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_SINGLE_INITIAL = re.compile(r"^[A-Z]$")

_SENTENCE_END_CHARS = frozenset(".!?:;\"')]\u2026*")
_JOIN_WORDS = word_set("a an the of to and or in on for with by at from that as its their his her")
# A full stop after one of these never ends a sentence (titles, "No. 5").
_ABBREV_ALWAYS = word_set(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep rev hon st no nos vs fig mt"
)
# A full stop after one of these ends a sentence only before a typical opener.
_ABBREV_MAYBE = word_set(
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp bros jr sr etc approx est dept"
)
_OPENERS = word_set(
    """the a an it he she they we i you this that these those there but and however in on at after
    before when while meanwhile also his her their its our my some many according as if so yet still
    then now since although despite following last earlier later what who why how"""
)


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
    protected = _quoted_regions(folded, start, end)
    spans: list[tuple[int, int]] = []
    pos = start
    for match in _TERMINATOR.finditer(folded, start, end):
        cut = match.end()
        if protected and any(q_start < match.start() and cut <= q_end - 1 for q_start, q_end in protected):
            continue
        if not _is_boundary(folded, pos, match.start(), cut, end):
            continue
        _add_trimmed(folded, pos, cut, spans)
        pos = cut
    _add_trimmed(folded, pos, end, spans)
    return spans


def _is_boundary(folded: str, sent_start: int, term_start: int, cut: int, end: int) -> bool:
    next_match = _NEXT_WORD.match(folded, cut, end)
    if next_match is None:
        return True
    next_word = next_match.group(1)
    first = next_word[0]
    if not (first.isupper() or first.isdigit()):
        return False
    if folded[term_start] != "." or folded[term_start : term_start + 3] == "...":
        return True
    word = _word_before(folded, sent_start, term_start)
    if word is None:
        return True
    word = word.lstrip("\"'([")
    lowered = word.lower()
    if lowered in _ABBREV_ALWAYS or _SINGLE_INITIAL.match(word):
        return False
    if lowered in _ABBREV_MAYBE or _INITIALISM.match(word):
        return next_word.lower().strip(",;:") in _OPENERS
    return True


def _word_before(folded: str, start: int, end: int) -> str | None:
    """What ``re.compile(r"(\\S+)$").search(folded, start, end)`` captures, or None.

    ``$`` also matches just before a newline that ends the searched span.
    """
    if end > start and folded[end - 1] == "\n":
        end -= 1
    word_start = end
    while word_start > start and not folded[word_start - 1].isspace():
        word_start -= 1
    return folded[word_start:end] if word_start < end else None


def _quoted_regions(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return short, balanced double-quoted regions as ``(open, close + 1)`` offsets."""
    marks = []
    mark = folded.find('"', start, end)
    while mark != -1:
        marks.append(mark)
        mark = folded.find('"', mark + 1, end)
    if len(marks) % 2:
        return []
    regions = []
    for open_at, close_at in zip(marks[::2], marks[1::2], strict=True):
        if close_at - open_at <= 300:
            regions.append((open_at, close_at + 1))
    return regions
