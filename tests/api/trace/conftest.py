"""Fixtures for the trace tests."""

from tests.api.documents.support import seed_claim, site

__all__ = ["seed_claim", "site"]
