"""The language of an article's text, by py3langid, when no one named it."""

from __future__ import annotations

import functools
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier

__all__ = ["detect_language"]

_MIN_CHARS = 40
_MIN_CONFIDENCE = 0.9


@functools.cache
def _identifier() -> Any:
    """The detector, loaded once (about two seconds)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when the text is too short or unclear."""
    if len(text.strip()) < _MIN_CHARS:
        return None
    language, confidence = _identifier().classify(text)
    return str(language) if float(confidence) >= _MIN_CONFIDENCE else None
