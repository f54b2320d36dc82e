"""``promo``: promo widgets, newsletter / app / subscribe boxes."""
from __future__ import annotations

from ..document import Verdict
from . import Filter, kept_blocks


class Promo(Filter):
    """Removes promo widgets: short blocks that start with a ``promo_phrases`` phrase ("Try our
    AI features", "Explore what X can do for you:", "Sign up for our newsletter", "Download the
    app", "Subscribe now").  The widget's leftover buttons and blurbs between removed blocks go
    with the ``context`` filter.

    Options:
        max_words (int): longest block judged, in words (default 20): a widget's text is short.
        max_sentence_words (int): a block that ends a sentence and has at least this many words
            is article prose, not a call to action (default 10, the prose threshold of
            :mod:`cleanpage.features`).
    """

    name = "promo"
    reasons = ("promo_phrase",)
    defaults = {"max_words": 20, "max_sentence_words": 10}
    summary = "promo widgets: 'Try our ...', newsletter, app and subscribe boxes"

    def judge(self, doc, lex):
        for b in kept_blocks(doc):
            f = b.features
            if f.words > self.max_words or (f.terminal and f.words >= self.max_sentence_words):
                continue
            hit = lex.prefix(f, "promo_phrases")
            if hit:
                yield Verdict(b.index, "promo_phrase", hit)


FILTER = Promo
