"""Named Cypher queries, one per `.cypher` file under `cypher/queries/`.

Repositories declare the names they use with `query("aggregate/verb_noun")`. The catalog reads
every file once at start-up; the app passes the declared names as `required`, so a name
without a file stops the start. Whether a query writes is read from its text, so the graph
handle can route it without a second list to keep in step.
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


class QueryCatalog:
    """Query texts by name, read once from disk, each marked as a read or a write."""

    def __init__(self, texts: dict[str, LiteralString]) -> None:
        self._texts = texts
        self._writes = frozenset(name for name, text in texts.items() if writes(text))

    @classmethod
    def load(cls, queries_dir: Path, required: frozenset[str] = frozenset()) -> QueryCatalog:
        """Reads every `.cypher` file; raises MissingQueryError when a required name has none."""
        texts: dict[str, LiteralString] = {}
        for path in sorted(queries_dir.rglob("*.cypher")):
            name = path.relative_to(queries_dir).with_suffix("").as_posix()
            # Query text comes only from files in the repository, never from requests.
            text: LiteralString = path.read_text(encoding="utf-8").strip()
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
