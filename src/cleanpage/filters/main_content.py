"""``main_content``: keep the region of running text; drop what lies before and after it."""
from __future__ import annotations

import re

from ..document import Verdict

from . import Filter


def _is_table_row(text: str) -> bool:
    """A line of a table pasted as text: three or more cells, a third of them numbers
    ("3 Kevin Harvick 5033 4 6 15 26").  Scored as neutral, neither prose nor menu, so a
    results table does not split the region around it."""
    tokens = text.split()
    if len(tokens) < 3:
        return False
    numeric = sum(t.strip(".,%:()").replace(".", "").replace(",", "").isdigit() for t in tokens)
    return numeric * 3 >= len(tokens)


_LIST_START = re.compile(r"^\s*(?:\d{1,3}[.)]\s|[-*•·◦▪–]\s|\(\d{1,3}\)\s)")
_DIGIT = re.compile(r"\d")


def _menu_likeness(text: str, f) -> float:
    """How much a short line looks like page furniture rather than the short lines of content
    (list items, steps, tour dates, ingredients, sub-headings), from 0.25 to 1.

    Menus and teaser titles are Title Case labels without digits or punctuation; content's short
    lines are numbered or carry quantities and dates, or read as a sentence (lower-case words,
    final punctuation).  Forced by the meal-plan, tour-dates and numbered-offers pages of
    ``../shared/bench/pasted``, whose articles are mostly short lines.
    """
    if _LIST_START.match(text) or (_DIGIT.search(text) and f.words >= 3):
        return 0.25
    if text[-1] in ".:;,!?":
        return 0.5
    words = text.split()
    if len(words) >= 3:
        lower = sum(w[:1].islower() for w in words[1:])
        if lower * 2 >= len(words) - 1:
            return 0.5
    return 1.0


class MainContent(Filter):
    """Finds the main content as the densest region of prose and removes blocks outside it.

    Each block scores its word count when it is prose that ends a sentence, ``unterminated_weight``
    times that when it is a long line that does not (contact details, lists run together), 0 for
    a table row, and ``-short_penalty`` when it is a short line or was already removed by a phrase
    filter; blank lines score nothing.  The region is the contiguous run of blocks with the highest total
    (the maximum-subarray idea of Finn, Kushmerick & Smyth 2001, "Fact or fiction: content
    classification for digital libraries", whose body-text extraction maximises text tokens
    inside and tags outside; here short lines play the tags).  A heading directly above the
    region's first block, with no blank line between, is the article's title and is kept (the
    seed paste's first line).

    The region is then extended forward over the short content lines that follow it (see
    ``_extend``): lists after an article's last paragraph score below zero one by one but
    belong to it.

    When no region scores above zero (a page of short lines: a list, a poem, a menu-only page)
    nothing is removed: an empty result would lose the page.

    Reasons: ``before_content`` and ``after_content``; the evidence names the region's lines.

    Options:
        short_penalty (float): score of a furniture-like short block (default 10.0, chosen on
            ``../shared/bench/pasted``: 6 keeps more menus and teasers between paragraphs,
            14 starts cutting articles whose paragraphs are split by sub-headings and images).
        unterminated_weight (float): weight of a long block that does not end a sentence
            (default 0.5; the jpost page of ``../shared/bench/pasted`` has an 82-word contact
            block with no final period that outscored its two-paragraph article at 1.0).
        extend (bool): extend the region forward over content-like short lines (default True).
        max_gap (int): furniture-like lines crossed between two content lines (default 1).
    """

    name = "main_content"
    reasons = ("before_content", "after_content")
    defaults = {"short_penalty": 10.0, "unterminated_weight": 0.5, "extend": True, "max_gap": 1}
    summary = "keep the densest region of running text; drop what lies before and after it"

    def judge(self, doc, lex):
        blocks = doc.blocks
        pen = float(self.short_penalty)
        best, best_a, best_b = 0.0, 0, 0
        cur, start = 0.0, 0
        half = self.unterminated_weight
        for i, b in enumerate(blocks):
            f = b.features
            if not b.kept:
                score = -pen
            elif f.prose:
                score = f.words if f.terminal else f.words * half
            elif _is_table_row(b.text):
                score = 0.0
            else:
                score = -pen * _menu_likeness(b.text, f)
            if cur <= 0:
                cur, start = 0.0, i
            cur += score
            if cur > best:
                best, best_a, best_b = cur, start, i + 1
        if best <= 0:
            return
        a, end = best_a, best_b
        end = self._extend(blocks, end)
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


    def _extend(self, blocks, end: int) -> int:
        """Extend the region forward over the short lines of content that follow it (a list of
        tour dates, numbered offers after the intro): kept blocks of menu likeness at most 0.5
        or table rows, crossing at most ``max_gap`` furniture-like lines between two of them.
        A removed block stops the extension."""
        if not self.extend:
            return end
        n, i = len(blocks), end
        while i < n:
            j = i
            gap = 0
            while j < n and blocks[j].kept and gap <= self.max_gap:
                b = blocks[j]
                if b.features.prose or _is_table_row(b.text) or _menu_likeness(b.text, b.features) <= 0.5:
                    break
                gap += 1
                j += 1
            if j >= n or not blocks[j].kept or gap > self.max_gap:
                return i
            i = j + 1
        return i


FILTER = MainContent
