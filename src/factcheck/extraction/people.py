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
from dataclasses import dataclass

from factcheck.extraction.patterns import (
    KNOWN_ALIAS,
    KNOWN_ALIASES,
    NAME,
    NAME_AT_WORD_START,
    NOT_NAME_WORDS,
    ORG_HEAD_WORDS,
    ORG_HEADS,
    SPEECH_VERBS,
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


_MOD = (
    r"(?:(?:[Ff]ormer|[Aa]cting|[Dd]eputy|[Oo]utgoing|[Ii]ncoming|[Ii]nterim|[Tt]he late|[Tt]hen)\s"
    r"|(?:[Ee]x|[Tt]hen)-)"
)
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
_ROLE_CAP = rf"(?:Deputy\s|Vice\s|Acting\s)?(?:{'|'.join(_CAPITALISED_ROLES)})"
_LOWER_CASE_ROLES = (
    "prime minister", "president", "foreign minister", "defen[cs]e minister", "minister", "spokesman",
    "spokeswoman", "spokesperson", "commander", "leader", "chief", "official", "envoy", "ambassador",
    "general", "representative", "negotiator", "adviser", "advisor", "lawmaker", "MP", "cleric",
)  # fmt: skip
_ROLE_LOWER = f"(?:{'|'.join(_LOWER_CASE_ROLES)})"
_ROLE_NOUNS = (
    "minister", "president", "ambassador", "spokes(?:man|woman|person)", "official", "commander", "leader",
    "chief", "head", "director", "secretary", "envoy", "senator", "governor", "mayor", "general", "analyst",
    "professor", "expert", "member", "founder", "chair(?:man|woman)?", "ceo", "advis[eo]r", "representative",
    "officer", "researcher", "journalist", "correspondent", "editor", "lawmaker", "mp", "king", "queen",
    "prince", "emir", "sheikh", "cleric", "judge", "negotiator", "spokesperson", "deputy", "coordinator",
)  # fmt: skip
_ROLE_WORDS = re.compile(rf"\b(?:{'|'.join(_ROLE_NOUNS)})s?\b", re.IGNORECASE)

_TITLE_BEFORE = re.compile(
    r"(?<![\w'-])(?=[A-Z]|(?:former|acting|deputy|outgoing|incoming|interim|the late|then|ex)\b)"
    rf"(?P<title>{_MOD}?(?:(?P<affil>{KNOWN_ALIAS})(?:'s)?\s{_MOD}?)?"
    rf"(?:(?:[A-Z][a-z]+\s){{0,2}}(?P<role>{_ROLE_CAP})|(?P<lrole>{_ROLE_LOWER}))"
    rf"(?:\s(?:to|of|for)\s(?:the\s)?(?:{KNOWN_ALIAS}))?)\s(?P<name>{NAME})"
)
_APPOSITIVE = re.compile(
    rf"(?P<name>{NAME_AT_WORD_START}),\s(?:(?:the|a|an)\s)?(?P<title>[^,.;:()\"]{{3,80}}?)"
    rf"(?=,|\.|;|\s(?:{SPEECH_VERBS})\b)"
)
_ROLE_OF_NOUNS = word_set(
    """official spokesman spokeswoman spokesperson commander leader member head chief founder
    secretary-general representative envoy adviser advisor minister ambassador director deputy figure
    cleric officer lawmaker negotiator"""
)
_ROLE_OF_WORD = rf"(?:{'|'.join(sorted(_ROLE_OF_NOUNS))})s?\s(?:of|for|in|from|with|at)\s"
_ROLE_OF = re.compile(
    r"(?:\b(?P<det>[Aa]n?|[Tt]he|[Oo]ne)\s)?(?P<title>(?P<adj>(?:(?<![\w-])[a-z][a-z-]++\s){0,2})"
    rf"{_ROLE_OF_WORD}(?:the\s)?"
    rf"(?P<org>{KNOWN_ALIAS}|[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){{0,5}}(?=\s?\(|,)))"
    rf"(?:\s?\((?P<alt>[^()]{{2,60}})\))?,?\s(?P<name>{NAME})"
)


_SPEAKER = re.compile(
    rf"(?P<name>{NAME_AT_WORD_START})(?:\s?\([^()]{{1,60}}\))?(?:,[^,]{{1,200}},)?\s(?:\w+ly\s)?(?:{SPEECH_VERBS})\b"
    rf"|\b(?:said|says|added|told|wrote|according to)\s(?P<name2>{NAME})"
)
_ORG = re.compile(
    rf"(?<![\w'-])(?=[A-Z])(?:(?:{KNOWN_ALIAS})\s)?(?:[A-Z][\w'-]*+\s(?:(?:of|for)\s(?:the\s)?)?){{0,4}}"
    rf"(?:{ORG_HEADS})"
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
_KNOWN = re.compile(rf"(?:{KNOWN_ALIAS})")


def find_people(folded: str) -> list[PersonCandidate]:
    """Return every person candidate in ``folded``, in text order (may overlap)."""
    found: list[PersonCandidate] = []
    for match in _TITLE_BEFORE.finditer(folded):
        if match.group("lrole") and not match.group("affil"):
            continue
        _add_person(found, folded, match.span("name"), match.span("title"), match.group("affil"))
    for match in _ROLE_OF.finditer(folded):
        title_start = (
            match.start("title") if match.group("det") else match.start("title") + len(match.group("adj"))
        )
        _add_person(found, folded, match.span("name"), (title_start, match.end("org")), match.group("org"))
    for match in _APPOSITIVE.finditer(folded):
        title = match.group("title")
        if _ROLE_WORDS.search(title) and len(title.split()) <= 10:
            affil = _KNOWN.search(title)
            _add_person(
                found,
                folded,
                match.span("name"),
                match.span("title"),
                affil.group(0) if affil else None,
                min_tokens=2,
            )
    for match in _SPEAKER.finditer(folded):
        name = "name" if match.group("name") is not None else "name2"
        _add_person(found, folded, match.span(name), None, None, min_tokens=2)
    found.sort(key=lambda p: (p.name_start, -p.name_end))
    return found


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
    for match in _DEFINITION.finditer(folded):
        start, end = _trim_leading(folded, match.start("long"), match.end("long"), _LEADING_STOP)
        if start < end:
            found.append(AliasDefinition(start, end, match.group("short").strip()))
    return found


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
    if len(tokens) < min_tokens or not tokens or name in KNOWN_ALIASES or _has_org_head(tokens):
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
        if word.lower().rstrip(".'") in NOT_NAME_WORDS or (kept_end > start and word in KNOWN_ALIASES):
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
