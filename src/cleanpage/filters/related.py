"""``related``: "Related Articles" sections, their teaser lists, and inline "Read more:" links."""
from __future__ import annotations

import re

from ..document import Verdict
from . import Filter, kept_blocks
from ._sections import sections
from ..lexicons import normalize, stopwords

# After an inline prefix ("Read more", "See also") the link title follows a colon, a dash or a
# guillemet in real pages ("READ MORE: ...", "See also - ...", "Lire aussi »"), or the prefix
# is in brackets at the start, as Japanese, Chinese and Korean papers write it ("【関連】...",
# "[관련기사] ...", "【相关阅读】..."): a bracket later in the line is not a separator ("More
# than 200 residents (mostly elderly) ...").
_INLINE_SEP = re.compile(r"^(?:[^:»>|–—-]{1,40}[:»>|–—-]|[\[【〔［(（《]\s*[^\]】〕］)）》]{1,20}[\]】〕］)）》])")


def _titled(text: str, hit: str, lex) -> bool:
    """Whether a heading that starts with the one-word prefix ``hit`` ("More", "Related") reads
    as a section title rather than a phrase of the article, on an English page (or one of
    unknown language): a phrase has both a lower-case content word and a lower-case stopword
    after the prefix.  Titles: "More Business News", "More Poems of the Week" (title case keeps
    function words small), "Related guides" (sentence case, as British sites write it).
    Phrases: "More “Questions” for your opponent" (a changelog line, ../shared/bench
    vortexcannon page), "More rain expected across the valley".  Longer prefixes ("more from",
    "next up in") and other languages are not checked."""
    if " " in hit or lex.lang not in (None, "en"):
        return True
    words = stopwords("en")
    small = [normalize(w) for w in text.split()[1:] if w[:1].islower()]
    return not (any(w in words for w in small) and any(w and w not in words for w in small))


class Related(Filter):
    """Removes related-content sections.

    * ``related_heading``: a block equal to a ``related_headings`` phrase ("Related Articles",
      "Most read", "Read next"), or a short heading that starts with a ``related_prefixes``
      phrase and does not end a sentence ("More from The Herald", "Next Up In Science").
    * ``teaser_run``: the teaser titles, sources and timestamps under such a heading, up to where
      the article resumes (see :mod:`cleanpage.filters._sections`).
    * ``related_tail``: the same, when the section runs to the end of the paste.
    * ``inline_link``: a short block that starts with a ``related_prefixes`` phrase followed by a
      separator ("Read more: Fed raises rates again").

    Options:
        max_heading_words (int): longest heading, in words (default 8).
        max_prefix_heading_words (int): longest heading matched by its start (default 6).
        max_inline_words (int): longest inline link block (default 25).
        min_prose_before (int | None): prose words that must precede a heading before its section
            is walked (default 50; see ``_sections``); ``None`` never walks sections.
    """

    name = "related"
    reasons = ("related_heading", "teaser_run", "related_tail", "inline_link")
    defaults = {
        "max_heading_words": 8,
        "max_prefix_heading_words": 6,
        "max_inline_words": 25,
        "min_prose_before": 50,
    }
    summary = "'Related Articles' / 'More from' / 'Most read' sections and inline 'Read more:' links"

    def judge(self, doc, lex):
        headings = lex["related_headings"]
        heads = []
        for b in kept_blocks(doc):
            f = b.features
            if f.words > self.max_inline_words:
                continue
            if f.words <= self.max_heading_words and f.norm in headings:
                heads.append(b.index)
                yield Verdict(b.index, "related_heading", b.text)
                continue
            hit = lex.prefix(f, "related_prefixes")
            if not hit:
                continue
            if _INLINE_SEP.match(b.text):
                yield Verdict(b.index, "inline_link", hit)
            elif f.words <= self.max_prefix_heading_words and not f.terminal and _titled(b.text, hit, lex):
                # "More from The Herald", "Next Up In Science & Health": a heading by its start.
                heads.append(b.index)
                yield Verdict(b.index, "related_heading", hit)
        for i, h, terminal in sections(doc, heads, lex, self.min_prose_before):
            reason = "related_tail" if terminal else "teaser_run"
            yield Verdict(i, reason, f"under {doc.blocks[h].text!r}")

FILTER = Related
