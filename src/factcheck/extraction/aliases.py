"""The built-in gazetteers: countries, organisations and news outlets, read from JSONL data files.

One line of ``data/countries.jsonl``, ``data/organisations.jsonl`` or
``data/outlets.jsonl`` is one entry, so adding an outlet or an alias is a one-line
change. ``data/not_actors.jsonl`` lists phrases that contain an alias but name no
actor ("Latin America"). Aliases are written with ASCII apostrophes; matching runs
on folded text, so ``Kata’ib`` (curly apostrophe) finds ``Kata'ib``.

Design choice on metonyms: a capital city used as an actor ("talks between
Washington and Baghdad") and phrases such as "US administration" or "the Iraqi
government" resolve to the *country* actor (``united-states``, ``iraq``). The
graph records who asserted what; telling a state from its government is left to
the reviewers. A capital after a place preposition ("in Washington") is a place,
not an actor, and is not matched (see ``entities``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from factcheck.extraction.phrases import read_jsonl

__all__ = ["COUNTRIES", "NOT_ACTORS", "ORGANISATIONS", "OUTLETS", "Country", "Organisation", "Outlet"]


@dataclass(frozen=True, slots=True)
class Country:
    """A state: its names, demonyms and capital (used as a metonym)."""

    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Organisation:
    """A non-state body or a state institution (``affiliation`` is a country key)."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news outlet or agency."""

    name: str
    kind: str
    domain: str | None
    aliases: tuple[str, ...] = ()


def _tuples(entry: dict[str, Any]) -> dict[str, Any]:
    return {key: tuple(value) if isinstance(value, list) else value for key, value in entry.items()}


COUNTRIES: tuple[Country, ...] = tuple(Country(**_tuples(e)) for e in read_jsonl("countries.jsonl"))
ORGANISATIONS: tuple[Organisation, ...] = tuple(
    Organisation(**_tuples(e)) for e in read_jsonl("organisations.jsonl")
)
OUTLETS: tuple[Outlet, ...] = tuple(
    Outlet(**{"domain": None, **_tuples(e)}) for e in read_jsonl("outlets.jsonl")
)
NOT_ACTORS: tuple[str, ...] = tuple(e["phrase"] for e in read_jsonl("not_actors.jsonl"))
"""Phrases that contain an alias but name no actor; matching them hides the alias."""
