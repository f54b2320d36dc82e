"""Renderers: the same Document as plain text, Markdown, JSON, a per-block explanation (plain
or as a colour diff), or the page as HTML with its removed blocks highlighted."""
from __future__ import annotations

import json
from copy import deepcopy
from typing import Any

from lxml import etree

from .document import Document
from .parsers.text import _CONTROL
from .parsers.html import xpaths

FORMATS = ("text", "markdown", "json", "explain", "html-annotated")


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
    """``[{"filter", "reason", "blocks", "chars"}]``: what each (filter, reason) removed."""
    return [
        {"filter": f, "reason": r, "blocks": n, "chars": c} for (f, r), (n, c) in doc.tally().items()
    ]


def to_dict(doc: Document) -> dict[str, Any]:
    """The JSON shape: document facts, every block (kept or not, with its removal and where
    it came from: ``start``/``end`` character offsets and 1-based ``first_line``/``last_line``
    for pasted text, ``xpath`` and ``line`` for HTML), and the per-(filter, reason) counts."""
    blocks = []
    paths = xpaths([b.dom.element for b in doc.blocks if b.dom is not None]) if doc.origin == "html" else {}
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
        elif b.dom is not None:
            item.update(xpath=paths.get(b.dom.element, ""), line=b.dom.line)
        if b.keep_rule is not None:
            item["keep_rule"] = b.keep_rule
            item["overruled"] = [
                {"filter": r.filter, "reason": r.reason, "evidence": r.evidence} for r in b.overruled
            ]
        if b.repairs:
            item["repairs"] = list(b.repairs)
        blocks.append(item)
    return {
        "origin": doc.origin,
        "lang": doc.lang,
        "lang_source": doc.lang_source,
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
    lines = [f"{label(b)}\t{_cut(b.text, EXPLAIN_TEXT_CHARS)}" for b in doc.blocks]
    return "\n".join(lines) + "\n" if lines else ""


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1] + "…"


def label(b) -> str:
    """A block's verdict in one phrase: ``kept``; ``filter/reason «evidence»``; or, for a block
    a user keep rule protected, ``kept by rule «selector» over filter/reason, ...``."""
    if b.removal is not None:
        return f"{b.removal.filter}/{b.removal.reason} «{_cut(b.removal.evidence, 60)}»"
    if b.keep_rule is None:
        return "kept"
    over = ", ".join(dict.fromkeys(f"{r.filter}/{r.reason}" for r in b.overruled))
    return f"kept by rule «{b.keep_rule}»" + (f" over {over}" if over else "")


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


# ANSI SGR sequences of the colour diff.
_RED, _GREEN, _YELLOW, _DIM, _STRIKE, _RESET = (
    "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[2m", "\x1b[9m", "\x1b[0m"
)


def render_color_diff(doc: Document) -> str:
    """The input's blocks in full, as a diff: ``-`` and red struck-through text for a removed
    block, followed by its ``filter/reason «evidence»`` in yellow; two spaces and plain text for
    a kept one (a green label where a keep rule protected it).  ANSI colours: for a terminal
    (``cleanpage --to explain --color always|auto``)."""
    lines = []
    for b in doc.blocks:
        if b.removal is not None:
            lines.append(f"{_RED}- {_STRIKE}{b.text}{_RESET} {_YELLOW}{_DIM}[{label(b)}]{_RESET}")
        elif b.keep_rule is not None:
            lines.append(f"  {b.text} {_GREEN}{_DIM}[{label(b)}]{_RESET}")
        else:
            lines.append(f"  {b.text}")
    return "\n".join(lines) + "\n" if lines else ""


_STYLE = """
.cleanpage-removed { background: #fde2e2 !important; outline: 2px solid #c0392b; text-decoration: line-through; }
.cleanpage-partly { outline: 2px dashed #c0392b; }
.cleanpage-kept-by-rule { outline: 2px solid #27ae60; }
"""
# Elements that would run, load or redirect in the annotated copy, which is for looking at:
# they go, with their content (the text after them stays).
_ACTIVE = frozenset(("script", "iframe", "frame", "frameset", "object", "embed", "applet",
                     "noscript", "template", "base", "portal", "link", "svg", "math"))
# URL schemes that run code when a link is followed or a resource loaded.
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:")


def render_html_annotated(doc: Document) -> str:
    """The page as HTML with removed blocks highlighted: each element that made a removed
    block gets the class ``cleanpage-removed`` (``cleanpage-partly`` when some of its blocks
    were kept) and a ``title`` tooltip ``filter/reason: evidence`` (one line a removed block),
    and ``data-cleanpage`` with the same; elements kept by a user rule get
    ``cleanpage-kept-by-rule``.  Scripts, frames, refreshes, ``on*`` handlers and
    ``javascript:`` URLs are dropped from the copy (:func:`_make_inert`).
    The parsed tree is copied, never changed.  Pasted text (no markup) comes out as a page of
    one ``<p>`` a block, removed ones in ``<del>`` with the same tooltip."""
    if doc.origin != "html" or not any(b.dom is not None and b.dom.element is not None for b in doc.blocks):
        return _annotated_text(doc)
    root = next(b.dom.element for b in doc.blocks if b.dom is not None and b.dom.element is not None)
    root = root.getroottree().getroot()
    by_element: dict = {}
    for b in doc.blocks:
        if b.dom is not None and b.dom.element is not None:
            by_element.setdefault(b.dom.element, []).append(b)
    copy = deepcopy(root)
    # The copy has the same shape: walking both together pairs each element with its copy in
    # one pass (an XPath look-up per element would scan siblings each time).
    twin = {o: c for o, c in zip(root.iter(), copy.iter()) if o in by_element}
    for original, blocks in by_element.items():
        el = twin.get(original)
        if el is None:
            continue
        removed = [b for b in blocks if b.removal is not None]
        if removed:
            cls = "cleanpage-removed" if len(removed) == len(blocks) else "cleanpage-partly"
            note = "\n".join(label(b) for b in removed)
        elif any(b.keep_rule is not None for b in blocks):
            cls, note = "cleanpage-kept-by-rule", "\n".join(label(b) for b in blocks)
        else:
            continue
        el.set("class", f"{el.get('class', '')} {cls}".strip())
        el.set("title", note)
        el.set("data-cleanpage", note)
    _make_inert(copy)
    for el in copy.iter():  # control characters (a terminal escape in the page) stay out
        if el.text and not el.text.isprintable():
            el.text = _CONTROL.sub("", el.text)
        if el.tail and not el.tail.isprintable():
            el.tail = _CONTROL.sub("", el.tail)
        items = el.items()  # attributes too (alt, title, data-*)
        if any(not value.isprintable() for _, value in items):
            # Rebuilt, as in _make_inert: lxml cannot look up some names the parser keeps
            # ("{a}"); such an attribute is dropped if it cannot be written back.
            el.attrib.clear()
            for name, value in items:
                try:
                    el.set(name, _CONTROL.sub("", value))
                except ValueError:
                    pass
    head = copy.find("head")
    if head is None:
        head = etree.Element("head")
        copy.insert(0, head)
    style = etree.SubElement(head, "style")
    style.text = _STYLE
    return "<!DOCTYPE html>\n" + etree.tostring(copy, method="html", encoding="unicode") + "\n"


def _local_name(name: str) -> str:
    """The lower-case local name of a tag or attribute: without a ``{namespace}`` and without a
    ``prefix:`` ("svg:script" is a script, "xlink:href" an href).  Never raises: the HTML
    parser keeps names that ``etree.QName`` refuses (Word's ``o:p``, ``a````, ``{a}``)."""
    if name[:1] == "{":
        name = name.rpartition("}")[2]
    return name.rpartition(":")[2].lower()


def _make_inert(root) -> None:
    """Drop what could run or load in a copy of a page: active elements (_ACTIVE by local
    name, so namespaced XHTML too; ``<meta http-equiv>`` refreshes; a ``<style>`` whose text
    would end the element early), ``on*`` handlers, ``srcdoc``, and every attribute holding a
    ``javascript:`` / ``vbscript:`` / ``data:`` URL (``href``, ``action``, ``srcset``, SVG
    ``to``/``values``...); the text after a dropped element stays in place."""
    doomed = []
    for el in root.iter(etree.Element):
        name = _local_name(el.tag)
        if (name in _ACTIVE or (name == "meta" and el.get("http-equiv"))
                or (name == "style" and "</" in (el.text or ""))):
            doomed.append(el)
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
    for el in root.iter(etree.Element):
        items = el.items()
        if not items:
            continue
        keep = []
        for name, raw in items:
            low = _local_name(name)
            value = "".join(raw.split()).lower()
            # Lists of URLs (srcset, SVG values, CSS url()) may hold one anywhere.
            listed = low in ("srcset", "values", "style")
            if not (low.startswith("on") or low == "srcdoc" or value.startswith(_SCRIPT_SCHEMES) or (
                listed and any(s in value for s in _SCRIPT_SCHEMES)
            )):
                keep.append((name, raw))
        if len(keep) == len(items):
            continue
        # Rebuilt rather than deleted by name: lxml cannot look up some names the HTML parser
        # keeps ("{a}", "a<b"); such an attribute is dropped if it cannot be written back.
        el.attrib.clear()
        for name, raw in keep:
            try:
                el.set(name, raw)
            except ValueError:
                pass


def _annotated_text(doc: Document) -> str:
    html = etree.Element("html")
    head = etree.SubElement(html, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "style").text = _STYLE
    body = etree.SubElement(html, "body")
    for b in doc.blocks:
        p = etree.SubElement(body, "p")
        p.tail = "\n"
        if b.removal is not None:
            d = etree.SubElement(p, "del", title=label(b))
            d.set("class", "cleanpage-removed")
            d.set("data-cleanpage", label(b))
            d.text = b.text
        else:
            p.text = b.text
    return "<!DOCTYPE html>\n" + etree.tostring(html, method="html", encoding="unicode") + "\n"


RENDERERS = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "explain": render_explain,
    "html-annotated": render_html_annotated,
}


def render(doc: Document, to: str = "text", color: bool = False) -> str:
    """Render ``doc`` in format ``to`` (one of FORMATS); ``color`` turns ``explain`` into the
    colour diff (:func:`render_color_diff`).

    Raises:
        ValueError: unknown format.
    """
    if to not in RENDERERS:
        raise ValueError(f"unknown output format {to!r}; known: {', '.join(FORMATS)}")
    if color and to == "explain":
        return render_color_diff(doc)
    return RENDERERS[to](doc)
