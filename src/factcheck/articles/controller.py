"""`/articles`: ingest an article, read one, page through them."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from factcheck.app_services import Services
from factcheck.articles import service
from factcheck.articles.schemas import Article, ArticleCreate, ArticlePage
from factcheck.auth.guards import CallerDep, requires
from factcheck.auth.roles import Permission

__all__ = ["ArticleController"]


class ArticleController(Controller):
    """Articles and the claims extracted from them."""

    path = "/articles"
    tags = ["articles"]

    @post(
        "/",
        guards=[requires(Permission.WRITE)],
        summary="Ingest an article from text, HTML or a URL",
        description="201 with the new article and its claims; 200 with the existing article "
        "when the same normalised text was ingested before.",
    )
    async def create(
        self, data: JSONBody[ArticleCreate], services: Services, caller: CallerDep
    ) -> Response[Article]:
        """Extracts claims, actors and sources, and writes them in one transaction."""
        article, created = await service.ingest_one(
            services.graph, services.settings, services.http, data, caller.id
        )
        return Response(article, status_code=201 if created else 200)

    @get("/", guards=[requires(Permission.READ_INTERNAL)], summary="List articles, newest first")
    async def list(
        self,
        services: Services,
        cursor: FromQuery[str | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=100)] = 20,
    ) -> ArticlePage:
        """A page of articles; follow `next_cursor` for more."""
        return await service.list_articles(services.graph, cursor, limit)

    @get("/{article_id:str}", guards=[requires(Permission.READ_INTERNAL)], summary="Read an article")
    async def read(self, article_id: FromPath[str], services: Services) -> Article:
        """The article with its claims, actors and sources."""
        return await service.get_article(services.graph, article_id)
