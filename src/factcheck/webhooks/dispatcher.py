"""The background task that sends due deliveries from the outbox.

Each pass claims a batch with a lease (one query; concurrent workers never claim the same
row), POSTs the batch concurrently, and records every outcome in one batched write. A worker
that dies mid-pass leaves its leases to expire, and those deliveries become due again, so
delivery is at least once: receivers dedupe on the delivery id. Once a minute a pass also
prunes delivered and dead rows older than `webhook_retention_days`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Collection
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from litestar.datastructures import State

from factcheck.graph.store import Graph
from factcheck.settings import Settings
from factcheck.webhooks import repository
from factcheck.webhooks.backoff import plan_outcome
from factcheck.webhooks.retention import prune_deliveries
from factcheck.webhooks.secrets import SecretBox, SecretUnreadable, warn_if_plain
from factcheck.webhooks.sender import Attempt, ClaimedDelivery, send

__all__ = ["Dispatcher", "start_dispatcher", "wake_dispatcher"]

log = logging.getLogger("factcheck.webhooks")
PRUNE_EVERY_S = 60.0


class Dispatcher:
    """Polls the outbox every `webhook_poll_s`, or at once after `wake()`."""

    def __init__(self, graph: Graph, http: httpx.AsyncClient, settings: Settings) -> None:
        self.graph = graph
        self.http = http
        self.settings = settings
        # A lease outlives the pass's own timeout, so a live worker keeps what it claimed.
        self.lease = timedelta(seconds=max(settings.webhook_lease_s, 2 * settings.webhook_timeout_s + 5))
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake = asyncio.Event()
        self._failing = False
        self.secrets = SecretBox.from_settings(settings)
        self._pruned_at = -PRUNE_EVERY_S  # monotonic time of the last prune: the first pass prunes

    @property
    def running(self) -> bool:
        """True while the background task runs."""
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Starts the background task on the running loop; does nothing when it runs already."""
        if self.running:
            return
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self._task = self._loop.create_task(self._run(), name="webhook-dispatcher")

    def wake(self) -> None:
        """Asks for a pass now instead of at the next poll; safe from any thread."""
        loop = self._loop
        if loop is not None and not loop.is_closed() and self.running:
            loop.call_soon_threadsafe(self._wake.set)

    async def stop(self) -> None:
        """Cancels the task and waits for it; leases of an interrupted pass simply expire."""
        task, self._task = self._task, None
        if task is None:
            return
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def run_once(self) -> int:
        """One pass: claim, send, record. Returns how many deliveries it handled."""
        token = uuid.uuid4().hex
        now = datetime.now(UTC)
        rows = await repository.claim_deliveries(
            self.graph, token, now, now + self.lease, self.settings.webhook_batch_size
        )
        if not rows:
            return 0
        batch = [ClaimedDelivery.from_row(row) for row in rows]
        allowed = self.settings.http_allowed_hosts
        timeout = self.settings.webhook_timeout_s
        attempts = await asyncio.gather(*(self._send(item, timeout, allowed) for item in batch))
        done = datetime.now(UTC)
        outcomes: list[dict[str, Any]] = [
            plan_outcome(
                item.id,
                item.attempts,
                attempt.ok,
                attempt.response_status,
                attempt.error,
                now=done,
                base_s=self.settings.webhook_backoff_base_s,
                cap_s=self.settings.webhook_backoff_cap_s,
                max_attempts=self.settings.webhook_max_attempts,
            )
            for item, attempt in zip(batch, attempts, strict=True)
        ]
        await repository.record_outcomes(self.graph, token, done, outcomes)
        return len(batch)

    async def _send(self, item: ClaimedDelivery, timeout_s: float, allowed: Collection[str]) -> Attempt:
        try:
            opened = replace(item, secret=self.secrets.open(item.secret))
        except SecretUnreadable as exc:
            return Attempt(ok=False, error=exc.detail)
        return await send(self.http, opened, timeout_s, allowed)

    async def prune(self) -> int:
        """Deletes delivered and dead rows past `webhook_retention_days`; returns how many."""
        self._pruned_at = time.monotonic()
        return await prune_deliveries(self.graph, datetime.now(UTC), self.settings.webhook_retention_days)

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            handled = await self._pass()
            if handled >= self.settings.webhook_batch_size:
                continue  # more may be due
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.settings.webhook_poll_s):
                    await self._wake.wait()

    async def _pass(self) -> int:
        try:
            handled = await self.run_once()
            if time.monotonic() - self._pruned_at >= PRUNE_EVERY_S:
                await self.prune()
        except Exception as exc:
            # Neo4j unreachable or a transient error: say so once, then keep polling.
            if not self._failing:
                log.warning("webhook dispatcher pass failed, will retry: %s: %s", type(exc).__name__, exc)
            self._failing = True
            return 0
        if self._failing:
            log.info("webhook dispatcher recovered")
            self._failing = False
        return handled


def start_dispatcher(
    app_state: State, graph: Graph, http: httpx.AsyncClient, settings: Settings
) -> Dispatcher:
    """Creates the app's dispatcher as `app_state.webhook_dispatcher`, started unless disabled."""
    dispatcher = Dispatcher(graph, http, settings)
    warn_if_plain(dispatcher.secrets)
    app_state.webhook_dispatcher = dispatcher
    if settings.webhook_dispatcher:
        dispatcher.start()
    return dispatcher


def wake_dispatcher(app_state: State) -> None:
    """Wakes the app's dispatcher, if it has one; call it after a commit that enqueued."""
    dispatcher = getattr(app_state, "webhook_dispatcher", None)
    if isinstance(dispatcher, Dispatcher):
        dispatcher.wake()
