"""Who is calling: the authenticated caller, and a short-lived cache of callers by key hash.

A leaf module: it imports only the role table, so anything may import it.
"""

from __future__ import annotations

from dataclasses import dataclass

from cachetools import TTLCache

from factcheck.auth.roles import PERMISSIONS, Permission, Role

__all__ = ["CACHE_TTL_S", "Caller", "KeyCache"]

CACHE_TTL_S = 5.0
CACHE_SIZE = 10_000


@dataclass(frozen=True, slots=True)
class Caller:
    """The authenticated user of a request."""

    id: str
    name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        """True when this caller's role holds `permission`."""
        return self.role in PERMISSIONS[permission]


class KeyCache:
    """Key hash -> caller, for a few seconds; a disabled key stops working within the TTL."""

    def __init__(self, ttl_s: float = CACHE_TTL_S, size: int = CACHE_SIZE) -> None:
        self._entries: TTLCache[str, Caller] = TTLCache(maxsize=size, ttl=ttl_s)

    def get(self, key_hash: str) -> Caller | None:
        """The cached caller, or None when absent or expired."""
        return self._entries.get(key_hash)

    def put(self, key_hash: str, caller: Caller) -> None:
        """Remembers a caller until the TTL passes (the oldest entries go first when full)."""
        self._entries[key_hash] = caller

    def clear(self) -> None:
        """Forgets every key (after a user is disabled or a key rotated here)."""
        self._entries.clear()
