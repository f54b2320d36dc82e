"""The Python API: ``clean`` and ``clean_and_explain``."""
from __future__ import annotations

from typing import NamedTuple

from .decode import decode
from .document import Document
from .lexicons import shipped
from .parsers.text import parse_text
from .pipeline import Pipeline
from .presets import DEFAULT_PRESET

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


def _pipeline(preset: str, pipeline: Pipeline | None) -> Pipeline:
    return pipeline if pipeline is not None else Pipeline.preset(preset)


def clean_and_explain(
    data: str | bytes,
    *,
    input_format: str = "auto",
    preset: str = DEFAULT_PRESET,
    lang: str | None = None,
    pipeline: Pipeline | None = None,
) -> Result:
    """Clean ``data`` and return the text with the Document that explains it.

    Args:
        data: the page as ``str``, or ``bytes`` (decoded by BOM, UTF-8, then a charset detector).
        input_format: ``"auto"``, ``"text"`` or ``"html"``.  Until the HTML parser lands,
            ``"auto"`` treats every input as pasted text and ``"html"`` is refused.
        preset: ``"balanced"`` (default), ``"precision"`` or ``"recall"``; ignored when
            ``pipeline`` is given.
        lang: language code of the lexicons to use with English (``"de"``); ``None`` uses all.
        pipeline: a custom :class:`~cleanpage.pipeline.Pipeline`.

    Returns:
        a :class:`Result`.

    Raises:
        cleanpage.InputError: bytes that no encoding decodes, or binary data.
        ValueError: unknown ``input_format``, ``preset`` or ``lang`` (message lists known ones).
        TypeError: ``data`` is neither str nor bytes.
    """
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"unknown input_format {input_format!r}; known: {', '.join(INPUT_FORMATS)}")
    if input_format == "html":
        raise ValueError("input_format='html' is not supported yet; use 'text' or 'auto'")
    if not isinstance(data, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"data must be str or bytes, not {type(data).__name__}")
    pipe = _pipeline(preset, pipeline)
    lex = shipped(lang)
    doc = parse_text(decode(data))
    doc.lang = lang
    pipe.run(doc, lex)
    from .renderers import render_text

    return Result(render_text(doc), doc, doc.stats())


def clean(
    data: str | bytes,
    *,
    input_format: str = "auto",
    preset: str = DEFAULT_PRESET,
    lang: str | None = None,
    pipeline: Pipeline | None = None,
) -> str:
    """Clean ``data`` and return the kept text, one block a line (``""`` when nothing is kept).

    Arguments and errors as for :func:`clean_and_explain`.
    """
    return clean_and_explain(
        data, input_format=input_format, preset=preset, lang=lang, pipeline=pipeline
    ).text
