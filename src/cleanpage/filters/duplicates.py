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
        min_period_copies (int): copies that make a steady repetition on pasted text, which
            stays (default 4; 3 also spared a teaser listed in three widgets at even
            intervals; 0 turns it off; see ``_steady``).
        min_period (int): fewest blocks between two copies of such a repetition (default 5).
    """

    name = "duplicates"
    reasons = ("repeated_block",)
    defaults = {"min_words": 6, "min_period_copies": 4, "min_period": 5}
    summary = "later copies of a block already seen in the same document"

    def judge(self, doc, lex):
        blocks = doc.blocks
        min_words = self.min_words
        # Case and spacing may differ between copies; numbers may not ("June 3 – Hall" and
        # "June 5 – Hall" are two tour dates), so the lexicon normal form is not used.
        where: dict[str, list[int]] = {}
        for b in blocks:
            if b.features.words >= min_words:
                where.setdefault(b.text.casefold(), []).append(b.index)
        steady = doc.origin == "text" and self.min_period_copies
        for at in where.values():
            if len(at) < 2 or (steady and len(at) >= self.min_period_copies and self._steady(blocks, at)):
                continue
            first = at[0]
            for i in at[1:]:
                b = blocks[i]
                if b.removal is not None:
                    continue
                if b.dom is not None and b.dom.ancestors[-1:] == blocks[first].dom.ancestors[-1:]:
                    # Both copies in one container: a line the content itself repeats (each
                    # day of a meal plan, each round of a schedule), not page furniture.
                    continue
                yield Verdict(i, "repeated_block", f"same as block {first}")

    def _steady(self, blocks, at: list[int]) -> bool:
        """Whether the copies at block indices ``at`` (pasted text) are the content repeating a
        line at a steady interval: at least ``min_period`` blocks apart, the widest gap at most
        1.5 times the narrowest.  Structured content repeats a line with each of its items (a
        meal plan's "Eat 60-90 minutes before your workout" each day, an interview's question
        to each guest: two pages of ../shared/bench/pasted, recall 0.51 and 0.90); furniture
        repeats at odd intervals (a gallery caption beside each slide, 1 and 7 blocks apart; a
        teaser in two widgets).  The stretches between the copies must differ: a page pasted
        several times over repeats everything steadily."""
        gaps = [j - i for i, j in zip(at, at[1:])]
        if min(gaps) < self.min_period or max(gaps) * 2 > min(gaps) * 3:
            return False
        # (Stretches told apart by their length and first and last lines: comparing whole
        # stretches would be quadratic on a page of many such lines.)
        stretches = {(j - i, blocks[i + 1].text, blocks[j - 1].text) for i, j in zip(at, at[1:])}
        return len(stretches) > 1


FILTER = Duplicates
