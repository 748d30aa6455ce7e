"""Webhook secrets at rest: sealed with Fernet under the key(s) in the settings.

A sealed secret is stored as `fernet:<token>`. Rows written before a key was set hold the
secret as it was sent and are still read as is, so existing webhooks keep signing. Several
comma-separated keys may be set: the first seals, every one of them opens (key rotation).
Without a key, secrets are stored as sent and a warning is logged at start.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from factcheck.errors import FactcheckError
from factcheck.settings import Settings

__all__ = ["SEALED_PREFIX", "SecretBox", "SecretUnreadable", "warn_if_plain"]

SEALED_PREFIX = "fernet:"
log = logging.getLogger("factcheck.webhooks")


class SecretUnreadable(FactcheckError):
    """A stored secret is sealed, and no configured key opens it."""

    slug, title = "secret-unreadable", "Webhook secret cannot be read"


@dataclass(frozen=True, slots=True)
class SecretBox:
    """Seals and opens webhook secrets; `fernet` is None when no key is configured."""

    fernet: MultiFernet | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> SecretBox:
        """The box for `webhook_secret_key` (ValueError at start for a key that is not one)."""
        configured = settings.webhook_secret_key
        keys = [k.strip() for k in configured.get_secret_value().split(",")] if configured else []
        keys = [k for k in keys if k]
        return cls(MultiFernet([Fernet(k) for k in keys]) if keys else None)

    @property
    def seals(self) -> bool:
        """True when new secrets are encrypted."""
        return self.fernet is not None

    def seal(self, secret: str) -> str:
        """The value to store for `secret`: sealed when a key is set, else as given."""
        if self.fernet is None:
            return secret
        return SEALED_PREFIX + self.fernet.encrypt(secret.encode("utf-8")).decode("ascii")

    def open(self, stored: str) -> str:
        """The secret behind a stored value; SecretUnreadable when sealed and no key opens it."""
        if not stored.startswith(SEALED_PREFIX):
            return stored  # written before secrets were sealed
        if self.fernet is None:
            raise SecretUnreadable("the webhook secret is sealed and no webhook_secret_key is set")
        try:
            return self.fernet.decrypt(stored[len(SEALED_PREFIX) :].encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError):
            raise SecretUnreadable("no configured webhook_secret_key opens the webhook secret") from None


def warn_if_plain(box: SecretBox) -> None:
    """Logs once at start when new webhook secrets would be stored unencrypted."""
    if not box.seals:
        log.warning("FACTCHECK_WEBHOOK_SECRET_KEY is not set: webhook secrets are stored unencrypted")
