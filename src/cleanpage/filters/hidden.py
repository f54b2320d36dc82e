"""``hidden``: blocks the page hides from readers (HTML)."""
from __future__ import annotations

from ..document import Verdict
from . import Filter, kept_blocks


class Hidden(Filter):
    """Removes blocks inside an element with the ``hidden`` attribute, ``aria-hidden="true"``,
    or an inline style ``display: none`` / ``visibility: hidden``: menus and modal dialogs a
    script would open, screen-reader-hidden icons' text, collapsed widgets.  Stylesheets are
    not read, so what a class hides is left to the other filters.

    Reasons: ``hidden_attribute``, ``aria_hidden``, ``display_none``.
    """

    name = "hidden"
    reasons = ("hidden_attribute", "aria_hidden", "display_none")
    origins = frozenset({"html"})
    summary = "blocks hidden by the hidden attribute, aria-hidden or inline display:none (HTML)"

    def judge(self, doc, lex):
        for b in kept_blocks(doc):
            if b.dom is not None and b.dom.hidden:
                yield Verdict(b.index, b.dom.hidden, b.dom.hidden.replace("_", " "))


FILTER = Hidden
