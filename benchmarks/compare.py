#!/usr/bin/env python3
"""Compare the speed of two versions of cleanpage on the pasted pages: a git revision and the
working tree, in turns.

This VM's speed drifts by ±20% over minutes, so a version measured after the other can look
faster or slower for no reason of its own.  Here each round runs one process per version, one
after the other, and each version keeps its best round; each process times ``cleanpage.clean``
over every page (best of ``--repeat`` passes after one warm-up pass).  The two trees share
the installed dependencies; each process imports cleanpage from its own ``src``.

Usage: python benchmarks/compare.py --base REV [--rounds N] [--set pasted|pasted-inscriptis]
(needs git and ../shared/bench; the base is checked out into a temporary worktree, removed
at the end).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import _bench

ROOT = _bench.HERE.parent

# Run in a child process with PYTHONPATH set to one version's src: prints pages, MB and the
# best seconds of a pass.
_CHILD = r"""
import json, sys, time
from pathlib import Path
import cleanpage
folder = Path(sys.argv[1])
truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
pages = [(folder / f"{k}.txt").read_bytes() for k in truth]
for d in pages:
    cleanpage.clean(d)
best = float("inf")
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    for d in pages:
        cleanpage.clean(d)
    best = min(best, time.perf_counter() - t0)
print(json.dumps({"file": cleanpage.__file__, "pages": len(pages),
                  "mb": sum(map(len, pages)) / 1e6, "seconds": best}))
"""


def _measure(src: Path, folder: Path, repeat: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    out = subprocess.run([sys.executable, "-c", _CHILD, str(folder), str(repeat)], env=env,
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout
    result = json.loads(out.splitlines()[-1])
    if not Path(result["file"]).resolve().is_relative_to(src.resolve()):
        sys.exit(f"cleanpage was imported from {result['file']}, not from {src}")
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", required=True, help="git revision to compare the working tree with")
    ap.add_argument("--rounds", type=int, default=5, help="turns of both versions (default 5)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per process (default 3)")
    ap.add_argument("--set", default="pasted", help="pasted (default) or pasted-inscriptis")
    ap.add_argument("--bench", help="benchmark folder (default ../shared/bench)")
    args = ap.parse_args()
    if args.rounds < 1 or args.repeat < 1:
        ap.error("--rounds and --repeat must be at least 1")
    folder = _bench.bench_dir(args.bench) / args.set
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(base), args.base],
                       check=True)
        try:
            versions = {f"base {args.base}": base / "src", "working tree": ROOT / "src"}
            best: dict[str, dict] = {}
            for n in range(1, args.rounds + 1):
                line = []
                for name, src in versions.items():
                    r = _measure(src, folder, args.repeat)
                    if name not in best or r["seconds"] < best[name]["seconds"]:
                        best[name] = r
                    line.append(f"{name} {r['mb'] / r['seconds']:.2f} MB/s")
                print(f"round {n}: " + ", ".join(line), flush=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], check=False)
    print()
    for name, r in best.items():
        print(f"{name:30s} {r['mb'] / r['seconds']:6.2f} MB/s  {r['pages'] / r['seconds']:6.0f} pages/s  (best round)")
    (b, rb), (_, rw) = best.items()
    print(f"working tree / base: {rb['seconds'] / rw['seconds']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
