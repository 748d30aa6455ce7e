"""Fixtures: `flow` drives claims through the review workflow as the test users."""

from tests.api.workflow.support import flow

__all__ = ["flow"]
