"""The long-lived objects the lifespan owns, shared by every request."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from litestar.di import NamedDependency

from factcheck.auth.identity import KeyCache
from factcheck.graph.schema import MigrationStatus
from factcheck.graph.store import Graph
from factcheck.settings import Settings

__all__ = ["AppServices", "Services"]


@dataclass(slots=True)
class AppServices:
    """One graph handle and one HTTP client for the app's life."""

    settings: Settings
    graph: Graph
    http: httpx.AsyncClient
    schema: MigrationStatus
    key_cache: KeyCache


Services = NamedDependency[AppServices]
"""Handler parameter type for the injected `services`."""
