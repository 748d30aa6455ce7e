"""The error the extractors raise.

Exception
└── ExtractorError   an extractor could not produce a result (HTTP error,
                     unreadable or invalid reply from a language model)
"""

from __future__ import annotations

__all__ = ["ExtractorError"]


class ExtractorError(Exception):
    """Raised when an extractor cannot produce an :class:`Extraction`."""
