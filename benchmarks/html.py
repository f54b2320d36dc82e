#!/usr/bin/env python3
"""Benchmark cleanpage on HTML pages beside trafilatura, readability-lxml and jusText.

Runs every tool on the same pages of ../shared/bench/scrapinghub/ (html/<id>.html.gz with
ground-truth.json) in the same process, and prints token-shingle F1 / precision / recall (the
article-extraction benchmark's metric, from ../shared/bench/score.py), pages/s, median ms a page
and the speed ratio to trafilatura (each tool's best of ``--rounds`` timed passes over all
pages, the tools taking turns on every page), then English / other rows and cleanpage's worst pages.
Peers are optional (``pip install '.[bench]'``); a missing one is skipped with a note.

Usage: python benchmarks/html.py [--bench DIR] [--worst N] [--rounds N] [--only cleanpage,trafilatura,...]
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time

import _bench

_bench.unshadow()

import cleanpage  # noqa: E402

bench_dir, load_scorer, score = _bench.bench_dir, _bench.load_scorer, _bench.score
page_languages, print_languages = _bench.page_languages, _bench.print_languages


def tool_cleanpage(preset="balanced"):
    return lambda html: cleanpage.clean(html, input_format="html", preset=preset)


def tool_trafilatura():
    import trafilatura

    return lambda html: trafilatura.extract(html) or ""


def tool_trafilatura_nocomments():
    import trafilatura

    return lambda html: trafilatura.extract(html, include_comments=False) or ""


def tool_readability():
    import lxml.html
    from readability import Document

    def run(html):
        summary = Document(html).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    return run


def tool_justext():
    import justext

    stop = justext.get_stoplist("English")

    def run(html):
        return "\n".join(p.text for p in justext.justext(html, stop) if not p.is_boilerplate)

    return run


TOOLS = {
    "cleanpage": tool_cleanpage,
    "cleanpage-precision": lambda: tool_cleanpage("precision"),
    "cleanpage-recall": lambda: tool_cleanpage("recall"),
    "trafilatura": tool_trafilatura,
    "trafilatura-nocomments": tool_trafilatura_nocomments,
    "readability-lxml": tool_readability,
    "justext": tool_justext,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench", help="benchmark folder (default ../shared/bench)")
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--only", help="comma-separated tool names (default: all available)")
    ap.add_argument("--rounds", type=int, default=3,
                    help="timed passes over all pages (default 3); in each the tools take turns on"
                    " every page, so a busy spell of the machine falls on all of them; each"
                    " tool's time is its best round")
    ap.add_argument("--warmup", type=int, default=5,
                    help="pages each tool cleans once, untimed, before the timed run (default 5):"
                    " imports, caches and lexicons load outside the measurement, for every tool")
    args = ap.parse_args()
    bench = bench_dir(args.bench)
    scorer = load_scorer(bench)
    folder = bench / "scrapinghub"
    truth_full = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    truth = {k: v["articleBody"] for k, v in truth_full.items()}
    pages = {k: gzip.decompress((folder / "html" / f"{k}.html.gz").read_bytes()) for k in truth}
    langs = page_languages(truth)
    english = [k for k in truth if langs[k] == "en"]
    other = [k for k in truth if k not in english]
    names = args.only.split(",") if args.only else list(TOOLS)
    # trafilatura first, so every row can give its speed against it
    names.sort(key=lambda n: n != "trafilatura")
    print(f"{len(pages)} pages from {folder} ({len(english)} English, {len(other)} other)\n")
    print(f"{'tool':24} {'F1':>6} {'prec':>6} {'recall':>6}  {'F1 en':>6} {'F1 oth':>6}  "
          f"{'pages/s':>7} {'ms med':>6} {'vs traf':>7}  errors")
    runners = {}
    for name in names:
        try:
            runners[name] = TOOLS[name]()
        except ImportError as e:
            print(f"{name:24} skipped: {e.name} is not installed (pip install '.[bench]')")
            continue
        for html in list(pages.values())[: args.warmup]:
            try:
                runners[name](html)
            except Exception:
                pass
    preds: dict[str, dict[str, str]] = {n: {} for n in runners}
    errors = {n: 0 for n in runners}
    rounds: dict[str, list[float]] = {n: [] for n in runners}
    per_page: dict[str, list[float]] = {n: [] for n in runners}
    order = list(runners)
    totals = {n: 0.0 for n in runners}
    for r in range(max(1, args.rounds)):
        for n in order:
            totals[n] = 0.0
        for i, (k, html) in enumerate(pages.items()):
            # The tools take turns on every page, first one then the other: the machine's
            # speed drifts over seconds (±20% on this VM), and this way it drifts for all.
            shift = (i + r) % len(order)
            for name in order[shift:] + order[:shift]:
                t0 = time.perf_counter()
                try:
                    out = runners[name](html)
                except Exception:  # a benchmark counts failures, it does not stop on them
                    out = ""
                    if r == 0:
                        errors[name] += 1
                dt = time.perf_counter() - t0
                totals[name] += dt
                if r == 0:
                    preds[name][k] = out
                    per_page[name].append(dt)
        for n in order:
            rounds[n].append(totals[n])
    results = {}
    for name in order:
        pred = preds[name]
        s = score(scorer, pred, truth)
        se, so = score(scorer, pred, truth, english), score(scorer, pred, truth, other)
        secs = min(rounds[name])  # the least disturbed round, as timeit takes the best
        results[name] = (s, secs, statistics.median(per_page[name]), errors[name])
        base = results.get("trafilatura")
        ratio = f"{base[1] / secs:6.2f}x" if base else f"{'-':>7}"
        print(f"{name:24} {s['f1']:6.3f} {s['precision']:6.3f} {s['recall']:6.3f}  "
              f"{se['f1']:6.3f} {so['f1']:6.3f}  {len(pages) / secs:7.1f} "
              f"{results[name][2] * 1000:6.1f} {ratio}  {errors[name]}")
    if args.rounds > 1:
        print("\npages/s in each round: " + "; ".join(
            f"{n} " + ", ".join(f"{len(pages) / t:.1f}" for t in rounds[n]) for n in order))
    for name in ("cleanpage", "trafilatura"):
        if name in preds:
            print_languages(scorer, preds[name], truth, langs, name)
    if "cleanpage" in results and args.worst:
        per = results["cleanpage"][0]["per_page"]
        print(f"\nworst {args.worst} pages for cleanpage (F1 P R id url):")
        for k in sorted(per, key=lambda k: per[k][2])[: args.worst]:
            p, r, f = per[k]
            print(f"  {f:.3f} {p:.3f} {r:.3f} {k[:12]} {truth_full[k].get('url', '')[:70]}")
    return 1 if any(r[3] for n, r in results.items() if n.startswith("cleanpage")) else 0


if __name__ == "__main__":
    sys.exit(main())
