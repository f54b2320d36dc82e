"""Presets are data: the filters of each named pipeline, in order, and their options.

* ``balanced`` (default): every built-in filter with its defaults.
* ``precision``: drops more; sections are walked after less prose, short lines cost more in
  the main-content search, and the context pass takes longer runs.
* ``recall``: keeps more; no duplicates or context pass, short lines cost less and the
  region extends across more furniture, so the main-content region is wider.
"""
from __future__ import annotations

from typing import Any

FILTER_ORDER = (
    "rules",
    "hidden",
    "dom_hints",
    "ad_markers",
    "cookies",
    "footer",
    "navigation",
    "share",
    "promo",
    "credits",
    "related",
    "comments",
    "bylines",
    "duplicates",
    "link_density",
    "main_content",
    "context",
)

REPAIR_ORDER = ("join_link_breaks", "space_before_punct")

PRESETS: dict[str, dict[str, Any]] = {
    "balanced": {"filters": FILTER_ORDER, "options": {}},
    "precision": {
        "filters": FILTER_ORDER,
        "options": {
            "main_content": {"short_penalty": 14.0},
            "related": {"min_prose_before": 30},
            "comments": {"min_prose_before": 30},
            "context": {"max_run": 5, "max_words": 15},
        },
    },
    "recall": {
        "filters": tuple(f for f in FILTER_ORDER if f not in ("context", "duplicates")),
        "options": {"main_content": {"short_penalty": 6.0, "max_gap": 2}},
    },
}

DEFAULT_PRESET = "balanced"
