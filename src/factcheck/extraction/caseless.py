"""Case-insensitive patterns that run case-sensitively on lower-cased ASCII text.

Python's regex engine skips the alternatives of ``(?:will|would|...)`` whose first
letter does not fit only when it matches case-sensitively, so a case-insensitive
alternation costs about three times as much. In ASCII text a case-insensitive match
is exactly a case-sensitive match of the lower-case pattern in the lower-cased text
(same offsets, same groups); other text keeps the case-insensitive pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Caseless", "CaselessText"]


@dataclass(frozen=True, slots=True)
class CaselessText:
    """A text, and its lower-cased form when it is ASCII (None otherwise)."""

    text: str
    lowered: str | None

    @classmethod
    def of(cls, text: str) -> CaselessText:
        return cls(text, text.lower() if text.isascii() else None)


@dataclass(frozen=True, slots=True)
class Caseless:
    """A case-insensitive pattern, written in lower case (escapes such as ``\\S`` or ``\\W``
    would change meaning, so they are refused)."""

    anycase: re.Pattern[str]
    lowercase: re.Pattern[str]

    @classmethod
    def compile(cls, source: str) -> Caseless:
        if source != source.lower():
            raise ValueError(f"a caseless pattern is written in lower case: {source[:60]!r}")
        return cls(re.compile(source, re.IGNORECASE), re.compile(source))

    def search(self, text: CaselessText) -> re.Match[str] | None:
        """The first match in ``text``; its offsets index ``text.text``."""
        if text.lowered is not None:
            return self.lowercase.search(text.lowered)
        return self.anycase.search(text.text)

    def finditer(self, text: CaselessText) -> Iterator[re.Match[str]]:
        """Every match in ``text``; their offsets index ``text.text``."""
        if text.lowered is not None:
            return self.lowercase.finditer(text.lowered)
        return self.anycase.finditer(text.text)

    def sub(self, replacement: str, text: CaselessText) -> CaselessText:
        """``text`` with every match replaced by ``replacement`` (plain text, in lower case).

        In ASCII text the result is lower-cased: only case-insensitive and caseless
        patterns should read it.
        """
        if text.lowered is not None:
            return CaselessText.of(self.lowercase.sub(replacement, text.lowered))
        return CaselessText(self.anycase.sub(replacement, text.text), None)
