"""User values quoted in error messages, shortened: a 100 KB ``--lang`` or a megabyte-long TOML
key must not be echoed whole, and a message must stay on one line."""
from __future__ import annotations

from typing import Any

#: Characters of a user value that an error message quotes before cutting it with '…'.
QUOTE_WIDTH = 60
#: The same for a file name: longer, as a real path is, but an argument of 100 KB that names no
#: file is still cut.
PATH_WIDTH = 300


def quoted(value: Any, width: int = QUOTE_WIDTH) -> str:
    """``repr(value)``, a string cut to its first ``width`` characters and '…' (the repr escapes
    line breaks and control characters, so the message stays one line)."""
    if isinstance(value, str):
        return repr(value if len(value) <= width else value[:width] + "…")
    text = repr(value)
    return text if len(text) <= width else text[:width] + "…"


def shown(text: str, width: int | None = None) -> str:
    """``text`` (a file name) as printed: control characters (an escape sequence in a name would
    reach the terminal) and lone surrogates written as escapes; with ``width``, cut to its first
    ``width`` characters and '…'."""
    if not text.isprintable():
        text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
    return text if width is None or len(text) <= width else text[:width] + "…"
