"""Fixtures for the document tests."""

from tests.api.documents.support import seed_claim, site

__all__ = ["seed_claim", "site"]
