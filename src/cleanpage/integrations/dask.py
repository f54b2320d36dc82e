"""Cleaning JSON Lines shards with Dask bags: the recipe of docs/pipelines.md as functions.

    import dask.bag as db
    from cleanpage.integrations.dask import clean_bag

    lines = db.read_text("shards/*.jsonl.gz", encoding="utf-8", errors="replace")
    clean_bag(lines, field="html", output_field="text").to_textfiles(
        "out/*.jsonl.gz", encoding="utf-8", last_endline=True)

Each output line is what ``cleanpage --jsonl`` writes for the same input line (the same code
cleans it): the record with its other keys, the cleaned text in ``output_field or field``, or an
``"error"`` entry for a record that cannot be cleaned (invalid JSON, no such field, binary data,
over ``max_bytes`` or ``time_budget``); the other records go on.  Order is kept: partition ``i``
of the output holds the cleaned lines of partition ``i`` of the input, in order.

Needs the ``pipelines`` extra: ``pip install 'cleanpage[pipelines]'``.
"""
from __future__ import annotations

from typing import Any, Iterable

from . import missing

try:
    import dask.bag as db
except ImportError as e:  # dask absent (or without its bag dependencies)
    raise missing("dask", e) from e

from ..api import clean_and_explain
from ..batch import JsonlJob
from ..config import Config
from ..pipeline import Pipeline
from ..presets import DEFAULT_PRESET


def _job(
    field: str,
    output_field: str | None,
    input_format: str,
    explain: bool,
    preset: str,
    lang: str | None,
    max_bytes: int | None,
    time_budget: float | None,
    config: Config | None,
) -> JsonlJob:
    if not isinstance(field, str):
        raise TypeError(f"field must be a str, not {type(field).__name__}")
    if output_field is not None and not isinstance(output_field, str):
        raise TypeError(f"output_field must be a str or None, not {type(output_field).__name__}")
    if config is None:
        Pipeline.preset(preset)  # an unknown preset: ValueError naming the known ones
        config = Config(preset=preset, lang=lang)
    # Wrong options (preset, lang, input_format, types) fail here, once, not in every task.
    clean_and_explain("", input_format=input_format, pipeline=config.pipeline(), config=config,
                      max_bytes=max_bytes, time_budget=time_budget)
    return JsonlJob(field=field, output_field=output_field, input_format=input_format,
                    explain=explain, config=config, max_bytes=max_bytes, time_budget=time_budget)


def clean_lines(lines: Iterable[str], job: JsonlJob) -> list[str]:
    """One partition: JSON lines in, cleaned JSON lines out (no line ends), blank lines skipped.

    Args:
        lines: str, one JSON object a line (a trailing newline is allowed).
        job: the :class:`cleanpage.batch.JsonlJob` that :func:`clean_bag` builds.

    Returns:
        a list of str, one a non-blank input line, in order.  Never raises for a bad line.
    """
    return [job(line)[0] for line in lines if not isinstance(line, (str, bytes)) or line.strip()]


def clean_bag(
    bag: "db.Bag",
    *,
    field: str = "text",
    output_field: str | None = None,
    input_format: str = "auto",
    explain: bool = False,
    preset: str = DEFAULT_PRESET,
    lang: str | None = None,
    max_bytes: int | None = None,
    time_budget: float | None = None,
    config: Config | None = None,
) -> "db.Bag":
    """Clean a Dask bag of JSON lines (as ``dask.bag.read_text`` gives them), lazily.

    Args:
        bag: a ``dask.bag.Bag`` of str, one JSON object a line.
        field, output_field, input_format, explain, max_bytes, time_budget: as for
            :func:`cleanpage.clean_records`.
        preset, lang: as for :func:`cleanpage.clean`; ignored when ``config`` is given.
        config: a :class:`cleanpage.config.Config` (filters, options, extra phrases).

    Returns:
        a ``dask.bag.Bag`` of str with the same partitions: one JSON object a non-blank input
        line, in input order (see the module docstring), ready for ``to_textfiles``.

    Raises:
        ValueError: unknown ``preset``, ``lang`` or ``input_format`` (when called, not when
            computed; a :class:`cleanpage.config.ConfigError` for a bad ``config``).
        TypeError: options of the wrong type.
    """
    job = _job(field, output_field, input_format, explain, preset, lang, max_bytes, time_budget, config)
    return bag.map_partitions(clean_lines, job)


def clean_jsonl_files(
    urlpath: str | list[str],
    outpath: str | list[str],
    *,
    blocksize: int | str | None = None,
    compute: bool = True,
    **options: Any,
):
    """Read JSON Lines files, clean them, write JSON Lines files: ``read_text`` ->
    :func:`clean_bag` -> ``to_textfiles``, on the current Dask scheduler (a
    ``dask.distributed.Client`` when one is active).

    Args:
        urlpath: a path, glob or list of paths (``.gz`` and other compressions are inferred
            from the name; any fsspec URL Dask reads).
        outpath: where to write, as for ``Bag.to_textfiles``: a glob with one ``*``
            (``"out/*.jsonl.gz"``: compressed by its name) or a list of paths, one a partition.
        blocksize: bytes per partition for uncompressed input (``None``: one partition a file;
            compressed files are always one partition each).
        compute: write now and return the paths (default); ``False`` returns the
            ``dask.delayed`` writes.
        **options: the keywords of :func:`clean_bag`.

    Returns:
        the list of written paths (str), one a partition, in order; or the delayed writes.

    Raises:
        ValueError, TypeError: bad options, as for :func:`clean_bag`.
        FileNotFoundError: ``urlpath`` matches no file.
    """
    lines = db.read_text(urlpath, blocksize=blocksize, encoding="utf-8", errors="replace")
    return clean_bag(lines, **options).to_textfiles(
        outpath, encoding="utf-8", last_endline=True, compute=compute
    )
