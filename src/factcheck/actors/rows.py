"""The rows the actor and source upserts take, built once for ingestion, claims and imports."""

from __future__ import annotations

import re
import uuid
from typing import Any

from factcheck.extraction import ActorMention, SourceMention
from factcheck.extraction.text import fold, slug

__all__ = ["actor_row", "alias_keys", "named_actor_row", "source_row"]

_ACRONYM = re.compile(r"^[A-Z][A-Z.]{1,9}$")


def alias_keys(actor: ActorMention) -> list[str]:
    """Keys under which an actor is found again across articles.

    Only names that identify one entity count: the canonical key, multi-word aliases and
    acronyms ("PMU", "US"). A lone surname ("Hussein") could be anyone, so it never merges.
    """
    keys = {actor.key}
    for alias in (actor.name, *actor.aliases):
        if " " in alias.strip() or _ACRONYM.match(alias.strip()):
            keys.add(slug(fold(alias)))
    return sorted(k for k in keys if k)


def actor_row(actor: ActorMention) -> dict[str, Any]:
    """The row `actors/upsert_actors` takes for one actor; a fresh id is used only if it is new."""
    return {
        "key": actor.key,
        "id": str(uuid.uuid4()),
        "name": actor.name,
        "kind": actor.kind,
        "title": actor.title,
        "aliases": sorted(set(actor.aliases)),
        "alias_keys": alias_keys(actor),
    }


def named_actor_row(name: str, kind: str = "unknown") -> dict[str, Any]:
    """The upsert row for an actor known only by name (a claimant typed in or imported)."""
    clean = " ".join(name.split())
    return actor_row(ActorMention(key=slug(fold(clean)), name=clean, kind=kind, aliases=(clean,)))


def source_row(source: SourceMention) -> dict[str, Any]:
    """The row `sources/upsert_sources` takes for one source; a fresh id is used only if it is new."""
    return {"key": source.key, "id": str(uuid.uuid4()), "name": source.name, "kind": source.kind,
            "domain": source.domain}  # fmt: skip
