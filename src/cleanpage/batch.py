"""Batch work for the CLI: JSON Lines in and out, many files to a folder, worker processes.

Workers are a standard ``concurrent.futures.ProcessPoolExecutor``; results come back in input
order, and at most ``window`` records are in flight, so a shard of millions of lines is streamed,
not read into memory (``Executor.map`` would submit every line first).
"""
from __future__ import annotations

import codecs
import gzip
import json
import math
import os
import sys
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
import dataclasses
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, TypeVar

from ._io import open_regular
from .config import Config
from .records import clean_record_and_summary

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Totals:
    """What a batch did: records, failures, and the blocks and characters removed per
    (filter, reason)."""

    records: int = 0
    failed: int = 0
    unit: str = "record"  # what one item is called in the report: "record" (JSONL) or "page"
    blocks: Counter = field(default_factory=Counter)
    chars: Counter = field(default_factory=Counter)

    def add(self, failed: bool, removed: dict) -> None:
        """Count one record; ``removed`` is ``{(filter, reason): (blocks, chars)}``."""
        self.records += 1
        self.failed += failed
        for key, (n, c) in removed.items():
            self.blocks[key] += n
            self.chars[key] += c

    def report(self) -> str:
        """The totals as a table, the filter/reason that removed most characters first."""
        lines = [
            f"cleanpage: {self.records} {self.unit}{'' if self.records == 1 else 's'}, {self.failed} failed",
            f"  {'blocks':>8}  {'chars':>10}  filter/reason",
        ]
        for (flt, reason), c in self.chars.most_common():
            lines.append(f"  {self.blocks[(flt, reason)]:8d}  {c:10d}  {flt}/{reason}")
        return "\n".join(lines) + "\n"


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int, window: int = 256) -> Iterator[R]:
    """``map(fn, items)`` on ``workers`` processes (in this process when ``workers <= 1``),
    yielding in input order with at most ``window`` items in flight."""
    if workers <= 1:
        yield from map(fn, items)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of up to ``size`` items: a worker gets a chunk, not one record, so that process
    hand-off costs little beside the cleaning."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


#: The longest JSON line read when no --max-bytes is given: far over any real page, yet a line
#: that never ends (/dev/zero on stdin, a file of one huge line) stops here, not at memory's end.
MAX_LINE_BYTES = 128 * 2**20


def line_limit(max_bytes: int | None) -> int:
    """The longest JSON line read for records of at most ``max_bytes`` characters: a line that
    holds such a field can still be 12 times as long (an escaped character outside the BMP,
    "\\ud83d\\ude00", is 12 bytes) with 64 KiB of other fields, so no record within the limit is
    refused for its line; without ``max_bytes``, MAX_LINE_BYTES."""
    return MAX_LINE_BYTES if max_bytes is None else 12 * max_bytes + 65536


@dataclass(frozen=True)
class LongLine:
    """A line over the line limit, in place of its text: the record it held is an error, and the
    rest of the line was skipped unread."""

    limit: int
    start: str  # its first 200 characters, as an invalid-JSON error shows them


def open_lines(path: str, limit: int | None = None) -> Iterator[str | LongLine]:
    """The lines of a file ('-' is stdin), gunzipped when the name ends in .gz, without their
    line end: split at LF only, as JSON Lines is (a CR inside a record is not a line break; a CR
    before the LF is dropped), and a UTF-8 BOM at the start dropped.  A line longer than
    ``limit`` bytes (default MAX_LINE_BYTES) is a :class:`LongLine`, and the rest of it is read
    past in pieces, never held.  Decoding errors are replaced so that one bad line cannot stop a
    shard (its JSON then fails to parse and the record says so).

    Raises:
        OSError: the file cannot be opened or is not a regular file (a FIFO or a device such as
            /dev/zero: use '-' for a stream).
    """
    limit = MAX_LINE_BYTES if limit is None else limit
    if path == "-":
        raw = None
        stream = sys.stdin.buffer
    else:
        raw = open_regular(path, " (use - for standard input)")
        stream = gzip.open(raw, "rb") if path.endswith(".gz") else raw
    try:
        first = True
        while True:
            # Up to 3 bytes more than the limit: a CR and LF after a line of exactly ``limit``
            # bytes, and one byte to tell a longer line (and the BOM's 3 on the first line).
            line = stream.readline(limit + (6 if first else 3))
            if not line:
                return
            ended = line.endswith(b"\n")
            if ended:
                line = line[:-2] if line.endswith(b"\r\n") else line[:-1]
            if first:
                line = line.removeprefix(codecs.BOM_UTF8)
                first = False
            if len(line) <= limit:
                yield line.decode("utf-8", "replace")
                continue
            yield LongLine(limit, line[:200].decode("utf-8", "replace"))
            while not ended:
                piece = stream.readline(SKIP_PIECE)
                ended = not piece or piece.endswith(b"\n")
    finally:
        if raw is not None:  # stdin is left open, as the runtime opened it
            stream.close()
            raw.close()


#: Bytes read at a time while skipping the rest of a line over the limit.
SKIP_PIECE = 2**20


@dataclass(frozen=True)
class JsonlJob:
    """One worker's instructions (picklable): how to clean a JSON line."""

    field: str = "text"
    output_field: str | None = None
    input_format: str = "auto"
    explain: bool = False
    config: Config = dataclasses.field(default_factory=Config)
    max_bytes: int | None = None
    time_budget: float | None = None

    def chunk(self, lines: list[str]) -> list[tuple[str, bool, dict]]:
        return [self(line) for line in lines]

    def __call__(self, line: str) -> tuple[str, bool, dict]:
        """(output JSON line, failed?, {(filter, reason): (blocks, chars)}); never raises, for
        a line that is not even text (a None or a number from an engine's bag) either."""
        if isinstance(line, LongLine):
            out = {"error": f"LimitError: line over the limit of {line.limit:,} bytes; the rest of it was skipped",
                   "line": line.start}
            return _dumps(out), True, {}
        if isinstance(line, (bytes, bytearray)):
            line = bytes(line).decode("utf-8", "replace")
        if not isinstance(line, str):
            return _dumps({"error": f"line is {type(line).__name__}, not JSON text"}), True, {}
        if line.endswith("\n"):
            # A line with its end (dask's read_text keeps it) makes the same record, error echo
            # included, as the CLI's, which open_lines gives without.
            line = line[:-2] if line.endswith("\r\n") else line[:-1]
        try:
            record = json.loads(line, parse_constant=_not_json, parse_float=_finite)
        except (ValueError, RecursionError) as e:  # RecursionError: "[" nested 100,000 deep
            out = {"error": f"invalid JSON: {type(e).__name__}: {str(e)[:200]}", "line": line[:200]}
            return _dumps(out), True, {}
        # The summary comes apart from the record: a record's own "cleanpage" key was read as
        # our stats (a traceback that stopped the batch) or dropped without --record-stats.
        result, info = clean_record_and_summary(
            record,
            field=self.field,
            input_format=self.input_format,
            output_field=self.output_field,
            explain=self.explain,
            pipeline=worker_pipeline(self.config),
            config=self.config,
            max_bytes=self.max_bytes,
            time_budget=self.time_budget,
        )
        removed = {(r["filter"], r["reason"]): (r["blocks"], r["chars"]) for r in (info or {}).get("removed", [])}
        return _dumps(result), info is None, removed


def _not_json(name: str):
    """``json.loads``'s hook for NaN, Infinity and -Infinity: Python reads them, JSON has no
    such values, and echoed back they made an output line that strict readers (jq, orjson,
    Spark) refuse.  The line is an invalid-JSON error instead."""
    raise ValueError(f"{name} is not a JSON value")


def _finite(text: str) -> float:
    """``json.loads``'s hook for numbers with a fraction or exponent: a float, but 1e999 (valid
    JSON) is out of a double's range, and Python's inf would be written back as Infinity (not
    JSON): such a line is an error rather than a record changed into invalid output."""
    x = float(text)
    if not math.isfinite(x):
        raise ValueError(f"number {text[:40]} is out of range of a double")
    return x


def _dumps(obj) -> str:
    """One JSON line; ASCII escapes where the record holds lone surrogates ("\\ud800"), which
    UTF-8 output cannot carry."""
    out = json.dumps(obj, ensure_ascii=False)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:
        out = json.dumps(obj, ensure_ascii=True)
    return out


_PIPELINES: dict = {}


def worker_pipeline(config: Config):
    """The configuration's pipeline, built once per process (workers get the Config pickled)."""
    key = (config.path, config.preset, tuple(config.disable), tuple(config.only), repr(config.options))
    if key not in _PIPELINES:
        _PIPELINES[key] = config.pipeline()
    return _PIPELINES[key]


#: File name endings read from a folder (a file named on the command line is always read).
PAGE_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text")


def iter_files(paths: Iterable[str]) -> Iterator[str]:
    """Files named, and the pages under folders named: files ending in PAGE_EXTENSIONS,
    recursively, sorted, hidden ones skipped (a folder's README or pyproject.toml is not a
    page)."""
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if not f.startswith(".") and f.lower().endswith(PAGE_EXTENSIONS):
                        yield os.path.join(root, f)
        else:
            yield p


def progress(items: Iterable[T], total: int | None = None, unit: str = "record") -> Iterable[T]:
    """A tqdm progress bar on stderr when stderr is a terminal; the items unchanged otherwise."""
    if not sys.stderr.isatty():
        return items
    try:
        from tqdm import tqdm
    except ImportError:
        return items
    return tqdm(items, total=total, unit=unit, file=sys.stderr, leave=False)
