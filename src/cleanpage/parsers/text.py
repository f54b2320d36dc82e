"""Parser for pasted text: the text a person gets by selecting a page in a browser.

One non-blank line is one block.  Lines end at LF, CRLF, CR and the other breaks
``str.splitlines`` knows (vertical tab, form feed, the Unicode line and paragraph separators,
and the C0 file/group/record separators).  Tabs, no-break and other Unicode spaces become
plain spaces and runs of them collapse; blank lines only mark a boundary
(``Block.blank_before``).  A line starting with a bullet ("•", "·", "◦", "▪", "- ", "* ", "– ")
is a ``list_item``.  Control and invisible format characters (NUL from a bad copy, zero-width
spaces, a BOM) are dropped.
"""
from __future__ import annotations

import re

from ..decode import MAX_BLOCKS, too_many_blocks
from ..document import Block, Document, Span

# Control and format characters a paste should not carry (tabs are whitespace, handled by
# split()); zero-width spaces, bidi marks (U+061C, U+200E-F), embeddings and isolates
# (U+202A-E, U+2066-9) and
# the BOM are invisible and split words.  The
# zero-width non-joiner and joiner (U+200C, U+200D) stay: they are spelling in Persian
# ("می‌دهند"), Indic conjuncts and emoji sequences, and deleting them changes words.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_BULLET_CHARS = frozenset("•·◦▪▫‣⁃●○■□►▶✓✔-*–")
_new_tuple = tuple.__new__
_BULLET = re.compile(r"^(?:[•·◦▪▫‣⁃●○■□►▶✓✔]\s*|[-*–]\s+)")


def parse_text(text: str) -> Document:
    """Split pasted ``text`` (a decoded str) into line blocks.

    Returns:
        a Document with ``origin="text"``; each block's ``source`` gives the character offsets
        of its line in ``text`` (end exclusive, line end not included) and its 0-based line
        number.

    Raises:
        cleanpage.LimitError: more than :data:`cleanpage.decode.MAX_BLOCKS` non-blank lines.
    """
    blocks: list[Block] = []
    pos = 0
    blank = True  # the first block starts a paragraph
    for line_no, raw in enumerate(text.splitlines(keepends=True)):
        start = pos
        pos += len(raw)
        line = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        end = start + len(line)
        if not line.isprintable():  # tabs, NUL, zero-width spaces...
            line = _CONTROL.sub("", line)
            line = " ".join(line.split())
        elif "  " in line or not line.isascii():  # runs of spaces, no-break and other spaces
            line = " ".join(line.split())
        else:
            line = line.strip()
        if not line:
            blank = True
            continue
        if len(blocks) >= MAX_BLOCKS:
            raise too_many_blocks()
        kind = "list_item" if line[0] in _BULLET_CHARS and _BULLET.match(line) else "line"
        # tuple.__new__ skips the NamedTuple's Python-level constructor: a line costs less.
        span = _new_tuple(Span, (start, end, line_no, line_no))
        blocks.append(Block(len(blocks), line, kind, span, blank))
        blank = False
    return Document(blocks=blocks, origin="text")
