#!/usr/bin/env python3
"""A batch under fire: N JSON-lines records through ``cleanpage --jsonl -j 2``, 1% of them hostile.

The good records are the benchmark pages (HTML) in turn; every 100th record is one of six
hostile kinds in turn: an invalid JSON line, a record without the field, a field that is not a
string, a 20 MB field (over ``--max-bytes``), a page full of NUL bytes, and a broken encoding
(lone surrogates, what a broken decoder upstream leaves).  The first four cannot be cleaned and
must come out with an ``error`` naming why; the last two are pages with damage the cleaner
repairs (NULs dropped, surrogates kept escaped), so they must come out cleaned, without NULs.
Checks and prints: every record out, in input order (ids), the errors by kind, the exit status
(1: some records failed), and the time.

Usage: python benchmarks/batch_hostile.py [--bench DIR] [--records 10000] [--jobs 2]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

import _bench

_bench.unshadow()

KINDS = ("invalid_json", "missing_field", "not_a_string", "20_mb_field", "nul_bytes", "broken_encoding")
#: Kinds that must come out with an error; the others must come out cleaned.
FAILING = KINDS[:4]


def hostile(kind: str, i: int) -> str:
    if kind == "invalid_json":
        return '{"id": %d, "text": "unterminated' % i
    if kind == "missing_field":
        return json.dumps({"id": i, "body": "no text field here"})
    if kind == "not_a_string":
        return json.dumps({"id": i, "text": {"nested": [1, 2, 3]}})
    if kind == "20_mb_field":
        return json.dumps({"id": i, "text": "<p>" + "word " * 4_000_000 + "</p>"})
    if kind == "nul_bytes":
        return json.dumps({"id": i, "text": "\x00" * 5000 + "<p>text</p>" + "\x00" * 5000})
    # Lone surrogates: what a broken decoder upstream leaves in a record.
    return json.dumps({"id": i, "text": "<p>caf\udce9 \ud800 broken</p>" * 100})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", help="benchmark folder (default ../shared/bench)")
    ap.add_argument("--records", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    folder = _bench.bench_dir(args.bench) / "scrapinghub"
    ids = list(json.loads((folder / "ground-truth.json").read_text()))
    pages = [gzip.decompress((folder / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8", "replace") for k in ids]

    expected_bad: dict[int, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        shard = os.path.join(tmp, "shard.jsonl")
        with open(shard, "w", encoding="utf-8", errors="surrogatepass") as fh:
            for i in range(args.records):
                if i % 100 == 99:
                    kind = KINDS[(i // 100) % len(KINDS)]
                    expected_bad[i] = kind
                    fh.write(hostile(kind, i) + "\n")
                else:
                    fh.write(json.dumps({"id": i, "text": pages[i % len(pages)]}) + "\n")
        size = os.path.getsize(shard) / 1e6
        cmd = [sys.executable, "-m", "cleanpage", "--jsonl", "-j", str(args.jobs), "--stats",
               "--max-bytes", "5000000", "--time-budget", "20", shard]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True)
        dt = time.perf_counter() - t0

    lines = proc.stdout.decode("utf-8").splitlines()
    out = [json.loads(line) for line in lines]
    good = [o for o in out if "error" not in o]
    bad = [o for o in out if "error" in o]
    order = [o.get("id") for o in out if "id" in o]
    print(f"{args.records} records ({size:.0f} MB), {len(expected_bad)} hostile, -j {args.jobs}: "
          f"{dt:.1f} s, {args.records / dt:.0f} records/s, exit status {proc.returncode}")
    failing = {i for i, k in expected_bad.items() if k in FAILING}
    repaired = [o for o in out if expected_bad.get(o.get("id")) in ("nul_bytes", "broken_encoding")]
    print(f"records out: {len(out)}; cleaned {len(good)} (expected {args.records - len(failing)}, "
          f"{len(repaired)} of them damaged pages repaired); with an error {len(bad)} (expected {len(failing)})")
    print(f"ids in input order: {order == sorted(order)}")
    by_kind: dict[str, list[str]] = {}
    for o in bad:
        i = o.get("id")
        kind = expected_bad.get(i, "invalid_json" if i is None else "unexpected")
        by_kind.setdefault(kind, []).append(o["error"][:90])
    for kind in FAILING:
        errs = by_kind.get(kind, [])
        print(f"  {kind:16} {len(errs):4d}  e.g. {errs[0] if errs else '-'}")
    if "unexpected" in by_kind:
        print(f"  UNEXPECTED errors on good records: {by_kind['unexpected'][:3]}")
    print(proc.stderr.decode("utf-8", "replace").strip())
    ok = (
        len(out) == args.records
        and len(good) == args.records - len(failing)
        and all("error" not in o and "\x00" not in o["text"] for o in repaired)
        and order == sorted(order)
        and proc.returncode == 1
        and "unexpected" not in by_kind
        and all(g["text"] for g in good[:50])
    )
    print("all checks passed" if ok else "CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
