"""`create_app()`: routes, the lifespan that owns the driver and HTTP client, error mapping."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar
from litestar.datastructures import State
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin, SwaggerRenderPlugin
from litestar.openapi.spec import Components, SecurityScheme

from factcheck import __version__
from factcheck.app_services import AppServices
from factcheck.auth.bootstrap import ensure_bootstrap_admin
from factcheck.auth.guards import provide_caller
from factcheck.auth.identity import KeyCache
from factcheck.body_guard import JsonBodyGuard
from factcheck.graph.queries import QueryCatalog, declared_queries
from factcheck.graph.schema import MigrationStatus
from factcheck.graph.store import Graph, create_driver
from factcheck.outbound import create_http_client
from factcheck.problems import exception_handlers
from factcheck.request_id import request_id_middleware
from factcheck.routes import ROUTE_HANDLERS
from factcheck.settings import Settings, get_settings
from factcheck.timestamps import TIMESTAMP_DECODERS, TimestampSchemaPlugin
from factcheck.webhooks.dispatcher import Dispatcher, start_dispatcher
from factcheck.workflow.diagram import workflow_mermaid_markdown

__all__ = ["create_app"]

log = logging.getLogger("factcheck")

API_DESCRIPTION = """
factcheck records what articles assert and by whom, drives the review of those claims to
published verdicts, and keeps a tamper-evident trail from every verdict to its evidence.

Errors are RFC 9457 `application/problem+json` documents.
"""


def provide_services(state: State) -> AppServices:
    """The lifespan's long-lived objects, injected into handlers as `services`."""
    services: AppServices = state.services
    return services


def _lifespan(settings: Settings) -> object:
    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        # Every route module is imported above, so every query the app can run is declared.
        queries = QueryCatalog.load(settings.cypher_dir / "queries", required=declared_queries())
        driver = create_driver(settings)
        http = create_http_client(settings)
        dispatcher: Dispatcher | None = None
        try:
            schema = MigrationStatus(driver, settings.cypher_dir, settings.neo4j_database)
            if settings.migrate_on_start and not await schema.ensure():
                log.warning("starting without a reachable Neo4j; /ready answers 503 until it is")
            graph = Graph(driver, queries, settings.neo4j_database)
            if settings.bootstrap_admin_key and schema.ready:
                await ensure_bootstrap_admin(graph, settings.bootstrap_admin_key.get_secret_value())
            app.state.services = AppServices(
                settings=settings, graph=graph, http=http, schema=schema, key_cache=KeyCache()
            )
            dispatcher = start_dispatcher(app.state, graph, http, settings)
            yield
        finally:
            if dispatcher is not None:
                await dispatcher.stop()  # before the client and driver it uses close
            await http.aclose()
            await driver.close()

    return lifespan


def create_app(settings: Settings | None = None) -> Litestar:
    """Builds the ASGI app; the graph and HTTP client open in its lifespan."""
    settings = settings or get_settings()
    return Litestar(
        route_handlers=ROUTE_HANDLERS,
        lifespan=[_lifespan(settings)],  # type: ignore[list-item]
        dependencies={
            "services": Provide(provide_services, sync_to_thread=False),
            "caller": Provide(provide_caller, sync_to_thread=False),
        },
        exception_handlers=exception_handlers,
        middleware=[request_id_middleware, JsonBodyGuard(settings.max_json_depth)],
        type_decoders=TIMESTAMP_DECODERS,
        plugins=[TimestampSchemaPlugin()],
        openapi_config=OpenAPIConfig(
            title="factcheck",
            version=__version__,
            description=API_DESCRIPTION + workflow_mermaid_markdown(),
            path="/schema",
            render_plugins=[ScalarRenderPlugin(), SwaggerRenderPlugin(path="/swagger")],
            components=Components(security_schemes={"apiKey": SecurityScheme(type="http", scheme="bearer")}),
        ),
    )
