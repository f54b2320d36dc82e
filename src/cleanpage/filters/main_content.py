"""``main_content``: keep the region of running text; drop what lies before and after it."""
from __future__ import annotations

from ..document import Verdict
from ..features import is_prose
from . import Filter


class MainContent(Filter):
    """Finds the main content as the densest region of prose and removes blocks outside it.

    Each block scores its word count when it is prose (see :func:`cleanpage.features.is_prose`)
    and ``-short_penalty`` when it is a short line or was already removed by a phrase filter;
    blank lines score nothing.  The region is the contiguous run of blocks with the highest total
    (the maximum-subarray idea of Finn, Kushmerick & Smyth 2001, "Fact or fiction: content
    classification for digital libraries", whose body-text extraction maximises text tokens
    inside and tags outside; here short lines play the tags).  A heading directly above the
    region's first block, with no blank line between, is the article's title and is kept (the
    seed paste's first line).

    When no region scores above zero (a page of short lines: a list, a poem, a menu-only page)
    nothing is removed: an empty result would lose the page.

    Reasons: ``before_content`` and ``after_content``; the evidence names the region's lines.

    Options:
        short_penalty (float): score of a non-prose block (default 6.0, chosen on
            ``../shared/bench/pasted``: 2 keeps menus between paragraphs, 8 starts cutting
            articles whose paragraphs are split by one-line sub-headings and images).
    """

    name = "main_content"
    reasons = ("before_content", "after_content")
    defaults = {"short_penalty": 6.0}
    summary = "keep the densest region of running text; drop what lies before and after it"

    def judge(self, doc, lex):
        blocks = doc.blocks
        pen = float(self.short_penalty)
        best, best_a, best_b = 0.0, 0, 0
        cur, start = 0.0, 0
        for i, b in enumerate(blocks):
            f = b.features
            score = f.words if b.kept and is_prose(f) else -pen
            if cur <= 0:
                cur, start = 0.0, i
            cur += score
            if cur > best:
                best, best_a, best_b = cur, start, i + 1
        if best <= 0:
            return
        a, end = best_a, best_b
        if a > 0:
            prev = blocks[a - 1]
            if prev.kept and not blocks[a].blank_before and not prev.features.terminal:
                a -= 1
        first = blocks[a].source.first_line if blocks[a].source else a
        last = blocks[end - 1].source.last_line if blocks[end - 1].source else end - 1
        evidence = f"content region is lines {first + 1}-{last + 1}"
        for b in blocks[:a]:
            if b.kept:
                yield Verdict(b.index, "before_content", evidence)
        for b in blocks[end:]:
            if b.kept:
                yield Verdict(b.index, "after_content", evidence)


FILTER = MainContent
