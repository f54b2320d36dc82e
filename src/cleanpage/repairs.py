"""Declared repair steps: the only places where cleanpage changes text rather than judging it.

Both run before the filters, so the filters judge whole sentences; ``join_link_breaks`` runs
once more after them, on the kept blocks, to join across a removed block ("...the rise of the /
Advertisement / 'six little dragons'..." becomes one sentence).  Removed blocks stay as they
are, so the explanation shows the input.  Each repair records its name in ``Block.repairs`` wherever it changed something.
Repairs never add words: they join lines and delete spaces, so every output word is input text.
Joins depend only on the two lines and the paragraph boundaries between them, which the text
renderer writes as blank lines, so cleaning the output again joins nothing more (idempotence).

``join_link_breaks``
    A browser puts a line break where a page had a block-styled link inside a sentence; the seed
    paste has "following the rise of the / 'six little dragons' that included / DeepSeek and /
    Unitree Robotics".  Line B is joined onto line A when A does not end a sentence and either

    * A ends with a word a sentence cannot end on (``continuation_words`` lexicon: "the", "by",
      "and") and A is prose-length (at least ``MIN_CHAIN_WORDS`` words) or is itself a joined
      fragment; or
    * A is a joined fragment and B is a short fragment that itself ends on such a word.

    List items and lines across a paragraph boundary (a blank line anywhere between them) are
    never joined, so lists, headings and verse keep their lines.

``space_before_punct``
    A dropped link leaves "Alibaba Group Holding , left": the space before a comma or period is
    removed when a word precedes it and a space or the line end follows.  Not before ; : ! ?,
    where French typography puts a space by rule.
"""
from __future__ import annotations

import re
from typing import Callable

from .document import Block, Span
from .filters._sections import is_timestamp
from .lexicons import Lexicons

#: Shortest line that may start a join chain (golden/en/verse-and-list keeps short verse lines).
MIN_CHAIN_WORDS = 8
#: Longest line B joined as a fragment when A does not end on a continuation word.
MAX_FRAGMENT_WORDS = 6

# Only , and . : French sets a space before ; : ! ? by rule ("minutes : un gain").
_SPACE_PUNCT = re.compile(r"(?<=\w) +([,.])(?= |$)")


def _last_word(text: str) -> str:
    return text.rsplit(None, 1)[-1].strip(_STRIP).casefold()


_STRIP = "'\"’”),;:-–—"


def join_link_breaks(blocks: list[Block], lex: Lexicons) -> list[Block]:
    """Join lines broken where a link was (see the module docstring): first adjacent lines,
    before the filters judge them; :func:`join_across_removed` repeats it after the filters.
    A line that is a standalone ad or share label, a byline or a date line is never taken into
    a sentence ("...nach Prag an" / "Von Jonas Weber" is a headline over its byline): the
    filters remove it, and the join then reaches across it."""
    labels = (lex["ad_markers"], lex["share_labels"])

    def is_label(b: Block) -> bool:
        f = b.features
        if f.words > 15:
            return False
        return (
            any(f.norm in l for l in labels)
            or lex.prefix(f, "byline_prefixes") is not None  # "Von Jonas Weber" after a headline
            or is_timestamp(b, lex)
        )

    return _join(blocks, lex, is_label)


def join_across_removed(blocks: list[Block], lex: Lexicons) -> list[Block]:
    """The same joins between kept blocks that a removed block separated ("...the rise of the /
    Advertisement / 'six little dragons'...").  Run after the filters, so that cleaning the
    output again, where those blocks are adjacent, joins nothing more."""
    return _join(blocks, lex, lambda b: False)


def _join(blocks: list[Block], lex: Lexicons, is_label: Callable[[Block], bool]) -> list[Block]:
    cont = lex["continuation_words"]
    out: list[Block] = []
    last = -1  # position in ``out`` of the last kept block
    boundary = True  # a blank line (paragraph boundary) since that block
    chain: list[Block] = []  # the blocks joined into out[last] so far, first to last
    for b in blocks:
        boundary = boundary or b.blank_before
        if b.removal is not None:
            out.append(b)  # removed blocks stay, in place; a join may reach across them
            continue
        if last >= 0 and not boundary and b.kind == "line" and out[last].kind == "line":
            # The chain's last line decides, so a chain is joined once at its end: joining
            # pair by pair copied the growing text each time (quadratic on a page of lines
            # that all end on "the").
            tail = chain[-1] if chain else out[last]
            if _joins(tail, b, bool(chain), cont) and not is_label(b):
                if not chain:
                    chain.append(out[last])
                chain.append(b)
                continue
        if chain:
            out[last] = _merge(chain)
            chain = []
        out.append(b)
        last, boundary = len(out) - 1, False
    if chain:
        out[last] = _merge(chain)
    return out


def _joins(a: Block, b: Block, chained: bool, cont) -> bool:
    if a.features.terminal or not (a.text[-1].isalnum() or a.text[-1] in "'\"’”)"):
        return False
    if _last_word(a.text) in cont and (chained or a.features.words >= MIN_CHAIN_WORDS):
        return True
    return (
        chained
        and b.features.words <= MAX_FRAGMENT_WORDS
        and not b.features.terminal
        and _last_word(b.text) in cont
    )


def _merge(chain: list[Block]) -> Block:
    a, z = chain[0], chain[-1]
    sa, sz = a.source, z.source
    span = Span(sa.start, sz.end, sa.first_line, sz.last_line) if sa and sz else sa
    repairs = a.repairs if "join_link_breaks" in a.repairs else a.repairs + ("join_link_breaks",)
    parts = [a.text]
    for b in chain[1:]:
        # A line that starts with punctuation was cut off after a link: no space before it.
        parts.append(b.text if b.text[0] in ",.;:!?" else " " + b.text)
    return Block(
        index=a.index,
        text="".join(parts),
        kind=a.kind,
        source=span,
        blank_before=a.blank_before,
        repairs=repairs,
    )


def space_before_punct(blocks: list[Block], lex: Lexicons) -> list[Block]:
    for b in blocks:
        t = b.text
        # Cheap substring probes first: the regex runs on the few lines that can match.
        if (" ," in t or " ." in t) and _SPACE_PUNCT.search(t):
            b.set_text(_SPACE_PUNCT.sub(r"\1", t))
            if "space_before_punct" not in b.repairs:
                b.repairs = b.repairs + ("space_before_punct",)
    return blocks


#: Registry of repair steps: name -> (stage, function(blocks, lexicons) -> blocks).  Stage
#: "parse" runs on the lines before the filters judge them; stage "kept" runs after the filters
#: (removed blocks are skipped over and left as they are).  Turning off ``join_link_breaks``
#: turns off both of its stages.
REPAIRS: dict[str, tuple[str, Callable[[list[Block], Lexicons], list[Block]]]] = {
    "space_before_punct": ("parse", space_before_punct),
    "join_link_breaks": ("parse", join_link_breaks),
}
#: Steps of the "kept" stage, each tied to the parse-stage step it completes.
KEPT_STAGE: dict[str, Callable[[list[Block], Lexicons], list[Block]]] = {
    "join_link_breaks": join_across_removed,
}
