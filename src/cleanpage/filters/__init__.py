"""Filters: each judges blocks of a Document and names a reason for every removal.

The contract (see :class:`Filter`): a filter declares its registry ``name``, the closed list of
``reasons`` it may give, the ``origins`` it runs on (``"text"``, ``"html"``), and its options
with defaults.  ``judge`` returns :class:`~cleanpage.document.Verdict` records; it never edits
block text and never removes blocks itself.  The pipeline records the first removal of a block.
"""
from __future__ import annotations

import os
import sys
import time
from typing import Any, ClassVar, Iterable, Mapping

from .._quote import quoted
from ..document import Block, Document, Verdict
from ..lexicons import Lexicons


class Filter:
    """Base class of all filters.

    Subclasses set the class attributes and implement :meth:`judge`.

    Class attributes:
        name: registry key, also the module name and what ``--disable`` takes.
        reasons: the closed tuple of reason slugs the filter may return.
        origins: document origins the filter runs on (``{"text", "html"}`` by default).
        defaults: option name -> default value; ``None`` as a value turns that check off.
        summary: one line for ``--list-filters``.

    Args:
        **options: overrides of ``defaults``.

    Raises:
        ValueError: an option name not in ``defaults``, or a value of another type than its
            default's (an int is accepted for a float).
    """

    name: ClassVar[str] = ""
    reasons: ClassVar[tuple[str, ...]] = ()
    origins: ClassVar[frozenset[str]] = frozenset({"text", "html"})
    defaults: ClassVar[Mapping[str, Any]] = {}
    summary: ClassVar[str] = ""

    def __init__(self, **options: Any):
        if not options:  # the defaults need no checking: every Pipeline.preset() makes 16 of these
            self.options = dict(self.defaults)
            self.__dict__.update(self.options)
            return
        unknown = set(options) - set(self.defaults)
        if unknown:
            known = ", ".join(sorted(self.defaults)) or "none"
            raise ValueError(
                f"filter {self.name!r} has no option {quoted(sorted(unknown)[0])}; its options: {known}"
            )
        for key, value in options.items():
            default = self.defaults[key]
            if value is None or default is None:
                continue
            expected = (int, float) if isinstance(default, float) else type(default)
            if isinstance(value, bool) != isinstance(default, bool) or not isinstance(value, expected):
                raise ValueError(
                    f"filter {self.name!r} option {key!r} must be {type(default).__name__}, "
                    f"not {type(value).__name__} ({quoted(value)})"
                )
        self.options: dict[str, Any] = {**self.defaults, **options}
        # Options are also plain attributes (self.max_words): short to read in judge(), and as
        # fast as a local on the per-block hot path.
        self.__dict__.update(self.options)

    def configured(self, **options: Any) -> "Filter":
        """A new filter of the same class with ``options`` merged over the current ones."""
        return type(self)(**{**self.options, **options})

    def judge(self, doc: Document, lex: Lexicons) -> Iterable[Verdict]:
        """Yield a Verdict for each block to remove.  Kept blocks are those not removed yet."""
        raise NotImplementedError

    def __repr__(self) -> str:
        changed = {k: v for k, v in self.options.items() if self.defaults.get(k) != v}
        args = ", ".join(f"{k}={v!r}" for k, v in changed.items())
        return f"{type(self).__name__}({args})"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.options == other.options  # type: ignore

    def __hash__(self) -> int:
        return hash((type(self), tuple(sorted(self.options.items(), key=lambda kv: kv[0]))))


def kept_blocks(doc: Document) -> list[Block]:
    return [b for b in doc.blocks if b.removal is None]


#: Landmarks whose headings title sections of the article.
CONTENT_LANDMARKS = frozenset({"article", "main"})


def article_heading(b: Block) -> bool:
    """Whether ``b`` is an HTML heading (h1-h6) inside ``<article>`` or ``<main>``: the title of a
    section of the article, even when its words are a menu or footer label ("Menu" over a
    restaurant review's dishes, "About us" over a job posting's company profile, "Contact"
    over a press release's media contacts).  Always False for pasted text, which has no tags."""
    dom = b.dom
    return dom is not None and b.kind == "heading" and not dom.landmarks.isdisjoint(CONTENT_LANDMARKS)


def registry() -> dict[str, type[Filter]]:
    """Registry name -> filter class, for every built-in filter, in the default pipeline's order."""
    reg = dict(_builtin_filters())
    for cls in plugin_filters():
        if cls.name not in reg:
            reg[cls.name] = cls
    return reg


_BUILTIN: list = []  # (name, class) of the built-in filters in order, filled on first use


def _builtin_filters() -> list[tuple[str, type[Filter]]]:
    # Sorted once: every Pipeline.preset() (so every clean() call) asks for the registry.
    if _BUILTIN:
        return _BUILTIN
    from . import (
        ad_markers,
        bylines,
        comments,
        context,
        cookies,
        credits,
        dom_hints,
        duplicates,
        hidden,
        link_density,
        footer,
        main_content,
        navigation,
        promo,
        related,
        rules,
        share,
    )

    from ..presets import FILTER_ORDER

    classes = [
        ad_markers.FILTER,
        bylines.FILTER,
        comments.FILTER,
        context.FILTER,
        cookies.FILTER,
        credits.FILTER,
        dom_hints.FILTER,
        duplicates.FILTER,
        hidden.FILTER,
        link_density.FILTER,
        footer.FILTER,
        main_content.FILTER,
        navigation.FILTER,
        promo.FILTER,
        related.FILTER,
        rules.FILTER,
        share.FILTER,
    ]
    order = {name: i for i, name in enumerate(FILTER_ORDER)}
    classes.sort(key=lambda c: order.get(c.name, len(order)))
    _BUILTIN[:] = [(c.name, c) for c in classes]
    return _BUILTIN


#: The entry-point group through which a package adds filters.
ENTRY_POINT_GROUP = "cleanpage.filters"


def plugin_filters() -> list[type[Filter]]:
    """Filter classes that installed packages register under the ``cleanpage.filters``
    entry-point group (``[project.entry-points."cleanpage.filters"] my_filter =
    "my_package.module:MyFilter"``).  Each must subclass :class:`Filter` with a ``name``,
    ``reasons`` and ``summary``; presets run plugins just before ``main_content``.

    Raises:
        TypeError: an entry point that does not load a Filter subclass (named in the message).
    """
    places = (tuple(sys.path), tuple(sys.meta_path))
    now = time.monotonic()
    if _plugins_seen[2] == places and now - _plugins_seen[3] < RESTAT_SECONDS:
        return list(_plugins_seen[1])
    key = _distributions_key()
    if _plugins_seen[0] == key:
        _plugins_seen[2:] = [places, now]
        return list(_plugins_seen[1])
    from importlib.metadata import entry_points

    found = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        cls = ep.load()
        if not (isinstance(cls, type) and issubclass(cls, Filter) and cls.name and cls.reasons):
            raise TypeError(
                f"entry point {ep.name!r} ({ep.value}) in {ENTRY_POINT_GROUP!r} is not a "
                "cleanpage.Filter subclass with a name and reasons"
            )
        found.append(cls)
    _plugins_seen[:] = [key, tuple(found), places, now]
    return found


# Reading the entry points opens every installed distribution's metadata: 2 ms, more than a
# short page takes to clean, paid by every Pipeline.preset() (so by every clean() call).  The
# last answer is reused while the places distributions are found in are unchanged: the same
# sys.path and metadata finders, and each path directory with the same modification time
# (installing or removing a distribution adds or removes a .dist-info folder there; the same
# test importlib.metadata itself uses to reuse its directory listings).  One entry: bounded.
# The directories are stat-ed again at most once every RESTAT_SECONDS while sys.path and the
# finders stay the same: a stat of each path entry cost 2% of a short pasted page.
_plugins_seen: list = [None, (), None, 0.0]  # [key, classes, (sys.path, meta_path), when]

#: Seconds for which an unchanged sys.path is trusted to hold the same distributions: a
#: plugin installed into a running process is found within this time.
RESTAT_SECONDS = 1.0


def _distributions_key() -> tuple:
    stamps = []
    for entry in sys.path:
        try:
            stamps.append((entry, os.stat(entry or ".").st_mtime_ns))
        except (OSError, TypeError, ValueError):
            stamps.append((entry, None))
    return (tuple(stamps), tuple(sys.meta_path))
