"""A datatrove pipeline step that cleans ``Document.text`` with cleanpage.

It plays the part of datatrove's ``Trafilatura`` extractor (HTML in, text out; it also takes
pasted page text), and is written as a datatrove filter (``BaseFilter``) so that documents that
come out empty, or that cannot be cleaned, can be dropped, and optionally written aside with
``exclusion_writer``.  It runs unchanged on datatrove's Local, Slurm and Ray executors: the step
is pickled to each task, and keeps no state but its options and its stats.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleanpage.integrations.datatrove import CleanpageFilter

    LocalPipelineExecutor(
        pipeline=[JsonlReader("in/"), CleanpageFilter(preset="precision"), JsonlWriter("out/")],
        tasks=4, logging_dir="logs/",
    ).run()

Needs the ``pipelines`` extra: ``pip install 'cleanpage[pipelines]'``.
"""
from __future__ import annotations

from typing import Any

from . import missing

try:
    from datatrove.data import Document
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.utils.logging import logger
except ImportError as e:  # datatrove absent (or broken): say which extra brings it
    raise missing("datatrove", e) from e

from ..api import clean_and_explain
from ..pipeline import Pipeline
from ..presets import DEFAULT_PRESET
from ..records import summary

ON_ERROR = ("drop", "keep")


class CleanpageFilter(BaseFilter):
    """Clean each document's ``text`` with :func:`cleanpage.clean_and_explain`.

    Args:
        input_format: ``"auto"`` (HTML when the text looks like HTML, else pasted page text),
            ``"html"`` or ``"text"``.
        preset: ``"balanced"`` (default), ``"precision"`` or ``"recall"``; ignored when
            ``pipeline`` or ``config`` is given.
        lang: language code of the lexicons to use with English (``"de"``); ``None``: all.
        pipeline: a custom :class:`cleanpage.Pipeline`.
        max_bytes: per-document limit on the text's length in characters; a longer document
            is an error (``LimitError``), handled per ``on_error``.
        time_budget: per-document seconds, checked between filters (no signals, so it is safe
            in datatrove's worker processes and on Ray); over it is an error, per ``on_error``.
        config: a :class:`cleanpage.config.Config` (``cleanpage.config.load_config(path)``).
        drop_empty: drop documents whose cleaned text is empty or blank (default ``True``);
            with ``False`` they go on with ``text == ""``.
        on_error: ``"drop"`` (default) drops a document that cannot be cleaned; ``"keep"``
            passes it on with its text unchanged.  Either way the document gets
            ``metadata["cleanpage_error"]`` (one line: ``"LimitError: ..."``) and the task goes on.
        explain: add ``metadata["cleanpage"] = {"removed": [{"filter", "reason", "blocks", "chars"}...],
            "blocks": int, "kept": int, "title": str | None}`` (as ``clean_records(explain=True)``).
        exclusion_writer: a datatrove writer that receives the dropped documents, with
            ``metadata["filter_reason"]`` set to ``"empty"`` or ``"error"``.

    Stats (``self.stats``, merged by the executor into ``logging_dir/stats.json``):
        ``"FILTER/REASON"`` (e.g. ``"ad_markers/ad_label"``): total = blocks removed for that
        reason, n = documents where it removed any; ``"cleaned"``: documents cleaned;
        ``"empty"``: documents cleaned to nothing; ``"error"`` and ``"error_<ExceptionType>"``:
        documents that could not be cleaned; and datatrove's own ``total``, ``forwarded``,
        ``dropped``, ``dropped_empty``, ``dropped_error``, ``doc_len``.

    Metadata: every key a document had is kept; only ``cleanpage_error`` and (with
    ``explain``) ``cleanpage`` are added.

    Raises:
        ValueError: unknown ``input_format``, ``preset``, ``lang`` or ``on_error`` (at
            construction: the options are checked by cleaning an empty page once).
        TypeError: options of the wrong type (e.g. ``pipeline`` that is not a Pipeline).
    """

    name = "🧹 cleanpage"

    def __init__(
        self,
        input_format: str = "auto",
        preset: str = DEFAULT_PRESET,
        lang: str | None = None,
        pipeline: Pipeline | None = None,
        max_bytes: int | None = None,
        time_budget: float | None = None,
        config: Any = None,
        drop_empty: bool = True,
        on_error: str = "drop",
        explain: bool = False,
        exclusion_writer=None,
    ):
        super().__init__(exclusion_writer)
        if on_error not in ON_ERROR:
            raise ValueError(f"unknown on_error {on_error!r}; known: {', '.join(ON_ERROR)}")
        if pipeline is None and config is None:
            pipeline = Pipeline.preset(preset)  # built once, pickled to each task
        self.options = {
            "input_format": input_format,
            "preset": preset,
            "lang": lang,
            "pipeline": pipeline,
            "max_bytes": max_bytes,
            "time_budget": time_budget,
            "config": config,
        }
        clean_and_explain("", **self.options)  # wrong options fail here, not in every task
        self.drop_empty = drop_empty
        self.on_error = on_error
        self.explain = explain
        self._warned = False

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        """Clean ``doc.text`` in place.

        Returns:
            ``True`` to pass the document on; ``(False, "empty")`` or ``(False, "error")`` to
            drop it.  Never raises for a bad document.
        """
        if not isinstance(doc.metadata, dict):
            doc.metadata = {}  # a document built with metadata=None: nowhere to say anything
        try:
            result = clean_and_explain(doc.text, **self.options)
        except Exception as e:  # one bad document never stops the task: count it, go on
            kind = type(e).__name__
            doc.metadata["cleanpage_error"] = f"{kind}: {' '.join(str(e).split())[:300]}"
            if not isinstance(doc.text, str):
                # datatrove's own statistics take len(doc.text): a None or a number would stop
                # the task after us, so such a document goes whatever on_error says.
                self.stat_update("error", f"error_{kind}")
                return False, "error"
            self.stat_update("error", f"error_{kind}")
            if not self._warned:
                logger.warning(f"cleanpage could not clean document {doc.id!r}: {doc.metadata['cleanpage_error']} "
                               f"(counted as 'error' in the stats; this message appears once)")
                self._warned = True
            return (False, "error") if self.on_error == "drop" else True
        self.stat_update("cleaned")
        for (flt, reason), blocks in result.stats.items():
            self.stat_update(f"{flt}/{reason}", value=blocks)
        doc.text = result.text
        if self.explain:
            doc.metadata["cleanpage"] = summary(result.document)
        if not result.text.strip():
            self.stat_update("empty")
            if self.drop_empty:
                return False, "empty"
        return True
