"""`GET /actors/{id}` and `GET /sources/{id}`."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get
from litestar.params import FromPath, QueryParameter

from factcheck.actors import service
from factcheck.actors.schemas import ActorDetail, SourceDetail
from factcheck.app_services import Services
from factcheck.auth.guards import requires
from factcheck.auth.roles import Permission

__all__ = ["ActorController", "SourceController"]

Limit = Annotated[int, QueryParameter(ge=1, le=500, description="most claims and articles to list")]


class ActorController(Controller):
    """People, organisations, governments, armed groups and countries."""

    path = "/actors"
    tags = ["actors"]

    @get("/{actor_id:str}", guards=[requires(Permission.READ_INTERNAL)], summary="Read an actor")
    async def read(self, actor_id: FromPath[str], services: Services, limit: Limit = 100) -> ActorDetail:
        """The actor with the claims it stated or is mentioned in."""
        return await service.get_actor(services.graph, actor_id, limit)


class SourceController(Controller):
    """Publishers, and outlets or bodies cited as the origin of information."""

    path = "/sources"
    tags = ["sources"]

    @get("/{source_id:str}", guards=[requires(Permission.READ_INTERNAL)], summary="Read a source")
    async def read(self, source_id: FromPath[str], services: Services, limit: Limit = 100) -> SourceDetail:
        """The source with the claims it reports and the articles it published."""
        return await service.get_source(services.graph, source_id, limit)
