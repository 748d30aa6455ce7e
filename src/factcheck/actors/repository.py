"""Actor and source reads, and the upserts every writer of claims shares."""

from __future__ import annotations

from typing import Any

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner

__all__ = ["get_actor", "get_source", "link_affiliations", "upsert_actors", "upsert_sources"]

GET_ACTOR = query("actors/get_actor")
GET_SOURCE = query("sources/get_source")
UPSERT_ACTORS = query("actors/upsert_actors")
UPSERT_SOURCES = query("sources/upsert_sources")
LINK_AFFILIATIONS = query("actors/link_affiliations")


async def get_actor(runner: Runner, actor_id: str, limit: int) -> Row | None:
    """The actor with up to `limit` of its claims; None when there is none."""
    row = await runner.run_one(GET_ACTOR, id=actor_id, limit=limit)
    return row["actor"] if row else None


async def get_source(runner: Runner, source_id: str, limit: int) -> Row | None:
    """The source with up to `limit` claims and articles; None when there is none."""
    row = await runner.run_one(GET_SOURCE, id=source_id, limit=limit)
    return row["source"] if row else None


async def upsert_actors(runner: Runner, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Finds or creates each actor by key or alias key; returns key -> id."""
    if not rows:
        return {}
    return {row["key"]: row["id"] for row in await runner.run(UPSERT_ACTORS, actors=rows)}


async def upsert_sources(runner: Runner, rows: list[dict[str, Any]]) -> dict[str, str]:
    """Finds or creates each source by key; returns key -> id."""
    if not rows:
        return {}
    return {row["key"]: row["id"] for row in await runner.run(UPSERT_SOURCES, sources=rows)}


async def link_affiliations(runner: Runner, pairs: list[dict[str, str]]) -> None:
    """Links each `member_id` to its `group_id` (`MEMBER_OF`); nothing for an empty list."""
    if pairs:
        await runner.run(LINK_AFFILIATIONS, affiliations=pairs)
