"""``bylines``: author bylines and datelines around the article."""
from __future__ import annotations

import re

from ..document import Verdict
from . import Filter, kept_blocks
from ._sections import is_timestamp


#: A whole numeric date: "11/20/2019", "2019-11-20", "20.11.2019".
_FULL_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


def _names_a_day(text: str, norm: str) -> bool:
    """Whether a timestamp names a day (a month or weekday word, "ago", a whole numeric date),
    not only a clock time: a list item "06:00" is a line of a timetable."""
    return _FULL_DATE.search(text) is not None or any(t not in ("0", "am", "pm") for t in norm.split())


class Bylines(Filter):
    """Removes the article's bylines and datelines, which the article body does not include
    (the article-extraction benchmark's ground truth leaves them out; so does trafilatura's
    text).

    * ``byline``: a short block that starts with a ``byline_prefixes`` phrase ("By", "Posted
      by", "Written by", "Von", "Par") and, after a bare "by"-word, a capitalised name: "By
      Sarah Needleman", "Posted by Michael Smith on November 19, 2019".  "By 2030 the city
      will ..." is a sentence, not a byline (a number follows, and it ends a sentence).
    * ``dateline``: a short block that is a date or a relative time ("November 20, 2019
      10:43", "Updated 3 hours ago"; see :func:`cleanpage.filters._sections.is_timestamp`).

    Options:
        max_words (int): longest byline, in words (default 15).
    """

    name = "bylines"
    reasons = ("byline", "dateline")
    defaults = {"max_words": 15}
    summary = "author bylines and datelines"

    def judge(self, doc, lex):
        for b in kept_blocks(doc):
            f = b.features
            # Table rows and code are content even when they hold a time ("06:00").  A list
            # item that is only a date or a byline is a teaser's metadata: converters such as
            # inscriptis write teaser lists as bullets ("* By REUTERS", "* 11/20/2019 10:08 AM").
            if f.words > self.max_words or f.prose or b.kind in ("table_row", "pre"):
                continue
            if is_timestamp(b, lex) and (b.kind != "list_item" or _names_a_day(b.text, f.norm)):
                yield Verdict(b.index, "dateline", b.text)
                continue
            hit = lex.prefix(f, "byline_prefixes")
            if not hit or hit == f.norm:
                continue
            rest = b.text.split(None, hit.count(" ") + 1)[-1]
            first = rest[:1]
            # A name starts with a capital, or with a letter of a script without case (Arabic,
            # Devanagari, CJK, Hangul), or with a mark ("@handle", "— Name").
            if first.isupper() or (first.isalpha() and not first.islower()) or not (first.isalpha() or first.isdigit()):
                yield Verdict(b.index, "byline", hit)


FILTER = Bylines
