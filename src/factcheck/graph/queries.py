"""Named Cypher queries, one per `.cypher` file under `cypher/queries/`.

Repositories declare the names they use with `query("aggregate/verb_noun")`. The catalog reads
every file once at start-up; the app passes the declared names as `required`, so a name
without a file stops the start. Whether a query writes is read from its text, so the graph
handle can route it without a second list to keep in step.

A part that several queries share (a projection, a condition) is written once in
`cypher/fragments/<name>.cypher` and placed with `{{name}}`; the catalog expands it at load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import LiteralString

__all__ = ["MissingQueryError", "QueryCatalog", "QueryName", "declared_queries", "query", "writes"]

_DECLARED: set[str] = set()
_WRITE_CLAUSE = re.compile(r"\b(?:CREATE|MERGE|SET|DELETE|REMOVE|FOREACH)\b")
_COMMENT = re.compile(r"//[^\n]*")
_FRAGMENT = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


class MissingQueryError(RuntimeError):
    """A query name used by the code has no `.cypher` file."""


@dataclass(frozen=True, slots=True)
class QueryName:
    """The name of a query file, relative to `cypher/queries/`, without the suffix."""

    name: str


def query(name: str) -> QueryName:
    """Declares that the code uses the query `name`; the app checks it has a file at start."""
    _DECLARED.add(name)
    return QueryName(name)


def declared_queries() -> frozenset[str]:
    """Every name declared by the modules imported so far."""
    return frozenset(_DECLARED)


def writes(text: str) -> bool:
    """True when the Cypher text has a write clause (outside `//` comments)."""
    return _WRITE_CLAUSE.search(_COMMENT.sub("", text)) is not None


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.strip().splitlines() if not line.lstrip().startswith("//"))


def _expand(text: str, fragments: dict[str, str], name: str, depth: int = 0) -> str:
    """The text with every `{{fragment}}` replaced by its file's text, nested ones too."""

    def place(match: re.Match[str]) -> str:
        fragment = match.group(1)
        if fragment not in fragments:
            raise MissingQueryError(
                f"{name} places {{{{{fragment}}}}}, which has no file in cypher/fragments"
            )
        if depth > 5:
            raise MissingQueryError(f"{name}: fragments nested more than 5 deep")
        return _expand(fragments[fragment], fragments, name, depth + 1)

    return _FRAGMENT.sub(place, text)


class QueryCatalog:
    """Query texts by name, read once from disk, each marked as a read or a write."""

    def __init__(self, texts: dict[str, LiteralString]) -> None:
        self._texts = texts
        self._writes = frozenset(name for name, text in texts.items() if writes(text))

    @classmethod
    def load(cls, queries_dir: Path, required: frozenset[str] = frozenset()) -> QueryCatalog:
        """Reads every `.cypher` file, fragments expanded from `queries_dir/../fragments`.

        Raises MissingQueryError when a required name or a placed fragment has no file.
        """
        fragments_dir = queries_dir.parent / "fragments"
        fragments = {
            path.stem: _strip_comments(path.read_text(encoding="utf-8"))
            for path in sorted(fragments_dir.glob("*.cypher"))
        }
        texts: dict[str, LiteralString] = {}
        for path in sorted(queries_dir.rglob("*.cypher")):
            name = path.relative_to(queries_dir).with_suffix("").as_posix()
            # Query text comes only from files in the repository, never from requests.
            text: LiteralString = _expand(path.read_text(encoding="utf-8").strip(), fragments, name)
            texts[name] = text
        missing = sorted(required - texts.keys())
        if missing:
            raise MissingQueryError(f"no .cypher file in {queries_dir} for: {', '.join(missing)}")
        return cls(texts)

    def names(self) -> frozenset[str]:
        """Every query name the catalog holds."""
        return frozenset(self._texts)

    def writes(self, name: QueryName) -> bool:
        """True when the query writes, so it must run in a write transaction."""
        return name.name in self._writes

    def __getitem__(self, name: QueryName) -> LiteralString:
        try:
            return self._texts[name.name]
        except KeyError:
            raise MissingQueryError(f"unknown query {name.name!r}") from None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, QueryName) and name.name in self._texts
