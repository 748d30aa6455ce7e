"""User management for the HTTP API and the CLI; every change appends an audit event.

Each change takes the audit head's lock first, so changes to users happen one at a time:
two admins cannot disable each other into having no admin, and two users cannot be
created with one name.
"""

from __future__ import annotations

import uuid
from typing import Any

from factcheck.audit.chain import AuditEvent, EventSubject, append_event, lock_chain
from factcheck.auth.keys import hash_key, new_key
from factcheck.auth.roles import Role
from factcheck.errors import Conflict, NotFound
from factcheck.graph.store import Graph, Row, Runner, Transaction
from factcheck.users import repository
from factcheck.users.schemas import User, UserWithKey

__all__ = ["CLI_ACTOR", "create_user", "list_users", "resolve_user", "rotate_key", "set_disabled"]

CLI_ACTOR = "cli"
"""The `user` recorded on audit events for changes made with the `factcheck users` command."""


def _user(row: Row) -> User:
    return User(
        id=row["id"],
        name=row["name"],
        role=Role(row["roles"][0]),
        disabled=row["disabled"],
        created_at=row["created_at"],
    )


async def _record(runner: Runner, actor: str, action: str, user: User) -> None:
    data: dict[str, Any] = {"name": user.name, "role": user.role.value, "disabled": user.disabled}
    await append_event(
        runner, AuditEvent(user=actor, action=action, subject=EventSubject("User", user.id), data=data)
    )


async def create_user(graph: Graph, actor: str, name: str, role: Role) -> UserWithKey:
    """Creates an enabled user; the key in the result is shown once. Conflict when the name is taken."""
    key, user_id = new_key(), str(uuid.uuid4())

    async def work(tx: Transaction) -> User:
        await lock_chain(tx)
        if any(row["name"] == name for row in await repository.find_users(tx, name)):
            raise Conflict(f"a user named {name!r} exists already", name=name)
        user = _user(await repository.create_user(tx, user_id, name, role.value, hash_key(key)))
        await _record(tx, actor, "user.create", user)
        return user

    user = await graph.transaction(work)
    return UserWithKey(**user.model_dump(), key=key)


async def list_users(graph: Graph) -> list[User]:
    """Every user, oldest first."""
    return [_user(row) for row in await repository.list_users(graph)]


async def resolve_user(graph: Graph, ref: str) -> User:
    """The one user whose id or name is `ref`; NotFound, or Conflict when a name is shared."""
    rows = await repository.find_users(graph, ref)
    by_id = [row for row in rows if row["id"] == ref]
    if by_id or len(rows) == 1:
        return _user((by_id or rows)[0])
    if not rows:
        raise NotFound(f"no user has the id or name {ref!r}")
    raise Conflict(f"{len(rows)} users are named {ref!r}; use an id")


async def set_disabled(graph: Graph, actor: str, user_id: str, disabled: bool) -> User:
    """Disables or re-enables a user.

    Raises:
        NotFound: no user has `user_id`.
        Conflict: the user is already in that state, or is the last enabled admin.
    """

    async def work(tx: Transaction) -> User:
        await lock_chain(tx)
        row = await repository.get_user(tx, user_id)
        if row is None:
            raise NotFound(f"no user has the id {user_id!r}")
        if row["disabled"] == disabled:
            raise Conflict(f"the user is already {'disabled' if disabled else 'enabled'}")
        if disabled and Role.ADMIN.value in row["roles"] and row["other_admins"] == 0:
            raise Conflict("this is the last enabled admin; create or enable another admin first")
        user = _user(await repository.update_user(tx, user_id, disabled=disabled))
        await _record(tx, actor, "user.disable" if disabled else "user.enable", user)
        return user

    return await graph.transaction(work)


async def rotate_key(graph: Graph, actor: str, user_id: str) -> UserWithKey:
    """Gives the user a new key (shown once); the old one stops working. NotFound when absent."""
    key = new_key()

    async def work(tx: Transaction) -> User:
        await lock_chain(tx)
        if await repository.get_user(tx, user_id) is None:
            raise NotFound(f"no user has the id {user_id!r}")
        user = _user(await repository.update_user(tx, user_id, key_hash=hash_key(key)))
        await _record(tx, actor, "user.rotate_key", user)
        return user

    user = await graph.transaction(work)
    return UserWithKey(**user.model_dump(), key=key)
