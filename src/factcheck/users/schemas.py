"""User request and response shapes. Key hashes never leave the graph."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from factcheck.auth.roles import Role

__all__ = ["User", "UserCreate", "UserList", "UserWithKey"]


class UserCreate(BaseModel):
    """A new user with one role."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=100, pattern=r"^\w[\w .@'-]*$")
    role: Role


class User(BaseModel):
    """A user, without their key."""

    id: str
    name: str
    role: Role
    disabled: bool
    created_at: str | None = None


class UserWithKey(User):
    """A user with their new API key, shown this once; only its hash is stored."""

    key: str


class UserList(BaseModel):
    """Every user, oldest first."""

    items: list[User]
