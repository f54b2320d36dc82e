"""Every removal is traceable, and the blocks cover the input (issue #6).

On every golden input, and on the benchmark pages when ../shared/bench is present:

* each removed block names a registered filter, one of that filter's declared reasons, and
  non-empty evidence;
* the kept and removed blocks together cover the input's text, in order: for pasted text each
  block's source span holds exactly its text (repairs change only whitespace), the spans run forward without overlap, and nothing but whitespace lies
  outside them; for HTML the blocks' text, in order, is the page's text outside the elements
  that never make blocks (script, style, head...).
"""
import unicodedata
from pathlib import Path

import pytest

import cleanpage
from cleanpage.decode import decode
from cleanpage.filters import registry
from cleanpage.parsers.html import CONTROLS, SKIP, _parse, _read_input

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
GOLDEN = sorted(p for p in (ROOT / "golden").glob("*/*/input.*"))


def bench_pages():
    pages = []
    for sub, pattern in (("pasted", "*.txt"), ("scrapinghub", "*.html")):
        folder = BENCH / sub
        if folder.is_dir():
            pages += sorted(folder.rglob(pattern))
    return pages


def squeeze(s: str) -> str:
    """The text without whitespace and invisible characters (format and control characters
    such as a stray BOM or a zero-width space), which the parsers drop."""
    return "".join(ch for ch in s if not ch.isspace() and unicodedata.category(ch) not in ("Cf", "Cc"))


def check_explanations(doc):
    reg = registry()
    for b in doc.removed:
        assert b.removal.filter in reg, b
        assert b.removal.reason in reg[b.removal.filter].reasons, b
        assert b.removal.evidence.strip(), b


def check_text_coverage(doc, text: str):
    pos = 0
    for b in doc.blocks:
        s = b.source
        assert s is not None and pos <= s.start < s.end <= len(text), (b, pos)
        assert not squeeze(text[pos : s.start]), f"text outside every block: {text[pos:s.start]!r}"
        assert squeeze(text[s.start : s.end]) == squeeze(b.text), b
        pos = s.end
    assert not squeeze(text[pos:])


def page_text(data) -> tuple[str, str]:
    """The page's text outside skipped elements, and the text of its controls (buttons,
    selects, dialogs: blocks of their own, placed after the block they sit in)."""
    src = _read_input(data)
    root = _parse(src) if isinstance(src, str) else src
    if root is None:
        return "", ""
    parts, controls = [], []

    def visit(el):
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if tag is None or tag in SKIP:
            if tag in CONTROLS:
                controls.append(" ".join(el.itertext()))
            parts.append(el.tail or "")
            return
        parts.append(el.text or "")
        for child in el:
            visit(child)
        parts.append(el.tail or "")

    if root.getroottree().getroot() is root:
        visit(root)
    return "".join(parts), "".join(controls)


def check_html_coverage(doc, data):
    text, controls = page_text(data)
    got = "".join(squeeze(b.text) for b in doc.blocks if b.kind != "control").replace("|", "")
    assert got == squeeze(text).replace("|", "")
    assert "".join(squeeze(b.text) for b in doc.blocks if b.kind == "control") == squeeze(controls)


def check(path: Path):
    data = path.read_bytes()
    res = cleanpage.clean_and_explain(data)
    check_explanations(res.document)
    if res.document.origin == "text":
        check_text_coverage(res.document, decode(data))
    else:
        check_html_coverage(res.document, data)


@pytest.mark.parametrize("path", GOLDEN, ids=[f"{p.parent.parent.name}/{p.parent.name}" for p in GOLDEN])
def test_golden_inputs_are_explained_and_covered(path):
    check(path)


def test_benchmark_pages_are_explained_and_covered():
    pages = bench_pages()
    if not pages:
        pytest.skip(f"benchmark pages not found at {BENCH} (../shared/bench is not in the repo)")
    for path in pages:
        try:
            check(path)
        except AssertionError as e:
            raise AssertionError(f"{path}: {e}") from None
