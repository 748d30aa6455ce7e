"""Creates the first admin on a fresh install from `FACTCHECK_BOOTSTRAP_ADMIN_KEY`."""

from __future__ import annotations

import logging
import uuid

from factcheck.auth.keys import hash_key
from factcheck.auth.repository import create_bootstrap_admin
from factcheck.graph.store import Graph

__all__ = ["ensure_bootstrap_admin"]

log = logging.getLogger("factcheck.auth")


async def ensure_bootstrap_admin(graph: Graph, key: str) -> bool:
    """Creates an admin holding `key` while no admin exists; True when one was created."""
    created = await create_bootstrap_admin(graph, str(uuid.uuid4()), "bootstrap-admin", hash_key(key))
    if created:
        log.warning("created the bootstrap admin %s; create named admins and drop the key", created["id"])
    return created is not None
