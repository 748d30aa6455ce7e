"""Removes characters that hide or rewrite what a reader sees: normalised away, never refused.

Claim and article text comes from web pages and from people; a stray control character is
not a reason to lose an article. So these are dropped, silently:

- NUL and every other C0 and C1 control character except `\\n` and `\\t` (`\\r` becomes `\\n`
  in `normalise_text` first);
- terminal escape sequences as a whole (CSI `ESC [ ... m`, OSC `ESC ] ... BEL`, and two-byte
  `ESC ( B`, `ESC c`), so no `[31m` debris is left behind;
- bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069), which can
  make a text display differently from what it says. The plain marks LRM, RLM and ALM stay:
  right-to-left text needs them and they cannot reorder anything.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

__all__ = ["CleanText", "strip_unsafe"]

_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC, up to its terminator
    r"|\x1b[ -/]*[0-~]"  # other escapes: ESC, intermediates, a final byte
)
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_unsafe(text: str) -> str:
    """`text` without control characters (but `\\n` and `\\t`), terminal escapes or bidi overrides."""
    if text.isprintable() or not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub("", _ESCAPES.sub("", text))


CleanText = Annotated[str, AfterValidator(strip_unsafe)]
"""A request string with `strip_unsafe` applied (length limits count the text as sent)."""
