"""The Python API: ``clean`` and ``clean_and_explain``."""
from __future__ import annotations

import gc
import math
import os
import time
from contextlib import contextmanager
from typing import NamedTuple

from ._io import open_regular, read_at_most
from .config import Config
from .decode import LimitError, decode, without_surrogates
from .document import Document
from .language import document_language, normalize_code
from .lexicons import languages, shipped
from .parsers.html import looks_like_html, parse_html
from .parsers.text import parse_text
from .pipeline import Pipeline
from .presets import DEFAULT_PRESET
from .renderers import render_text
from .rules import Rules

INPUT_FORMATS = ("auto", "text", "html")


class Result(NamedTuple):
    """What :func:`clean_and_explain` returns.

    Attributes:
        text: the kept blocks, one a line (what :func:`clean` returns).
        document: the :class:`~cleanpage.document.Document`, removed blocks included.
        stats: removed blocks per ``(filter, reason)``.
    """

    text: str
    document: Document
    stats: dict[tuple[str, str], int]


def _parse(data, input_format: str, rules: Rules | None = None, deadline: float | None = None,
           max_bytes: int | None = None) -> Document:
    """The Document for ``data``: HTML when asked, or when ``auto`` sniffs it (an lxml element,
    a BeautifulSoup object, or text that :func:`looks_like_html`); else pasted text."""
    if _is_soup(data):
        return parse_html(data, rules, deadline)  # before the read() probe: a soup answers any attribute
    if isinstance(data, os.PathLike) or hasattr(data, "read"):
        data = read_source(data, max_bytes)
        if max_bytes is not None and len(data) > max_bytes:
            raise LimitError(f"input is over the limit of {max_bytes:,} bytes")
        if isinstance(data, str):  # a text file object: the same text as a str input
            data = without_surrogates(data)
    if isinstance(data, (str, bytes, bytearray, memoryview)):
        if input_format == "text":
            return parse_text(decode(data))
        if input_format == "html":
            return parse_html(data, rules, deadline)
        head = data[:5000]
        if not isinstance(head, str):
            head = bytes(head).decode("utf-8", "replace")
        if looks_like_html(head.lstrip("\ufeff")):
            return parse_html(data, rules, deadline)
        return parse_text(decode(data))
    if input_format == "text":
        raise TypeError(f"text input must be str or bytes, not {type(data).__name__}")
    return parse_html(data, rules, deadline)  # an lxml element or tree, a BeautifulSoup object, or a TypeError


def _is_soup(data) -> bool:
    return any(c.__name__ == "BeautifulSoup" for c in type(data).__mro__)


def read_source(data, limit: int | None = None) -> bytes | str:
    """The content of a path (``os.PathLike``) or a file object; with ``limit``, at most
    limit + 1 bytes (characters from a text file), so that max_bytes bounds these inputs as it
    does str and bytes (``clean(Path("/dev/zero"), max_bytes=...)`` read forever).

    Raises:
        OSError: the file cannot be read, or a path names no regular file (a FIFO, a device
            such as /dev/zero, a folder), whose read could wait or run forever.
    """
    if isinstance(data, os.PathLike):
        with open_regular(data) as fh:
            return read_at_most(fh, limit)
    return read_at_most(data, limit)


def _pipeline(preset: str, pipeline: Pipeline | None) -> Pipeline:
    return pipeline if pipeline is not None else Pipeline.preset(preset)


def clean_and_explain(
    data: str | bytes,
    *,
    input_format: str = "auto",
    preset: str = DEFAULT_PRESET,
    lang: str | None = None,
    pipeline: Pipeline | None = None,
    max_bytes: int | None = None,
    time_budget: float | None = None,
    config=None,
    rules: Rules | None = None,
) -> Result:
    """Clean ``data`` and return the text with the Document that explains it.

    Args:
        data: the page: ``str``; ``bytes`` (decoded by BOM, the page's declared charset for
            HTML, UTF-8, then a charset detector); a path or file object; for HTML also an lxml
            element or tree or a BeautifulSoup object.
        input_format: ``"auto"`` (HTML when the input looks like HTML, see
            :func:`cleanpage.parsers.html.looks_like_html`, else pasted text), ``"text"`` or
            ``"html"``.
        preset: ``"balanced"`` (default), ``"precision"`` or ``"recall"``; ignored when
            ``pipeline`` is given.
        lang: language code of the lexicons to use with English (``"de"``); ``None`` uses all.
        pipeline: a custom :class:`~cleanpage.pipeline.Pipeline`.
        max_bytes: refuse a str or bytes input longer than this (characters for str, bytes for
            bytes) before any work, with :class:`~cleanpage.LimitError`; a path or file object
            is read no further than this.
        time_budget: seconds; checked between filters (no signals: safe in threads, Celery,
            Ray), so a page stops within one filter's time of the budget.
        config: a :class:`cleanpage.config.Config` (``load_config()``): its pipeline, language,
            extra phrases and rules, unless ``pipeline``, ``lang`` or ``rules`` are given here.
        rules: :class:`cleanpage.Rules`: CSS/XPath selectors of elements to always drop or
            always keep (HTML only; keep wins).

    Returns:
        a :class:`Result`.

    Raises:
        cleanpage.InputError: bytes that no encoding decodes, or binary data.
        cleanpage.LimitError: over ``max_bytes`` or ``time_budget`` (an InputError).
        ValueError: unknown ``input_format``, ``preset`` or ``lang`` (message lists known ones),
            or a NaN ``time_budget``.
        TypeError: ``data`` is of no accepted type, or ``rules``, ``config``, ``max_bytes`` or
            ``time_budget`` is of the wrong type.
        OSError: a path or file that cannot be read.
    """
    text, doc = _clean(data, input_format, preset, lang, pipeline, max_bytes, time_budget, config, rules)
    return Result(text, doc, doc.stats())


def _clean(data, input_format, preset, lang, pipeline, max_bytes, time_budget, config, rules,
           keep_document=True):
    """``(text, Document)`` for :func:`clean` and :func:`clean_and_explain`; the per-reason
    counts are left to the latter (a tenth of a millisecond a page that clean() never shows)."""
    if not isinstance(input_format, str) or input_format not in INPUT_FORMATS:
        raise ValueError(f"unknown input_format {input_format!r}; known: {', '.join(INPUT_FORMATS)}")
    if not isinstance(preset, str):
        raise TypeError(f"preset must be a preset name (str), not {type(preset).__name__}")
    if lang is not None and not isinstance(lang, str):
        raise TypeError(f"lang must be a language code (str) or None, not {type(lang).__name__}")
    if pipeline is not None and not isinstance(pipeline, Pipeline):
        raise TypeError(f"pipeline must be a cleanpage.Pipeline, not {type(pipeline).__name__}")
    if rules is not None and not isinstance(rules, Rules):
        raise TypeError(f"rules must be a cleanpage.Rules, not {type(rules).__name__}")
    if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int)):
        raise TypeError(f"max_bytes must be a whole number of bytes or None, not {type(max_bytes).__name__}")
    if time_budget is not None:
        if isinstance(time_budget, bool) or not isinstance(time_budget, (int, float)):
            raise TypeError(f"time_budget must be a number of seconds or None, not {type(time_budget).__name__}")
        if math.isnan(time_budget):  # compares false with every time: it was no budget at all
            raise ValueError("time_budget must be a number of seconds, not nan")
    if config is not None and not isinstance(config, Config):
        raise TypeError(f"config must be a cleanpage.config.Config or None, not {type(config).__name__}")
    if data is None or isinstance(data, (int, float, bool, list, dict, tuple)):
        raise TypeError(
            f"data must be str or bytes (or, for HTML, a path, a file, an lxml element or a "
            f"BeautifulSoup object), not {type(data).__name__}"
        )
    deadline = None if time_budget is None else time.monotonic() + time_budget
    if max_bytes is not None and isinstance(data, (str, bytes, bytearray)) and len(data) > max_bytes:
        raise LimitError(f"input of {len(data):,} bytes is over the limit of {max_bytes:,}")
    if isinstance(data, str):
        data = without_surrogates(data)
    if config is not None:
        pipe = pipeline if pipeline is not None else config.pipeline()
        lang = lang if lang is not None else config.lang
        rules = rules if rules is not None else config.rules
    else:
        pipe = _pipeline(preset, pipeline)
    if lang is not None:
        lang = normalize_code(lang) or lang  # "en-US", "EN" -> "en", as <html lang> is read
        shipped(lang)  # an unknown language fails before any work
    with _collector_paused():
        doc = _parse(data, input_format, rules, deadline, max_bytes)
        if lang is not None:
            doc.lang, doc.lang_source = lang, "given"
        else:
            doc.lang, doc.lang_source = document_language(doc, doc.declared_lang)
        lex_lang = doc.lang if doc.lang in languages() else None
        if config is not None and config.phrases:
            lex = config.lexicons(lex_lang)
        else:
            lex = shipped(lex_lang)
        pipe.run(doc, lex, deadline)
        text = render_text(doc)
        if not keep_document:
            # Freed here, while the collector is paused, a Document's tens of thousands of
            # objects leave no allocation count behind that would start a collection (over
            # whatever else the process holds) when the collector is turned back on.
            doc = None
        return text, doc


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector while one page is cleaned, as Mercurial does
    while it builds large structures (``util.nogc``).

    A page allocates tens of thousands of small objects (blocks, features, frames), and every
    700 allocations CPython runs a collection that, now and then, walks every object the
    process holds.  In a pipeline worker that holds much else, those walks cost more than the
    cleaning: after trafilatura had run in the same process, cleanpage's HTML benchmark fell
    from 87 to 72 pages/s.  A Document holds no reference cycles, so reference counting frees
    it; a collection the pause defers runs at the next allocation after it.  The collector is
    left as it was found (disabled stays disabled); with several threads cleaning at once, the
    thread that paused it turns it back on when its page is done.
    """
    enabled = gc.isenabled()
    if enabled:
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def clean(
    data: str | bytes,
    *,
    input_format: str = "auto",
    preset: str = DEFAULT_PRESET,
    lang: str | None = None,
    pipeline: Pipeline | None = None,
    max_bytes: int | None = None,
    time_budget: float | None = None,
    config=None,
    rules: Rules | None = None,
) -> str:
    """Clean ``data`` and return the kept text, one block a line (``""`` when nothing is kept).

    Arguments and errors as for :func:`clean_and_explain`.
    """
    return _clean(data, input_format, preset, lang, pipeline, max_bytes, time_budget, config, rules, False)[0]
