"""Re-checks what a trace shows against the hashes recorded for it.

A document is intact when its stored bytes and text hash to the sha256s stored with it, and
those match the ones its creation event recorded. Evidence is intact when its excerpt is the
quoted document's text at its offsets and hashes as its creation event recorded. An event is
intact when it hashes to its own `hash`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from factcheck.audit.chain import event_hash

__all__ = ["document_problems", "event_problems", "evidence_problems", "recorded_data"]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def recorded_data(event: Mapping[str, Any]) -> dict[str, Any]:
    """An event's `data` as a dict; empty when it is absent or not a JSON object."""
    try:
        data = json.loads(str(event.get("data") or "{}"))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def document_problems(document: Mapping[str, Any], recorded: Mapping[str, Any] | None) -> list[str]:
    """Why the stored snapshot is not the one that was read; empty when it is."""
    problems: list[str] = []
    raw, text = document.get("raw"), document.get("text")
    if not isinstance(raw, bytes | bytearray):
        problems.append("the snapshot's bytes are missing")
    elif (actual := _sha256(bytes(raw))) != document.get("sha256"):
        problems.append(f"the stored bytes hash to {actual}, not to the recorded {document.get('sha256')}")
    if not isinstance(text, str):
        problems.append("the snapshot's text is missing")
    elif (actual := _sha256(text.encode("utf-8"))) != document.get("text_sha256"):
        recorded_text = document.get("text_sha256")
        problems.append(
            f"the stored text hashes to {actual}, not to the recorded text_sha256 {recorded_text}"
        )
    for key in ("sha256", "text_sha256"):
        if recorded and recorded.get(key) and recorded[key] != document.get(key):
            problems.append(f"the stored {key} differs from the {key} its creation event recorded")
    return problems


def evidence_problems(
    evidence: Mapping[str, Any], document_text: str | None, recorded: Mapping[str, Any] | None
) -> list[str]:
    """Why the excerpt is not what was quoted; empty when it is."""
    problems: list[str] = []
    excerpt, start, end = evidence.get("excerpt"), evidence.get("start"), evidence.get("end")
    if not isinstance(excerpt, str) or not isinstance(start, int) or not isinstance(end, int):
        return ["the excerpt or its offsets are missing"]
    if document_text is not None and document_text[start:end] != excerpt:
        problems.append("the excerpt is not the quoted document's text at start..end")
    expected = recorded.get("excerpt_sha256") if recorded else None
    if expected and _sha256(excerpt.encode("utf-8")) != expected:
        problems.append("the excerpt differs from the one its creation event recorded")
    return problems


def event_problems(event: Mapping[str, Any]) -> list[str]:
    """Why the event does not hash to its recorded hash; empty when it does."""
    if event_hash(str(event.get("prev_hash") or ""), event) != event.get("hash"):
        return ["the event's fields do not hash to its recorded hash"]
    return []
