"""``share``: share/follow/print labels and bare share counts."""
from __future__ import annotations

import re

from ..document import Verdict
from . import Filter, kept_blocks

# A block that is only a number, optionally with a k/m suffix: the share or comment counter a
# share bar leaves behind in a paste ("16", "1.2K").
_BARE_COUNT = re.compile(r"^\d+(?:[.,]\d+)*\s*[kKmM]?$")


class Share(Filter):
    """Removes share bars.

    * ``share_label``: a block equal to a ``share_labels`` phrase ("Share", "Tweet", "Share on
      Facebook", "Print", "12 shares").
    * ``share_bar``: a block made only of two or more such phrases, as a share bar reads when
      its buttons land on one line: "Share: Facebook Twitter Email", "Udostępnij: Facebook
      Pinterest E-mail" (golden/pl/html-blog-komentarze).
    * ``share_count``: a block that is only a number, the counter a share bar leaves.

    Options:
        max_words (int): longest label considered (default 8).
        max_bar_words (int): longest share bar, in words (default 16).
        bare_counts (bool): remove blocks that are only a number (default True).
    """

    name = "share"
    reasons = ("share_label", "share_bar", "share_count")
    defaults = {"max_words": 8, "max_bar_words": 16, "bare_counts": True}
    summary = "share/follow/print labels and bare share counts"

    def judge(self, doc, lex):
        labels = lex["share_labels"]
        for b in kept_blocks(doc):
            f = b.features
            if f.words > self.max_bar_words:
                continue
            if f.words <= self.max_words and f.norm in labels:
                yield Verdict(b.index, "share_label", b.text)
            elif self.bare_counts and _BARE_COUNT.match(b.text):
                yield Verdict(b.index, "share_count", b.text)
            elif f.words >= 2 and not f.terminal and lex.prefix(f, "share_labels") is not None:
                parts = _cover(f.norm.split(" "), labels)
                if parts is not None and len(parts) >= 2:
                    yield Verdict(b.index, "share_bar", " + ".join(parts))



def _cover(words: list[str], labels) -> list[str] | None:
    """The block's words as a run of labels, the longest label first at each place, or None
    when a word belongs to none."""
    parts: list[str] = []
    i, n = 0, len(words)
    longest = labels.max_words
    while i < n:
        for j in range(min(n, i + longest), i, -1):
            cand = " ".join(words[i:j])
            if cand in labels:
                parts.append(cand)
                i = j
                break
        else:
            return None
    return parts


FILTER = Share
