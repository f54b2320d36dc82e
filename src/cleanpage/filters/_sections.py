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
        sums.append(sums[-1] + (b.features.words if b.removal is None and b.features.prose else 0))
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
    dates = lex.any_date_words
    if "0" not in tokens or not all(t == "0" or t in dates for t in tokens):
        return False
    # Numbers alone ("#1", a phone number) are not a date: a month or weekday word, or a date
    # or time written with separators ("2025-05-16", "14.06.2025", "17:45"), must be there.
    return any(t != "0" for t in tokens) or _DATE_NUMBERS.search(b.text) is not None


def is_section_heading(b: Block, lex: Lexicons, inside_comments: bool = False) -> bool:
    """A heading that ends the section walked before it: a related heading, or a comment
    section head.  Inside a comment thread the thread's own stubs ("Reply", "Like") do not end
    it; a new head with a count ("12 comments") or a "thoughts on" head does."""
    f = b.features
    if f.words > 12 or f.prose:
        return False
    if f.norm in lex["related_headings"] or lex.prefix(f, "comment_prefixes") is not None:
        return True
    if f.norm in lex["comment_stubs"]:
        return not inside_comments or "0" in f.norm.split()
    return False


def walk(doc: Document, heading: int, lex: Lexicons, comments: bool = False,
         through_prose: bool = False) -> tuple[list[int], bool, int]:
    """Indices of the kept blocks in the section under ``doc.blocks[heading]``, whether the
    section runs to the end of the document (a terminal tail), and the index where it ends.
    With ``through_prose`` a run of prose does not end the section: under a head that names
    the post ("6 thoughts on “Title”"), the runs of prose are the comments themselves, and a
    paste often carries no timestamp between them (../shared/bench/pasted, a WordPress blog
    whose thread was kept after its first commenter's name)."""
    blocks = doc.blocks
    members: list[int] = []
    seen_timestamp = False
    n = len(blocks)
    for i in range(heading + 1, n):
        b = blocks[i]
        # The next section heading ends this one, removed already or not ("Comments" after
        # "Related" is its own section); so walks never overlap and stay linear together.
        if is_section_heading(b, lex, comments):
            return members, False, i
        if b.removal is not None:
            continue
        if is_timestamp(b, lex):
            seen_timestamp = True
        if b.features.prose and not seen_timestamp and not through_prose:
            j = i + 1
            while j < n and blocks[j].removal is not None:
                j += 1
            if j < n and blocks[j].features.prose:
                return members, False, i
        members.append(i)
    return members, True, n


def sections(doc: Document, heads: list[int], lex: Lexicons, min_prose_before: int | None,
             comments: bool = False, through_prose: frozenset[int] | set[int] = frozenset()):
    """Walk the section under each heading in ``heads`` (already judged by the caller); the
    sections under the heads in ``through_prose`` are walked across runs of prose (see
    :func:`walk`).

    Yields ``(index, heading_index, terminal)`` for each kept block of each section; a heading
    inside an earlier heading's section is not walked again, so walks never overlap and all of
    them together take one pass over the page.  Nothing is walked when
    ``min_prose_before`` is None or less prose than that precedes the heading.
    """
    if min_prose_before is None or not heads:
        return
    before = prose_prefix_sums(doc)
    covered = -1  # where the last walk ended: a heading before it lies in that section
    for h in heads:
        if h < covered or before[h] < min_prose_before:
            continue
        members, terminal, covered = walk(doc, h, lex, comments, h in through_prose)
        for i in members:
            yield i, h, terminal
