"""``main_content``: keep the region of running text; drop what lies before and after it."""
from __future__ import annotations

from ..document import Verdict
from ..lexicons import normalize

from ..features import Features, menu_likeness
from ._sections import is_timestamp
from . import Filter


def _is_table_row(text: str) -> bool:
    """A line of a table pasted as text: three or more cells, a third of them numbers
    ("3 Kevin Harvick 5033 4 6 15 26").  Scored as neutral, neither prose nor menu, so a
    results table does not split the region around it."""
    tokens = text.split()
    if len(tokens) < 3:
        return False
    numeric = sum(t.strip(".,%:()").replace(".", "").replace(",", "").isdigit() for t in tokens)
    return numeric * 3 >= len(tokens)


_BULLETS = "•·◦▪▫‣⁃●○■□►▶✓✔-*–+ "
#: Kept blocks besides the lead's prose that the parent taken by ``MainContent._with_lead`` may
#: hold outside the content element (a question's code line, the answers' count heading).
MAX_LEAD_OTHERS = 5


def _same_words(headline: str, title: str) -> bool:
    """Whether the ``<h1>`` says what the ``<title>`` says in other punctuation or with a word
    more: at least two of its words and two thirds of them, normalised, are words of the title
    ("Rücksendung & Erstattung" in "Hilfe & FAQ: Rücksendung und Erstattung | Shop").  The
    substring test alone kept such headlines in the text."""
    words = set(normalize(headline).split())
    if len(words) < 2:
        return False
    shared = words & set(normalize(title).split())
    return len(shared) >= 2 and 3 * len(shared) >= 2 * len(words)

# Removals that end an article: what follows them is another section of the page.
_SECTION_ENDS = frozenset({
    ("related", "related_heading"),
    ("comments", "comment_stub"),
    ("comments", "comment_count"),
    ("comments", "comment_heading"),
})


class MainContent(Filter):
    """Finds the main content as the densest region of prose and removes blocks outside it.

    Each block scores its word count when it is prose that ends a sentence, ``unterminated_weight``
    times that when it is a long line that does not (contact details, lists run together), 0 for
    a table row, and ``-short_penalty`` when it is a short line or was already removed by a phrase
    filter; blank lines score nothing.  The region is the contiguous run of blocks with the highest total
    (the maximum-subarray idea of Finn, Kushmerick & Smyth 2001, "Fact or fiction: content
    classification for digital libraries", whose body-text extraction maximises text tokens
    inside and tags outside; here short lines play the tags).  A heading directly above the
    region's first block, with no blank line between, is the article's title and is kept (the
    seed paste's first line: a selection that starts at the headline); a headline further up,
    with a byline or date between, is page furniture in a whole-page paste and goes, but is
    reported as ``Document.title``.

    The region is then extended forward over the short content lines that follow it (see
    ``_extend``): lists after an article's last paragraph score below zero one by one but
    belong to it.

    When no region scores above zero (a page of short lines: a list, a poem, a menu-only page)
    nothing is removed: an empty result would lose the page.

    Reasons: ``before_content`` and ``after_content`` (the evidence names the region's lines), and
    ``headline`` for the headline reported as ``Document.title`` and left out of the text.

    Options:
        short_penalty (float): score of a furniture-like short block (default 10.0, chosen on
            ``../shared/bench/pasted``: 6 keeps more menus and teasers between paragraphs,
            14 starts cutting articles whose paragraphs are split by sub-headings and images).
        unterminated_weight (float): weight of a long block that does not end a sentence
            (default 0.5; the jpost page of ``../shared/bench/pasted`` has an 82-word contact
            block with no final period that outscored its two-paragraph article at 1.0).
        extend (bool): extend the region forward over content-like short lines (default True).
        extend_likeness (float): the most menu-like a line the extension takes (default 0.25:
            numbered lines and lines with numbers; at 0.5 it also took sentence-case widget
            lines such as "Was this article helpful?" and teaser titles after the article,
            golden/en/opinion-follow-author-bio, and cost 0.7 points of F1 on the bench).
        max_gap (int): furniture-like lines crossed between two content lines (default 1).
        container_share (float): on HTML, the share of the region's prose words the content
            element must hold (default 0.9, chosen on ../shared/bench/scrapinghub: 0.8 cut
            recall to 0.952, 0.95 let sidebars in, precision 0.921; see ``_html_region``).
        min_stopword_density (float): least stopword density of a long block without a
            sentence end for it to score as prose; below it the block scores as a short line
            (default 0.1; jusText, Pomikálek 2011, takes blocks below 0.30 as boilerplate, but
            there on whole blocks with their final period; here only unterminated lines are
            judged, so only keyword and tag lines fall below).  0 turns the check off.
        anchor_min_blocks (int): content-like blocks the span under a dated headline must
            hold to replace a region found past the article's end (default 5; 0 turns the
            check off; see ``_dated_article``).
        anchor_min_words (int): words those blocks must hold (default 40).
        headline_reach (int): how many blocks above the region the headline is looked for
            (default 10); it is reported as ``Document.title`` and kept in the text only when it
            sits directly above the region's first block.
    """

    name = "main_content"
    reasons = ("before_content", "after_content", "headline")
    defaults = {
        "short_penalty": 10.0,
        "unterminated_weight": 0.5,
        "removed_weight": 1.0,
        "relative_penalty": 0.33,
        "extend": True,
        "extend_likeness": 0.25,
        "max_gap": 1,
        "headline_reach": 10,
        "container_share": 0.9,
        "min_stopword_density": 0.1,
        "anchor_min_blocks": 5,
        "anchor_min_words": 40,
    }
    summary = "keep the densest region of running text; drop what lies before and after it"

    def judge(self, doc, lex):
        blocks = doc.blocks
        pen = float(self.short_penalty)
        if self.relative_penalty:
            # Scale the penalty to the page's paragraphs: a page of 15-word paragraphs should not
            # lose its second half to one subheading, three bullets and an ad label.
            lengths = [b.features.words for b in blocks if b.removal is None and b.features.prose]
            if lengths:
                lengths.sort()
                median = lengths[len(lengths) // 2]
                pen = max(pen * 0.3, min(pen, median * self.relative_penalty))
        best, best_a, best_b = 0.0, 0, 0
        cur, start = 0.0, 0
        half = self.unterminated_weight
        min_density = self.min_stopword_density
        removed_weight = self.removed_weight
        for i, b in enumerate(blocks):
            f = b.features
            if b.removal is not None:
                score = -pen * removed_weight
            elif f.prose and (f.terminal or self._runs_on(lex, f, min_density)):
                score = f.words if f.terminal else f.words * half
            elif "0" in f.norm and _is_table_row(b.text):  # rows hold numbers: "0" after normalize
                score = 0.0
            else:
                score = -pen * menu_likeness(b.text, f)
            if cur <= 0:
                cur, start = 0.0, i
            cur += score
            if cur > best:
                best, best_a, best_b = cur, start, i + 1
        if best <= 0:
            return
        a, end = best_a, best_b
        if doc.origin == "html":
            yield from self._html_region(doc, a, end)
            return
        anchored = self._dated_article(blocks, a, lex)
        if anchored is not None:
            a, end = anchored
        end = self._extend(blocks, end, lex)
        title = self._headline(blocks, a, lex)
        if title is not None:
            if doc.title is None:
                doc.title = blocks[title].text
            if title == a - 1 and blocks[title].removal is None and not blocks[a].blank_before:
                a -= 1
        first = blocks[a].source.first_line if blocks[a].source else a
        last = blocks[end - 1].source.last_line if blocks[end - 1].source else end - 1
        evidence = f"content region is lines {first + 1}-{last + 1}"
        for b in blocks[:a]:
            if b.removal is None:
                if b.index == title and doc.title == b.text:
                    yield Verdict(b.index, "headline", "the page headline (Document.title)")
                else:
                    yield Verdict(b.index, "before_content", evidence)
        for b in blocks[end:]:
            if b.removal is None:
                yield Verdict(b.index, "after_content", evidence)


    def _html_region(self, doc, a: int, end: int):
        """On HTML the region found above points at the element that holds the article: the
        deepest element around at least ``container_share`` of the region's prose words (as
        readability settles on one top candidate), or its parent when that holds a lead of
        prose before it (``_with_lead``: a question above its answers).  Every block inside it
        stays for the other
        filters to judge (lists, tables and sub-headings between paragraphs included); every
        block outside goes.  The page's ``<h1>`` headline (the ``<title>`` or a part of it, or
        the first ``<h1>`` of the content element, above all its prose, whatever the
        ``<title>`` says) becomes ``Document.title`` and goes with reason ``headline``: the
        article body does not repeat it."""
        blocks = doc.blocks
        prose = [b for b in blocks[a:end] if b.removal is None and b.features.prose and b.dom is not None]
        total = sum(b.features.words for b in prose)
        container = parent_id = None
        depth = 0
        while prose:
            weight: dict[int, int] = {}
            for b in prose:
                anc = b.dom.ancestors
                if len(anc) > depth:
                    weight[anc[depth]] = weight.get(anc[depth], 0) + b.features.words
            if not weight:
                break
            best_id = max(weight, key=weight.__getitem__)
            if weight[best_id] < self.container_share * total:
                break
            parent_id, container = container, best_id
            prose = [b for b in prose if len(b.dom.ancestors) > depth and b.dom.ancestors[depth] == best_id]
            depth += 1
        if container is not None and parent_id is not None:
            container = self._with_lead(blocks, container, parent_id, a)
        inside = [
            container is not None and b.dom is not None and container in b.dom.ancestors
            for b in blocks
        ]
        if container is None or not any(inside):
            inside = [a <= i < end for i in range(len(blocks))]
        first = inside.index(True)
        evidence = f"content container holds blocks {first}-{len(inside) - 1 - inside[::-1].index(True)}"
        title = (doc.title or "").strip()
        # The first <h1> inside the content element, above all its prose, heads the article
        # whatever the <title> says ("City opens new tram line after years of delays" under
        # <title>City opens new tram line | News</title> was kept in the text).
        lead_h1 = next((i for i, b in enumerate(blocks) if inside[i] and b.removal is None
                        and (b.features.prose or (b.kind == "heading" and b.dom.tag == "h1"))), None)
        if lead_h1 is not None and not (blocks[lead_h1].kind == "heading" and blocks[lead_h1].dom.tag == "h1"):
            lead_h1 = None
        for i, b in enumerate(blocks):
            if b.removal is not None:
                continue
            if (
                b.kind == "heading"
                and b.dom.tag == "h1"
                and (inside[i] or (i < first and len(b.text) * 2 >= len(title)))
                and (not title or i == lead_h1 or b.text in title or title in b.text or _same_words(b.text, title))
            ):
                # The headline is the article's title; <title> often adds the site's name
                # ("Headline | Site"), so the headline replaces it.  Above the content
                # element it must be most of the title: a logo's <h1> holds only the site name.
                doc.title = b.text
                yield Verdict(b.index, "headline", "the page headline (Document.title)")
            elif not inside[i]:
                yield Verdict(b.index, "before_content" if i < first else "after_content", evidence)

    @staticmethod
    def _with_lead(blocks, container: int, parent: int, a: int) -> int:
        """The content element ``container``, or its parent element when the parent also holds,
        before the region's first block ``a``, prose that no filter has removed (at least 40
        words and a quarter of the element's own) and little else: at most ``MAX_LEAD_OTHERS``
        other kept blocks outside the element.  A question and its answers are siblings
        (``div.question``, ``div#answers``), and the answers, longer, won the region alone (an
        invented Q&A page lost its whole question); a page-wide wrapper around an "about" blurb,
        lists and the article is not taken for such a parent (the bench's news pages have no
        such lead, and none changed)."""
        own = before = others = 0
        for b in blocks:
            dom = b.dom
            if dom is None or b.removal is not None:
                continue
            if container in dom.ancestors:
                if b.features.prose:
                    own += b.features.words
            elif parent in dom.ancestors:
                if b.index < a and b.features.prose:
                    before += b.features.words
                else:
                    others += 1
        if before >= 40 and 4 * before >= own and others <= MAX_LEAD_OTHERS:
            return parent
        return container

    def _headline(self, blocks, a: int, lex) -> int | None:
        """Index of the article's headline above the region's first block ``a``, or None.

        Looks at most ``headline_reach`` blocks up (a byline, a date, a standfirst and a share
        bar may sit between) and takes the topmost block there that reads as a headline: kept so
        far, 4 to 30 words, no sentence end, opening with a letter, digit or quote, not a date
        line and not a byline ("By ...", "Posted on ...": ``byline_prefixes``).  So "April 2,
        2025", "#1", "*Ad disclosure" and "By Jo Doe" are never headlines
        (golden/en/news-inline-related-box, en/forum-post-bike, de/rezept-blog-zwetschgenkuchen),
        and the standfirst below the headline loses to it.
        """
        found = None
        for i in range(a - 1, max(-1, a - 1 - self.headline_reach), -1):
            b = blocks[i]
            f = b.features
            if (
                b.removal is None
                and 4 <= f.words <= 30
                and not f.terminal
                and (b.text[0].isalnum() or b.text[0] in "'\"‘“«„[【")
                and b.kind != "list_item"
                and lex.prefix(f, "byline_prefixes") is None
                and not is_timestamp(b, lex)
            ):
                found = i
        return found

    @staticmethod
    def _runs_on(lex, f, min_density) -> bool:
        """Whether a long block without a sentence end reads as running text: its stopword
        density is at least ``min_density`` (or it cannot be measured).  A tag line or a list
        run together ("stock car brasil, stock car interlagos, ...") has almost no function
        words."""
        if not min_density:
            return True
        density = lex.stopword_density(f)
        return density is None or density >= min_density

    def _dated_article(self, blocks, a: int, lex) -> tuple[int, int] | None:
        """The article under a dated headline, when the prose region lies past its end.

        A whole-page paste runs: menus, the headline and its date line, the article, the
        article's end (a bottom share bar, a "Related" or comment heading), then sidebars and
        footer.  An article made of short lines (a race calendar, a meal plan, a standings table,
        a list article) scores below zero, so the densest prose can be the sidebar's teaser
        summaries or the footer's disclaimer past the article's end.  When the region found
        starts after such an end, and the span between the last dated headline before it and
        that end holds at least ``anchor_min_blocks`` kept blocks and ``anchor_min_words`` words
        of content-like lines (prose, or menu likeness at most ``extend_likeness``), the span
        is the region.  Forced by the list-article pages of ``../shared/bench/pasted`` (a
        Portuguese race calendar, an English meal plan; F1 0 on both before) and
        golden/pt/calendario-lista-sem-prosa, golden/en/meal-plan-list-article.

        Returns:
            ``(start, end)`` block indices of the span, or None to keep the region found.
        """
        if not self.anchor_min_blocks:
            return None
        # No article end before the region: nothing to anchor to (most pages; skip the scan).
        if not any(b.removal is not None and (b.removal.filter == "share" or (b.removal.filter, b.removal.reason) in _SECTION_ENDS)
                   for b in blocks[:a]):
            return None
        header = None
        for i in range(a - 1, 0, -1):
            if self._is_dateline(blocks[i], lex) and (
                self._headline_like(blocks[i - 1], lex) or (i > 1 and self._headline_like(blocks[i - 2], lex))
            ):
                header = i
                break
        if header is None:
            return None
        start = header + 1
        while start < a and self._is_dateline(blocks[start], lex):
            start += 1
        seen_content = False
        end = None
        for i in range(start, a):
            b = blocks[i]
            r = b.removal
            if r is not None:
                if (r.filter, r.reason) in _SECTION_ENDS or (r.filter == "share" and seen_content):
                    end = i
                    break
                continue
            seen_content = True
        if end is None:
            return None
        count = words = 0
        limit = self.extend_likeness
        for b in blocks[start:end]:
            f = b.features
            # A bullet alone makes a line look listed, not written: a widget's bulleted buttons
            # ("* Share this with Email", a BBC share panel in pasted-inscriptis) or a bulleted
            # menu must not pass for a list article, so the line is judged without it.
            text = b.text.lstrip(_BULLETS) or b.text
            if b.removal is None and (f.prose or menu_likeness(text, Features(text)) <= limit or _is_table_row(text)):
                count += 1
                words += f.words
        if count < self.anchor_min_blocks or words < self.anchor_min_words:
            return None
        while start < end and blocks[start].removal is not None:
            start += 1
        return start, end

    @staticmethod
    def _is_dateline(b, lex) -> bool:
        """A date line under a headline: a timestamp, or a short line that opens with a date
        ("November 12, 2018 | BY: Staff")."""
        f = b.features
        if f.words > 12:
            return False
        if is_timestamp(b, lex):
            return True
        tokens = f.norm.split()[:3]
        dates = lex.any_date_words
        return len(tokens) == 3 and "0" in tokens and all(t == "0" or t in dates for t in tokens) and any(t != "0" for t in tokens)

    @staticmethod
    def _headline_like(b, lex) -> bool:
        f = b.features
        return (
            2 <= f.words <= 30
            and not f.terminal
            and (b.text[0].isalnum() or b.text[0] in "'\"‘“«„[【")
            and b.kind != "list_item"
        )

    def _extend(self, blocks, end: int, lex) -> int:
        """Extend the region forward over the short lines of content that follow it (a list of
        tour dates, numbered offers after the intro): kept blocks of menu likeness at most
        ``extend_likeness`` or table rows, crossing at most ``max_gap`` other lines between two
        of them.  A removed block stops the extension."""
        if not self.extend:
            return end
        n, i = len(blocks), end
        limit = self.extend_likeness
        while i < n:
            j = i
            gap = 0
            while j < n and blocks[j].removal is None and gap <= self.max_gap:
                b = blocks[j]
                f = b.features
                if f.prose and not f.terminal and not self._runs_on(lex, f, self.min_stopword_density):
                    pass  # a tag line: not content, so it counts as a gap
                elif f.prose or _is_table_row(b.text) or menu_likeness(b.text, f) <= limit:
                    break
                gap += 1
                j += 1
            if j >= n or blocks[j].removal is not None or gap > self.max_gap:
                return i
            i = j + 1
        return i


FILTER = MainContent
