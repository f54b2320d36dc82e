"""Per-block text features, computed once per block and shared by every filter.

Words are ``\\w+`` runs, as in the article-extraction benchmark's tokenizer; in scripts written
without spaces (Chinese, Japanese) each run of ideographs/kana counts one word per two
characters, a common approximation of the average word length in those languages.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .lexicons import normalize

_WORD = re.compile(r"\w+")
# CJK ideographs, kana, and CJK punctuation ranges; Hangul is spaced so \w+ already works.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Sentence-final punctuation, optionally followed by closing quotes/brackets.  Includes the
# ellipsis and CJK full stops so "No comments yet..." and "。" end a sentence.
_TERMINAL = re.compile(r"[.!?…。！？]['\"”’»)\]」』]*$")
_LETTER = re.compile(r"[^\W\d_]")


class Features(NamedTuple):
    """Text features of one block.

    Attributes:
        words: word count (``\\w+`` runs; CJK counted as one word per two characters).
        chars: length of the text in characters.
        terminal: the text ends with sentence-final punctuation.
        letters: number of letters (no digits, no punctuation).
        upper_start: the first letter is upper case (or the script has no case).
        norm: the text normalised for lexicon look-ups (see :func:`cleanpage.lexicons.normalize`).
    """

    words: int
    chars: int
    terminal: bool
    letters: int
    upper_start: bool
    norm: str


def count_words(text: str) -> int:
    cjk = len(_CJK.findall(text))
    if not cjk:
        return len(_WORD.findall(text))
    # Remove CJK characters, count the remaining spaced words, add CJK at two chars a word.
    rest = _CJK.sub(" ", text)
    return len(_WORD.findall(rest)) + (cjk + 1) // 2


def ends_terminal(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def compute(text: str) -> Features:
    m = _LETTER.search(text)
    return Features(
        words=count_words(text),
        chars=len(text),
        terminal=ends_terminal(text),
        letters=len(_LETTER.findall(text)),
        upper_start=bool(m) and not m.group().islower(),
        norm=normalize(text),
    )


#: A block is *prose* when it has at least this many words and ends a sentence; the same
#: threshold as the C4 line filter (Raffel et al. 2020, "keep lines of >= 10 words ending in
#: terminal punctuation"), which the benchmark README uses as its baseline.
PROSE_MIN_WORDS = 10
#: ... or when it is this long whatever its last character: pasted paragraphs lose their final
#: period where the page ended them with a link (the seed paste's "... Unitree Robotics").
PROSE_LONG_WORDS = 25


def is_prose(f: Features) -> bool:
    """True for a block that reads as a sentence of running text (see PROSE_* constants)."""
    return (f.words >= PROSE_MIN_WORDS and f.terminal) or f.words >= PROSE_LONG_WORDS
