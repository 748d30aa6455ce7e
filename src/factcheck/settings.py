"""Configuration from environment variables (see `.env.example`)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["PROJECT_ROOT", "Settings", "get_settings"]

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    """All settings of the service. `FACTCHECK_*` variables, plus the standard `NEO4J_*` ones."""

    model_config = SettingsConfigDict(
        env_prefix="FACTCHECK_", env_file=".env", extra="ignore", populate_by_name=True
    )

    neo4j_uri: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_URI", "neo4j_uri"))
    neo4j_user: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_USER", "neo4j_user"))
    neo4j_password: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("NEO4J_PASSWORD", "neo4j_password")
    )
    neo4j_database: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE", "neo4j_database")
    )

    # The locally provisioned Neo4j, used when NEO4J_URI is not set.
    local_neo4j_port: int = 7687
    local_neo4j_home: Path = Path(".factcheck/neo4j")
    neo4j_cache_dir: Path = Path.home() / ".cache" / "factcheck" / "neo4j"
    local_neo4j_heap_mb: int = 512
    local_neo4j_pagecache_mb: int = 128
    local_neo4j_start_timeout_s: float = 120.0

    cypher_dir: Path = PROJECT_ROOT / "cypher"
    migrate_on_start: bool = True

    host: str = "127.0.0.1"
    port: int = 8000

    # Outbound HTTP (article URLs, evidence documents, webhooks).
    http_timeout_s: float = 10.0
    http_max_bytes: int = 5_000_000
    http_max_redirects: int = 5
    http_allowed_hosts: list[str] = Field(default_factory=list)
    user_agent: str = "factcheck/0.1 (+https://github.com/factcheck)"

    max_article_bytes: int = 1_000_000
    # JSON request bodies nested deeper than this are refused (400) before they are decoded.
    max_json_depth: int = Field(default=64, ge=4, le=1000)

    # Webhooks: the outbox dispatcher's poll interval, retry backoff, attempt limit and timeouts.
    webhook_dispatcher: bool = True  # false: this process delivers nothing (another one does)
    webhook_poll_s: float = Field(default=1.0, gt=0)
    webhook_backoff_base_s: float = Field(default=5.0, gt=0)
    webhook_backoff_cap_s: float = Field(default=3600.0, gt=0)
    webhook_max_attempts: int = Field(default=8, ge=1)
    webhook_timeout_s: float = Field(default=5.0, gt=0)
    webhook_lease_s: float = Field(default=60.0, gt=0)
    webhook_batch_size: int = Field(default=16, ge=1, le=500)
    # Fernet key(s) sealing webhook secrets at rest; comma-separated, the first seals (rotation).
    webhook_secret_key: SecretStr | None = None
    # Delivered and dead outbox rows older than this are pruned by the dispatcher (0 keeps them).
    webhook_retention_days: float = Field(default=30.0, ge=0)

    # Evidence chains deeper than this are cut in a trace, which then says where (at most 32).
    trace_max_depth: int = Field(default=10, ge=1, le=32)

    # `factcheck ingest`: articles per write transaction, and processes preparing the next batch
    # (rule-based extraction of text and HTML) while one is written; 1 drafts in-process.
    ingest_batch_size: int = Field(default=50, ge=1, le=5000)
    ingest_workers: int = Field(default_factory=lambda: min(os.cpu_count() or 1, 8), ge=1, le=64)
    # `factcheck ingest` links new claims to earlier ones (SAME_AS, SIMILAR_TO) as it writes them;
    # off for a bulk backfill it makes about a third faster (POST /articles always links).
    ingest_lineage: bool = True

    # How published verdicts name and link their publisher (ClaimReview `author` and `url`).
    public_base_url: str = "http://127.0.0.1:8000"
    org_name: str = "factcheck"
    org_url: str | None = None

    # Claim extraction: "rules" (built in, offline) or "llm" (an OpenAI-compatible chat endpoint).
    extractor: Literal["rules", "llm"] = "rules"
    llm_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = 60.0

    # A key for the first admin, created at start while no admin exists (see README).
    bootstrap_admin_key: SecretStr | None = None

    @property
    def uses_local_neo4j(self) -> bool:
        """True when no external server is configured and the CLI provisions one itself."""
        return not self.neo4j_uri

    @property
    def bolt_uri(self) -> str:
        """The URI the driver connects to."""
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.local_neo4j_port}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
