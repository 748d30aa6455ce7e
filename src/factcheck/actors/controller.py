"""`GET /actors/{id}` and `GET /sources/{id}`."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import FromPath, QueryParameter

from factcheck.actors.schemas import ActorDetail, SourceDetail
from factcheck.auth import Permission, requires
from factcheck.errors import NotFound
from factcheck.graph.queries import query
from factcheck.state import Services

__all__ = ["ActorController", "SourceController"]

GET_ACTOR = query("actors/get_actor")
GET_SOURCE = query("sources/get_source")
Limit = Annotated[int, QueryParameter(ge=1, le=500, description="most claims and articles to list")]


class ActorController(Controller):
    """People, organisations, governments, armed groups and countries."""

    path = "/actors"
    tags = ["actors"]

    @get("/{actor_id:str}", guards=[requires(Permission.READ_INTERNAL)], summary="Read an actor")
    async def read(self, actor_id: FromPath[str], services: Services, limit: Limit = 100) -> ActorDetail:
        """The actor with the claims it stated or is mentioned in."""
        row = await services.graph.read_one(GET_ACTOR, id=actor_id, limit=limit)
        if row is None:
            raise NotFound(f"no actor has id {actor_id!r}")
        return ActorDetail.model_validate(row["actor"])


class SourceController(Controller):
    """Publishers, and outlets or bodies cited as the origin of information."""

    path = "/sources"
    tags = ["sources"]

    @get("/{source_id:str}", guards=[requires(Permission.READ_INTERNAL)], summary="Read a source")
    async def read(self, source_id: FromPath[str], services: Services, limit: Limit = 100) -> SourceDetail:
        """The source with the claims it reports and the articles it published."""
        row = await services.graph.read_one(GET_SOURCE, id=source_id, limit=limit)
        if row is None:
            raise NotFound(f"no source has id {source_id!r}")
        return SourceDetail.model_validate(row["source"])
