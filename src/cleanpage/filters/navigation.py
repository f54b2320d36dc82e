"""``navigation``: skip links, menu labels, breadcrumbs and runs of short menu lines."""
from __future__ import annotations

import re

from ..document import Verdict
from ..features import menu_likeness
from .link_density import link_density
from . import Filter, article_heading, kept_blocks

# Breadcrumb separators as sites write them: "Home › News › World", "Home / Tech / Phones".
# No "\s*" around the separator: tried from each space of a long run (a <pre> keeps them), it
# backtracked over the rest of the run every time (quadratic: a 40 KB run took 55 s).  The
# parts keep their spaces, which neither word counts nor letter tests see.
_CRUMB_SEP = re.compile(r"›|»|>|→|/|\||·|•|::")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")  # dates such as 11/20/2019 are not breadcrumbs
# A regex scan for any separator: frozenset.isdisjoint(text) loops over the text in Python objects.
_CRUMB_CHAR = re.compile("[›»>→/|·•]")
# What a line of code or a shell command holds and a breadcrumb trail never does:
# '[ -e "/backup/$(date +%F).tar" ] && exit 0', "ratio = total / count;" (a "$" before a
# digit is a price: "Home › Gifts › Under $50" is a trail).
_CODE = re.compile(r"[{}=;]|\$[({A-Za-z_]|&&|\|\|")


class Navigation(Filter):
    """Removes navigation.

    * ``skip_link``: "Skip to content", "Jump to navigation".
    * ``menu_label``: a block equal to a ``navigation_labels`` phrase ("Menu", "Search",
      "Sign in", "Back to top"), unless it is an HTML heading inside ``<article>`` or ``<main>``
      (:func:`cleanpage.filters.article_heading`: "Menu" over a restaurant review's dishes).
    * ``breadcrumb``: two or more short items joined by breadcrumb separators; not a table
      row, an HTML ``<pre>`` block or a line with code punctuation (``$``, ``=``, ``;``,
      braces, ``&&``: a shell command's "/" and ">" are not a trail).
    * ``menu_run``: ``min_run`` or more consecutive short lines (at most ``max_item_words``
      words each) that all look like labels (:func:`cleanpage.features.menu_likeness` of 1:
      capitalised, no digits, no final punctuation): the shape a menu takes in a paste.
      Numbered steps, ingredients, specifications ("Capacity: 1.7 l") and verse are content in
      the shape of a menu (golden/en/product-page-kettle, golden/fr/blog-poeme-commentaires).
      Threshold chosen on ``../shared/bench/pasted`` (menus there run 5 to 60 lines; article
      sub-headings stand alone or in pairs).

    Options:
        max_item_words (int): longest menu item, in words (default 4).
        min_run (int | None): shortest run removed as a menu (default 4); None turns it off.
    """

    name = "navigation"
    reasons = ("skip_link", "menu_label", "breadcrumb", "menu_run")
    defaults = {"max_item_words": 4, "min_run": 4}
    summary = "skip links, menu labels, breadcrumbs and runs of short menu lines"

    def judge(self, doc, lex):
        labels = lex["navigation_labels"]
        removed: set[int] = set()
        for b in kept_blocks(doc):
            f = b.features
            if f.words > 15:
                continue
            if f.norm in labels and not article_heading(b):
                reason = "skip_link" if f.norm.split(" ", 1)[0] in ("skip", "jump") else "menu_label"
                removed.add(b.index)
                yield Verdict(b.index, reason, b.text)
                continue
            t = b.text
            if b.kind in ("table_row", "pre") or _CODE.search(b.text):
                # cells joined by " | " are data, and a command line's "/" and ">" are not a trail
                continue
            if f.terminal or (not _CRUMB_CHAR.search(t) and "::" not in t) or "://" in t or "www." in t:
                continue
            parts = [p for p in _CRUMB_SEP.split(b.text) if p.strip()]
            if (
                len(parts) >= 3
                and len(_CRUMB_SEP.findall(b.text)) >= 2
                # the last item may be the page's own (long) title: "Home » Tutorials » How to ..."
                and all(len(p.split()) <= self.max_item_words for p in parts[:-1])
                and len(parts[-1].split()) <= 20
                and all(_LETTER.search(p) for p in parts)
                # "Calories 320 | Protein 18 g | Fat 9 g" is a nutrition line, not a trail
                and sum(bool(_DIGIT.search(p)) for p in parts) <= 1
                and not f.terminal
            ):
                removed.add(b.index)
                yield Verdict(b.index, "breadcrumb", b.text)
        if self.min_run is None:
            return
        run: list[int] = []
        max_words, min_run = self.max_item_words, self.min_run
        for b in doc.blocks:
            if b.removal is not None or b.index in removed:
                continue  # already boilerplate: the run goes on across it
            f = b.features
            # In HTML a menu is made of links; short unlinked lines there are headings and
            # list items of the article (golden/en/html-*).
            if (
                f.words <= max_words
                and menu_likeness(b.text, f) == 1.0
                and (b.dom is None or link_density(b) >= 0.5)
            ):
                run.append(b.index)
                continue
            if len(run) >= min_run:
                yield from self._run(run)
            run = []
        if len(run) >= min_run:
            yield from self._run(run)

    @staticmethod
    def _run(run: list[int]):
        evidence = f"run of {len(run)} short lines"
        for i in run:
            yield Verdict(i, "menu_run", evidence)


FILTER = Navigation
