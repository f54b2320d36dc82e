"""``ad_markers``: standalone advertisement labels ("Advertisement", "Sponsored", "Anzeige")."""
from __future__ import annotations

from ..document import Verdict
from . import Filter, kept_blocks


class AdMarkers(Filter):
    """Removes ad labels and ad disclosures.

    * ``ad_label``: a block that is only an ad label, matched whole against the ``ad_markers``
      lexicon after normalisation (so "ADVERTISEMENT", "Advertisement:" and "- Advertisement -"
      all match).
    * ``ad_disclosure``: a short block containing an ``ad_disclosures`` phrase ("This post may
      contain affiliate links", "*Werbung").

    Options:
        max_words (int): longest ad label, in words (default 8); ad labels are short, so a
            sentence that merely contains "advertisement" is never judged.
        max_disclosure_words (int): longest disclosure block (default 40).
    """

    name = "ad_markers"
    reasons = ("ad_label", "ad_disclosure")
    defaults = {"max_words": 8, "max_disclosure_words": 40}
    summary = "ad labels such as 'Advertisement', 'Sponsored', 'Anzeige', and affiliate disclosures"

    def judge(self, doc, lex):
        ads = lex["ad_markers"]
        for b in kept_blocks(doc):
            f = b.features
            if f.words <= self.max_words and f.norm in ads:
                yield Verdict(b.index, "ad_label", b.text)
            elif f.words <= self.max_disclosure_words:
                hit = lex.anywhere(f).get("ad_disclosures")
                if hit:
                    yield Verdict(b.index, "ad_disclosure", hit)


FILTER = AdMarkers
