"""Boilerplate phrase lexicons: data files, one normalised phrase a line.

Layout: ``lexicons/<lang>/<kind>.txt``, UTF-8, one phrase a line, each line already in the form
:func:`normalize` gives, sorted and unique (``tests/test_lexicons.py`` checks this).  How a phrase
must match (the whole block, the start of a block, anywhere) is the filter's choice, made through
:class:`Lexicon`'s ``whole`` / ``prefix`` / ``search`` methods.

Kinds used by the built-in filters:

========================  ==================================================================
ad_markers                standalone ad labels ("advertisement", "anzeige", "广告")
ad_disclosures            affiliate / sponsorship disclosures, matched anywhere
related_headings          headings of related/more/most-read sections
related_prefixes          starts of inline related links ("read more", "see also")
promo_phrases             starts of promo widgets (newsletter, app, "try our")
comment_stubs             comment stubs and section heads ("no comments yet", "0 comments")
comment_prefixes          starts of comment-section heads ("0 thoughts on", "0 responses to")
cookie_phrases            phrases of cookie/consent banners (matched anywhere)
share_labels              share/follow/print labels ("share", "tweet", "0 shares")
credit_markers            starts of photo credits ("photo", "image", "credit")
navigation_labels         menu and skip-link labels ("skip to content", "menu")
footer_phrases            footer links ("privacy policy", "terms of use")
copyright_phrases         copyright notices, matched anywhere ("all rights reserved")
time_ago                  teaser/comment timestamps ("0 hours ago", "yesterday")
date_words                month and weekday names and their abbreviations, "am"/"pm"
byline_prefixes           starts of bylines ("by", "posted on", "written by", "von")
continuation_words        words a sentence cannot end on (articles, prepositions, conjunctions)
newsletter_words          subscription vocabulary, matched anywhere ("newsletter", "your inbox")
========================  ==================================================================

Beside the phrase kinds, ``lexicons/<lang>/stopwords.txt`` holds the language's stopwords (the
function words of running text), for stopword density (:meth:`Lexicons.stopword_density`, as in
jusText: Pomikálek 2011, "Removing Boilerplate and Duplicate Content from Web Corpora").  They
come from stopwords-iso (https://github.com/stopwords-iso/stopwords-iso, the ``stopwordsiso``
0.7.1 package on PyPI; MIT licence, see ``STOPWORDS-LICENSE``), normalised like the phrases, with
the entries that hold digits or (but for Vietnamese, whose words are spaced syllables) several
words dropped.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from types import MappingProxyType
from importlib import resources
from typing import Iterable, Mapping

from .._quote import quoted

KINDS = (
    "ad_markers",
    "ad_disclosures",
    "related_headings",
    "related_prefixes",
    "promo_phrases",
    "comment_stubs",
    "comment_prefixes",
    "cookie_phrases",
    "share_labels",
    "credit_markers",
    "navigation_labels",
    "footer_phrases",
    "copyright_phrases",
    "time_ago",
    "date_words",
    "byline_prefixes",
    "continuation_words",
    "newsletter_words",
)

# Numbers, with thousands separators, decimals and k/m suffixes ("1.2k shares"), become "0" so
# one lexicon line covers every count.
# The look-up answer for a block with no phrase, shared by all of them (read-only).
_NOTHING: Mapping[str, str] = MappingProxyType({})

#: Kinds whose phrases are matched anywhere in a block (see Lexicons.anywhere).
ANYWHERE_KINDS = ("cookie_phrases", "copyright_phrases", "ad_disclosures", "newsletter_words")
#: Kinds of single words whose meaning depends on the language ("mar" is a month in Spanish,
#: "die" an article in German): only the page's language (and English) is used for them.
WORD_KINDS = ("continuation_words", "date_words", "time_ago")

#: Languages written without spaces between words: no stopword density for them (Thai spaces
#: only clauses, so a whitespace token is a run of words, never a stopword).
_UNSPACED_LANGS = frozenset({"zh", "ja", "th"})

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:[km]\b)?")
# The same on ASCII bytes not yet lower-cased (normalize's ASCII way lower-cases afterwards).
_NUMBER_BYTES = re.compile(rb"\d+(?:[.,]\d+)*(?:[kKmM]\b)?")
# Word characters, and the combining marks that belong to words: Python's \w leaves out
# vowel signs, virama and nukta, so "विज्ञापन" would fall apart into "व ज ञ पन" (and के, की,
# का would all become "क").  The Brahmic blocks (Devanagari to Sinhala) hold letters, signs
# and digits; their two punctuation marks, the dandas, stay out.
_WORD_RUN = re.compile(
    "[\\w\u0300-\u036f\u0900-\u0963\u0966-\u0dff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
    "\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)
# Arabic and Hebrew vowel points and cantillation: most sites write without them, so a
# phrase matches whether or not a page adds them ("يُرجى" = "يرجى").  The zero-width joiner
# goes too (an Indic half-form, an emoji sequence: one word either way).  The zero-width
# non-joiner is not a word character, so in Arabic script it parts words like a space:
# Persian sites write "می‌کند" with one or with a space, and the lexicons write the space
# ("می کند"); elsewhere normalize() drops it (see there).
_POINTS = re.compile("[\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200d]")


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_DIGIT = re.compile(r"\d")
_DIGIT_BYTES = b"0123456789"
# Scripts written without spaces between words: kana, CJK ideographs (not Hangul, which is
# spaced), and Thai, whose anywhere phrases ("เว็บไซต์นี้ใช้คุกกี้") run on into the next words.
_UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_UNSPACED_RE = re.compile("[%s]" % _UNSPACED)
# ASCII upper case -> lower, all but word characters -> space: one bytes.translate table for
# the fast path of ASCII text (a C loop, ten times faster than str.translate or a regex).
_ASCII_TABLE = bytes(
    (c + 32) if 65 <= c <= 90  # upper -> lower
    else c if c == 10 or chr(c).isalnum() or c == 95  # letters, digits, "_", and the line feed
    else 32  # punctuation, symbols, control characters -> space
    for c in range(256)
)


def _typographic() -> str:
    # Punctuation and spaces of Latin-1 and the General Punctuation block that normalize()
    # turns into a space in any context: NFKC makes of them no word character (nor a line
    # feed), and not a lone "." or "," either, which would join the digits around it into one
    # number, as the one-dot leader U+2024 would ("…" becomes "...", which joins none).
    chars = []
    for c in map(chr, [*range(0xA0, 0xC0), 0xD7, 0xF7, *range(0x2000, 0x2070)]):
        nfkc = unicodedata.normalize("NFKC", c)
        if (unicodedata.category(c)[0] in "PZS" and nfkc not in (".", ",") and "\n" not in nfkc
                and not _WORD_RUN.search(nfkc) and not _POINTS.search(nfkc)):
            chars.append(c)
    return "".join(chars)


# Anything but ASCII and those characters: a text without any takes normalize()'s ASCII way.
_NOT_TYPOGRAPHIC = re.compile("[^\x00-\x7f%s]" % re.escape(_typographic()))


def normalize(text: str) -> str:
    """Normalise ``text`` for phrase look-ups.

    NFKC (full-width forms, ligatures), case-folded, numbers replaced by ``"0"``, punctuation
    and symbols replaced by spaces, whitespace collapsed.  ``"3 Comments"`` and ``"1,024
    comments"`` both become ``"0 comments"``; ``"ADVERTISEMENT:"`` becomes ``"advertisement"``.
    """
    if text.isascii():
        raw = text.encode("ascii")
    elif _NOT_TYPOGRAPHIC.search(text) is None:
        # English with curly quotes, dashes or no-break spaces: each of those becomes a space
        # in the result whatever way it is taken, so "?" (a space to the table) stands in for
        # it and the ASCII way is taken, two to three times faster than the general one.
        raw = text.encode("ascii", "replace")
    else:
        raw = None
    if raw is not None:
        # Any digit?  Deleting the digits in C is four times faster than a regex search.
        if len(raw.translate(None, _DIGIT_BYTES)) != len(raw):
            raw = _NUMBER_BYTES.sub(b"0", raw)
        return " ".join(raw.translate(_ASCII_TABLE).decode("ascii").split())
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    if _POINTS.search(text):
        text = _POINTS.sub("", text)
    if "\u200c" in text and not _ARABIC_SCRIPT.search(text):
        # Outside Persian and its neighbours the non-joiner is spelling inside a word (an
        # Indic half-form), so it goes instead of parting the word.
        text = text.replace("\u200c", "")
    if "\u0307" in text:
        # Turkish "İ" case-folds to "i" + a combining dot, which would split the word
        # ("İlgili Haberler" -> "i lgili haberler"): the dot goes, as in "ilgili haberler".
        text = text.replace("i\u0307", "i")
    if _DIGIT.search(text):
        text = _NUMBER.sub("0", text)
    # The word runs joined by single spaces: the same as replacing punctuation by spaces and
    # collapsing them, in one regex pass instead of three.
    return " ".join(_WORD_RUN.findall(text))


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """Language codes that have a lexicon folder, sorted."""
    root = resources.files(__name__)
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("_")))


@lru_cache(maxsize=None)
def _read(lang: str, kind: str) -> tuple[str, ...]:
    path = resources.files(__name__) / lang / f"{kind}.txt"
    if not path.is_file():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line.strip())


@lru_cache(maxsize=None)
def stopwords(lang: str | None) -> frozenset[str]:
    """The stopwords of ``lang`` (normalised), or an empty set when none ship for it."""
    if lang is None or lang not in languages():
        return frozenset()
    return frozenset(_read(lang, "stopwords"))


class Lexicon(frozenset):
    """The phrases of one kind for a set of languages, ready for fast look-ups.

    A frozenset of normalised phrases (so ``norm in lexicon`` is a C-level probe, made on every
    short block), with look-ups that take text already passed through :func:`normalize`
    (``Block.features.norm``) and return the matched phrase (the evidence) or ``None``.
    """

    def __new__(cls, kind: str, phrases: Iterable[str]):
        self = super().__new__(cls, phrases)
        self.kind = kind
        self.max_words = max((p.count(" ") + 1 for p in self), default=0)
        self._index = None
        return self

    @property
    def phrases(self) -> frozenset[str]:
        return frozenset(self)

    def whole(self, norm: str) -> str | None:
        """The phrase equal to the whole normalised block, or None."""
        return norm if norm in self else None

    def prefix(self, norm: str) -> str | None:
        """The longest phrase the normalised block starts with (at a word boundary), or None."""
        words = norm.split(" ", self.max_words)
        for n in range(min(self.max_words, len(words)), 0, -1):
            cand = " ".join(words[:n])
            if cand in self:
                return cand
        return None

    def search(self, norm: str) -> str | None:
        """The longest phrase found anywhere in the normalised block, as whole words, or None
        (see :class:`PhraseIndex`)."""
        if self._index is None:
            self._index = PhraseIndex((p, self.kind) for p in self)
        return self._index.find(norm).get(self.kind)


class PhraseIndex:
    """Finds phrases anywhere in a normalised text, for several kinds in one pass.

    Each phrase is indexed under its longest word (its *anchor*: "cookies" in "we use cookies",
    "reserved" in "all rights reserved"), so a text costs one C-level set test when it holds no
    anchor, which is most paragraphs; indexing by first words sent every paragraph with "we",
    "by" or "this" down the slow path.  Phrases in scripts written without spaces (Chinese,
    Japanese, Thai) are found as substrings, as their word boundaries are not marked.

    Args:
        entries: ``(phrase, kind)`` pairs of normalised phrases.
    """

    def __init__(self, entries):
        self._by_anchor: dict[str, list[tuple[list[str], int, str, str]]] = {}
        self._unspaced: list[tuple[str, str]] = []
        for phrase, kind in entries:
            if _UNSPACED_RE.search(phrase):
                self._unspaced.append((phrase, kind))
                continue
            words = phrase.split(" ")
            at = max(range(len(words)), key=lambda i: len(words[i]))
            self._by_anchor.setdefault(words[at], []).append((words, at, kind, phrase))
        for entries_ in self._by_anchor.values():
            entries_.sort(key=lambda e: len(e[0]), reverse=True)  # the longest phrase wins
        self._anchors = frozenset(self._by_anchor)
        self._unspaced.sort(key=lambda e: len(e[0]), reverse=True)

    def find(self, norm: str) -> dict[str, str]:
        """``{kind: phrase}`` for each kind with a phrase in ``norm`` (the longest at the first
        place one is found)."""
        found: dict[str, str] = {}
        words = norm.split()
        if not self._anchors.isdisjoint(words):
            by_anchor = self._by_anchor
            for i, w in enumerate(words):
                for pw, at, kind, phrase in by_anchor.get(w, ()):
                    start = i - at
                    if kind not in found and start >= 0 and words[start : start + len(pw)] == pw:
                        found[kind] = phrase
        # Every unspaced phrase holds an unspaced-script character, so a text without one
        # (English with curly quotes, Cyrillic, Hangul) has none of them.  A regex scan:
        # max(norm) walked the text one Python comparison a character, eight times slower.
        if self._unspaced and not norm.isascii() and _UNSPACED_RE.search(norm):
            for phrase, kind in self._unspaced:
                if kind not in found and phrase in norm:
                    found[kind] = phrase
        return found


class Lexicons:
    """All lexicon kinds for one language choice.

    A phrase can be matched three ways (see the module docstring), and the language decides
    which phrases each way uses:

    * whole-block matches (``lex[kind]``, ``norm in lex[kind]``): every shipped language, for
      a label that stands alone is a label in any page ("Advertisement" on a German page,
      "Publicidad" in an English one), except for the WORD_KINDS;
    * block-start and anywhere matches (:meth:`prefixes`, :meth:`anywhere`) and the
      WORD_KINDS: ``lang`` and English, since the start of a sentence in one language can be
      a label in another (Italian "di", Portuguese "por").

    Args:
        lang: a language code (``"de"``).  ``None`` (no language known) uses every language
            shipped for every kind, except ``continuation_words``, which is English only
            (a continuation word of one language ends ordinary lines of another: "la", "die").
        extra: optional ``{kind: [phrase, ...]}`` added to the shipped phrases (normalised
            here) for every way of matching.

    Raises:
        ValueError: ``lang`` has no lexicon folder, or ``extra`` names an unknown kind.
    """

    def __init__(self, lang: str | None = None, extra: dict[str, Iterable[str]] | None = None):
        known = languages()
        if lang is not None and lang not in known:
            raise ValueError(f"unknown language {quoted(lang)}; known: {', '.join(known)}")
        self.lang = lang
        extra = extra or {}
        for kind in extra:
            if kind not in KINDS:
                raise ValueError(f"unknown lexicon kind {quoted(kind)}; known: {', '.join(KINDS)}")
        own = known if lang is None else sorted({lang, "en"})

        def phrases(kind: str, langs: list[str]) -> list[str]:
            if kind == "continuation_words" and lang is None:
                langs = ["en"]
            # An extra phrase of no words normalises to "", which every block without a count
            # "matches" in some look-ups: it is left out.
            added = [n for n in map(normalize, extra.get(kind, ())) if n]
            return [p for lg in langs for p in _read(lg, kind)] + added

        self._by_kind = {
            kind: Lexicon(kind, phrases(kind, own if kind in WORD_KINDS else known)) for kind in KINDS
        }
        # The language's own phrases: for the prefix and anywhere look-ups.
        self._own = (
            self._by_kind
            if lang is None
            else {kind: self._by_kind[kind] if kind in WORD_KINDS else frozenset(phrases(kind, own)) for kind in KINDS}
        )
        self._stopwords = frozenset() if lang in _UNSPACED_LANGS else stopwords(lang)
        #: Month and weekday words of every language: a line made only of numbers and such
        #: words is a date in any language ("Segunda-feira, 4 de março de 2024" on a page read
        #: as English), so that a date line is judged the same whichever language is detected
        #: (a paste cleaned again, in another language once its English lines were gone, lost
        #: its Portuguese date line only then).
        self.any_date_words = frozenset(phrases("date_words", list(known)))
        self._anywhere_index: PhraseIndex | None = None
        self._nothing = (self, _NOTHING)  # the cached answer of a block that matches nothing
        # One index over every kind, for the prefix look-ups the filters make on every short
        # block: phrase -> kinds, and every word-prefix of a phrase, so a walk along a block's
        # first words stops at the first word no phrase continues with.
        self._kinds_of: dict[str, tuple[str, ...]] = {}
        self._stems: set[str] = set()
        for kind, lx in self._own.items():
            for ph in lx:
                self._kinds_of[ph] = self._kinds_of.get(ph, ()) + (kind,)
                words = ph.split(" ")
                for n in range(1, len(words) + 1):
                    self._stems.add(" ".join(words[:n]))
        # Words of the longest phrase: a block's words past them cannot be part of a prefix.
        self._stem_words = max((s.count(" ") + 1 for s in self._stems), default=1)

    def __getitem__(self, kind: str) -> Lexicon:
        return self._by_kind[kind]

    def stopword_density(self, f) -> float | None:
        """Share of a block's words (its Features ``f``) that are stopwords of the language,
        from 0 to 1; ``None`` when no language is set, none ship for it, or the language is
        written without spaces (Chinese, Japanese, Thai), where words cannot be counted this way."""
        words = self._stopwords
        if not words:
            return None
        tokens = f.norm.split()
        if not tokens:
            return 0.0
        return sum(map(words.__contains__, tokens)) / len(tokens)

    def prefixes(self, f) -> Mapping[str, str]:
        """``{kind: longest phrase of that kind the block starts with}`` for a block's
        :class:`~cleanpage.features.Features`; computed once per block and cached on it."""
        cached = f._prefixes
        if cached is not None and cached[0] is self:
            return cached[1]
        norm = f.norm
        if norm.partition(" ")[0] not in self._stems:  # most blocks: no phrase starts so
            f._prefixes = self._nothing
            return _NOTHING
        found: dict[str, str] = {}
        cand = ""
        for w in norm.split(" ", self._stem_words):
            cand = f"{cand} {w}" if cand else w
            if cand not in self._stems:
                break
            for kind in self._kinds_of.get(cand, ()):
                found[kind] = cand  # later (longer) candidates overwrite shorter ones
        if not found:  # most blocks: one shared answer, no allocation per block
            f._prefixes = self._nothing
            return _NOTHING
        f._prefixes = (self, found)
        return found

    def anywhere(self, f) -> Mapping[str, str]:
        """``{kind: phrase}`` for the kinds matched anywhere in a block (ANYWHERE_KINDS), found
        in one pass for all of them (:class:`PhraseIndex`) and cached on the block's Features."""
        cached = f._anywhere
        if cached is not None and cached[0] is self:
            return cached[1]
        if self._anywhere_index is None:
            self._anywhere_index = PhraseIndex(
                (p, kind) for kind in ANYWHERE_KINDS for p in self._own[kind]
            )
        found = self._anywhere_index.find(f.norm)
        if not found:
            f._anywhere = self._nothing
            return _NOTHING
        f._anywhere = (self, found)
        return found

    def prefix(self, f, kind: str) -> str | None:
        """The longest ``kind`` phrase the block (its Features ``f``) starts with, or None."""
        cached = f._prefixes  # the cache test of prefixes(), inlined: filters ask per block and kind
        if cached is not None and cached[0] is self:
            return cached[1].get(kind)
        return self.prefixes(f).get(kind)


@lru_cache(maxsize=32)
def shipped(lang: str | None = None) -> Lexicons:
    """The shipped lexicons for ``lang`` (cached; see :class:`Lexicons`)."""
    return Lexicons(lang)
