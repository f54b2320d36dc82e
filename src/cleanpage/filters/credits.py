"""``credits``: photo/image credits and captions that carry a credit."""
from __future__ import annotations

import re

from ..document import Verdict
from ..lexicons import Lexicon, normalize
from . import Filter, kept_blocks


#: Words that name the maker after a credit marker ("Photo by", "Foto von", "Photo par").
BY_WORDS = ("by", "von", "par", "de", "di", "door")
_BY_RE = re.compile(r" (?:%s) " % "|".join(BY_WORDS), re.I)
#: Longest attribution after the marker, in characters ("Photo: Jane Doe/Wire Agency").
MAX_ATTRIBUTION = 80
#: A credit ends the block: only this many last characters are searched for one.
TAIL_CHARS = 130
_SENTENCE_END = frozenset(".!?。")
_INITIAL = re.compile(r"(?<![^\W\d_])[A-Z]\.")
_EDGE = " ([|/–—-。，；）"
#: What separates a credit marker from the name: a colon, or an equals sign as Korean and
#: Japanese papers write it ("사진=연합뉴스", "写真＝共同"; golden/ko/news-jeontong-sijang).
SEPARATORS = (":", "：", "=", "＝")
# A separator or "©" anywhere: one regex scan, where testing each character in turn made this
# pre-check a tenth of the filter's time.
_CUE = re.compile("[%s©]" % re.escape("".join(SEPARATORS)))


def credit_tail(text: str, markers: Lexicon) -> str | None:
    """The credit that ends ``text`` ("... Photo: AFP", "... (Image credit: Getty)", "... (Photo
    by Jo Doe/Wire)", "... Foto: dpa"), or None: a ``credit_markers`` phrase of one to three
    words, then a colon or a by-word, then a short attribution with no sentence end.  String
    searches from the end, no regex: this runs on most blocks of a page."""
    window = text[-TAIL_CHARS:]
    cuts = []
    for sep in SEPARATORS:
        i = window.rfind(sep)
        if i > 0:
            cuts.append((i, i + 1))
    for m in _BY_RE.finditer(window):
        cuts.append((m.start(), m.end()))
    for i, j in sorted(cuts, reverse=True):
        attribution = window[j:].strip(" )]")
        if not attribution or len(attribution) > MAX_ATTRIBUTION:
            continue
        if not _SENTENCE_END.isdisjoint(_INITIAL.sub("", attribution)):
            continue  # a sentence, not a name ("J. Okafor" has an initial, not a sentence end)
        words = window[:i].rstrip().rsplit(None, 3)[-3:]
        for k in range(len(words)):
            cand = " ".join(words[k:]).lstrip(_EDGE)
            if cand and normalize(cand) in markers:
                return window[window.rfind(cand, 0, i):].strip(_EDGE)
        # the marker may be glued to CJK punctuation before it: "…。图片来源：新华社"
        last = words[-1] if words else ""
        for n in range(min(6, len(last)), 0, -1):
            # the cheap boundary test first: normalize() only where a marker could start
            if not last[-n - 1 : -n].isalnum() and normalize(last[-n:]) in markers:
                return window[i - n :].strip(_EDGE)
    return None


#: Words that end a Chinese or Japanese photo credit written after the caption, with no
#: separator: "（長野県内で、本社撮影）" (taken by our staff), "（新华社记者 李明 摄）",
#: "东方晨报记者 陈伟 摄" (the reporter's name, then "shot").  Photo-specific only: a wire
#: agency's name in brackets, "（共同）", also ends ordinary paragraphs of news copy.
CJK_PHOTO_WORDS = ("撮影", "摄影", "攝影", "摄", "攝", "供图", "供圖")
_CJK_LAST = frozenset("）)" + "".join(w[-1] for w in CJK_PHOTO_WORDS))
#: Longest such trailer in characters, brackets excluded.
MAX_CJK_TRAILER = 30
#: Longest caption before a bracketed credit, in characters.
MAX_CJK_CAPTION = 80
_FILMED = ("拍摄", "拍攝")


def cjk_photo_credit(text: str) -> str | None:
    """The photo credit that ends a Chinese or Japanese caption with no separator, or None:
    a bracketed group that ends in a ``CJK_PHOTO_WORDS`` word, or, unbracketed, the last
    clause when it names a reporter ("记者"/"記者") or is a name and the word apart."""
    t = text.rstrip()
    if t[-1:] in "）)":
        start = max(t.rfind("（"), t.rfind("("))
        inner = t[start + 1 : -1].strip()
        # A caption is one sentence: a paragraph that ends in a bracket ("…（式典の様子はNHKが
        # 撮影）") is prose; and 拍摄 is "filmed", a film's, not a photographer's.
        if (start >= 0 and 0 < len(inner) <= MAX_CJK_TRAILER and inner.endswith(CJK_PHOTO_WORDS)
                and not inner.endswith(_FILMED) and _SENTENCE_END.isdisjoint(t[:start] + inner)
                and start <= MAX_CJK_CAPTION):
            return t[start:]
        return None
    if t.endswith(CJK_PHOTO_WORDS) and not t.endswith(_FILMED):
        clause = t[max(t.rfind(c) for c in "。！？") + 1 :].strip()
        if len(clause) <= MAX_CJK_TRAILER and (" " in clause or "记者" in clause or "記者" in clause):
            return clause
    return None


def _credit_start(marker: str, text: str) -> bool:
    """``text`` opens with ``marker`` as a credit: followed by a separator ("Photo: AFP",
    "[사진=연합뉴스]", "图/新华社"), or the marker itself names the maker ("Photo by", "Foto
    von")."""
    if marker.rsplit(" ", 1)[-1] in BY_WORDS:
        return True
    pattern = r"\W*%s\s*[:：=＝/]" % re.escape(marker).replace(r"\ ", r"\W+")
    return re.match(pattern, text, re.I) is not None


class Credits(Filter):
    """Removes photo credits and the captions they end.

    * ``photo_credit``: a short block that is a credit: starts with a ``credit_markers`` phrase
      followed by a colon, an equals sign or a slash, or by "by" ("Photo: AFP", "Image credit:
      Getty Images", "Photograph by Jane Doe", "[사진=연합뉴스]", "图/新华社"), starts with "©",
      or is only a marker ("Getty Images").
    * ``caption_credit``: a caption ending in such a credit ("Alibaba's headquarters in
      Hangzhou. Photo: AFP"): the seed paste's case; or, in Chinese and Japanese, in a
      photographer's credit with no separator ("…（本社撮影）", "…记者 陈伟 摄", see
      :func:`cjk_photo_credit`).
    * ``figure_caption`` (HTML): text inside ``<figure>`` / ``<figcaption>``: captions and
      credits are not the article body (the benchmark's ground truth leaves them out too).

    Options:
        max_credit_words (int): longest bare credit (default 12).
        max_caption_words (int): longest caption judged (default 60): captions are a sentence or
            two; a paragraph that mentions "photo:" mid-text is not judged.
        figures (bool): remove HTML figure captions (default True).
    """

    name = "credits"
    reasons = ("photo_credit", "caption_credit", "figure_caption")
    defaults = {"max_credit_words": 12, "max_caption_words": 60, "figures": True}
    summary = "photo/image credits and captions that end in a credit"

    def judge(self, doc, lex):
        markers: Lexicon = lex["credit_markers"]
        for b in kept_blocks(doc):
            f = b.features
            if b.dom is not None and "figure" in b.dom.landmarks and self.figures:
                yield Verdict(b.index, "figure_caption", f"<{b.dom.tag}> in <figure>")
                continue
            if f.words > self.max_caption_words:
                continue
            if f.words <= self.max_credit_words:
                hit = lex.prefix(f, "credit_markers")
                if f.norm in markers or b.text.startswith("©") or (hit and _credit_start(hit, b.text)):
                    yield Verdict(b.index, "photo_credit", hit or b.text)
                    continue
            t = b.text
            if t[-1] in _CJK_LAST:
                credit = cjk_photo_credit(t)
                if credit:
                    yield Verdict(b.index, "caption_credit", credit)
                    continue
            # A caption credit needs a colon, "©" or a by-word: test for them before the search.
            if not (_CUE.search(t) or _BY_RE.search(t, max(0, len(t) - TAIL_CHARS))):
                continue
            credit = credit_tail(t, markers)
            if credit is None:
                i = b.text.rfind("©", -TAIL_CHARS)
                tail = b.text[i:] if i >= 0 else ""
                if tail and len(tail) <= MAX_ATTRIBUTION and _SENTENCE_END.isdisjoint(tail):
                    credit = tail
            if credit:
                yield Verdict(b.index, "caption_credit", credit)


FILTER = Credits
