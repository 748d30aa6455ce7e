"""Fixtures for webhook tests: a clean graph, a receiver, a graph handle, and quiet dispatchers.

The session app runs a dispatcher too. Tests that count or time deliveries stop it first
(`quiet_outbox`), so only the dispatcher under test touches the outbox, and start it again after.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from litestar.testing import AsyncTestClient
from neo4j import AsyncDriver

from factcheck.app import create_app
from factcheck.graph.queries import QueryCatalog
from factcheck.graph.store import Graph
from factcheck.outbound import create_http_client
from factcheck.settings import Settings
from factcheck.webhooks.dispatcher import Dispatcher
from tests.api.webhooks.receiver import Receiver, receive
from tests.api.webhooks.support import FAST, Client
from tests.conftest import bearer


async def remove_webhooks(driver: AsyncDriver) -> None:
    """Deletes every webhook, delivery and outbox lock, so no dispatcher finds work left over."""
    await driver.execute_query("MATCH (n) WHERE n:Webhook OR n:Delivery OR n:WebhookOutbox DETACH DELETE n")


@pytest.fixture(autouse=True)
async def webhook_graph(empty_graph: AsyncDriver) -> AsyncIterator[AsyncDriver]:
    """An empty graph; webhooks and deliveries are removed again after the test."""
    yield empty_graph
    await remove_webhooks(empty_graph)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with receive() as running:
        yield running


@pytest.fixture(scope="session")
def graph(driver: AsyncDriver, settings: Settings) -> Graph:
    """A graph handle on the test's own event loop (the apps run on their own)."""
    return Graph(driver, QueryCatalog.load(settings.cypher_dir / "queries"), settings.neo4j_database)


@pytest.fixture
async def quiet_outbox(client: Client, webhook_graph: AsyncDriver) -> AsyncIterator[None]:
    """Stops the session app's dispatcher for the test, and starts it again after.

    The test's deliveries are removed before it starts again, so it never races the cleanup.
    """
    dispatcher: Dispatcher = client.app.state.webhook_dispatcher
    with client.portal() as portal:
        portal.call(dispatcher.stop)
    yield
    await remove_webhooks(webhook_graph)
    with client.portal() as portal:
        portal.call(dispatcher.start)


@pytest.fixture
async def fast_client(
    settings: Settings, api_keys: dict[str, str], quiet_outbox: None
) -> AsyncIterator[Client]:
    """A second app whose dispatcher polls every 20 ms and retries after 25-200 ms, as an editor."""
    async with AsyncTestClient(app=create_app(settings.model_copy(update=FAST))) as test_client:
        test_client.headers.update(bearer(api_keys["editor"]))
        yield test_client


@pytest.fixture
async def make_dispatcher(
    graph: Graph, settings: Settings, quiet_outbox: None
) -> AsyncIterator[Callable[..., Dispatcher]]:
    """Builds dispatchers on the test's loop (settings overridable); stops and closes them after."""
    made: list[Dispatcher] = []

    def build(**overrides: Any) -> Dispatcher:
        tuned = settings.model_copy(update={**FAST, **overrides})
        dispatcher = Dispatcher(graph, create_http_client(tuned), tuned)
        made.append(dispatcher)
        return dispatcher

    yield build
    for dispatcher in made:
        await dispatcher.stop()
        await dispatcher.http.aclose()
