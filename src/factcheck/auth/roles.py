"""Roles and what each may do: one table, read by the guard, the docs and the tests."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["PERMISSIONS", "Permission", "Role", "allowed"]


class Role(StrEnum):
    """Who a user is to the service."""

    READER = "reader"
    CHECKER = "checker"
    EDITOR = "editor"
    ADMIN = "admin"
    AUDITOR = "auditor"


class Permission(StrEnum):
    """What an endpoint needs."""

    READ_PUBLISHED = "read_published"  # published verdicts, ClaimReview, claim matching
    READ_INTERNAL = "read_internal"  # articles, claims, drafts, evidence, documents
    READ_AUDIT = "read_audit"  # claim histories, traces, chain verification
    WRITE = "write"  # ingest, add claims, evidence, drafts, transitions
    APPROVE = "approve"  # approve a verdict, assign others
    MANAGE_WEBHOOKS = "manage_webhooks"
    MANAGE_USERS = "manage_users"


_ALL = frozenset(Role)
_STAFF = frozenset({Role.CHECKER, Role.EDITOR, Role.ADMIN})

PERMISSIONS: dict[Permission, frozenset[Role]] = {
    Permission.READ_PUBLISHED: _ALL,
    Permission.READ_INTERNAL: _STAFF | {Role.AUDITOR},
    Permission.READ_AUDIT: frozenset({Role.EDITOR, Role.ADMIN, Role.AUDITOR}),
    Permission.WRITE: _STAFF,
    Permission.APPROVE: frozenset({Role.EDITOR, Role.ADMIN}),
    Permission.MANAGE_WEBHOOKS: frozenset({Role.EDITOR, Role.ADMIN}),
    Permission.MANAGE_USERS: frozenset({Role.ADMIN}),
}


def allowed(role: Role, permission: Permission) -> bool:
    """True when `role` holds `permission`."""
    return role in PERMISSIONS[permission]
