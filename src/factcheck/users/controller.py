"""`/users`: admin-only user management. A new or rotated key is shown once."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import FromPath, JSONBody

from factcheck.app_services import Services
from factcheck.auth.guards import CallerDep, requires
from factcheck.auth.roles import Permission
from factcheck.users import service
from factcheck.users.schemas import User, UserCreate, UserList, UserWithKey

__all__ = ["UserController"]


class UserController(Controller):
    """Users, their roles and their API keys."""

    path = "/users"
    tags = ["users"]

    @post(
        "/",
        guards=[requires(Permission.MANAGE_USERS)],
        summary="Create a user",
        description="201 with the user and their key, shown only here.",
    )
    async def create(self, data: JSONBody[UserCreate], services: Services, caller: CallerDep) -> UserWithKey:
        """Creates an enabled user with one role; 409 when the name is taken."""
        return await service.create_user(services.graph, caller.id, data.name, data.role)

    @get("/", guards=[requires(Permission.MANAGE_USERS)], summary="List users")
    async def list(self, services: Services) -> UserList:
        """Every user, oldest first, without keys."""
        return UserList(items=await service.list_users(services.graph))

    @post(
        "/{user_id:str}/disable",
        guards=[requires(Permission.MANAGE_USERS)],
        summary="Disable a user",
        status_code=200,
    )
    async def disable(self, user_id: FromPath[str], services: Services, caller: CallerDep) -> User:
        """The user's key stops working at once; 409 for the last enabled admin."""
        user = await service.set_disabled(services.graph, caller.id, user_id, disabled=True)
        services.key_cache.clear()
        return user

    @post(
        "/{user_id:str}/enable",
        guards=[requires(Permission.MANAGE_USERS)],
        summary="Enable a disabled user",
        status_code=200,
    )
    async def enable(self, user_id: FromPath[str], services: Services, caller: CallerDep) -> User:
        """The user's key works again."""
        return await service.set_disabled(services.graph, caller.id, user_id, disabled=False)

    @post(
        "/{user_id:str}/rotate",
        guards=[requires(Permission.MANAGE_USERS)],
        summary="Give a user a new key",
        status_code=200,
    )
    async def rotate(self, user_id: FromPath[str], services: Services, caller: CallerDep) -> UserWithKey:
        """The old key stops working at once; the new one is shown only here."""
        user = await service.rotate_key(services.graph, caller.id, user_id)
        services.key_cache.clear()
        return user
