"""Every controller of the API, in one list."""

from __future__ import annotations

from litestar.types import ControllerRouterHandler

from factcheck.actors.controller import ActorController, SourceController
from factcheck.articles.controller import ArticleController
from factcheck.claims.controller import ClaimController
from factcheck.system.controller import SystemController

__all__ = ["ROUTE_HANDLERS"]

ROUTE_HANDLERS: list[ControllerRouterHandler] = [
    SystemController,
    ArticleController,
    ClaimController,
    ActorController,
    SourceController,
]
