"""Named queries over users. Writes run inside the caller's transaction."""

from __future__ import annotations

from factcheck.graph.queries import query
from factcheck.graph.store import Row, Runner

__all__ = ["create_user", "find_users", "get_user", "list_users", "update_user"]

CREATE_USER = query("auth/create_user")
FIND_USERS = query("users/find_users")
GET_USER = query("users/get_user")
LIST_USERS = query("users/list_users")
UPDATE_USER = query("users/update_user")


async def find_users(runner: Runner, ref: str) -> list[Row]:
    """Users whose id or name is `ref`."""
    return await runner.run(FIND_USERS, ref=ref)


async def list_users(runner: Runner) -> list[Row]:
    """Every user, oldest first."""
    return await runner.run(LIST_USERS)


async def create_user(runner: Runner, user_id: str, name: str, role: str, key_hash: str) -> Row:
    """Creates an enabled user with one role."""
    rows = await runner.run(CREATE_USER, id=user_id, name=name, roles=[role], key_hash=key_hash)
    return rows[0]


async def get_user(runner: Runner, user_id: str) -> Row | None:
    """The user with `other_admins`, the count of other enabled admins; None when absent."""
    rows = await runner.run(GET_USER, id=user_id)
    return rows[0] if rows else None


async def update_user(
    runner: Runner,
    user_id: str,
    *,
    disabled: bool | None = None,
    key_hash: str | None = None,
) -> Row:
    """Sets `disabled` and/or `key_hash` where given."""
    rows = await runner.run(UPDATE_USER, id=user_id, disabled=disabled, key_hash=key_hash)
    return rows[0]
