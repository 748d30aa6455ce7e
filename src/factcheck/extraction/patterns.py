"""Regular-expression building blocks shared by actor and attribution detection.

All patterns run on folded text (ASCII quotes and dashes, see ``text.fold``) and
are compiled once at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.extraction.aliases import COUNTRIES, ORGANISATIONS, OUTLETS
from factcheck.extraction.text import word_set

__all__ = [
    "ARMED_HEADS",
    "CAPITAL_NAME_AT_WORD_START",
    "GOVERNMENT_HEADS",
    "KNOWN_ALIAS",
    "NAME",
    "NAME_TOKEN",
    "NOT_NAME_WORDS",
    "ORG_HEADS",
    "ORG_HEAD_WORDS",
    "PREFIXED_NAME_AT_WORD_START",
    "REPORT_VERBS",
    "SPEECH_VERBS",
    "SPEECH_VERB_WORDS",
    "alternation",
]


def alternation(phrases: Iterable[str], *, not_after: str | None = None) -> str:
    """Return a regex matching any of ``phrases``, escaped; the longest match is tried first.

    The phrases are laid out as a trie (``U(?:S(?:A)?|N)``), so the regex engine
    follows one branch per character instead of trying every phrase in turn. All
    the phrases that match at one position are prefixes of one another, and the
    trie tries them longest first, so this matches exactly like the plain
    alternation sorted longest first, backtracking included. Case-sensitive use only.

    With ``not_after`` (a character set such as ``[\\w']``) the result is
    ``(?<!not_after)(?:...)``, written with the look-behind after each first
    character so that the regex engine can skip ahead to those characters.
    """
    trie: _Trie = {}
    for phrase in set(phrases):
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    if not_after is None:
        return _trie_regex(trie)
    branches = [
        f"{re.escape(char)}(?<!{not_after}{re.escape(char)}){_trie_regex(child)}"
        for char, child in sorted(trie.items())
        if char
    ]
    return f"(?:{'|'.join(branches)}{'|(?<!' + not_after + ')' if '' in trie else ''})"


_Trie = dict[str, "_Trie"]


def _trie_regex(node: _Trie) -> str:
    """The regex of one trie node; ``""`` marks where a phrase ends (tried last)."""
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    return f"(?:{'|'.join(branches)})" + ("?" if "" in node else "")


def _all_known() -> list[str]:
    known: list[str] = []
    for country in COUNTRIES:
        known += [country.name, *country.aliases, *country.demonyms]
    for org in ORGANISATIONS:
        known += [org.name, *org.aliases]
    for outlet in OUTLETS:
        known += [outlet.name, *outlet.aliases]
    return known


KNOWN_ALIAS = alternation(_all_known())
"""Any alias of the built-in table (countries with demonyms, organisations, outlets)."""

_LETTER = r"a-z\u00df-\u00f6\u00f8-\u024f"
_NAME_PREFIXES = ("al", "el", "as", "ash", "ad", "ar", "at", "az", "an", "ul", "bin", "ibn", "abu", "abd")
_NAME_PREFIX = rf"(?:{'|'.join(_NAME_PREFIXES)})-"
# The runs of lower-case letters are possessive (never given back): what follows one never
# starts with such a letter, so giving letters back could never lead to a match; it only costs time.
_TOKEN_REST = (
    rf"(?:'[A-Z])?[{_LETTER}]++(?:[A-Z][{_LETTER}]++)?(?:'(?!s\b)[{_LETTER}]{{0,2}}+)?"
    rf"(?:-[A-Za-z][{_LETTER}]++)*"
)
NAME_TOKEN = rf"(?:{_NAME_PREFIX})?[A-Z]{_TOKEN_REST}"
"""One capitalised name token: ``Fuad``, ``al-Kadhimi``, ``Shia'``, ``O'Brien``, ``McCain``."""

_PARTICLE = r"(?:al|el|bin|ibn|bint|de|del|della|di|da|dos|du|van|von|der|den|la|le)"
_INITIAL = r"[A-Z]\."
_MORE_TOKENS = rf"(?:\s(?:{_PARTICLE}\s)?(?:{NAME_TOKEN}|{_INITIAL})){{0,4}}"
NAME = rf"(?:{_INITIAL}\s)?{NAME_TOKEN}{_MORE_TOKENS}"
"""A run of one to five name tokens, with particles and initials."""


CAPITAL_NAME_AT_WORD_START = (
    rf"[A-Z](?<![\w'-][A-Z])(?:\.\s(?:{_NAME_PREFIX})?[A-Z])?{_TOKEN_REST}{_MORE_TOKENS}"
)
"""A :data:`NAME` that starts a word with a capital (an initial or the first token).

The same as ``(?<![\\w'-])(?=[A-Z])`` + :data:`NAME`, written with the capital first
so that the regex engine skips ahead to the capitals.
"""
PREFIXED_NAME_AT_WORD_START = rf"(?<![\w'-]){_NAME_PREFIX}[A-Z]{_TOKEN_REST}{_MORE_TOKENS}"
"""A :data:`NAME` that starts a word with a prefix such as ``al-``, the other way a
name can start a word; every such name holds a hyphen two or three characters in."""

NOT_NAME_WORDS = word_set(
    """the a an this that these those in on at of for from to by with and or but after before during
    following according however meanwhile also his her their its our my some many it he she they we i
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday read share leave author news today yesterday tomorrow
    mr mrs ms dr president minister prime foreign ambassador senator governor general secretary spokesman
    official officials commander leader chief director chairman king queen prince emir sheikh
    ministry department government administration army forces military police council parliament
    rest there here when while if as so yet then now since although despite"""
)
"""Capitalised words that are not part of a person's name."""

ORG_HEADS = (
    "Ministry|Department|Agency|Council|Committee|Commission|Parliament|Assembly|Senate|Congress|Party|Front"
    "|Movement|Brigades|Brigade|Army|Navy|Air Force|Forces|Units|Guard|Guards|Corps|Militia|Organization"
    "|Organisation|Institute|University|Bank|Fund|Court|Office|Authority|Union|League|Coalition|Alliance"
    "|Foundation|Association|Federation|Company|Corporation|Police|Command|Bureau|Service|Services|Group"
)
"""Capitalised head nouns that end an organisation's name."""
ORG_HEAD_WORDS = frozenset(word for head in ORG_HEADS.split("|") for word in head.split())
"""The single words of :data:`ORG_HEADS`."""

ARMED_HEADS = word_set("Brigades Brigade Army Forces Units Guard Guards Corps Militia Front Movement Group")
GOVERNMENT_HEADS = word_set(
    """Ministry Department Parliament Assembly Senate Congress Army Navy Force Forces Police Command Office
    Authority Council Bureau Service Services Guard Guards Corps Court"""
)

SPEECH_VERB_WORDS = (
    "said", "says", "stated", "states", "told", "tells", "added", "adds", "noted", "notes", "warned", "warns",
    "claimed", "claims", "announced", "announces", "confirmed", "confirms", "denied", "denies", "insisted",
    "insists", "argued", "argues", "explained", "explains", "stressed", "stresses", "emphasized",
    "emphasised", "emphasizes", "emphasises", "declared", "declares", "asserted", "asserts", "alleged",
    "alleges", "tweeted", "posted", "acknowledged", "acknowledges", "admitted", "admits", "vowed", "vows",
    "pledged", "pledges", "threatened", "threatens", "urged", "urges", "wrote", "writes", "commented",
    "comments", "responded", "replied", "remarked", "affirmed", "affirms", "underlined", "underscored",
    "maintained", "contended", "countered", "predicted", "promised", "promises",
)  # fmt: skip
"""Verbs that introduce what someone said; none is a prefix of another."""
SPEECH_VERBS = alternation(SPEECH_VERB_WORDS)
"""Any of :data:`SPEECH_VERB_WORDS`. As no verb is a prefix of another, at most one matches
at an offset, so the trie of :func:`alternation` matches like the plain ``said|says|...``."""

REPORT_VERBS = (
    r"reported|reports|published|publishes|broadcast|broadcasts|revealed|reveals|cited|cites|quoted|quotes"
    r"|learned|learnt|obtained|disclosed|discloses"
)
"""Verbs with which an outlet or body relays information."""
