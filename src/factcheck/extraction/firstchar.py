r"""Alternations arranged by their first character, so the regex engine finds them fast.

Python's regex engine skips quickly to the offsets where a pattern's first
character can occur, but only when the pattern starts with a character or a
character set. ``\b(?:has|was)`` starts with an assertion, so the engine makes a
match attempt at every offset. :func:`at_word_start` writes the same alternation
with the first character first, in essence ``[hw](?<!\w[hw])(?:(?<=h)as|(?<=w)as)``,
and matches exactly the same text:

- ``\b`` before a word character is ``(?<!\w)`` there, and is checked as
  ``(?<!\wc)`` once the character ``c`` is consumed (``(?<=\wc)`` when ``c`` is not a
  word character);
- fragments that start with different characters never match at the same offset,
  so grouping them by first character changes nothing as long as the order inside
  each group is kept.

In a case-insensitive pattern a letter also matches its other case and, for
``i``, ``k`` and ``s``, a few non-ASCII characters; the leading set lists them
explicitly because the engine only skips ahead on a case-sensitive set.

:func:`by_first_char` groups the alternatives of a case-sensitive alternation inside a
pattern (``P(?:rince|ope)|K(?:ing)``), so the engine tries one group, not every one.

:class:`WordStartSearch` only tells whether such an alternation occurs; it looks only
after the characters that cannot be in a word, which are fewer than the candidate first
characters.

A fragment may also start with ``\d`` (any decimal digit); its remainder is then
written as what follows one digit (``\d{1,2}`` becomes ``\d\d?``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["WordStartSearch", "at_word_start", "by_first_char"]

_DIGIT = r"\d"
_CASELESS_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
"""Non-ASCII characters that a case-insensitive ``i``, ``k`` or ``s`` also matches."""


def at_word_start(fragments: Iterable[str], *, caseless: bool = False) -> str:
    r"""Return a regex equivalent to ``\b(?:fragment1|fragment2|...)``.

    Args:
        fragments: Regexes, each starting with a plain ASCII character (a letter, a
            digit or an apostrophe: ``"had\s+been"``, ``"19\d0s"``, ``"'ve"``) or with
            ``\d``. Digits and ``\d`` may not be mixed, as both match a digit.
        caseless: Whether the result is used with ``re.IGNORECASE``.
    """
    groups = _by_first_char(fragments, caseless)
    lead = _lead(groups, caseless)
    word = {char: rests for char, rests in groups.items() if char == _DIGIT or char.isalnum()}
    other = {char: rests for char, rests in groups.items() if char not in word}
    branches = []
    if word:
        branches.append(rf"(?<!\w[\s\S]){_dispatch(word)}")
    if other:
        branches.append(rf"(?<=\w[\s\S]){_dispatch(other)}")
    return f"{lead}(?:{'|'.join(branches)})"


@dataclass(frozen=True, slots=True)
class WordStartSearch:
    r"""Search for ``\b(?:fragment1|...)suffix``, mostly to tell whether it occurs.

    A fragment that starts with a letter starts a word at the start of the text or
    just after a non-word character, so the search is a match at the start and a
    search for ``\W(?:fragment1|...)suffix``: far fewer offsets to try than the
    letters a fragment can start with. Every fragment must start with a letter or ``\d``.

    With ``literals``, :meth:`occurs_in` first looks for the fragments' literal
    beginnings (``"decades? ago"`` begins with ``"decade"``) with ``str``'s ``in``,
    which is faster; a text without any of them holds no match. A case-insensitive
    search does so in ASCII text only, as there a case-insensitive match is a match in
    the lower-cased text.
    """

    at_start: re.Pattern[str]
    after_non_word: re.Pattern[str]
    caseless: bool = False
    literals: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, fragments: Iterable[str], suffix: str = "", *, caseless: bool = False, literals: bool = False
    ) -> WordStartSearch:
        """Build the search; ``caseless`` as for ``re.IGNORECASE`` on the whole pattern.

        Each alternative starts with one case-sensitive character (every case and
        non-ASCII variant of the letter is an alternative of its own), so that the
        regex engine tells them apart at a glance. ``literals`` turns on the quick
        look for literal beginnings, worth it when they are rare.
        """
        fragments = tuple(fragments)
        groups = _by_first_char(fragments, caseless)
        if not all(char.isalpha() or char == _DIGIT for char in groups):
            raise ValueError("every fragment must start with a letter or \\d")
        branches: list[str] = []
        for char, rests in groups.items():
            rest = "|".join(f"(?:{rest})" for rest in rests)
            rest = f"(?i:{rest})" if caseless else f"(?:{rest})"
            branches += (f"{first}{rest}" for first in _case_sensitive(char, caseless))
        pattern = f"(?:{'|'.join(branches)})" + (f"(?i:{suffix})" if caseless else suffix)
        beginnings = tuple(dict.fromkeys(_literal_beginning(fragment) for fragment in fragments))
        if not literals or not all(beginnings):
            beginnings = ()
        elif caseless:
            beginnings = tuple(dict.fromkeys(beginning.lower() for beginning in beginnings))
        return cls(re.compile(pattern), re.compile(rf"\W{pattern}"), caseless, beginnings)

    def search(self, text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
        """The first match in ``text[start:end]``, as ``pattern.search(text, start, end)`` finds it
        (the text before ``start`` is seen), except that the returned match may start one
        character early, at the non-word character; its end and groups are the pattern's."""
        end = len(text) if end is None else end
        if start == 0:
            match = self.at_start.match(text, 0, end)
            if match is not None:
                return match
        return self.after_non_word.search(text, max(start - 1, 0), end)

    def occurs_in(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Whether the pattern matches in ``text[start:end]``, seen as by :meth:`search`."""
        if end is None:
            end = len(text)
        if self.literals and not self._may_occur(
            text if start == 0 and end == len(text) else text[start:end]
        ):
            return False
        if start == 0:
            return (
                self.at_start.match(text, 0, end) is not None
                or self.after_non_word.search(text, 0, end) is not None
            )
        return self.after_non_word.search(text, start - 1, end) is not None

    def _may_occur(self, window: str) -> bool:
        """False when no literal beginning occurs in ``window``, so no match either."""
        if self.caseless:
            if not window.isascii():
                return True
            window = window.lower()
        return any(literal in window for literal in self.literals)


def _literal_beginning(fragment: str) -> str:
    """The plain characters that every match of ``fragment`` starts with (may be empty)."""
    if _has_top_level_bar(fragment):
        return ""
    beginning = []
    for i, char in enumerate(fragment):
        if not (char.isalnum() or char in " '-") or fragment[i + 1 : i + 2] in ("?", "*", "{"):
            break
        beginning.append(char)
    return "".join(beginning)


def _has_top_level_bar(fragment: str) -> bool:
    """Whether ``fragment`` is itself an alternation (a ``|`` outside groups and sets)."""
    depth, in_set, escaped = 0, False, False
    for char in fragment:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
    return False


def by_first_char(fragments: Iterable[str]) -> str:
    """Return a regex equivalent to ``(?:fragment1|fragment2|...)``, grouped by first character.

    The fragments are case-sensitive and start with a plain character, as for
    :func:`at_word_start` (but not ``\\d``).
    """
    groups = _by_first_char(fragments, caseless=False)
    if _DIGIT in groups:
        raise ValueError("by_first_char takes no fragment starting with \\d")
    branches = [
        f"{re.escape(char)}(?:{'|'.join(f'(?:{rest})' for rest in rests)})" for char, rests in groups.items()
    ]
    return f"(?:{'|'.join(branches)})"


def _by_first_char(fragments: Iterable[str], caseless: bool) -> dict[str, list[str]]:
    """The fragments without their first character, grouped by it (in order)."""
    groups: dict[str, list[str]] = {}
    for fragment in fragments:
        first = _DIGIT if fragment.startswith(_DIGIT) else fragment[0]
        if first != _DIGIT and not (first.isascii() and (first.isalnum() or first == "'")):
            raise ValueError(f"fragment must start with a plain character or \\d: {fragment!r}")
        groups.setdefault(first.lower() if caseless else first, []).append(fragment[len(first) :])
    if _DIGIT in groups and any(char.isdigit() for char in groups):
        raise ValueError("fragments may not start with both \\d and a digit")
    return groups


def _lead(groups: dict[str, list[str]], caseless: bool) -> str:
    """The set of every character a fragment can start with."""
    chars = "".join(_variants(char, caseless) for char in groups)
    return f"(?-i:[{chars}])" if caseless else f"[{chars}]"


def _dispatch(groups: dict[str, list[str]]) -> str:
    """Continue after the first character: the fragments that start with it, in order."""
    branches = [
        f"(?<={_escape(char)})(?:{'|'.join(f'(?:{rest})' for rest in rests)})"
        for char, rests in groups.items()
    ]
    return f"(?:{'|'.join(branches)})"


def _case_sensitive(char: str, caseless: bool) -> list[str]:
    """Case-sensitive regexes for the characters that ``char`` matches."""
    if char == _DIGIT or not caseless:
        return [_escape(char)]
    return list(_variants(char, caseless))


def _escape(char: str) -> str:
    return char if char == _DIGIT else re.escape(char)


def _variants(char: str, caseless: bool) -> str:
    """The characters ``char`` matches, escaped for a character set."""
    if not caseless or not char.isalpha():
        return _escape(char)
    return char + char.upper() + _CASELESS_EXTRA.get(char, "")
