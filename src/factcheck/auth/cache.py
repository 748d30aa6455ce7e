"""The authenticated caller, and a short-lived cache of callers by key hash."""

from __future__ import annotations

import time
from dataclasses import dataclass

from factcheck.auth.roles import PERMISSIONS, Permission, Role

__all__ = ["CACHE_TTL_S", "Caller", "KeyCache"]

CACHE_TTL_S = 5.0


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

    def __init__(self, ttl_s: float = CACHE_TTL_S) -> None:
        self._ttl_s = ttl_s
        self._entries: dict[str, tuple[float, Caller]] = {}

    def get(self, key_hash: str) -> Caller | None:
        """The cached caller, or None when absent or expired."""
        entry = self._entries.get(key_hash)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]

    def put(self, key_hash: str, caller: Caller) -> None:
        """Remembers a caller until the TTL passes."""
        if len(self._entries) > 10_000:
            self._entries.clear()
        self._entries[key_hash] = (time.monotonic() + self._ttl_s, caller)

    def clear(self) -> None:
        """Forgets every key (after a user is disabled or a key rotated here)."""
        self._entries.clear()
