"""Named queries over users. Writes run inside the caller's transaction."""

from __future__ import annotations

from neo4j import AsyncManagedTransaction

from factcheck.graph.queries import query
from factcheck.graph.store import Graph, Row

__all__ = ["create_user", "find_users", "get_user", "list_users", "lock_audit_head", "update_user"]

LOCK_AUDIT_HEAD = query("audit/lock_head")
CREATE_USER = query("auth/create_user")
FIND_USERS = query("users/find_users")
GET_USER = query("users/get_user")
LIST_USERS = query("users/list_users")
UPDATE_USER = query("users/update_user")


async def lock_audit_head(graph: Graph, tx: AsyncManagedTransaction) -> None:
    """Serialises user changes behind the audit chain's head lock, for the rest of the transaction."""
    await graph.run_in(tx, LOCK_AUDIT_HEAD)


async def find_users(graph: Graph, ref: str, tx: AsyncManagedTransaction | None = None) -> list[Row]:
    """Users whose id or name is `ref`."""
    if tx is None:
        return await graph.read(FIND_USERS, ref=ref)
    return await graph.run_in(tx, FIND_USERS, ref=ref)


async def list_users(graph: Graph) -> list[Row]:
    """Every user, oldest first."""
    return await graph.read(LIST_USERS)


async def create_user(
    graph: Graph, tx: AsyncManagedTransaction, user_id: str, name: str, role: str, key_hash: str
) -> Row:
    """Creates an enabled user with one role."""
    rows = await graph.run_in(tx, CREATE_USER, id=user_id, name=name, roles=[role], key_hash=key_hash)
    return rows[0]


async def get_user(graph: Graph, tx: AsyncManagedTransaction, user_id: str) -> Row | None:
    """The user with `other_admins`, the count of other enabled admins; None when absent."""
    rows = await graph.run_in(tx, GET_USER, id=user_id)
    return rows[0] if rows else None


async def update_user(
    graph: Graph,
    tx: AsyncManagedTransaction,
    user_id: str,
    *,
    disabled: bool | None = None,
    key_hash: str | None = None,
) -> Row:
    """Sets `disabled` and/or `key_hash` where given."""
    rows = await graph.run_in(tx, UPDATE_USER, id=user_id, disabled=disabled, key_hash=key_hash)
    return rows[0]
