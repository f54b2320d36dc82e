"""``duplicates``: later copies of a block already seen in the same document."""
from __future__ import annotations

from ..document import Verdict
from . import Filter


class Duplicates(Filter):
    """Removes a block whose text equals an earlier block's, ignoring case: a headline repeated by
    the page header and the article, a teaser listed in two widgets, a pull quote.  The first
    copy is left to the other filters, so an article sentence repeated as a pull quote keeps
    its place in the article.  On HTML a copy in the same container as the first (the same
    innermost div, section or list) is the content repeating itself (the same line under each
    day of a meal plan, ../shared/bench beachbodyondemand page, 0.67 -> 1.00) and stays.

    Options:
        min_words (int): shortest block judged (default 6): short lines repeat legitimately
            in structured content ("Eat every 2-3 hours" in each day of a meal plan, a team
            name in a results table); 3 cost 0.4 points of recall on ../shared/bench/pasted.
    """

    name = "duplicates"
    reasons = ("repeated_block",)
    defaults = {"min_words": 6}
    summary = "later copies of a block already seen in the same document"

    def judge(self, doc, lex):
        seen: dict[str, int] = {}
        min_words = self.min_words
        for b in doc.blocks:
            f = b.features
            if f.words < min_words:
                continue
            # Case and spacing may differ between copies; numbers may not ("June 3 – Hall" and
            # "June 5 – Hall" are two tour dates), so the lexicon normal form is not used.
            key = b.text.casefold()
            first = seen.setdefault(key, b.index)
            if first != b.index and b.removal is None:
                if b.dom is not None and b.dom.ancestors[-1:] == doc.blocks[first].dom.ancestors[-1:]:
                    # Both copies in one container: a line the content itself repeats (each
                    # day of a meal plan, each round of a schedule), not page furniture.
                    continue
                yield Verdict(b.index, "repeated_block", f"same as block {first}")


FILTER = Duplicates
