"""Every controller of the API, in one list."""

from __future__ import annotations

from litestar.types import ControllerRouterHandler

from factcheck.actors.controller import ActorController, SourceController
from factcheck.articles.controller import ArticleController
from factcheck.audit.controller import AuditController
from factcheck.claims.controller import ClaimController
from factcheck.documents.controller import DocumentController
from factcheck.evidence.controller import EvidenceController
from factcheck.lineage.controller import LineageController
from factcheck.newsroom.controller import ClaimReviewImportController, NewsroomController
from factcheck.system.controller import SystemController
from factcheck.trace.controller import TraceController
from factcheck.users.controller import UserController
from factcheck.verdicts.controller import VerdictController
from factcheck.webhooks.controller import WebhookController
from factcheck.workflow.controller import WorkflowController

__all__ = ["ROUTE_HANDLERS"]

ROUTE_HANDLERS: list[ControllerRouterHandler] = [
    SystemController,
    ArticleController,
    ClaimController,
    LineageController,
    ActorController,
    SourceController,
    NewsroomController,
    ClaimReviewImportController,
    WorkflowController,
    VerdictController,
    AuditController,
    UserController,
    DocumentController,
    EvidenceController,
    TraceController,
    WebhookController,
]
