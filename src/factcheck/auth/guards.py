"""`requires(permission)`: the guard every endpoint declares.

The guard reads `Authorization: Bearer <key>`, finds the user by the key's hash (cached for a
few seconds per process), and checks the role table. The caller lands in `request.user`, and
handlers receive it as `caller: CallerDep`.
"""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.di import NamedDependency
from litestar.handlers.base import BaseRouteHandler
from litestar.types import Guard

from factcheck.app_services import AppServices, Services
from factcheck.auth.identity import Caller
from factcheck.auth.keys import hash_key
from factcheck.auth.repository import find_user_by_key_hash
from factcheck.auth.roles import PERMISSIONS, Permission, Role
from factcheck.errors import Forbidden, Unauthenticated
from factcheck.graph.context import tag_transactions

__all__ = ["CallerDep", "authenticate", "provide_caller", "requires"]


def _bearer_key(connection: ASGIConnection[Any, Any, Any, Any]) -> str:
    header = connection.headers.get("authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise Unauthenticated("send an API key as `Authorization: Bearer <key>`")
    return key.strip()


async def authenticate(connection: ASGIConnection[Any, Any, Any, Any]) -> Caller:
    """The caller behind the request's key; raises Unauthenticated for a missing or bad key."""
    if isinstance(connection.scope.get("user"), Caller):
        return connection.scope["user"]  # type: ignore[no-any-return]
    services: AppServices = connection.app.state.services
    key_hash = hash_key(_bearer_key(connection))
    caller = services.key_cache.get(key_hash)
    if caller is None:
        row = await find_user_by_key_hash(services.graph, key_hash)
        if row is None:
            raise Unauthenticated("the API key is unknown or its user is disabled")
        caller = Caller(id=row["id"], name=row["name"], role=Role(row["roles"][0]))
        services.key_cache.put(key_hash, caller)
    connection.scope["user"] = caller
    tag_transactions(user=caller.id)
    return caller


def requires(permission: Permission) -> Guard:
    """A guard that admits callers whose role holds `permission` (401 / 403 otherwise)."""

    async def guard(connection: ASGIConnection[Any, Any, Any, Any], _: BaseRouteHandler) -> None:
        caller = await authenticate(connection)
        if not caller.may(permission):
            roles = ", ".join(sorted(PERMISSIONS[permission]))
            raise Forbidden(f"the role {caller.role.value!r} may not do this; it needs one of: {roles}")

    guard.__name__ = f"requires_{permission.value}"
    return guard


def provide_caller(request: ASGIConnection[Any, Any, Any, Any], services: Services) -> Caller:
    """The caller the guard authenticated.

    It takes `services`, which it does not use, so that Litestar resolves the two dependencies
    one after the other: two independent ones would cost a task group on every request.
    """
    user = request.scope.get("user")
    if not isinstance(user, Caller):
        raise Unauthenticated("this endpoint needs an API key")
    return user


CallerDep = NamedDependency[Caller]
"""Handler parameter type for the injected `caller`."""
