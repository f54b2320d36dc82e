"""Batch work for the CLI: JSON Lines in and out, many files to a folder, worker processes.

Workers are a standard ``concurrent.futures.ProcessPoolExecutor``; results come back in input
order, and at most ``window`` records are in flight, so a shard of millions of lines is streamed,
not read into memory (``Executor.map`` would submit every line first).
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
import dataclasses
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, TypeVar

from .config import Config
from .records import clean_record

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


def open_lines(path: str) -> Iterator[str]:
    """Lines of a file ('-' is stdin), gunzipped when the name ends in .gz; decoding errors are
    replaced so that one bad line cannot stop a shard (its JSON then fails to parse and the
    record says so)."""
    if path == "-":
        stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    elif path.endswith(".gz"):
        stream = gzip.open(path, "rt", encoding="utf-8", errors="replace")
    else:
        stream = open(path, encoding="utf-8", errors="replace")
    with stream:
        yield from stream


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
        if isinstance(line, (bytes, bytearray)):
            line = bytes(line).decode("utf-8", "replace")
        if not isinstance(line, str):
            return _dumps({"error": f"line is {type(line).__name__}, not JSON text"}), True, {}
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as e:  # RecursionError: "[" nested 100,000 deep
            out = {"error": f"invalid JSON: {type(e).__name__}: {str(e)[:200]}", "line": line[:200]}
            return _dumps(out), True, {}
        result = clean_record(
            record,
            field=self.field,
            input_format=self.input_format,
            output_field=self.output_field,
            explain=True,
            pipeline=worker_pipeline(self.config),
            config=self.config,
            max_bytes=self.max_bytes,
            time_budget=self.time_budget,
        )
        info = result.pop("cleanpage", None) if not self.explain else result.get("cleanpage")
        removed = {(r["filter"], r["reason"]): (r["blocks"], r["chars"]) for r in (info or {}).get("removed", [])}
        return _dumps(result), "error" in result, removed


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
