"""``cookies``: cookie and consent banners."""
from __future__ import annotations

from ..document import Verdict
from . import Filter, kept_blocks


class Cookies(Filter):
    """Removes cookie/consent banner text: blocks containing a ``cookie_phrases`` phrase
    ("we use cookies", "accept all cookies", "cookie settings").

    Options:
        max_words (int): longest block considered (default 80); consent banners are one or two
            sentences, so an article paragraph about cookies is not judged.
    """

    name = "cookies"
    reasons = ("cookie_banner",)
    defaults = {"max_words": 80}
    summary = "cookie and consent banners"

    def judge(self, doc, lex):
        max_words = self.max_words
        for b in kept_blocks(doc):
            f = b.features
            if f.words <= max_words:
                hit = lex.anywhere(f).get("cookie_phrases")
                if hit:
                    yield Verdict(b.index, "cookie_banner", hit)


FILTER = Cookies
