"""``context``: short leftovers stranded between removed blocks (a jusText-style context pass)."""
from __future__ import annotations

from ..document import Verdict
from ..features import menu_likeness
from . import Filter


class Context(Filter):
    """Removes short blocks whose neighbours on both sides were removed: the button text of a
    promo box, the "Explore what X can do for you:" under a removed heading, a stray "|".

    jusText (Pomikálek 2011) classifies short and "near-good" blocks by their neighbours; this is
    the removal half of that idea: a run of at most ``max_run`` non-prose blocks of at most
    ``max_words`` words each, with a removed block on both sides, goes with them; so does such a
    run between a removed block and the document's edge when none of it ends a sentence or
    reads as a list line (numbered, with numbers, or lower-case: content, not a stray label).

    Options:
        max_words (int): longest block judged, in words (default 10).
        max_run (int): longest run of such blocks removed together (default 3).
    """

    name = "context"
    reasons = ("between_removed",)
    defaults = {"max_words": 10, "max_run": 3}
    summary = "short leftovers stranded between removed blocks"

    def judge(self, doc, lex):
        blocks = doc.blocks
        n = len(blocks)
        i = 0
        while i < n:
            if blocks[i].removal is not None:
                i += 1
                continue
            j = i
            while j < n and blocks[j].removal is None:
                j += 1
            # blocks[i:j] is a run of kept blocks; i-1 and j are removed or the edge.
            run = blocks[i:j]
            has_left, has_right = i > 0, j < n
            # At the document's edge only labels go (no sentence end): the short last sentence
            # of an article after a trailing ad stays.
            edge = not (has_left and has_right)
            if (
                len(run) <= self.max_run
                and (has_left or has_right)
                and all(
                    b.features.words <= self.max_words
                    and not b.features.prose
                    and not (edge and (b.features.terminal or menu_likeness(b.text, b.features) <= 0.25))
                    and b.kind != "heading"  # HTML headings: main_content judges the headline
                    for b in run
                )
            ):
                left = blocks[i - 1].index if has_left else None
                right = blocks[j].index if has_right else None
                for b in run:
                    yield Verdict(b.index, "between_removed", f"between removed blocks {left} and {right}")
            i = j


FILTER = Context
