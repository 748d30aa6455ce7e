"""What a request to add DERIVED_FROM links sends."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ChainLabel", "DerivedFromCreate"]

ChainLabel = Literal["Evidence", "Document"]
"""The labels a DERIVED_FROM link joins (from an allowlist, never from request text)."""


class DerivedFromCreate(BaseModel):
    """Evidence or documents the node derives from, by id."""

    model_config = ConfigDict(extra="forbid")

    derived_from: list[str] = Field(min_length=1, max_length=50)
