"""Reads the labelled check-worthiness sentences (CheckThat! TSV files) for the scripts."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Row", "read_rows", "unquote"]


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled sentence."""

    sentence_id: int
    text: str
    yes: bool


def read_rows(path: Path) -> list[Row]:
    """Rows of a split; the file has stray quotes, so no quote handling."""
    rows: list[Row] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        at_id, at_text, at_label = (header.index(n) for n in ("Sentence_id", "Text", "class_label"))
        for row in reader:
            if len(row) > max(at_id, at_text, at_label):
                rows.append(Row(int(row[at_id]), unquote(row[at_text]), row[at_label].strip() == "Yes"))
    return rows


def unquote(text: str) -> str:
    """Undo the spreadsheet-style quoting left in a raw field: outer quotes, doubled inner quotes."""
    text = text.strip()
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1].replace('""', '"')
    return text
