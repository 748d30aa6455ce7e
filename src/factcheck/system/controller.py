"""`GET /health` and `GET /ready`."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from factcheck.app_services import Services
from factcheck.graph.queries import query
from factcheck.problems import problem_response

__all__ = ["SystemController"]

CHECK_READY = query("system/check_ready")


class SystemController(Controller):
    """Process and dependency checks for load balancers and orchestrators."""

    tags = ["system"]

    @get("/health", summary="The process is up", cache=False)
    async def health(self) -> dict[str, str]:
        """Always 200 while the process serves requests."""
        return {"status": "ok"}

    @get("/ready", summary="Neo4j answers and the schema is migrated", cache=False)
    async def ready(self, request: Request[Any, Any, Any], services: Services) -> Response[Any]:
        """200 when Neo4j answers and every migration is applied; 503 problem+json otherwise."""
        schema = services.schema
        try:
            await services.graph.driver.verify_connectivity()
            if not schema.ready:
                await schema.ensure()
            row = await services.graph.run_one(CHECK_READY)
        except (ServiceUnavailable, SessionExpired, Neo4jError, OSError) as exc:
            return problem_response(request, 503, "not-ready", "Not ready", f"Neo4j is not reachable: {exc}")
        applied = int(row["applied"]) if row else 0
        if not schema.ready or applied < schema.expected:
            detail = schema.problem or f"{applied} of {schema.expected} migrations applied"
            return problem_response(request, 503, "not-ready", "Not ready", detail)
        return Response({"status": "ready", "migrations": applied})
