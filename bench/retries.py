"""Counts the driver's transaction retries (deadlocks and other transient errors) in a process.

The driver logs each retry as a warning on the `neo4j` logger; the bench counts them instead
of printing them, and reports the count with the round.
"""

from __future__ import annotations

import logging

__all__ = ["RETRY_TEXT", "RetryCounter", "install"]

RETRY_TEXT = "will be retried"


class RetryCounter(logging.Handler):
    """A logging handler that counts retry warnings and drops everything else."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if RETRY_TEXT in record.getMessage():
            self.count += 1


def install() -> RetryCounter:
    """Routes the `neo4j` logger's warnings to a new counter (and nowhere else)."""
    counter = RetryCounter()
    logger = logging.getLogger("neo4j")
    logger.handlers = [counter]
    logger.propagate = False
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return counter
