"""``promo``: promo widgets, newsletter / app / subscribe boxes."""
from __future__ import annotations

from ..document import Verdict
from . import Filter, kept_blocks


class Promo(Filter):
    """Removes promo widgets: short blocks that start with a ``promo_phrases`` phrase ("Try our
    AI features", "Explore what X can do for you:", "Sign up for our newsletter", "Download the
    app", "Subscribe now").  The widget's leftover buttons and blurbs between removed blocks go
    with the ``context`` filter.

    * ``promo_pitch``: a sentence of at most ``max_pitch_words`` words beside a removed promo
      line (or one removed line further) that speaks of the subscription: it holds a
      ``newsletter_words`` word ("newsletter", "your inbox", "Posteingang"), as the pitch of a
      newsletter box does (golden/en/news-newsletter-midarticle).

    Options:
        max_words (int): longest block judged, in words (default 20): a widget's text is short.
        max_sentence_words (int): a block that ends a sentence and has at least this many words
            is article prose, not a call to action (default 10, the prose threshold of
            :mod:`cleanpage.features`).
        max_pitch_words (int): longest pitch sentence (default 30); 0 turns the pitch off.
    """

    name = "promo"
    reasons = ("promo_phrase", "promo_pitch")
    defaults = {"max_words": 20, "max_sentence_words": 10, "max_pitch_words": 30}
    summary = "promo widgets: 'Try our ...', newsletter, app and subscribe boxes"

    def judge(self, doc, lex):
        found = []
        for b in kept_blocks(doc):
            f = b.features
            if f.words > self.max_words or (f.terminal and f.words >= self.max_sentence_words):
                continue
            hit = lex.prefix(f, "promo_phrases")
            if hit:
                found.append(b.index)
                yield Verdict(b.index, "promo_phrase", hit)
        if not found or not self.max_pitch_words:
            return
        # The box's pitch: a sentence next to a removed promo line that speaks of the
        # subscription ("Get the day's top stories delivered to your inbox every morning.").
        blocks = doc.blocks
        n = len(blocks)
        for i in found:
            for j in (i - 1, i + 1, i + 2):
                if not 0 <= j < n:
                    continue
                b = blocks[j]
                if b.removal is not None or b.features.words > self.max_pitch_words:
                    continue
                if j == i + 2 and blocks[i + 1].removal is None:
                    continue  # two apart only across another removed line of the box
                word = lex.anywhere(b.features).get("newsletter_words")
                if word:
                    yield Verdict(j, "promo_pitch", f'"{word}" beside {blocks[i].text[:40]!r}')


FILTER = Promo
