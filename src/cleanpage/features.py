"""Per-block text features, computed once per block and shared by every filter.

Words are whitespace-separated tokens (close to the ``\\w+`` runs of the article-extraction
benchmark's tokenizer, and much faster to count).  Scripts written without spaces between words
are measured in characters: Chinese and Japanese ideographs and kana count one word per two
characters, Thai, Lao, Khmer and Myanmar one per four (the usual approximations of average word
length in those languages), so length and density thresholds mean the same in every script.
Sentence ends include the CJK and full-width full stops, the Devanagari danda, the Arabic
question mark and the Urdu full stop.
"""
from __future__ import annotations

import re

from .lexicons import normalize

# CJK ideographs and kana; Hangul is written with spaces so \w+ already counts it.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Thai, Lao, Myanmar and Khmer: also written without spaces between words.
_SEA = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Sentence-final punctuation: the ellipsis ("No comments yet..."), CJK and full-width full stops,
# the Devanagari danda and double danda, the Arabic question mark, the Urdu full stop, the
# Armenian full stop and the Ethiopic full stop.
_TERMINAL_CHARS = frozenset(".!?…。！？．｡।॥؟۔։።")
# A line that ends on a comma goes on in the next one, as a lower-case start continues the one
# before: a sentence broken over lines, never a menu label (a Japanese list of clauses ending
# in "、": ../shared/bench/pasted, a legal blog).
_CONTINUES = frozenset(",、，")
_LIST_START = re.compile(r"^\s*(?:\d{1,3}[.)]\s|[-*•·◦▪–]\s|\(\d{1,3}\)\s)")
_DIGIT = re.compile(r"\d")
# Closing quotes and brackets that may follow the final punctuation: 'said "yes."' ends a sentence.
_CLOSERS = "'\"”’»)]」』）》〉"

#: A block is *prose* when it has at least this many words and ends a sentence; the same
#: threshold as the C4 line filter (Raffel et al. 2020, "keep lines of >= 10 words ending in
#: terminal punctuation"), which the benchmark README uses as its baseline.
PROSE_MIN_WORDS = 10
#: ... or when it is this long whatever its last character: pasted paragraphs lose their final
#: period where the page ended them with a link (the seed paste's "... Unitree Robotics").
PROSE_LONG_WORDS = 25


class Features:
    """Text features of one block.

    Attributes:
        words: word count (``\\w+`` runs; unspaced scripts by characters, see the module).
        chars: length of the text in characters.
        terminal: the text ends with sentence-final punctuation (closing quotes allowed after).
        prose: ``terminal`` and at least PROSE_MIN_WORDS words, or at least PROSE_LONG_WORDS.
        norm: the text normalised for lexicon look-ups (:func:`cleanpage.lexicons.normalize`),
            computed on first use: most long blocks never need it.
    """

    # ``norm`` is a slot left unset until first read, when __getattr__ computes it: filters
    # read it a thousand times a page, and a slot is read at a fraction of a property's cost.
    __slots__ = ("words", "chars", "terminal", "prose", "norm", "_text", "_prefixes", "_anywhere", "_likeness")

    def __init__(self, text: str, norm: str | None = None):
        self._text = text
        if norm is not None:
            self.norm = norm
        self._prefixes = None  # (Lexicons, {kind: phrase}), see Lexicons.prefixes
        self._anywhere = None  # (Lexicons, {kind: phrase}), see Lexicons.anywhere
        self._likeness: float | None = None
        # count_words and ends_terminal, inlined: this runs once for every line of a page.
        if text.isascii() and "  " not in text and "\n" not in text:
            words = text.count(" ") + 1 if text else 0
        else:  # non-ASCII, or a <pre> block with its own spacing
            words = count_words(text)
        last = text[-1:]
        if last in _CLOSERS:
            last = text.rstrip(_CLOSERS)[-1:]
        terminal = last in _TERMINAL_CHARS
        self.words = words
        self.chars = len(text)
        self.terminal = terminal
        self.prose = (words >= PROSE_MIN_WORDS and terminal) or words >= PROSE_LONG_WORDS

    def __getattr__(self, name: str):
        # Called only for a slot not set yet: ``norm`` on its first read.
        if name == "norm":
            norm = self.norm = normalize(self._text)
            return norm
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __repr__(self) -> str:
        return f"Features(words={self.words}, terminal={self.terminal}, prose={self.prose})"


def count_words(text: str) -> int:
    # Whitespace tokens: the same as \w+ runs but for stray punctuation tokens ("|", "-"), and
    # far faster to count, which matters on every line of a 20 MB paste (Features.__init__
    # counts spaces directly where the parser has collapsed them).
    if text.isascii() or not _UNSPACED.search(text):
        return len(text.split())
    cjk = len(_CJK.findall(text))
    sea = len(_SEA.findall(text))
    # The spaced words outside unspaced runs, plus their characters at two (CJK) or four
    # (Thai and its neighbours) a word.
    return len(_UNSPACED.sub(" ", text).split()) + (cjk + 1) // 2 + (sea + 3) // 4


def menu_likeness(text: str, f: Features) -> float:
    """How much a short line looks like page furniture rather than the short lines of content
    (list items, steps, tour dates, ingredients, sub-headings), from 0.25 to 1.

    Menus and teaser titles are Title Case labels without digits or punctuation; content's short
    lines are numbered, carry quantities and dates, or continue a sentence (a lower-case start,
    as in verse: golden/fr/blog-poeme-commentaires), or read as a sentence (lower-case words,
    final punctuation).  Forced by the meal-plan, tour-dates and numbered-offers pages of
    ``../shared/bench/pasted``, whose articles are mostly short lines.
    """
    if f._likeness is None:
        f._likeness = _menu_likeness(text, f)
    return f._likeness


def _menu_likeness(text: str, f: Features) -> float:
    if (_LIST_START.match(text) or (_DIGIT.search(text) and f.words >= 2) or text[:1].islower()
            or text[-1] in _CONTINUES):
        return 0.25
    if text[-1] in ".:;,!?":
        return 0.5
    first = text[0] if text[0].isalpha() else next((c for c in text if c.isalpha()), "")
    if first and not first.isupper() and not first.islower():
        # A script without case (CJK, Arabic, Devanagari, Hangul): capitals cannot mark a
        # label, so length does; four words (eight CJK characters) read as a phrase.
        return 0.5 if f.words >= 4 else 1.0
    words = text.split()
    if len(words) >= 3:
        lower = sum([w[:1].islower() for w in words[1:]])
        if lower * 2 >= len(words) - 1:
            return 0.5
    return 1.0
