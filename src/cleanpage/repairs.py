"""Declared repair steps: the only places where cleanpage changes text rather than judging it.

Each repair takes the parsed blocks and returns new blocks; it records its name in
``Block.repairs`` wherever it changed something, so the JSON and explain renderers show it.
Repairs never add words: they join lines and delete spaces, so every output word is input text.

``join_link_breaks``
    A browser puts a line break where a page had a block-styled link inside a sentence; the seed
    paste has "following the rise of the / 'six little dragons' that included / DeepSeek and /
    Unitree Robotics".  Line B is joined onto line A when A does not end a sentence and either

    * A ends with a word a sentence cannot end on (``continuation_words`` lexicon: "the", "by",
      "and") and A is prose-length (at least ``MIN_CHAIN_WORDS`` words) or is itself a joined
      fragment; or
    * A is a joined fragment and B is a short fragment that itself ends on such a word.

    List items, lines after a blank line and lines that start with a bullet are never joined,
    so lists, headings and verse keep their lines.

``space_before_punct``
    A dropped link leaves "Alibaba Group Holding , left": the space before , . ; : ! ? is
    removed when a word precedes it and a space or the line end follows.
"""
from __future__ import annotations

import re
from typing import Callable

from .document import Block, Span
from .lexicons import Lexicons

#: Shortest line that may start a join chain (golden/en/verse-and-list keeps short verse lines).
MIN_CHAIN_WORDS = 8
#: Longest line B joined as a fragment when A does not end on a continuation word.
MAX_FRAGMENT_WORDS = 6

_SPACE_PUNCT = re.compile(r"(?<=\w) +([,.;:!?])(?= |$)")


def _last_word(text: str) -> str:
    return text.rsplit(None, 1)[-1].strip(_STRIP).casefold()


_STRIP = "'\"’”),;:-–—"


def join_link_breaks(blocks: list[Block], lex: Lexicons) -> list[Block]:
    cont = lex["continuation_words"]
    out: list[Block] = []
    chained = False  # the last block in ``out`` was built by joining
    for b in blocks:
        if out and b.kind == "line" and not b.blank_before and out[-1].kind == "line":
            a = out[-1]
            if not a.features.terminal and (a.text[-1].isalnum() or a.text[-1] in "'\"’”)"):
                a_cont = _last_word(a.text) in cont
                long_a = a.features.words >= MIN_CHAIN_WORDS
                b_frag = (
                    b.features.words <= MAX_FRAGMENT_WORDS
                    and not b.features.terminal
                    and _last_word(b.text) in cont
                )
                if (a_cont and (long_a or chained)) or (chained and b_frag):
                    out[-1] = _merge(a, b)
                    chained = True
                    continue
        out.append(b)
        chained = False
    return out


def _merge(a: Block, b: Block) -> Block:
    sa, sb = a.source, b.source
    span = Span(sa.start, sb.end, sa.first_line, sb.last_line) if sa and sb else sa
    repairs = a.repairs if "join_link_breaks" in a.repairs else a.repairs + ("join_link_breaks",)
    return Block(
        index=a.index,
        text=f"{a.text} {b.text}",
        kind=a.kind,
        source=span,
        blank_before=a.blank_before,
        repairs=repairs,
    )


def space_before_punct(blocks: list[Block], lex: Lexicons) -> list[Block]:
    for b in blocks:
        t = b.text
        # Cheap substring probes first: the regex runs on the few lines that can match.
        if (" ," in t or " ." in t or " ;" in t or " :" in t or " !" in t or " ?" in t) and _SPACE_PUNCT.search(t):
            b.set_text(_SPACE_PUNCT.sub(r"\1", t))
            if "space_before_punct" not in b.repairs:
                b.repairs = b.repairs + ("space_before_punct",)
    return blocks


#: Registry of repair steps: name -> function(blocks, lexicons) -> blocks.
REPAIRS: dict[str, Callable[[list[Block], Lexicons], list[Block]]] = {
    "join_link_breaks": join_link_breaks,
    "space_before_punct": space_before_punct,
}
