"""Parser for pasted text: the text a person gets by selecting a page in a browser.

One non-blank line is one block.  Line ends may be LF, CRLF, CR, or the Unicode line and
paragraph separators; tabs, no-break and other Unicode spaces become plain spaces and runs of them
collapse; blank lines only mark a boundary (``Block.blank_before``).  A line starting with a
bullet ("•", "·", "◦", "▪", "- ", "* ", "– ") is a ``list_item``.  Control characters other than
line ends are dropped (NUL bytes from a bad copy, form feeds).
"""
from __future__ import annotations

import re

from ..document import Block, Document, Span

# Every line-end convention str.splitlines knows, except that it would also split on \x1c-\x1e
# (file/group/record separators), which we drop as control characters instead.
_LINE_END = re.compile(r"\r\n|[\n\r\v\f\x85\u2028\u2029]")
# Control and format characters a paste should not carry; tabs become spaces below.  Zero-width
# spaces/joiners and the BOM go too: they are invisible and split words for no reason.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b\u200e\u200f\u2060\ufeff]")
_SPACE = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BULLET = re.compile(r"^(?:[•·◦▪▫‣⁃●○■□►▶✓✔]\s*|[-*–]\s+)")


def parse_text(text: str) -> Document:
    """Split pasted ``text`` (a decoded str) into line blocks.

    Returns:
        a Document with ``origin="text"``; each block's ``source`` gives the character offsets
        of its line in ``text`` and its 0-based line number.
    """
    blocks: list[Block] = []
    pos = 0
    line_no = 0
    blank = False
    for m in _LINE_END.finditer(text + "\n"):
        start, end = pos, m.start()
        raw = text[start:end]
        pos = m.end()
        line = _SPACE.sub(" ", _CONTROL.sub("", raw)).strip()
        if line:
            kind = "list_item" if _BULLET.match(line) else "line"
            blocks.append(
                Block(
                    index=len(blocks),
                    text=line,
                    kind=kind,
                    source=Span(start, end, line_no, line_no),
                    blank_before=blank or not blocks,
                )
            )
            blank = False
        else:
            blank = True
        line_no += 1
    return Document(blocks=blocks, origin="text")
