"""``share``: share/follow/print labels and bare share counts."""
from __future__ import annotations

import re

from ..document import Verdict
from . import Filter, kept_blocks

# A block that is only a number, optionally with a k/m suffix: the share or comment counter a
# share bar leaves behind in a paste ("16", "1.2K").
_BARE_COUNT = re.compile(r"^\d+(?:[.,]\d+)*\s*[kKmM]?$")


class Share(Filter):
    """Removes share bars: blocks equal to a ``share_labels`` phrase ("Share", "Tweet",
    "Share on Facebook", "Print", "12 shares") and blocks that are a bare count.

    Options:
        max_words (int): longest block considered (default 8).
        bare_counts (bool): remove blocks that are only a number (default True).
    """

    name = "share"
    reasons = ("share_label", "share_count")
    defaults = {"max_words": 8, "bare_counts": True}
    summary = "share/follow/print labels and bare share counts"

    def judge(self, doc, lex):
        labels = lex["share_labels"]
        for b in kept_blocks(doc):
            f = b.features
            if f.words > self.max_words:
                continue
            if f.norm in labels:
                yield Verdict(b.index, "share_label", b.text)
            elif self.bare_counts and _BARE_COUNT.match(b.text):
                yield Verdict(b.index, "share_count", b.text)


FILTER = Share
