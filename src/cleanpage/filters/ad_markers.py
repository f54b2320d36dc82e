"""``ad_markers``: standalone advertisement labels ("Advertisement", "Sponsored", "Anzeige")."""
from __future__ import annotations

from ..document import Verdict
from . import Filter, kept_blocks


class AdMarkers(Filter):
    """Removes blocks that are only an ad label, matched whole against the ``ad_markers``
    lexicon after normalisation (so "ADVERTISEMENT", "Advertisement:" and "- Advertisement -"
    all match).

    Options:
        max_words (int): longest block considered, in words (default 8); ad labels are short,
            so a sentence that merely contains "advertisement" is never judged.
    """

    name = "ad_markers"
    reasons = ("ad_label",)
    defaults = {"max_words": 8}
    summary = "ad labels such as 'Advertisement', 'Sponsored', 'Anzeige'"

    def judge(self, doc, lex):
        ads = lex["ad_markers"]
        for b in kept_blocks(doc):
            f = b.features
            if f.words <= self.max_words and f.norm in ads:
                yield Verdict(b.index, "ad_label", b.text)


FILTER = AdMarkers
