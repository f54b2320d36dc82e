#!/usr/bin/env python3
"""Throughput and memory of cleanpage on the benchmark pages, beside trafilatura.

Prints pages/s and MB/s for 1 and N worker processes (cleanpage's own batch machinery:
``cleanpage.batch.ordered_map`` over ``clean_records``), trafilatura's pages/s on one core in the
same run, the peak resident memory (``resource.getrusage``), and the resident memory after 1,000
and after 10,000 pages cleaned in one process (no growth means no leak).

Usage: python benchmarks/throughput.py [--bench DIR] [--workers N] [--pages 10000]
"""
from __future__ import annotations

import argparse
import gc
import gzip
import json
import resource
import time
import tracemalloc

import _bench

_bench.unshadow()

from cleanpage import clean  # noqa: E402
from cleanpage.batch import chunked, ordered_map  # noqa: E402
from cleanpage.records import clean_record  # noqa: E402


def _clean_chunk(chunk):
    return [clean_record({"html": h}, field="html", input_format="html").get("error") for h in chunk]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", help="benchmark folder (default ../shared/bench)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pages", type=int, default=10_000, help="pages for the memory check")
    args = ap.parse_args()
    folder = _bench.bench_dir(args.bench) / "scrapinghub"
    ids = list(json.loads((folder / "ground-truth.json").read_text()))
    pages = [gzip.decompress((folder / "html" / f"{k}.html.gz").read_bytes()) for k in ids]
    mb = sum(map(len, pages)) / 1e6
    reps = 3
    work = pages * reps
    print(f"{len(pages)} pages ({mb:.1f} MB) x {reps}")
    for p in pages[:5]:
        clean(p, input_format="html")
    for workers in (1, args.workers):
        t0 = time.perf_counter()
        errors = sum(
            e is not None
            for chunk in ordered_map(_clean_chunk, chunked(work, 16), workers)
            for e in chunk
        )
        dt = time.perf_counter() - t0
        print(f"cleanpage, {workers} worker(s): {len(work) / dt:7.1f} pages/s {mb * reps / dt:6.2f} MB/s  errors {errors}")
        if workers == 1:
            one = dt
        else:
            print(f"  speed-up with {workers} workers: {one / dt:.2f}x")
    try:
        import trafilatura

        for p in pages[:5]:
            trafilatura.extract(p)
        t0 = time.perf_counter()
        for p in work:
            trafilatura.extract(p)
        dt = time.perf_counter() - t0
        print(f"trafilatura, 1 process:  {len(work) / dt:7.1f} pages/s {mb * reps / dt:6.2f} MB/s")
    except ImportError:
        print("trafilatura: not installed (pip install '.[bench]')")
    print(f"peak RSS so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    marks = {}
    for i in range(args.pages):
        clean(pages[i % len(pages)], input_format="html")
        if i + 1 in (1_000, args.pages):
            gc.collect()
            marks[i + 1] = _rss()
    for n, m in marks.items():
        print(f"resident memory after {n:6d} pages: {m / 1e6:7.1f} MB")


def _rss() -> int:
    """Resident memory now (not the peak), from /proc on Linux; traced Python memory elsewhere."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * resource.getpagesize()
    except OSError:
        if not tracemalloc.is_tracing():
            tracemalloc.start()
        return tracemalloc.get_traced_memory()[0]


if __name__ == "__main__":
    main()
