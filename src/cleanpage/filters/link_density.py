"""``link_density``: runs of blocks that are mostly link text (HTML)."""
from __future__ import annotations

from ..document import Verdict
from . import Filter


def link_density(b) -> float:
    """Share of a block's characters inside links (0 for pasted text)."""
    if b.dom is None or not b.text:
        return 0.0
    return b.dom.link_chars / len(b.text)


class LinkDensity(Filter):
    """Removes link-dense blocks: menus, tag lists, teaser lists, "more stories" rows.

    A block is link-dense when at least ``max_density`` of its characters are link text
    (readability and jusText use link density the same way; 0.5 is jusText's default
    ``max_link_density`` of 0.2 loosened for blocks that are removed, not only demoted).  It is
    removed when it sits in a run of ``min_run`` or more link-dense blocks, or outside any
    ``<article>``/``<main>`` landmark.  Kept as content: a single link paragraph inside the
    article ("Read the full report"), and table rows (a table whose cells are links is data).

    Reasons: ``link_run`` and ``link_block``; the evidence gives the density.

    Options:
        max_density (float): link share from which a block is link-dense (default 0.5).
        min_run (int): shortest run removed inside the article (default 2).
    """

    name = "link_density"
    reasons = ("link_run", "link_block")
    origins = frozenset({"html"})
    defaults = {"max_density": 0.5, "min_run": 2}
    summary = "runs of blocks that are mostly link text (HTML)"

    def judge(self, doc, lex):
        dense = [
            b.removal is None and b.kind != "table_row" and link_density(b) >= self.max_density
            for b in doc.blocks
        ]
        i, n = 0, len(dense)
        while i < n:
            if not dense[i]:
                i += 1
                continue
            j = i
            while j < n and dense[j]:
                j += 1
            for b in doc.blocks[i:j]:
                evidence = f"link density {link_density(b):.2f}"
                if j - i >= self.min_run:
                    yield Verdict(b.index, "link_run", evidence + f", run of {j - i}")
                elif not (b.dom.landmarks & {"article", "main"}):
                    yield Verdict(b.index, "link_block", evidence)
            i = j


FILTER = LinkDensity
