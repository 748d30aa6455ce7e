"""Pruning of finished outbox rows: delivered and dead deliveries past the retention period."""

from __future__ import annotations

from datetime import datetime, timedelta

from factcheck.graph.queries import query
from factcheck.graph.store import Graph

__all__ = ["PRUNE_BATCH", "prune_deliveries"]

PRUNE_DELIVERIES = query("webhooks/prune_deliveries")
PRUNE_BATCH = 10_000


async def prune_deliveries(
    graph: Graph, now: datetime, retention_days: float, limit: int = PRUNE_BATCH
) -> int:
    """Deletes, in one query, up to `limit` delivered or dead rows older than the retention; 0 keeps all."""
    if retention_days <= 0:
        return 0
    row = await graph.run_one(PRUNE_DELIVERIES, before=now - timedelta(days=retention_days), limit=limit)
    return int(row["pruned"]) if row else 0
