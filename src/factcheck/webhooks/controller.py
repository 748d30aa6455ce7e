"""`/webhooks`: register, list, read and deactivate webhooks, and page through deliveries."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, delete, get, post
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from factcheck.app_services import Services
from factcheck.auth.guards import CallerDep, requires
from factcheck.auth.roles import Permission
from factcheck.webhooks import service
from factcheck.webhooks.schemas import DeliveryPage, DeliveryStatus, Webhook, WebhookCreate, WebhookList
from factcheck.webhooks.secrets import SecretBox

__all__ = ["WebhookController"]


class WebhookController(Controller):
    """Signed webhooks for newsrooms (editors and admins)."""

    path = "/webhooks"
    tags = ["webhooks"]

    @post(
        "/",
        guards=[requires(Permission.MANAGE_WEBHOOKS)],
        summary="Register a webhook",
        description="201 with the webhook. The secret is never returned; `secret_hint` is its "
        "last four characters. 422 when the URL is not http(s) on a public address.",
    )
    async def create(self, data: JSONBody[WebhookCreate], services: Services, caller: CallerDep) -> Webhook:
        """Registers an active webhook for the given events."""
        settings = services.settings
        return await service.register(
            services.graph, caller.id, data, settings.http_allowed_hosts, SecretBox.from_settings(settings)
        )

    @get("/", guards=[requires(Permission.MANAGE_WEBHOOKS)], summary="List webhooks, newest first")
    async def list(self, services: Services, include_inactive: FromQuery[bool] = False) -> WebhookList:
        """Active webhooks; deactivated ones too with `include_inactive=true`."""
        return WebhookList(items=await service.list_webhooks(services.graph, include_inactive))

    @get("/{webhook_id:str}", guards=[requires(Permission.MANAGE_WEBHOOKS)], summary="Read a webhook")
    async def read(self, webhook_id: FromPath[str], services: Services) -> Webhook:
        """The webhook, active or deactivated."""
        return await service.get_webhook(services.graph, webhook_id)

    @delete(
        "/{webhook_id:str}",
        guards=[requires(Permission.MANAGE_WEBHOOKS)],
        summary="Deactivate a webhook",
        description="204. Pending deliveries are cancelled; 409 when already deactivated.",
    )
    async def deactivate(self, webhook_id: FromPath[str], services: Services, caller: CallerDep) -> None:
        """Stops all further deliveries to the webhook."""
        await service.deactivate(services.graph, caller.id, webhook_id)

    @get(
        "/{webhook_id:str}/deliveries",
        guards=[requires(Permission.MANAGE_WEBHOOKS)],
        summary="List a webhook's deliveries, newest first",
    )
    async def deliveries(
        self,
        webhook_id: FromPath[str],
        services: Services,
        status: FromQuery[DeliveryStatus | None] = None,
        cursor: FromQuery[str | None] = None,
        limit: Annotated[int, QueryParameter(ge=1, le=100)] = 20,
    ) -> DeliveryPage:
        """Each delivery's status, attempts, last error and payload; follow `next_cursor` for more."""
        return await service.list_deliveries(services.graph, webhook_id, status, cursor, limit)
