"""Golden cases: golden/<lang>/<slug>/ holds an input written for the project in the shape of a
real page, the expected output and explanation, and case.toml (note, options, must_keep /
must_drop snippets, the expected Document.title, expect = "pass" | "fail").  ``pytest --update-golden`` rewrites the expected
files and fails, so each behaviour change is reviewed as a diff."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import cleanpage
from cleanpage.renderers import render_explain

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
CASES = sorted(p.parent for p in GOLDEN.glob("*/*/case.toml"))


def _input(case: Path) -> Path:
    found = [p for p in case.iterdir() if p.name.startswith("input.")]
    assert len(found) == 1, f"{case}: expected exactly one input.* file, found {found}"
    return found[0]


def _params():
    for case in CASES:
        spec = tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))
        marks = []
        if spec.get("expect", "pass") == "fail":
            marks.append(pytest.mark.xfail(strict=True, reason=spec.get("why", "known failure")))
        yield pytest.param(case, spec, id=f"{case.parent.name}/{case.name}", marks=marks)


def test_there_are_golden_cases():
    assert len(CASES) >= 15
    langs = {c.parent.name for c in CASES}
    assert len([c for c in CASES if c.parent.name != "en"]) >= 4, langs


@pytest.mark.parametrize("case,spec", list(_params()))
def test_golden(case: Path, spec: dict, update_golden: bool):
    assert spec.get("note"), f"{case}: case.toml needs a note"
    opts = spec.get("options", {})
    result = cleanpage.clean_and_explain(_input(case).read_bytes(), **opts)
    explain = render_explain(result.document)
    exp_text, exp_explain = case / "expected.txt", case / "expected.explain.txt"
    expect_pass = spec.get("expect", "pass") == "pass"
    if update_golden and expect_pass:
        # A known-failure case keeps its hand-written expected.txt: it is the goal, not a record.
        changed = []
        for path, new in ((exp_text, result.text), (exp_explain, explain)):
            old = path.read_text(encoding="utf-8") if path.exists() else None
            if old != new:
                path.write_text(new, encoding="utf-8")
                changed.append(path.name)
        if changed:
            pytest.fail(f"golden files rewritten ({', '.join(changed)}): review the diff")
    if "title" in spec:
        assert result.document.title == spec["title"]
    for snippet in spec.get("must_keep", []):
        assert snippet in result.text, f"must_keep snippet missing: {snippet!r}"
    for snippet in spec.get("must_drop", []):
        assert snippet not in result.text, f"must_drop snippet kept: {snippet!r}"
    assert result.text == exp_text.read_text(encoding="utf-8")
    if exp_explain.exists() or expect_pass:
        assert explain == exp_explain.read_text(encoding="utf-8")
