"""Cleaning records in pipelines: dicts in, dicts out, one bad record never stops the rest."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from .api import clean_and_explain
from ._quote import quoted
from .pipeline import Pipeline
from .presets import DEFAULT_PRESET
from .renderers import stats_list


def clean_record(record: Any, **options: Any) -> dict:
    """Clean one record, with the keywords of :func:`clean_records`.  Never raises for a bad
    record: it gets an ``"error"`` entry instead."""
    return next(clean_records([record], **options))


def clean_record_and_summary(record: Any, *, field: str = "text", output_field: str | None = None,
                             explain: bool = False, **options: Any) -> tuple[dict, dict | None]:
    """``(the record clean_record makes, its summary)``: the summary (see :func:`summary`) is
    ``None`` when the record could not be cleaned.  Given apart from the record, whose own
    "cleanpage" or "error" keys (from an earlier step) are not ours to read."""
    return _clean(record, field, output_field, explain, options)


def clean_records(
    records: Iterable[Any],
    *,
    field: str = "text",
    input_format: str = "auto",
    output_field: str | None = None,
    explain: bool = False,
    preset: str = DEFAULT_PRESET,
    lang: str | None = None,
    pipeline: Pipeline | None = None,
    max_bytes: int | None = None,
    time_budget: float | None = None,
    config=None,
) -> Iterator[dict]:
    """Clean one field of each record, lazily, in input order.

    Args:
        records: an iterable of dicts (other values become an error record).
        field: the key holding the page (str or bytes; HTML or pasted text).
        input_format: "auto" | "html" | "text", as for :func:`cleanpage.clean`.
        output_field: where the cleaned text goes (default: replace ``field``).
        explain: add ``"cleanpage": {"removed": [{"filter", "reason", "blocks", "chars"}...], "blocks",
            "kept", "title"}`` to each record.
        preset, lang, pipeline: as for :func:`cleanpage.clean`.
        max_bytes: per-record input size limit (see :func:`cleanpage.clean_and_explain`).
        time_budget: per-record seconds, checked between filters (no signals).
        config: a :class:`cleanpage.config.Config`, as for :func:`cleanpage.clean_and_explain`.

    Raises:
        TypeError: ``field`` or ``output_field`` is not a str (when the first record is asked for).

    Yields:
        a new dict per record: the other keys kept as they were, the cleaned text in
        ``output_field or field``; a record that cannot be cleaned keeps its data and gets an
        ``"error"`` entry with a one-line reason, and the records after it go on.
    """
    if not isinstance(field, str):
        raise TypeError(f"field must be a str, not {type(field).__name__}")
    if output_field is not None and not isinstance(output_field, str):
        raise TypeError(f"output_field must be a str or None, not {type(output_field).__name__}")
    options = {
        "input_format": input_format,
        "preset": preset,
        "lang": lang,
        "pipeline": pipeline,
        "max_bytes": max_bytes,
        "time_budget": time_budget,
        "config": config,
    }
    for record in records:
        yield _clean_one(record, field, output_field, explain, options)


def _clean_one(record: Any, field: str, output_field: str | None, explain: bool, options: dict) -> dict:
    return _clean(record, field, output_field, explain, options)[0]


def _clean(record: Any, field: str, output_field: str | None, explain: bool,
           options: dict) -> tuple[dict, dict | None]:
    if not isinstance(record, dict):
        return {"error": f"record is not an object but {type(record).__name__}"}, None
    out = dict(record)
    if field not in record:
        out["error"] = f"record has no field {quoted(field)}"
        return out, None
    data = record[field]
    if not isinstance(data, (str, bytes)):
        out["error"] = f"field {quoted(field)} is {type(data).__name__}, not a string"
        return out, None
    try:
        res = clean_and_explain(data, **options)
    except (ValueError, TypeError, RecursionError, MemoryError) as e:
        # ValueError covers InputError and LimitError: the record keeps its data, says why.
        out["error"] = f"{type(e).__name__}: {e}"
        return out, None
    out[output_field or field] = res.text
    info = summary(res.document)
    if explain:
        out["cleanpage"] = info
    return out, info


def summary(doc) -> dict:
    """What a record's ``"cleanpage"`` entry says of its Document: ``{"removed": [{"filter",
    "reason", "blocks", "chars"}, ...], "blocks", "kept", "title"}`` (also the datatrove
    step's metadata)."""
    return {
        "removed": stats_list(doc),
        "blocks": len(doc.blocks),
        "kept": len(doc.kept),
        "title": doc.title,
    }



