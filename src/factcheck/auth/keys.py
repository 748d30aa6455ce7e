"""API keys: random, shown once, stored only as a sha256 hash."""

from __future__ import annotations

import hashlib
import secrets

__all__ = ["KEY_PREFIX", "hash_key", "new_key"]

KEY_PREFIX = "fck_"


def new_key() -> str:
    """A fresh key with 256 bits of randomness."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    """The hex sha256 stored in the graph. Keys are random, so a slow hash adds nothing."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
