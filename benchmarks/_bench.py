"""Shared helpers for the benchmark scripts: find ../shared/bench, load its scorer."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def unshadow() -> None:
    """Drop this folder from ``sys.path``: its ``html.py`` (named as the issue asks) would
    otherwise shadow the standard library's ``html`` package that BeautifulSoup imports.  Call
    it after importing this module and before importing cleanpage."""
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]


def bench_dir(arg: str | None) -> Path:
    """The benchmark folder: ``arg``, else $CLEANPAGE_BENCH, else ../shared/bench beside the
    repository.  Exits with a clear message when it is absent (the pages are never in the repo)."""
    cand = Path(arg or os.environ.get("CLEANPAGE_BENCH") or HERE.parent.parent / "shared" / "bench")
    if not (cand / "score.py").is_file():
        sys.exit(
            f"benchmark pages not found at {cand} (expected score.py there); pass the folder "
            "as --bench or set CLEANPAGE_BENCH. The pages are not part of the repository."
        )
    return cand


def load_scorer(bench: Path):
    spec = importlib.util.spec_from_file_location("bench_score", bench / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score(scorer, pred: dict[str, str], truth: dict[str, str], ids=None) -> dict:
    """Corpus precision / recall / F1 over ``ids`` (default: every ground-truth id), computed
    with the benchmark's own functions from score.py; ``per_page`` maps id -> (p, r, f1)."""
    ids = list(truth) if ids is None else list(ids)
    pages, per_page = [], {}
    for i in ids:
        true_t, pred_t = scorer.words(truth[i]), scorer.words(pred.get(i, ""))
        tp, fp, fn = scorer.page_counts(true_t, pred_t)
        pages.append({"tp": tp, "fp": fp, "fn": fn, "exact": true_t == pred_t})
        p, r = scorer.page_precision(tp, fp, fn), scorer.page_recall(tp, fp, fn)
        per_page[i] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    out = scorer.corpus_metrics(pages) if pages else {"f1": 0.0, "precision": 0.0, "recall": 0.0}
    out["pages"] = len(ids)
    out["per_page"] = per_page
    return out


def page_languages(truth: dict[str, str]) -> dict[str, str]:
    """The language of each page's ground-truth text, by cleanpage's own detector (fastText's
    lid.176 model): the split for the English and non-English rows.  ``"und"`` where the text
    is too short to tell.  (An earlier ASCII-share heuristic counted an English meal plan, whose
    text has few "the"/"and", as non-English.)"""
    from cleanpage.language import detect_text

    return {k: (detect_text(t) or ("und", 0.0))[0] for k, t in truth.items()}


def print_languages(scorer, pred: dict[str, str], truth: dict[str, str], langs: dict[str, str], label: str) -> None:
    """One row per language for one tool's predictions: pages and F1 / precision / recall."""
    print(f"\nby language, {label} (language of the ground truth, detected):")
    groups: dict[str, list[str]] = {}
    for k, lg in langs.items():
        groups.setdefault(lg, []).append(k)
    other = [k for k, lg in langs.items() if lg != "en"]
    rows = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])) + [("non-English", other)]
    for lg, ids in rows:
        if ids:
            s = score(scorer, pred, truth, ids)
            print(f"  {lg:12} {len(ids):4d} pages  F1 {s['f1']:.3f}  P {s['precision']:.3f}  R {s['recall']:.3f}")
