"""Renderers: the same Document as plain text, JSON, or a per-block explanation."""
from __future__ import annotations

import json
from typing import Any

from .document import Document

FORMATS = ("text", "markdown", "json", "explain")


def render_text(doc: Document) -> str:
    """The kept blocks, one a line, with a final newline; ``""`` when nothing is kept.

    A blank line separates two kept blocks where the input had a paragraph boundary (a blank
    line) anywhere between them, so the paragraphs of a paste survive and cleaning the output
    again sees the same boundaries.
    """
    out: list[str] = []
    boundary = False
    for b in doc.blocks:
        boundary = boundary or b.blank_before
        if b.removal is None:
            if boundary and out:
                out.append("")
            out.append(b.text)
            boundary = False
    return "\n".join(out) + "\n" if out else ""


def stats_list(doc: Document) -> list[dict[str, Any]]:
    return [{"filter": f, "reason": r, "blocks": n} for (f, r), n in doc.stats().items()]


def to_dict(doc: Document) -> dict[str, Any]:
    """The JSON shape: document facts, every block (kept or not, with its removal and source),
    and the per-(filter, reason) counts."""
    blocks = []
    for b in doc.blocks:
        item: dict[str, Any] = {"index": b.index, "kept": b.removal is None, "kind": b.kind, "text": b.text}
        if b.removal is not None:
            item.update(filter=b.removal.filter, reason=b.removal.reason, evidence=b.removal.evidence)
        if b.source is not None:
            item.update(
                start=b.source.start,
                end=b.source.end,
                first_line=b.source.first_line + 1,
                last_line=b.source.last_line + 1,
            )
        if b.repairs:
            item["repairs"] = list(b.repairs)
        blocks.append(item)
    return {
        "origin": doc.origin,
        "lang": doc.lang,
        "title": doc.title,
        "text": render_text(doc),
        "blocks": blocks,
        "stats": stats_list(doc),
    }


def render_json(doc: Document, source: str | None = None) -> str:
    """One JSON object on one line (so several inputs make JSON Lines), newline-terminated;
    with ``source`` (the CLI passes the file name) as its first key."""
    data = to_dict(doc)
    if source is not None:
        data = {"source": source, **data}
    return json.dumps(data, ensure_ascii=False) + "\n"


#: Longest block text shown by the explain renderer before it is cut with an ellipsis.
EXPLAIN_TEXT_CHARS = 100


def render_explain(doc: Document) -> str:
    """One line a block: ``kept`` or ``filter/reason «evidence»``, a tab, then the block text
    (cut at EXPLAIN_TEXT_CHARS)."""
    lines = []
    for b in doc.blocks:
        if b.removal is None:
            label = "kept"
        else:
            ev = b.removal.evidence
            ev = ev if len(ev) <= 60 else ev[:59] + "…"
            label = f"{b.removal.filter}/{b.removal.reason} «{ev}»"
        text = b.text if len(b.text) <= EXPLAIN_TEXT_CHARS else b.text[: EXPLAIN_TEXT_CHARS - 1] + "…"
        lines.append(f"{label}\t{text}")
    return "\n".join(lines) + "\n" if lines else ""


def render_markdown(doc: Document) -> str:
    """The kept blocks as Markdown: headings (``#`` by level), nested lists, block quotes,
    fenced code blocks with their indentation intact, tables (the first row as the header) and
    emphasis, from the HTML structure; pasted text has no structure to render, so it comes out
    as paragraphs.  ``""`` when nothing is kept."""
    out: list[str] = []
    prev_kind = None
    for b in doc.blocks:
        if b.removal is not None:
            continue
        dom = b.dom
        kind = b.kind
        text = (dom.emphasis or b.text) if dom is not None else b.text  # "" = no emphasis
        if kind == "heading" and dom is not None:
            line = "#" * max(1, min(6, dom.level)) + " " + b.text
        elif kind == "list_item" and dom is not None:
            line = "  " * max(0, dom.level - 1) + "- " + text
        elif kind == "quote":
            line = "> " + text
        elif kind == "pre":
            line = "```\n" + b.text + "\n```"
        elif kind == "table_row" and dom is not None and dom.cells:
            line = "| " + " | ".join(c.replace("|", "\\|") for c in dom.cells) + " |"
            if prev_kind != "table_row":
                line += "\n|" + "---|" * len(dom.cells)
        else:
            line = text
        tight = kind == prev_kind and kind in ("list_item", "table_row", "quote")
        if out and not tight:
            out.append("")
        out.append(line)
        prev_kind = kind
    return "\n".join(out) + "\n" if out else ""


RENDERERS = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "explain": render_explain,
}


def render(doc: Document, to: str = "text") -> str:
    """Render ``doc`` in format ``to`` (one of FORMATS).

    Raises:
        ValueError: unknown format.
    """
    if to not in RENDERERS:
        raise ValueError(f"unknown output format {to!r}; known: {', '.join(FORMATS)}")
    return RENDERERS[to](doc)
