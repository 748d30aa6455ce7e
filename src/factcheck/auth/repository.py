"""User lookups and writes."""

from __future__ import annotations

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner

__all__ = ["create_bootstrap_admin", "create_user", "find_user_by_key_hash"]

FIND_USER_BY_KEY = query("auth/find_user_by_key")
CREATE_USER = query("auth/create_user")
CREATE_BOOTSTRAP_ADMIN = query("auth/create_bootstrap_admin")


async def find_user_by_key_hash(runner: Runner, key_hash: str) -> Row | None:
    """The enabled user with this key hash; None when there is none."""
    return await runner.run_one(FIND_USER_BY_KEY, key_hash=key_hash)


async def create_bootstrap_admin(runner: Runner, user_id: str, name: str, key_hash: str) -> Row | None:
    """Creates the first admin; None when an admin already exists."""
    return await runner.run_one(CREATE_BOOTSTRAP_ADMIN, id=user_id, name=name, key_hash=key_hash)


async def create_user(runner: Runner, user_id: str, name: str, role: str, key_hash: str) -> Row:
    """Creates an enabled user with one role; returns it without the key hash."""
    row = await runner.run_one(CREATE_USER, id=user_id, name=name, roles=[role], key_hash=key_hash)
    assert row is not None
    return row
