"""Walking a boilerplate section (related teasers, a comment thread) under its heading.

Shared by ``related`` and ``comments``: both find a section heading and must decide how far the
section runs.  The rules, forced by the seed paste (``../shared/examples``) and the golden cases
``golden/en/inline-related-box`` and ``golden/en/comments-link-above-article``:

* The section is only walked when at least ``min_prose_before`` words of prose precede the
  heading: a "Comments" or "Most read" link in the page header, above the article, is a label,
  not the start of a tail.
* Short blocks (teaser titles, sources, timestamps) always belong to the section.
* A prose block belongs to the section (a teaser summary, a comment) unless the article has
  resumed: no timestamp ("6 hours ago") was seen in the section and the next block is prose too.
  Article paragraphs come in runs; teaser summaries alternate with titles and timestamps.
"""
from __future__ import annotations

import re

from ..document import Block, Document
from ..lexicons import Lexicons


_DATE_NUMBERS = re.compile(r"\d[:./-]\d")


def prose_prefix_sums(doc: Document) -> list[int]:
    """``sums[i]`` = words in kept prose blocks before block ``i`` (one pass, so a page of many
    headings stays linear)."""
    sums = [0]
    for b in doc.blocks:
        sums.append(sums[-1] + (b.features.words if b.kept and b.features.prose else 0))
    return sums


def is_timestamp(b: Block, lex: Lexicons) -> bool:
    """A short line that is a relative time ("6 hours ago") or a date line ("November 19,
    2019 at 6:34 am": only numbers and ``date_words``, at least one number)."""
    f = b.features
    if f.words > 8:
        return False
    norm = f.norm
    if lex.prefix(f, "time_ago") is not None:
        return True
    tokens = norm.split()
    dates = lex["date_words"]
    if "0" not in tokens or not all(t == "0" or t in dates for t in tokens):
        return False
    # Numbers alone ("#1", a phone number) are not a date: a month or weekday word, or a date
    # or time written with separators ("2025-05-16", "14.06.2025", "17:45"), must be there.
    return any(t != "0" for t in tokens) or _DATE_NUMBERS.search(b.text) is not None


def is_section_heading(b: Block, lex: Lexicons) -> bool:
    """A related or comment section heading: the end of the section walked before it."""
    f = b.features
    if f.words > 12 or f.prose:
        return False
    return (
        f.norm in lex["related_headings"]
        or f.norm in lex["comment_stubs"]
        or lex.prefix(f, "comment_prefixes") is not None
    )


def walk(doc: Document, heading: int, lex: Lexicons) -> tuple[list[int], bool]:
    """Indices of the kept blocks in the section under ``doc.blocks[heading]``, and whether the
    section runs to the end of the document (a terminal tail)."""
    blocks = doc.blocks
    members: list[int] = []
    seen_timestamp = False
    n = len(blocks)
    # Walks end at the first resume and never overlap, so all walks together stay linear.
    for i in range(heading + 1, n):
        b = blocks[i]
        if not b.kept:
            continue
        if is_section_heading(b, lex):
            return members, False  # the next section ("Comments" after "Related") is its own
        if is_timestamp(b, lex):
            seen_timestamp = True
        if b.features.prose and not seen_timestamp:
            j = i + 1
            while j < n and not blocks[j].kept:
                j += 1
            if j < n and blocks[j].features.prose:
                return members, False
        members.append(i)
    return members, True


def sections(doc: Document, heads: list[int], lex: Lexicons, min_prose_before: int | None):
    """Walk the section under each heading in ``heads`` (already judged by the caller).

    Yields ``(index, heading_index, terminal)`` for each kept block of each section; a heading
    inside an earlier heading's section is not walked again.  Nothing is walked when
    ``min_prose_before`` is None or less prose than that precedes the heading.
    """
    if min_prose_before is None or not heads:
        return
    before = prose_prefix_sums(doc)
    claimed: set[int] = set()
    for h in heads:
        if h in claimed or before[h] < min_prose_before:
            continue
        members, terminal = walk(doc, h, lex)
        for i in members:
            if i not in claimed:
                claimed.add(i)
                yield i, h, terminal
