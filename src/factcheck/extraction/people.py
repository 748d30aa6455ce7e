"""Find people (with titles) and unlisted organisations in an article.

People are found where the text marks them: a title before the name ("Iraqi
Foreign Minister Fuad Hussein"), an appositive after it ("Alina Romanowski, the
US Ambassador to Iraq,"), a role of a group ("a security official of the
Kata'ib Hezbollah (Iraqi Hezbollah Brigades) Abu Ali al-Askari"), or a name
followed by a speech verb ("Jane Roe said"). Organisations not in the alias table
are found by their head noun ("the Iraqi Foreign Ministry") or by a definition
with an acronym ("Northern Defence Front (NDF)").
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.extraction.firstchar import at_word_start, by_first_char
from factcheck.extraction.patterns import (
    CAPITAL_NAME_AT_WORD_START,
    KNOWN_ALIAS,
    NAME,
    NOT_NAME_WORDS,
    ORG_HEAD_WORDS,
    ORG_HEADS,
    PREFIXED_NAME_AT_WORD_START,
    SPEECH_VERBS,
    alternation,
)
from factcheck.extraction.scan import (
    finditer_at,
    finditer_first,
    searcher,
    searcher_at,
    span_start,
)
from factcheck.extraction.text import word_set

__all__ = [
    "AliasDefinition",
    "OrgCandidate",
    "PersonCandidate",
    "find_definitions",
    "find_orgs",
    "find_people",
]


@dataclass(frozen=True, slots=True)
class PersonCandidate:
    """A person found in the text; ``affiliation_text`` is the group or state named in the title."""

    name_start: int
    name_end: int
    title: str | None
    title_start: int
    title_end: int
    affiliation_text: str | None


@dataclass(frozen=True, slots=True)
class OrgCandidate:
    """An organisation name ending in a head noun such as Ministry or Brigades."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class AliasDefinition:
    """``long (short)``: both spellings name one entity."""

    long_start: int
    long_end: int
    short: str


# Each alternation below is grouped by first character (see ``by_first_char``), which keeps its
# matches; the comment above it gives the plain form.
_MOD_WORDS = (
    "Former", "former", "Acting", "acting", "Deputy", "deputy", "Outgoing", "outgoing", "Incoming",
    "incoming", "Interim", "interim", "The late", "the late", "Then", "then",
)  # fmt: skip
# (?:(?:[Ff]ormer|[Aa]cting|[Dd]eputy|[Oo]utgoing|[Ii]ncoming|[Ii]nterim|[Tt]he late|[Tt]hen)\s
# |(?:[Ee]x|[Tt]hen)-)
_MOD = by_first_char([*(rf"{word}\s" for word in _MOD_WORDS), "Ex-", "ex-", "Then-", "then-"])
_PORTFOLIO = (
    r"Foreign Affairs|Defen[cs]e|the Interior|Interior|Finance|Oil|Health|Justice|Economy|Trade|Energy"
    r"|Education|Agriculture|Information|Culture|Labou?r|Transport|Environment"
)
_CAPITALISED_ROLES = (
    "Prime Minister", "President", "Vice[- ]President", "Foreign Minister", "Defen[cs]e Minister",
    "Interior Minister", "Finance Minister", "Oil Minister", "Health Minister",
    f"Minister(?: of (?:{_PORTFOLIO}))?", "Secretary of State", "Defen[cs]e Secretary", "Secretary-General",
    "Secretary General", f"Secretary(?: of (?:{_PORTFOLIO}))?", "Special Envoy", "Envoy", "Ambassador",
    "Senator", r"Sen\.", "Representative", r"Rep\.", "Congressman", "Congresswoman", "Governor", r"Gov\.",
    "Mayor", "Lieutenant General", r"Lt\. Gen\.", "Major General", r"Maj\. Gen\.", "Brigadier General",
    "General", r"Gen\.", "Colonel", r"Col\.", "Admiral", r"Adm\.", "Commander", "Spokesman", "Spokeswoman",
    "Spokesperson", "Chief of Staff", "Chairman", "Chairwoman", "Speaker", "Crown Prince", "Prince", "King",
    "Queen", "Emir", "Sheikh", "Ayatollah", "Supreme Leader", "Pope", "Chancellor", "Judge", "Justice",
    "Attorney General", "Director", "CEO", "Leader", "Cleric", "Imam", r"Mr\.", r"Mrs\.", r"Ms\.", r"Dr\.",
    r"Prof\.",
)  # fmt: skip
# (?:Deputy\s|Vice\s|Acting\s)?(?:Prime Minister|President|Vice[- ]President|...|Dr\.|Prof\.)
_ROLE_CAP = rf"(?:Deputy\s|Vice\s|Acting\s)?{by_first_char(_CAPITALISED_ROLES)}"
_LOWER_CASE_ROLES = (
    "prime minister", "president", "foreign minister", "defen[cs]e minister", "minister", "spokesman",
    "spokeswoman", "spokesperson", "commander", "leader", "chief", "official", "envoy", "ambassador",
    "general", "representative", "negotiator", "adviser", "advisor", "lawmaker", "MP", "cleric",
)  # fmt: skip
# (?:prime minister|president|foreign minister|...|lawmaker|MP|cleric)
_ROLE_LOWER = by_first_char(_LOWER_CASE_ROLES)
_ROLE_NOUNS = (
    "minister", "president", "ambassador", "spokes(?:man|woman|person)", "official", "commander", "leader",
    "chief", "head", "director", "secretary", "envoy", "senator", "governor", "mayor", "general", "analyst",
    "professor", "expert", "member", "founder", "chair(?:man|woman)?", "ceo", "advis[eo]r", "representative",
    "officer", "researcher", "journalist", "correspondent", "editor", "lawmaker", "mp", "king", "queen",
    "prince", "emir", "sheikh", "cleric", "judge", "negotiator", "spokesperson", "deputy", "coordinator",
)  # fmt: skip
# \b(?:minister|president|...|deputy|coordinator)s?\b
_ROLE_WORDS = re.compile(at_word_start(_ROLE_NOUNS, caseless=True) + r"s?\b", re.IGNORECASE)

_TITLE_BEFORE = re.compile(
    r"(?<![\w'-])(?=[A-Z]|(?:former|acting|deputy|outgoing|incoming|interim|the late|then|ex)\b)"
    rf"(?P<title>{_MOD}?(?:(?P<affil>{KNOWN_ALIAS})(?:'s)?\s{_MOD}?)?"
    rf"(?:(?:[A-Z][a-z]+\s){{0,2}}(?P<role>{_ROLE_CAP})|(?P<lrole>{_ROLE_LOWER}))"
    rf"(?:\s(?:to|of|for)\s(?:the\s)?(?:{KNOWN_ALIAS}))?)\s(?P<name>{NAME})"
)
# The appositive pattern is the alternation of these two, one for each way a name can start a word:
# (?<![\w'-])(?=[A-Z]|(?:al|el|...)-)(?P<name>{NAME}),\s(?:(?:the|a|an)\s)?(?P<title>...)(?=...)
_APPOSITIVE_TAIL = rf",\s(?:(?:the|a|an)\s)?(?P<title>[^,.;:()\"]{{3,80}}?)(?=,|\.|;|\s(?:{SPEECH_VERBS})\b)"
_APPOSITIVE = re.compile(rf"(?P<name>{CAPITAL_NAME_AT_WORD_START}){_APPOSITIVE_TAIL}")
_PREFIXED_APPOSITIVE = re.compile(rf"(?P<name>{PREFIXED_NAME_AT_WORD_START}){_APPOSITIVE_TAIL}")
_ROLE_OF_NOUNS = word_set(
    """official spokesman spokeswoman spokesperson commander leader member head chief founder
    secretary-general representative envoy adviser advisor minister ambassador director deputy figure
    cleric officer lawmaker negotiator"""
)
"""No noun is a prefix of another, so at most one matches at an offset and their order is free."""
_ROLE_OF_WORD = rf"(?:{alternation(_ROLE_OF_NOUNS)})s?\s(?:of|for|in|from|with|at)\s"
_ROLE_OF = re.compile(
    r"(?:\b(?P<det>[Aa]n?|[Tt]he|[Oo]ne)\s)?(?P<title>(?P<adj>(?:[a-z][a-z-]+\s){0,2})"
    rf"{_ROLE_OF_WORD}(?:the\s)?"
    rf"(?P<org>{KNOWN_ALIAS}|[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){{0,5}}(?=\s?\(|,)))"
    rf"(?:\s?\((?P<alt>[^()]{{2,60}})\))?,?\s(?P<name>{NAME})"
)


def _role_of_anchor() -> re.Pattern[str]:
    """The space after the role word of a :data:`_ROLE_OF` match ("official of ").

    Found from the spaces before a preposition, then checked backwards, which is
    faster than from every letter: one look-behind for each length of role word
    (with or without the plural ``s``), as a look-behind has a fixed width.
    """
    by_length: dict[int, list[str]] = {}
    for noun in sorted(_ROLE_OF_NOUNS):
        for form in (noun, f"{noun}s"):
            by_length.setdefault(len(form), []).append(re.escape(form))
    behind = "|".join(rf"(?<=(?:{'|'.join(forms)})\s)" for _, forms in sorted(by_length.items()))
    return re.compile(rf"\s(?=(?:of|for|in|from|with|at)\s)(?:{behind})")


_ROLE_OF_ANCHOR = _role_of_anchor()
_ROLE_OF_LEAD_CHARS = frozenset(string.ascii_letters + "-")
_ROLE_OF_LEAD_SPACES = 3
"""Before its role word a match holds an article and two words, each followed by one space."""
# The speaker pattern is the alternation of these three, run with ``finditer_first``:
# (?<![\w'-])(?=[A-Z]|(?:al|el|...)-)(?P<name>{NAME})(?:\s?\(...\))?(?:,...,)?\s(?:\w+ly\s)?(?:verb)\b
# |(?:\b(?:said|says|added|told|wrote)\s|\baccording to\s)(?P<name2>{NAME})
_VERB_AFTER_NAME = rf"(?:\s?\([^()]{{1,60}}\))?(?:,[^,]{{1,200}},)?\s(?:\w+ly\s)?(?:{SPEECH_VERBS})\b"
_SPEAKER_BEFORE_VERB = re.compile(rf"(?P<name>{CAPITAL_NAME_AT_WORD_START}){_VERB_AFTER_NAME}")
_PREFIXED_SPEAKER_BEFORE_VERB = re.compile(rf"(?P<name>{PREFIXED_NAME_AT_WORD_START}){_VERB_AFTER_NAME}")
_SPEAKER_AFTER_VERB = re.compile(
    at_word_start([r"said\s", r"says\s", r"added\s", r"told\s", r"wrote\s", r"according to\s"])
    + rf"(?P<name>{NAME})"
)
# (?<![\w'-])(?=[A-Z])(?:(?:{KNOWN_ALIAS})\s)?(?:[A-Z][\w'-]*\s(?:(?:of|for)\s(?:the\s)?)?){0,4}
# (?:{ORG_HEADS})(?:\s(?:of|for)\s(?:the\s)?[A-Z][\w'-]*(?:\s(?:and\s)?[A-Z][\w'-]*){0,3})?(?![\w-]),
# with the heads grouped by first character and the words before them possessive (a space
# follows, so giving back characters could never lead to a match).
_ORG = re.compile(
    rf"(?<![\w'-])(?=[A-Z])(?:(?:{KNOWN_ALIAS})\s)?(?:[A-Z][\w'-]*+\s(?:(?:of|for)\s(?:the\s)?)?){{0,4}}"
    rf"{by_first_char(ORG_HEADS.split('|'))}"
    r"(?:\s(?:of|for)\s(?:the\s)?[A-Z][\w'-]*(?:\s(?:and\s)?[A-Z][\w'-]*){0,3})?(?![\w-])"
)
_DEFINITION = re.compile(
    r"(?P<long>[A-Z][\w'-]*(?:\s(?:(?:of|the|and|for|al|el|de)\s)*[A-Z][\w'-]*){0,7})\s?\((?P<short>[^()]{2,60})\)"
)
_TOKEN = re.compile(r"\S+")
_TITLE_STOP = word_set(
    """the a an in on at of for from to by with and or but after before during following according however
    meanwhile also his her their its our my some many it he she they we i this that these those yesterday
    today monday tuesday wednesday thursday friday saturday sunday when while if as so yet then now since
    although"""
)
_LEADING_STOP = _TITLE_STOP | word_set(
    "january february march april may june july august september october november december read share"
)
_OF_THE = re.compile(r"\b(of|for|to) the ")
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof)\.?")
_KNOWN_FULL = re.compile(rf"(?:{KNOWN_ALIAS})")


def find_people(folded: str) -> list[PersonCandidate]:
    """Return every person candidate in ``folded``, in text order (may overlap)."""
    found: list[PersonCandidate] = []
    for match in _TITLE_BEFORE.finditer(folded):
        if match.group("lrole") and not match.group("affil"):
            continue
        _add_person(found, folded, match.span("name"), match.span("title"), match.group("affil"))
    for match in _role_of_matches(folded):
        title_start = (
            match.start("title") if match.group("det") else match.start("title") + len(match.group("adj"))
        )
        _add_person(found, folded, match.span("name"), (title_start, match.end("org")), match.group("org"))
    prefixed = _prefixed_name_starts(folded)
    appositives = [searcher(_APPOSITIVE, folded), searcher_at(_PREFIXED_APPOSITIVE, folded, prefixed)]
    for match in finditer_first(appositives):
        title = match.group("title")
        if _ROLE_WORDS.search(title) and len(title.split()) <= 10:
            affil = _KNOWN_FULL.search(title)
            _add_person(
                found,
                folded,
                match.span("name"),
                match.span("title"),
                affil.group(0) if affil else None,
                min_tokens=2,
            )
    speakers = [
        searcher(_SPEAKER_BEFORE_VERB, folded),
        searcher_at(_PREFIXED_SPEAKER_BEFORE_VERB, folded, prefixed),
        searcher(_SPEAKER_AFTER_VERB, folded),
    ]
    for match in finditer_first(speakers):
        _add_person(found, folded, match.span("name"), None, None, min_tokens=2)
    found.sort(key=lambda p: (p.name_start, -p.name_end))
    return found


def _prefixed_name_starts(folded: str) -> list[int]:
    """Where a name with a prefix (``al-``, ``bin-``) may start: two or three characters
    before a hyphen."""
    starts: list[int] = []
    hyphen = folded.find("-", 2)
    while hyphen != -1:
        starts += (hyphen - 3, hyphen - 2) if hyphen >= 3 else (hyphen - 2,)
        hyphen = folded.find("-", hyphen + 1)
    return starts


def _role_of_matches(folded: str) -> Iterator[re.Match[str]]:
    """``_ROLE_OF.finditer(folded)``, trying only the offsets shortly before a role word.

    Walking back from the space after the role word crosses the word (letters and
    hyphens), then what may precede it in a match.
    """
    starts: set[int] = set()
    for anchor in _ROLE_OF_ANCHOR.finditer(folded):
        lead = span_start(folded, anchor.start(), _ROLE_OF_LEAD_CHARS, _ROLE_OF_LEAD_SPACES)
        starts.update(range(lead, anchor.start() + 1))
    return finditer_at(_ROLE_OF, folded, sorted(starts))


def find_orgs(folded: str) -> list[OrgCandidate]:
    """Return organisation names built on a head noun (two words or more)."""
    found: list[OrgCandidate] = []
    for match in _ORG.finditer(folded):
        start, end = _trim_leading(folded, match.start(), match.end(), _LEADING_STOP)
        if len(folded[start:end].split()) >= 2:
            found.append(OrgCandidate(start, end))
    return found


def find_definitions(folded: str) -> list[AliasDefinition]:
    """Return ``Long Name (SHORT)`` definitions; the long part may need trimming by the caller."""
    found: list[AliasDefinition] = []
    for match in _definition_matches(folded):
        start, end = _trim_leading(folded, match.start("long"), match.end("long"), _LEADING_STOP)
        if start < end:
            found.append(AliasDefinition(start, end, match.group("short").strip()))
    return found


def _definition_matches(folded: str) -> Iterator[re.Match[str]]:
    """``_DEFINITION.finditer(folded)``, trying only the capitals shortly before a ``(``.

    Up to its ``(`` a match holds only word characters, apostrophes, hyphens and spaces.
    """
    starts: list[int] = []
    paren = folded.find("(")
    while paren != -1:
        lead = paren
        while lead > 0 and (
            folded[lead - 1].isalnum() or folded[lead - 1] in "_'-" or folded[lead - 1].isspace()
        ):
            lead -= 1
        starts += (i for i in range(lead, paren) if "A" <= folded[i] <= "Z")
        paren = folded.find("(", paren + 1)
    return finditer_at(_DEFINITION, folded, sorted(set(starts)))


def _add_person(
    found: list[PersonCandidate],
    folded: str,
    name_span: tuple[int, int],
    title_span: tuple[int, int] | None,
    affiliation: str | None,
    *,
    min_tokens: int = 1,
) -> None:
    start, end = _trim_name(folded, *name_span)
    name = folded[start:end]
    tokens = name.split()
    if len(tokens) < min_tokens or not tokens or _KNOWN_FULL.fullmatch(name) or _has_org_head(tokens):
        return
    title = None
    t_start = t_end = start
    if title_span is not None:
        t_start, t_end = title_span
        t_start, t_end = _trim_leading(folded, t_start, t_end, _TITLE_STOP)
        title = _OF_THE.sub(r"\1 ", " ".join(folded[t_start:t_end].split())).strip(" ,")
        if _HONORIFIC.fullmatch(title):
            title = None
    found.append(PersonCandidate(start, end, title, t_start, t_end, affiliation))


def _trim_name(folded: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading non-name words and cut the name at the first non-name word or known alias."""
    start, end = _trim_leading(folded, start, end)
    kept_end = start
    for token in _TOKEN.finditer(folded, start, end):
        word = token.group(0)
        if word.lower().rstrip(".'") in NOT_NAME_WORDS or (kept_end > start and _KNOWN_FULL.fullmatch(word)):
            break
        kept_end = token.end()
    return start, kept_end


def _trim_leading(
    folded: str, start: int, end: int, stop: frozenset[str] = NOT_NAME_WORDS
) -> tuple[int, int]:
    for token in _TOKEN.finditer(folded, start, end):
        if token.group(0).lower() not in stop:
            return token.start(), end
    return end, end


def _has_org_head(tokens: list[str]) -> bool:
    return any(t in ORG_HEAD_WORDS for t in tokens)
