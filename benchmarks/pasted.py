#!/usr/bin/env python3
"""Benchmark cleanpage on pasted pages: ../shared/bench/pasted/<id>.txt with ground truth.

Prints token-shingle F1 / precision / recall (the article-extraction benchmark's metric, from
../shared/bench/score.py) for cleanpage's presets beside the C4-style line filter baseline (keep
lines of >= 10 words ending in . ! ?), then English and non-English rows, throughput (pages/s,
MB/s of pasted text, one process, one core) and the worst pages.

Usage: python benchmarks/pasted.py [--bench DIR] [--set pasted|pasted-inscriptis] [--worst N] [--floor]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time

import _bench

_bench.unshadow()

import cleanpage  # noqa: E402

bench_dir, load_scorer, score = _bench.bench_dir, _bench.load_scorer, _bench.score
page_languages, print_languages = _bench.page_languages, _bench.print_languages

_C4_END = re.compile(r"[.!?]['\"”’)]*$")


def c4_line_filter(text: str) -> str:
    """The baseline: lines of at least 10 words that end in terminal punctuation."""
    return "\n".join(
        l for l in text.splitlines() if len(l.split()) >= 10 and _C4_END.search(l.strip())
    )



def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", help="benchmark folder (default ../shared/bench)")
    ap.add_argument("--set", default="pasted", help="pasted (default) or pasted-inscriptis")
    ap.add_argument("--worst", type=int, default=10, help="list the N worst pages (default 10)")
    ap.add_argument("--repeat", type=int, default=3, help="timing repeats; best is shown (default 3)")
    ap.add_argument("--floor", action="store_true",
                    help="also time the pipeline with no filter but main_content, in turns with the "
                         "whole balanced one: the floor that the parsing, language, repairs and "
                         "rendering set, before any boilerplate filter")
    args = ap.parse_args()

    bench = bench_dir(args.bench)
    scorer = load_scorer(bench)
    folder = bench / args.set
    truth_full = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    truth = {k: v["articleBody"] for k, v in truth_full.items()}
    pages = {k: (folder / f"{k}.txt").read_bytes() for k in truth}
    total_mb = sum(map(len, pages.values())) / 1e6

    rows = []
    errors = []
    preds: dict[str, dict[str, str]] = {}
    times: dict[str, float] = {}
    for preset in ("balanced", "precision", "recall"):
        pred = {}
        best = float("inf")
        for _ in range(args.repeat if preset == "balanced" else 1):
            t0 = time.perf_counter()
            for k, data in pages.items():
                try:
                    pred[k] = cleanpage.clean(data, preset=preset)
                except Exception as e:  # a benchmark reports failures, it does not stop on them
                    errors.append((preset, k, repr(e)))
                    pred[k] = ""
            best = min(best, time.perf_counter() - t0)
        preds[preset] = pred
        times[preset] = best
    if args.floor:
        floor = {"balanced": cleanpage.Pipeline.preset(), "only main_content": cleanpage.Pipeline.preset().only("main_content")}
        best_floor = dict.fromkeys(floor, float("inf"))
        for _ in range(max(args.repeat, 5)):
            for name, pipe in floor.items():  # in turns, so a drift of the machine hits both
                t0 = time.perf_counter()
                for data in pages.values():
                    cleanpage.clean(data, pipeline=pipe)
                best_floor[name] = min(best_floor[name], time.perf_counter() - t0)
        for name, t in best_floor.items():
            print(f"floor: {name:20} {total_mb / t:5.2f} MB/s {t / len(pages) * 1000:6.2f} ms/page")
        print()
    preds["c4 line filter (baseline)"] = {
        k: c4_line_filter(d.decode("utf-8", "replace")) for k, d in pages.items()
    }
    preds["whole paste"] = {k: d.decode("utf-8", "replace") for k, d in pages.items()}

    langs = page_languages(truth)
    english = [k for k in truth if langs[k] == "en"]
    other = [k for k in truth if k not in english]
    print(f"{len(truth)} pages from {folder} ({total_mb:.2f} MB; {len(english)} English, {len(other)} other)")
    print()
    print(f"{'tool':34} {'F1':>6} {'prec':>6} {'recall':>6}  {'F1 en':>6} {'F1 other':>8}  {'pages/s':>8} {'MB/s':>6}")
    for name, pred in preds.items():
        s = score(scorer, pred, truth)
        se = score(scorer, pred, truth, english)
        so = score(scorer, pred, truth, other) if other else None
        label = f"cleanpage {name}" if name in times else name
        speed = ""
        if name in times:
            speed = f"{len(pages) / times[name]:8.0f} {total_mb / times[name]:6.2f}"
        other_f1 = f"{so['f1']:8.3f}" if so else f"{'-':>8}"
        print(f"{label:34} {s['f1']:6.3f} {s['precision']:6.3f} {s['recall']:6.3f}  {se['f1']:6.3f} {other_f1}  {speed}")
        rows.append((name, s))
    print_languages(scorer, preds["balanced"], truth, langs, "cleanpage balanced")
    print()
    empty = [k for k in truth if truth[k].strip() and not preds["balanced"][k].strip()]
    print(f"pages raising: {len(errors)}; pages left empty by cleanpage balanced: {len(empty)}")
    for e in errors[:10]:
        print("  error:", *e)
    if args.worst:
        per = rows[0][1]["per_page"]
        print(f"\nworst {args.worst} pages for cleanpage balanced (F1 P R id url):")
        for k in sorted(per, key=lambda k: per[k][2])[: args.worst]:
            p, r, f = per[k]
            print(f"  {f:.3f} {p:.3f} {r:.3f} {k[:12]} {truth_full[k].get('url', '')[:70]}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
