"""Reading actors and sources with the claims and articles they are linked to."""

from __future__ import annotations

from factcheck.actors import repository
from factcheck.actors.schemas import ActorDetail, SourceDetail
from factcheck.errors import NotFound
from factcheck.graph.store import Runner

__all__ = ["get_actor", "get_source", "link_affiliations", "upsert_actors", "upsert_sources"]

# Every writer of claims resolves actors and sources through these, in its own transaction.
upsert_actors = repository.upsert_actors
upsert_sources = repository.upsert_sources
link_affiliations = repository.link_affiliations


async def get_actor(runner: Runner, actor_id: str, limit: int) -> ActorDetail:
    """The actor with the claims it stated or is mentioned in; NotFound when there is none."""
    row = await repository.get_actor(runner, actor_id, limit)
    if row is None:
        raise NotFound(f"no actor has id {actor_id!r}")
    return ActorDetail.model_validate(row)


async def get_source(runner: Runner, source_id: str, limit: int) -> SourceDetail:
    """The source with the claims it reports and the articles it published; NotFound when none."""
    row = await repository.get_source(runner, source_id, limit)
    if row is None:
        raise NotFound(f"no source has id {source_id!r}")
    return SourceDetail.model_validate(row)
