#!/usr/bin/env python3
"""Time and memory of cleanpage on hostile and large pasted input, to show time is about linear
in size and nothing hangs.  Builds its inputs itself (no benchmark pages needed).

Prints, per input: size, seconds, MB/s, with --memory the peak traced memory (tracemalloc, in a
second, untimed run) and the outcome (a clean result with N kept lines, or the one-line error).

Usage: python benchmarks/robustness.py [--max-mb 20] [--memory]
"""
from __future__ import annotations

import argparse
import codecs
import time
import tracemalloc

import _bench

_bench.unshadow()

import cleanpage  # noqa: E402
from cleanpage.renderers import render  # noqa: E402

PARA = (
    "The harbour board approved the new ferry timetable on Monday after a long public "
    "consultation, and boats will now leave every forty minutes in summer.\n"
)
FURNITURE = "Advertisement\nMenu\nHome\nNews\nSport\nShare\nRelated Articles\n6 hours ago\n\n"


def paste(mb: float) -> str:
    unit = PARA * 3 + FURNITURE
    return unit * max(1, int(mb * 1e6 / len(unit)))


MEMORY = False


def _clean(data, to: str = "text") -> str:
    try:
        res = cleanpage.clean_and_explain(data)
        if to != "text":
            render(res.document, to)
        return f"ok, {sum(1 for l in res.text.splitlines() if l)} lines kept"
    except cleanpage.InputError as e:
        return f"InputError: {e}"


def run(name: str, data, to: str = "text") -> None:
    size = len(data)
    t0 = time.perf_counter()
    outcome = _clean(data, to)
    dt = time.perf_counter() - t0
    mbs = size / 1e6 / dt if dt > 0 else float("inf")
    peak = ""
    if MEMORY:  # a second run under tracemalloc, which slows Python down, so not timed
        tracemalloc.start()
        _clean(data, to)
        peak = f"{tracemalloc.get_traced_memory()[1] / 1e6:8.1f} MB peak"
        tracemalloc.stop()
    print(f"{name:30} {size / 1e6:7.2f} MB {dt:8.3f} s {mbs:7.2f} MB/s {peak}  {outcome}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-mb", type=float, default=20.0)
    ap.add_argument("--memory", action="store_true", help="also measure peak memory (tracemalloc)")
    args = ap.parse_args()
    global MEMORY
    MEMORY = args.memory
    print(f"cleanpage {cleanpage.__version__}")
    run("empty", b"")
    run("whitespace only", " \n\t\n" * 1000)
    run("BOM only", codecs.BOM_UTF8)
    run("NUL bytes in text", (PARA.replace("ferry", "fer\x00ry") * 1000).encode())
    run("undecodable / binary bytes", bytes(range(256)) * 4000)
    run("single 5 MB line", ("word " * 1_000_000).strip() + ".")
    run("5,000 'Related' headings", ("Related Articles\n" + PARA * 2) * 5000)
    run("20,000 related teasers", PARA * 5 + "Related Articles\nFerry news today\n" * 20000)
    run("20,000 comment stubs", PARA * 5 + "Comments\n" + "Reply\nGreat read\n" * 20000)
    html = "<html><body><p>" + PARA + "</p>"
    attrs = " ".join(f'a{i}="v"' for i in range(100_000))
    run("HTML: a tag with 100,000 attributes", f"{html}<p {attrs}>{PARA}</p></body></html>")
    run("HTML: '<a' + 1 MB of letters, 20,001 '='", html + "<a" + "b" * 1_000_000 + "=" * 20_001)
    run("HTML: 80,000 siblings, --to json", html + (f"<p>{PARA}</p><div class=ad>Advertisement</div>") * 40_000, "json")
    run("HTML: nesting 10,000 deep", html + "<div>" * 10_000 + PARA + "</div>" * 10_000)
    # Under libxml2's limit: every block's xpath once ran 2,000 steps (442 MB of JSON).
    run("HTML: 2,000 deep, 20,000 paragraphs, --to json",
        html + "<blockquote>" * 2_000 + f"<p>{PARA}</p>" * 20_000, "json")
    mb = 1.0
    while mb <= args.max_mb:
        run(f"paste of {mb:g} MB", paste(mb))
        mb *= 2 if mb < args.max_mb / 2 or mb == args.max_mb else args.max_mb / mb
    print("time per MB should stay flat as size grows (linear time)")


if __name__ == "__main__":
    main()
