"""What a request tells Neo4j about itself: transaction metadata for the query log.

The app's request middleware sets the request id and the guard sets the acting user; every
transaction the graph handle opens while that request runs carries them, so Neo4j's query
log can be read next to the audit log.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

__all__ = ["start_request", "tag_transactions", "transaction_metadata"]

_METADATA: ContextVar[dict[str, Any] | None] = ContextVar("factcheck_tx_metadata", default=None)


def start_request(request_id: str) -> None:
    """Starts the metadata of a new request: its id, and nothing else yet."""
    _METADATA.set({"request_id": request_id})


def tag_transactions(**values: Any) -> None:
    """Adds `values` to the metadata of every transaction the current request opens from now on."""
    _METADATA.set({**(_METADATA.get() or {}), **values})


def transaction_metadata() -> dict[str, Any] | None:
    """The current request's transaction metadata, or None outside a request."""
    return _METADATA.get()
