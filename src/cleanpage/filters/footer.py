"""``footer``: copyright lines, legal links, "All rights reserved"."""
from __future__ import annotations

import re

from ..document import Verdict
from ..lexicons import normalize
from . import Filter, article_heading, kept_blocks

_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# One regex scan for any separator: frozenset.isdisjoint(text) loops over the text in Python objects.
_SEP_CHAR = re.compile("[|·•/–—]")
_SEP = re.compile(r"\||·|•|/|–|—")  # no "\s*" around it: quadratic on a long run of spaces (see navigation)


class Footer(Filter):
    """Removes page-footer text.

    * ``copyright``: a block that starts with "©" and names a year, or contains a
      ``copyright_phrases`` phrase ("all rights reserved", "copyright 0").
    * ``legal_links``: a block equal to a footer phrase ("Privacy Policy", "Terms of Use"), or
      a row of them joined by separators ("Privacy Policy | Terms | Contact us").  An HTML heading
      inside ``<article>`` or ``<main>`` titles a section of the article and stays
      (:func:`cleanpage.filters.article_heading`).

    Options:
        max_words (int): longest block judged (default 40).
    """

    name = "footer"
    reasons = ("copyright", "legal_links")
    defaults = {"max_words": 40}
    summary = "copyright lines, legal links, 'All rights reserved'"

    def judge(self, doc, lex):
        phrases = lex["footer_phrases"]

        for b in kept_blocks(doc):
            f = b.features
            if f.words > self.max_words:
                continue
            if f.norm in phrases and not article_heading(b):
                yield Verdict(b.index, "legal_links", b.text)
                continue
            text = b.text.lstrip()
            # "© Reuters" alone is a photo credit (credits filter); "© 2024 Ledger Media" is ours.
            if (text.startswith("©") and _YEAR.search(text)) or lex.anywhere(f).get("copyright_phrases"):
                yield Verdict(b.index, "copyright", b.text[:80])
                continue
            if not _SEP_CHAR.search(text):
                continue
            parts = [normalize(p) for p in _SEP.split(b.text) if p.strip()]
            if len(parts) >= 2 and sum(p in phrases for p in parts) >= 2:
                yield Verdict(b.index, "legal_links", b.text[:80])


FILTER = Footer
