"""``dom_hints``: boilerplate containers named by class, id, ARIA role or landmark element (HTML)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..document import Verdict
from . import Filter, kept_blocks
from ..parsers.html import NAME_BREAK

#: Hint kinds in the order they are tried, each a data file of class/id tokens in
#: ``lexicons/_dom/<kind>.txt``, and the reason it gives.
KINDS = {
    "cookie": "cookie_container",
    "ad": "ad_container",
    "comments": "comments_container",
    "related": "related_container",
    "promo": "promo_container",
    "share": "share_container",
    "navigation": "navigation_container",
    "meta": "meta_container",
    "caption": "caption_container",
    # Last: a button wrapper is a call to action only when nothing more telling is named
    # ("share-buttons" is a share bar, "wp-block-button" a promo link).
    "buttons": "promo_container",
}
#: Elements whose classes describe the whole page, not a part of it: WordPress puts
#: "comments-open" on <body>, and an <article> may carry "has-related-posts".
PAGE_TAGS = frozenset({"html", "body", "article", "main"})


@lru_cache(maxsize=None)
def _tokens(name: str) -> frozenset[str]:
    text = (resources.files("cleanpage.lexicons") / "_dom" / f"{name}.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line)


def _words(tokens: tuple[str, ...]) -> set[str]:
    # "entry-content" splits into entry, content; "entrycontent" is the strong content hint,
    # and "call-to-action" is "calltoaction".
    return (set(tokens) | {a + b for a, b in zip(tokens, tokens[1:])}
            | {a + b + c for a, b, c in zip(tokens, tokens[1:], tokens[2:])})


#: Atomic CSS ("ab ac ad ae af") names no part of the page: an element with this many class
#: names of one or two letters is not read for hints, or Medium-style class lists would make
#: "ad" an ad container of the article.  Whole names are counted: Bootstrap's "col-md-4"
#: splits into short pieces but is one name.
ATOMIC_TOKENS = 4


def _atomic(tokens: tuple[str, ...]) -> bool:
    short = 0
    for i, t in enumerate(tokens):
        if (len(t) <= 2 and t != NAME_BREAK and (i == 0 or tokens[i - 1] == NAME_BREAK)
                and (i + 1 == len(tokens) or tokens[i + 1] == NAME_BREAK)):
            short += 1
    return short >= ATOMIC_TOKENS


#: How many frames further out a weak content token ("content", "text", "body") looks for a
#: comment container around it: a comment's own text sits in such a wrapper
#: (``div#comments > div.comment > div.comment_content > div.content``, a MacRumors page of
#: ../shared/bench, whose 1,700 words of comments were kept).
COMMENT_REACH = 3


def _by_tokens(frames) -> tuple[str, str, str] | None:
    """The reason, evidence and token from the nearest frame that decides, or None."""
    return _decide(frames)[0]


def _decide(frames) -> tuple[tuple[str, str, str] | None, int]:
    """``(verdict, k)``: the ``(reason, evidence, token)`` of the nearest frame that decides, or
    None, and the index in ``frames`` of that frame (-1 with no verdict), so that blocks can be
    counted by deciding element."""
    weak = -1  # frames seen since a weak content token, or -1
    for k in range(len(frames) - 1, -1, -1):
        tag, tokens = frames[k]
        if tag in PAGE_TAGS:
            continue
        decision = _frame(tag, tokens)
        if weak >= 0:
            weak += 1
            if decision is not None and decision != "content" and decision[0] == "comments_container":
                return decision, k
            if decision == _STRONG or weak > COMMENT_REACH:
                return None, -1
            continue
        if decision == _STRONG:
            return None, -1
        if decision == "content":
            weak = 0
            continue
        if decision is not None:
            return decision, k
    return None, -1


_STRONG = "strong content"
@lru_cache(maxsize=1)
def _boilerplate_tokens() -> frozenset[str]:
    return frozenset().union(*(_tokens(kind) for kind in KINDS))


def _qualified(tokens: tuple[str, ...], strong: set[str]) -> bool:
    """Whether every strong token here names a part of the article, not the article: a
    boilerplate word follows it in the same class ("article-share", "article-related",
    "main-nav"), where "article-body" and a lone "article" name the article itself."""
    boiler = _boilerplate_tokens()
    for token in strong:
        i = tokens.index(token)
        if i + 1 >= len(tokens) or tokens[i + 1] not in boiler:
            return False
    return True


@lru_cache(maxsize=8192)
def _frame(tag: str, tokens: tuple[str, ...]):
    """What one element's tokens say: ``"content"`` (a content container: stop), a
    ``(reason, evidence, token)`` triple, or None (nothing: look further out)."""
    if _atomic(tokens):
        return None
    words = _words(tokens)
    strong = words & _tokens("strong")
    if strong and not (strong <= set(tokens) and _qualified(tokens, strong)):
        return _STRONG  # the nearest content container: whatever lies further out is page
    if words & _tokens("embeds"):
        # An embedded post the article quotes (blockquote.twitter-tweet in
        # div.social-media-embed): "social" there names the source, not a share bar.
        return "content"
    modifiers = _tokens("modifiers")
    for kind, reason in KINDS.items():
        if kind == "buttons" and words & _tokens("positive"):
            break  # "story-button", "content-buttons": the article's own controls
        for token in sorted(words & _tokens(kind)):
            i = tokens.index(token) if token in tokens else -1
            if i >= 0 and set(tokens[max(0, i - 1) : i + 2]) & modifiers:
                continue  # "has-comments", "comments-open": a flag, not a container
            if token == "header" and i > 0 and tokens[i - 1] not in _tokens("page_level") | {NAME_BREAK}:
                # "job-header", "question-header", "article__header": the head of one part,
                # its title and facts; the page's own is "header", "site-header", "l-header".
                continue
            # The matched word and the element: the whole class list, cut, hid why it matched.
            return (reason, f'{tag} with class/id "{token}"', token)
    if words & _tokens("positive"):
        return "content"
    return None


class DomHints(Filter):
    """Removes blocks inside containers whose class, id or role names boilerplate, or inside
    navigation landmarks.

    For each block, its nearest ancestor with a boilerplate token decides the reason
    (``cookie_container``, ``ad_container``, ``comments_container``, ``related_container``,
    ``promo_container``, ``share_container``, ``navigation_container``, ``meta_container`` for
    bylines, datelines and author boxes, ``caption_container`` for captions and galleries), with
    care, as
    readability weighs class names (positive and negative patterns):

    * an element nearer to the block with a content token ("article-body", "entry-content",
      "post", "story", "content") keeps it: a comment-count link inside the article body is
      not a thread (ignoring plain "content" cost 4 points of recall on the bench: article
      bodies sit in such wrappers inside sidebar layouts);
    * on the same element, a strong content token wins, and a token next to a modifier
      ("has-comments", "comments-open", "no-related") is not a hint; but a strong word that a
      boilerplate word follows names a part of the article ("article-share", "article-meta",
      "main-nav"), not the article, and does not win (a Drupal-style "article-share" bar and
      "article-meta" line were kept inside the article; bench F1 0.9796 -> 0.9799);
    * classes on ``html``, ``body``, ``article`` and ``main`` describe the page, not a part of
      it, and are not read, nor are atomic class lists ("ab ac ad ae": ``ATOMIC_TOKENS`` tokens
      of one or two letters), whose "ad" names no advert;
    * three tokens join as two do ("call-to-action" is "calltoaction"); a button wrapper
      ("wp-block-button") is a promo when no other token of its element is a hint, boilerplate
      or content ("share-buttons" is a share bar, "story-button" the article's);
    * "header" after a word that names a part ("job-header", "question-header",
      "article__header") is the head of that part (its title, salary, facts), not the page's
      header: it does not decide, and a container further out may.  Only after a page-level
      word (``lexicons/_dom/page_level.txt``: "site-header", "global-header", "l-header") or
      alone does it name navigation.  Forced by invented job-posting and Q&A pages in which the
      title and the facts under it went as ``navigation_container``.

    Controls: the text of a ``<button>``, ``<select>``, ``<textarea>`` or ``<dialog>`` (a block of
    kind ``"control"``, see :mod:`cleanpage.parsers.html`) goes as ``form_control``.

    Landmarks: blocks inside ``<nav>`` (``navigation_landmark``), and inside ``<footer>``,
    ``<aside>`` or a page ``<header>`` that are not inside an ``<article>`` or ``<main>``
    (``footer_landmark``, ``aside_landmark``, ``header_landmark``).

    A container decided by the bare "meta" or "gallery" token that holds ``meta_paragraphs`` or more prose
    blocks of ``meta_words`` words in all, or by "paywall" with ``paywall_paragraphs`` of
    ``paywall_words``, wraps paragraphs of the article, counted over the whole deciding element
    (paragraphs in their own wrappers included): what "meta" names is short (a byline, a date,
    a reading time), and sites serve the gated part of a story in the page inside a paywall
    wrapper.  Forced by a Barron's page of ../shared/bench/scrapinghub (``div.paywall`` held
    all but two paragraphs: F1 0.39, now 0.99), an invented video page whose description sat
    in ``div.video-meta`` and an invented photo-gallery page whose intro sat in
    ``div.gallery-intro`` (both came out empty).  A paywall prompt is a line or two of pitch and a button;
    "author", "bio" and "byline" boxes and other promo tokens ("donate", "membership") still
    decide, as their text can run to several paragraphs.

    Options:
        landmarks (bool): judge by landmark elements (default True).
        meta_paragraphs (int), meta_words (int): prose under a "meta" element that makes it
            article text (default 2 blocks, 40 words: a one-paragraph blurb stays meta).
        paywall_paragraphs (int), paywall_words (int): the same for "paywall" (default 3
            blocks, 100 words: a prompt's two sentences of pitch stay a promo).

    Tokens are data: ``lexicons/_dom/*.txt``.
    """

    name = "dom_hints"
    reasons = tuple(dict.fromkeys(KINDS.values())) + (
        "form_control",
        "navigation_landmark",
        "footer_landmark",
        "aside_landmark",
        "header_landmark",
    )
    origins = frozenset({"html"})
    defaults = {"landmarks": True, "meta_paragraphs": 2, "meta_words": 40,
                "paywall_paragraphs": 3, "paywall_words": 100}
    summary = "containers whose class/id/role names ads, related, promo, comments, share, cookies, navigation; button and dialog text (HTML)"

    def judge(self, doc, lex):
        # Blocks of one container share their frames tuple: judge each tuple once a page.
        decided: dict[int, tuple[tuple[str, str, str] | None, int]] = {}
        kept = kept_blocks(doc)
        # Tokens whose element may wrap article text, and the prose that makes it so: the bare
        # "meta" (not "author", "bio" or "byline": a bio runs to two paragraphs), "gallery" (a
        # gallery page's intro; its captions sit in figures, for the credits filter) and
        # "paywall".
        limits = {"meta": (self.meta_paragraphs, self.meta_words),
                  "gallery": (self.meta_paragraphs, self.meta_words),
                  "paywall": (self.paywall_paragraphs, self.paywall_words)}
        # Prose under each element such a token decided: id of its frame -> [blocks, words].
        wrapped: dict[int, list[int]] = {}
        for b in kept:
            dom = b.dom
            if dom is None or b.kind == "control":
                continue
            key = id(dom.token_frames)
            if key not in decided:
                decided[key] = _decide(dom.token_frames)
            verdict, k = decided[key]
            if verdict is not None and b.features.prose and verdict[2] in limits:
                count = wrapped.setdefault(id(dom.token_frames[k]), [0, 0])
                count[0] += 1
                count[1] += b.features.words
        for b in kept:
            dom = b.dom
            if dom is None:
                continue
            if b.kind == "control":
                yield Verdict(b.index, "form_control", f"<{dom.tag}>")
                continue
            verdict, k = decided[id(dom.token_frames)]
            if verdict is not None and verdict[2] in limits:
                paragraphs, words = wrapped.get(id(dom.token_frames[k]), (0, 0))
                least = limits[verdict[2]]
                if paragraphs >= least[0] and words >= least[1]:
                    verdict = None  # paragraphs of the article in a misnamed wrapper
            if verdict is None and self.landmarks:
                verdict = self._by_landmark(dom)
            if verdict is not None:
                yield Verdict(b.index, verdict[0], verdict[1])

    @staticmethod
    def _by_landmark(dom):
        marks = dom.landmarks
        if "nav" in marks:
            return ("navigation_landmark", "<nav>")
        if marks & {"article", "main"}:
            return None
        for mark in ("footer", "aside", "header"):
            if mark in marks:
                return (f"{mark}_landmark", f"<{mark}>")
        return None


FILTER = DomHints
