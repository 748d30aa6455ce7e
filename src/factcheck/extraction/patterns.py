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
    "GOVERNMENT_HEADS",
    "KNOWN_ALIAS",
    "KNOWN_ALIASES",
    "NAME",
    "NAME_AT_WORD_START",
    "NAME_TOKEN",
    "NOT_NAME_WORDS",
    "ORG_HEADS",
    "ORG_HEAD_WORDS",
    "REPORT_VERBS",
    "SPEECH_VERBS",
    "SPEECH_VERB_WORDS",
    "alternation",
]


def alternation(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases`` (escaped), the longest tried first."""
    return "(?:" + "|".join(re.escape(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p))) + ")"


def _all_known() -> list[str]:
    known: list[str] = []
    for country in COUNTRIES:
        known += [country.name, *country.aliases, *country.demonyms]
    for org in ORGANISATIONS:
        known += [org.name, *org.aliases]
    for outlet in OUTLETS:
        known += [outlet.name, *outlet.aliases]
    return known


KNOWN_ALIASES = frozenset(_all_known())
"""Every alias of the built-in table (countries with demonyms, organisations, outlets)."""
KNOWN_ALIAS = alternation(KNOWN_ALIASES)
"""Any of :data:`KNOWN_ALIASES`."""

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


NAME_AT_WORD_START = rf"(?<![\w'-])(?=[A-Z]|{_NAME_PREFIX}){NAME}"
"""A :data:`NAME` that starts a word: with a capital (an initial or the first token) or
with a prefix such as ``al-``."""

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
SPEECH_VERBS = "|".join(SPEECH_VERB_WORDS)
"""Any of :data:`SPEECH_VERB_WORDS`."""

REPORT_VERBS = (
    r"reported|reports|published|publishes|broadcast|broadcasts|revealed|reveals|cited|cites|quoted|quotes"
    r"|learned|learnt|obtained|disclosed|discloses"
)
"""Verbs with which an outlet or body relays information."""
