"""Core data model: a Document is a list of Blocks in reading order.

Filters never delete blocks; they attach a :class:`Removal` to the blocks they judge to be
boilerplate, so every renderer can say what was kept and why the rest went.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, NamedTuple

from .features import Features


class Removal(NamedTuple):
    """Why a block was removed.

    Attributes:
        filter: registry name of the filter that removed the block (e.g. ``"ad_markers"``).
        reason: a snake_case slug from that filter's declared ``reasons`` tuple.
        evidence: the matched phrase or the measured value that decided it; never empty.
    """

    filter: str
    reason: str
    evidence: str


class Verdict(NamedTuple):
    """A filter's judgement on one block: remove block ``index`` for ``reason``, shown by
    ``evidence``.  The pipeline turns verdicts into :class:`Removal` records."""

    index: int
    reason: str
    evidence: str


class Span(NamedTuple):
    """Where a block came from in the decoded input.

    For pasted text: ``start``/``end`` are character offsets into the decoded input string
    (end exclusive) and ``first_line``/``last_line`` are 0-based line numbers (inclusive).
    """

    start: int
    end: int
    first_line: int
    last_line: int


@dataclass(eq=False, slots=True)
class Block:
    """One unit of text in reading order.

    Attributes:
        index: position in :attr:`Document.blocks` (0-based).
        text: the block's text after the declared repairs (see ``repairs``); one line, no
            leading/trailing whitespace, never empty.
        kind: ``"line"`` for a line of pasted text, ``"list_item"`` for a bulleted line,
            ``"heading"``/``"paragraph"`` where the parser knows it.
        source: :class:`Span` into the decoded input.
        blank_before: True when one or more blank lines precede the block in the input (a
            paragraph or section boundary in a paste).
        repairs: names of the repair steps that changed this block's text (e.g.
            ``("join_link_breaks",)``); empty when the text is verbatim input.
        removal: ``None`` while the block is kept, else the :class:`Removal` that removed it.
        dom: for HTML, a :class:`cleanpage.parsers.html.Dom` (tag, path, class/id tokens,
            landmarks, hidden flag, link characters); ``None`` for pasted text.
        keep_rule: the user keep rule that protects the block from every filter
            (:mod:`cleanpage.rules`), or ``None``.
        overruled: the removals filters asked for but ``keep_rule`` refused, in order.
    """

    index: int
    text: str
    kind: str = "line"
    source: Span | None = None
    blank_before: bool = False
    repairs: tuple[str, ...] = ()
    removal: Removal | None = None
    dom: Any = None
    keep_rule: str | None = None
    overruled: tuple[Removal, ...] = ()
    features: "Features" = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.features = Features(self.text)

    def set_text(self, text: str) -> None:
        """Replace the text (repair steps only) and recompute the features."""
        self.text = text
        self.features = Features(text)

    @property
    def kept(self) -> bool:
        return self.removal is None


@dataclass
class Document:
    """The blocks of one input, kept and removed alike.

    Attributes:
        blocks: all blocks in reading order.
        origin: ``"text"`` (pasted text) or ``"html"``.
        lang: the page's language code (``"de"``): as given by the caller, else detected from
            the text, else as the page declares it (see :mod:`cleanpage.language`); ``None``
            when none of them says.  The lexicons of that language (with English) are used
            where one ships, every language's otherwise.
        lang_source: how ``lang`` was found: ``"given"``, ``"detected"``, ``"declared"`` or
            ``None``.
        declared_lang: the language an HTML page declares (``<html lang>``, raw), or ``None``.
        title: the page title where the input declares one, else ``None``.
    """

    blocks: list[Block]
    origin: str = "text"
    lang: str | None = None
    lang_source: str | None = None
    declared_lang: str | None = None
    title: str | None = None

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def __len__(self) -> int:
        return len(self.blocks)

    @property
    def kept(self) -> list[Block]:
        return [b for b in self.blocks if b.removal is None]

    @property
    def removed(self) -> list[Block]:
        return [b for b in self.blocks if b.removal is not None]

    def tally(self) -> dict[tuple[str, str], tuple[int, int]]:
        """``(blocks, characters)`` removed per ``(filter, reason)``, in first-seen order;
        characters are those of the removed blocks' text."""
        counts: dict[tuple[str, str], tuple[int, int]] = {}
        for b in self.blocks:
            if b.removal is not None:
                key = (b.removal.filter, b.removal.reason)
                n, chars = counts.get(key, (0, 0))
                counts[key] = (n + 1, chars + len(b.text))
        return counts

    def stats(self) -> dict[tuple[str, str], int]:
        """Number of removed blocks per ``(filter, reason)``, in first-seen order."""
        return {key: n for key, (n, _) in self.tally().items()}


