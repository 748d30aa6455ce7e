"""Named Cypher queries, one per `.cypher` file under `cypher/queries/`.

Repositories declare the names they use with `query("aggregate/verb_noun")`. The catalog
loads every file once at start-up; `QueryCatalog.load` fails when a declared name has no file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import LiteralString

__all__ = ["MissingQueryError", "QueryCatalog", "QueryName", "declared_queries", "query"]

_DECLARED: set[str] = set()


class MissingQueryError(RuntimeError):
    """A query name used by the code has no `.cypher` file."""


@dataclass(frozen=True, slots=True)
class QueryName:
    """The name of a query file, relative to `cypher/queries/`, without the suffix."""

    name: str


def query(name: str) -> QueryName:
    """Declares that the code uses the query `name`; checked when the catalog loads."""
    _DECLARED.add(name)
    return QueryName(name)


def declared_queries() -> frozenset[str]:
    """Every name declared so far by imported modules."""
    return frozenset(_DECLARED)


class QueryCatalog:
    """Query texts by name, read once from disk."""

    def __init__(self, texts: dict[str, LiteralString]) -> None:
        self._texts = texts

    @classmethod
    def load(cls, queries_dir: Path, required: frozenset[str] | None = None) -> QueryCatalog:
        """Reads every `.cypher` file; raises MissingQueryError when a required name has none."""
        texts: dict[str, LiteralString] = {}
        for path in sorted(queries_dir.rglob("*.cypher")):
            name = path.relative_to(queries_dir).with_suffix("").as_posix()
            # Query text comes only from files in the repository, never from requests.
            text: LiteralString = path.read_text(encoding="utf-8").strip()
            texts[name] = text
        missing = sorted((declared_queries() if required is None else required) - texts.keys())
        if missing:
            raise MissingQueryError(f"no .cypher file in {queries_dir} for: {', '.join(missing)}")
        return cls(texts)

    def __getitem__(self, name: QueryName) -> LiteralString:
        try:
            return self._texts[name.name]
        except KeyError:
            raise MissingQueryError(f"unknown query {name.name!r}") from None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, QueryName) and name.name in self._texts
