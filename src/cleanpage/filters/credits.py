"""``credits``: photo/image credits and captions that carry a credit."""
from __future__ import annotations

import re
from functools import lru_cache

from ..document import Verdict
from ..lexicons import Lexicon
from . import Filter, kept_blocks


@lru_cache(maxsize=16)
def _credit_tail(markers: frozenset[str]) -> re.Pattern[str]:
    # "... Photo: AFP", "... (Image credit: Getty)", "... (Photo by Jo Doe/Wire)", "... Foto: dpa":
    # a credit marker, a colon or "by", then a short attribution with no sentence end.  Built
    # once per lexicon from its phrases.
    words = sorted((m for m in markers if m and "0" not in m), key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(
        r"(?:^|[\s(\[|/–—-]|(?<=[。，；）]))(?:%s)(?:\s*[:：]|\s+(?:by|von|par|de|di|door)\s)\s*[^.!?。]{1,80}$"
        r"|©\s*[^.!?。]{1,80}$" % alt,
        re.I,
    )


def _credit_start(marker: str, text: str) -> bool:
    """``text`` opens with ``marker`` as a credit: followed by a colon ("Photo: AFP"), or the
    marker itself names the maker ("Photo by", "Foto von")."""
    if marker.rsplit(" ", 1)[-1] in ("by", "von", "par", "de", "di", "door"):
        return True
    pattern = r"\W*%s\s*[:：]" % re.escape(marker).replace(r"\ ", r"\W+")
    return re.match(pattern, text, re.I) is not None


#: The credit regex allows an 80-character attribution after a marker of up to 40 characters.
TAIL_CHARS = 130
_BY = re.compile(r"\s(?:by|von|par|de|di|door)\s", re.I)


class Credits(Filter):
    """Removes photo credits and the captions they end.

    * ``photo_credit``: a short block that is a credit: starts with a ``credit_markers`` phrase
      followed by a colon or "by" ("Photo: AFP", "Image credit: Getty Images", "Photograph by
      Jane Doe"), starts with "©", or is only a marker ("Getty Images").
    * ``caption_credit``: a caption ending in such a credit ("Alibaba's headquarters in
      Hangzhou. Photo: AFP"): the seed paste's case.

    Options:
        max_credit_words (int): longest bare credit (default 12).
        max_caption_words (int): longest caption judged (default 60): captions are a sentence or
            two; a paragraph that mentions "photo:" mid-text is not judged.
    """

    name = "credits"
    reasons = ("photo_credit", "caption_credit")
    defaults = {"max_credit_words": 12, "max_caption_words": 60}
    summary = "photo/image credits and captions that end in a credit"

    def judge(self, doc, lex):
        markers: Lexicon = lex["credit_markers"]
        tail = _credit_tail(markers.phrases)
        for b in kept_blocks(doc):
            f = b.features
            if f.words > self.max_caption_words:
                continue
            if f.words <= self.max_credit_words:
                hit = lex.prefix(f, "credit_markers")
                if f.norm in markers or b.text.startswith("©") or (hit and _credit_start(hit, b.text)):
                    yield Verdict(b.index, "photo_credit", hit or b.text)
                    continue
            # A credit ends the block: look only at its last TAIL_CHARS characters, and run the
            # regex only where a cheap probe finds a colon, "©" or a "by"-word there.
            t = b.text
            start = max(0, len(t) - TAIL_CHARS)
            w = t[start:]
            probe = ":" in w or "：" in w or "©" in w or _BY.search(w) is not None
            m = tail.search(t, start) if probe else None
            if m:
                yield Verdict(b.index, "caption_credit", m.group().strip(" ([|/–—-"))


FILTER = Credits
