"""Parser for HTML: lxml does the parsing; this module walks the tree into blocks in reading order.

Input: ``str``, ``bytes``, a path (``os.PathLike``), a binary or text file object, an lxml element
or tree, or a BeautifulSoup object.  Bytes are decoded here (BOM, then the page's own ``<meta
charset>`` / ``http-equiv`` / XML declaration, then strict UTF-8, then BeautifulSoup's
``UnicodeDammit``), so lxml only ever sees text.  The parser never touches the network and never
expands entities beyond HTML's own (lxml's HTML parser has no DTD loading); comments and processing
instructions are dropped at parse time.

Segmentation: block-level elements (``p``, ``h1``-``h6``, ``li``, ``blockquote``, ``pre``, table
rows, ``figcaption``...) and container elements (``div``, ``section``...) end the current block;
inline elements (``a``, ``span``, ``em``...) add their text to it; ``br`` ends a block too (sites
write paragraphs as ``text<br><br>text``).  ``script``, ``style``, ``template``, ``noscript``,
``svg`` and similar never become blocks.  The walk uses ``lxml.etree.iterwalk``, not recursion, so
a page nested 10,000 deep parses like any other.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import lxml.etree as etree

from ..decode import MAX_BLOCKS, decode_bytes, too_many_blocks, without_surrogates
from ..document import Block, Document
from ..rules import Rules, combine
from .text import _CONTROL

#: Elements whose subtree is never content.
SKIP = frozenset(
    "script style template noscript svg math iframe object canvas head title select option "
    "button textarea audio video map datalist dialog".split()
)
#: Skipped elements whose text a reader sees (button labels, a select's options, a modal
#: dialog): each becomes one block of kind ``"control"``, placed after the block it sits in,
#: so that its removal is explained (dom_hints/form_control) instead of the text vanishing.
CONTROLS = frozenset(("button", "select", "textarea", "dialog"))
# Void elements (embed, source, track, input, link, meta, area...) have no content, but libxml2
# nests what follows an unclosed one inside it ("<embed src=v.swf><p>..."): they are not
# skipped, so the paragraphs after them stay in the page.
#: Elements that make a block of their own text.
BLOCK_KINDS = {
    "p": "paragraph",
    "h1": "heading", "h2": "heading", "h3": "heading",
    "h4": "heading", "h5": "heading", "h6": "heading",
    "li": "list_item", "dt": "list_item", "dd": "list_item",
    "blockquote": "quote",
    "pre": "pre",
    "tr": "table_row",
    "figcaption": "caption", "caption": "caption",
    "address": "paragraph", "summary": "paragraph", "legend": "paragraph",
}
#: Containers: they end the block before and after them, but their loose text is a paragraph.
CONTAINERS = frozenset(
    "div section article main header footer nav aside form figure ul ol dl table thead tbody "
    "tfoot body html center fieldset details menu hgroup picture".split()
)
#: Landmark elements and ARIA roles, recorded on every block inside them.
LANDMARK_TAGS = {"nav": "nav", "aside": "aside", "header": "header", "footer": "footer",
                 "form": "form", "figure": "figure", "figcaption": "figure",
                 "article": "article", "main": "main"}
LANDMARK_ROLES = {"navigation": "nav", "complementary": "aside", "banner": "header",
                  "contentinfo": "footer", "search": "form", "dialog": "dialog", "alert": "dialog",
                  "main": "main", "article": "article"}

_TOKEN = re.compile(r"[a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.I,
)
_SPACES = re.compile(r"\s+")
_DOCTYPE_SUBSET = re.compile(r"<!DOCTYPE[^>\[]*\[[^\]]*\]\s*>", re.I)
# Tags dropped from a page nested deeper than libxml2 goes: all but those whose content is
# skipped (so a script's text stays out) and those that cannot nest (p, br, hr, headings).  A
# 2,100-deep blockquote or a 3,000-deep list lost all text past the limit when only wrappers
# (div, span...) were dropped.
_WRAPPERS = re.compile(
    r"</?(?!(?:%s|p|br|hr|h[1-6])\b)[a-zA-Z][^<>]*>" % "|".join(sorted(SKIP)),
    re.I,
)
# A comment's text cannot hold "-->", so each comment matches one way: with ".*?-->" it could
# also end at a later comment's "-->", and k comments before no doctype took 2**k tries.
_HTML_SNIFF = re.compile(
    r"^\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<(?:!doctype|html))",
    re.I,
)
_COMMON = r"(?:p|div|span|a|br|li|td|table|body|head|meta|script|h[1-6]|ul|ol|img|section|article|blockquote|pre)"
_TAG = re.compile(r"</?%s\b[^<>]*>" % _COMMON, re.I)
_CLOSES = re.compile(r"</%s\s*>\s*$" % _COMMON, re.I)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or fragment: it opens with a doctype, an ``<html>``
    or an XML declaration before one; or it starts with a common HTML tag and either its first
    5,000 characters hold at least three common tags, opening or closing, or it ends with a
    closing one (``"<p>One paragraph.</p>"``: a fragment of two paragraphs, counted by opening
    tags only, came back with its tags as text).  Pasted text that merely contains a "<" is
    not HTML."""
    if _HTML_SNIFF.match(text):
        return True
    head = text[:5000].lstrip()
    if not _TAG.match(head):
        return False
    return len(_TAG.findall(head)) >= 3 or _CLOSES.search(text[-200:]) is not None


@dataclass
class Dom:
    """Where an HTML block sits in the page.

    Attributes:
        tag: the element that made the block (``"p"``, ``"h2"``, ``"li"``, ``"div"``...).
        path: the tags from the root to it, joined by "/" (``"html/body/div/article/p"``);
            computed from ``element`` when read (no filter reads it).
        token_frames: ``(tag, class and id tokens)`` of the element and each ancestor that has
            any, outermost first (``("div", ("share", "bar"))``).
        ancestors: ids of the container elements around the block (div, section, article...),
            outermost first (an id is unique within the page), to find the element that holds
            the content.
        roles: ARIA roles of the element and its ancestors.
        landmarks: landmark ancestors: nav, aside, header, footer, form, figure, dialog, main,
            article.
        hidden: why the block is hidden (``"hidden_attribute"``, ``"aria_hidden"``,
            ``"display_none"``) or ``None``.
        link_chars: characters of the block's text inside ``<a>`` elements.
        level: heading level 1-6, or list nesting depth for list items (1 = top level).
        cells: table row cells, for the Markdown renderer.
        emphasis: the block's text with ``*``/``**``/`` ` `` marks where it had em/strong/code.
        rule: the user rule in force (:data:`cleanpage.rules.Match`) or ``None``.
        element: the lxml element that made the block (for :attr:`xpath` and :attr:`line`;
            not compared, not shown).
    """

    tag: str
    token_frames: tuple[tuple[str, tuple[str, ...]], ...] = ()
    ancestors: tuple[int, ...] = ()
    roles: tuple[str, ...] = ()
    landmarks: frozenset[str] = frozenset()
    hidden: str | None = None
    link_chars: int = 0
    level: int = 0
    cells: tuple[str, ...] = ()
    emphasis: str = ""
    rule: tuple | None = None
    element: Any = field(default=None, repr=False, compare=False)

    @property
    def path(self) -> str:
        el = self.element
        if el is None:
            return ""
        names = [_local(a.tag) for a in el.iterancestors()]
        names.reverse()
        names.append(_local(el.tag))
        return "/".join(names)

    @property
    def xpath(self) -> str:
        """An XPath that selects the element that made the block in the parsed page, with
        positions (``"/html/body/div[2]/p[3]"``); ``""`` when unknown."""
        el = self.element
        return el.getroottree().getpath(el) if el is not None else ""

    @property
    def line(self) -> int | None:
        """The 1-based source line of that element's start tag, as lxml's parser reports it
        (it gives lines, not character offsets); ``None`` when unknown."""
        el = self.element
        return el.sourceline if el is not None else None


class _Frame:
    """One open element, with what its blocks inherit already folded in, so that a block
    reads its context from the top frame instead of walking the stack."""

    __slots__ = ("tag", "block", "owner", "token_frames", "ancestors", "roles",
                 "landmarks", "hidden", "el", "rule")

    def __init__(self, tag, block, parent, tokens, role, landmark, hidden, ident, el, rule):
        self.tag = tag
        self.block = block
        self.el = el
        if parent is None:
            self.owner = tag if block else "body"
            self.token_frames = ((tag, tokens),) if tokens else ()
            self.ancestors = (ident,) if tag in CONTAINERS else ()
            self.roles = (role,) if role else ()
            self.landmarks = frozenset((landmark,)) if landmark else frozenset()
            self.hidden = hidden
            self.rule = rule
            return
        self.owner = tag if block else parent.owner
        self.token_frames = parent.token_frames + ((tag, tokens),) if tokens else parent.token_frames
        self.ancestors = parent.ancestors + (ident,) if tag in CONTAINERS else parent.ancestors
        self.roles = parent.roles + (role,) if role else parent.roles
        self.landmarks = parent.landmarks | {landmark} if landmark else parent.landmarks
        self.hidden = parent.hidden or hidden
        self.rule = combine(parent.rule, rule) if rule else parent.rule


_new_frame = object.__new__


def _dom(top: _Frame | None, tag: str, element, **own) -> Dom:
    """A block's Dom: what it inherits from its frame ``top``, and its ``own`` fields."""
    if top is None:
        return Dom(tag=tag, element=element, **own)
    return Dom(
        tag=tag,
        token_frames=top.token_frames,
        ancestors=top.ancestors,
        roles=top.roles,
        landmarks=top.landmarks,
        hidden=top.hidden,
        rule=top.rule,
        element=element,
        **own,
    )


class _Buffer:
    __slots__ = ("parts", "marked", "link_chars", "cell_starts")

    def __init__(self):
        self.parts: list[str] = []
        self.marked: list[str] = []
        self.link_chars = 0
        self.cell_starts: list[int] = []  # indices into parts


#: Stands between the tokens of two class names (and before the id's): hint rules that read a
#: token's neighbour ("article-share", "job-header") stay inside one name, and joined forms
#: ("entrycontent") never span two.
NAME_BREAK = " "


@lru_cache(maxsize=4096)
def _class_tokens(cls: str, ident: str) -> tuple[str, ...]:
    # Class strings repeat across a page ("post-item card"): tokenise each once.
    tokens: list[str] = []
    for name in f"{cls} {ident}".lower().split():
        parts = _TOKEN.findall(name)
        if parts:
            if tokens:
                tokens.append(NAME_BREAK)
            tokens += parts
    return tuple(tokens)


_LOCAL: dict[str, str] = {}  # element tag -> lower-case local name, filled as tags are met


@lru_cache(maxsize=1024)
def _local_cached(tag: str) -> str:
    if tag[0] == "{":
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


_EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**", "code": "`"}


def _read_input(data) -> str | etree._Element:
    """Text or an lxml element from any accepted input type."""
    if isinstance(data, etree._ElementTree):
        return data.getroot()
    if isinstance(data, etree._Element):
        return data
    if any(c.__name__ == "BeautifulSoup" for c in type(data).__mro__):
        return without_surrogates(data.decode())  # the same text as a str input
    if isinstance(data, os.PathLike):
        with open(data, "rb") as fh:
            data = fh.read()
    elif hasattr(data, "read"):
        data = data.read()
    if isinstance(data, str):
        return data
    if isinstance(data, (bytes, bytearray, memoryview)):
        return decode_html(bytes(data))
    raise TypeError(
        f"HTML input must be str, bytes, a path, a file, an lxml element or a BeautifulSoup "
        f"object, not {type(data).__name__}"
    )


def decode_html(data: bytes) -> str:
    """Decode HTML bytes: BOM, declared charset (meta / XML declaration in the first 4 KiB,
    read as browsers read its label), strict UTF-8, then ``UnicodeDammit``.

    Raises:
        InputError: no encoding decodes the bytes.
    """
    return decode_bytes(data, _declared_charset, is_html=True)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    enc = (m.group(1) or m.group(2)).decode("ascii", "replace").strip().lower()
    return _WHATWG_LABELS.get(enc, enc)


# etree's HTMLParser, not lxml.html's: no per-element class look-up, the same tree.
#: Charset labels that browsers read as a superset (WHATWG Encoding Standard, "labels"): a
#: page declaring iso-8859-1 is decoded as windows-1252, whose 0x80-0x9F are „ “ € and not
#: control characters (golden/de/html-iso-8859-1-deklariert).
_WHATWG_LABELS = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254",
    "gb2312": "gbk", "gb_2312": "gbk", "x-gbk": "gbk", "iso-8859-11": "cp874",
    "tis-620": "cp874", "shift-jis": "shift_jis", "x-sjis": "shift_jis",
    # HTML's prescan: "If charset is x-user-defined, then set charset to windows-1252."
    "x-user-defined": "cp1252",
}
_PARSER = etree.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, recover=True, huge_tree=True
)


#: Most attributes one start tag keeps.  libxml2 checks each new attribute against the ones
#: before it, so a tag with 100,000 attributes took 20-60 s to parse (hostile-input run); no
#: real page comes near this, and attributes carry no text.
MAX_ATTRIBUTES = 1000
# A start tag long enough to hold that many attributes ("a=1 " is four characters).
# The name is bounded and a space must follow it, so the two parts cannot trade characters:
# "<a" + "b" * 100,000 took 105 s to search with an open-ended name.
_LONG_TAG = re.compile(r"<([a-zA-Z][\w:-]{0,63})(\s[^<>]{%d,})>" % (4 * MAX_ATTRIBUTES))


def _tame_tag(m: re.Match) -> str:
    # An inline image's data: URL makes a long tag with few attributes: that one stays.
    return m.group(0) if m.group(2).count("=") <= MAX_ATTRIBUTES else f"<{m.group(1)}>"


def _parse(text: str) -> etree._Element | None:
    # lxml refuses a str that carries an XML encoding declaration; the text is decoded already.
    # A DOCTYPE's internal subset (entity declarations) is dropped: never expanded, it would
    # otherwise show up as text.
    text = _strip_doctype_subset(_XML_DECL.sub("", text, count=1))
    if "\x00" in text:  # a test is a tenth of the replace, which copies the page every time
        text = text.replace("\x00", "")
    if text.count("=") > 20 * MAX_ATTRIBUTES:
        # Only a page with that many "=" can hold such a tag (a typical page has a few
        # thousand); the search costs 4 ms on a page of 175 KB, too much to run on all.
        text = _LONG_TAG.sub(_tame_tag, text)
    if "\r" in text:
        # The HTML standard reads CR and CRLF as LF before parsing; libxml2 counts only LF, so
        # a page with CR line ends put every block on line 1.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None
    root = _fromstring(text)
    if root is not None and any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log):
        # libxml2 stops descending at 2,048 levels and drops what lies deeper.  Such a page is
        # parsed again without its wrapper elements, so its text survives, flat.
        root = _fromstring(_WRAPPERS.sub(" ", text))
    return root


def _strip_doctype_subset(text: str) -> str:
    """``text`` without its DOCTYPE's internal subset (``<!DOCTYPE x [ ... ]>``).

    Only the first ``<!doctype`` is looked at, found by its ``<!`` (a C-level find): run over
    the whole page, the case-blind regex took 0.13 ms a page, and tried at every one of
    16,000 unclosed ``<!doctype x [`` it took 11 s on 224 KB (each try scanned to the end)."""
    i = text.find("<!")
    while i != -1:
        if text[i + 2 : i + 9].lower() == "doctype":
            m = _DOCTYPE_SUBSET.match(text, i)
            return text[:i] + text[m.end():] if m else text
        i = text.find("<!", i + 2)
    return text


def _fromstring(text: str) -> etree._Element | None:
    try:
        return etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


#: Longest XPath written out step by step (real pages nest at most 51 levels deep on
#: ../shared/bench/scrapinghub).  A deeper element is named by its place in document order,
#: ``(//*)[k]``: written out, the paths of a 184 KB page nested 2,000 deep made 442 MB of JSON.
MAX_XPATH_STEPS = 256


def xpaths(elements) -> dict:
    """``{element: XPath}`` for elements of one parsed page, the same paths as lxml's
    ``getpath`` ("/html/body/div[2]/p"), each parent's children numbered once: ``getpath``
    scans the siblings on every call, which made ``--to json`` quadratic on a page of many
    sibling paragraphs (5 MB: 126 s).  Namespaced elements (an XHTML tree from lxml's XML
    parser) are named as libxml2's ``xmlGetNodePath`` names them (see :func:`_step_name`):
    left to ``getpath``, 20,000 sibling paragraphs took 2 s and 100,000 a minute.  An element
    more than :data:`MAX_XPATH_STEPS` levels deep is ``(//*)[k]``, the k-th element of the page
    in document order (an XPath that selects the same element)."""
    steps: dict = {}  # parent -> {child: step}, filled for the parents on the way up

    def step(el, parent) -> str:
        known = steps.get(parent)
        if known is None:
            named = [(c, *_step_name(c)) for c in parent if isinstance(c.tag, str)]
            counts: dict = {_ANY: len(named)}
            for _, _, key in named:
                if key is not _ANY:
                    counts[key] = counts.get(key, 0) + 1
            seen: dict = {}
            known = {}
            for i, (c, name, key) in enumerate(named, 1):
                n = seen[key] = i if key is _ANY else seen.get(key, 0) + 1
                known[c] = name if counts[key] == 1 else f"{name}[{n}]"
            steps[parent] = known
        return known[el]

    out: dict = {}
    order: dict = {}  # element -> position in document order, made when a path is too deep
    for el in elements:
        if el is None or el in out:
            continue
        parts: list[str] | None = []
        node = el
        deep = False
        while parts is not None:
            if not isinstance(node.tag, str):
                parts = None
                break
            parent = node.getparent()
            if parent is None:
                parts.append(_step_name(node)[0])
                break
            if len(parts) == MAX_XPATH_STEPS:
                deep = True
                break
            parts.append(step(node, parent))
            node = parent
        if parts is None:
            out[el] = el.getroottree().getpath(el)
        elif deep:
            # Deeper than any real page: the element by its place among all elements, a path
            # of a few characters where the full one would take thousands.
            if not order:
                root = el.getroottree().getroot()
                order.update((e, i) for i, e in enumerate(root.iter(etree.Element), 1))
            out[el] = f"(//*)[{order[el]}]"
        else:
            out[el] = "/" + "/".join(reversed(parts))
    return out


_ANY = object()  # the sibling key of "*" steps: they are numbered among all element siblings


def _step_name(el) -> tuple[str, Any]:
    """``(name, key)`` of an element's XPath step as libxml2's ``xmlGetNodePath`` writes it: a
    tag without namespace is its own name, numbered among siblings of that tag; a prefixed one
    is ``prefix:local``, numbered among siblings of that prefix and local name; one in a
    default namespace is ``*``, numbered among all element siblings."""
    tag = el.tag
    if tag[0] != "{":
        return tag, tag
    prefix = el.prefix
    if prefix is None:
        return "*", _ANY
    local = tag.rsplit("}", 1)[1]
    return f"{prefix}:{local}", (prefix, local)


def _declared_lang(root) -> str | None:
    """The language the page declares: ``<html lang>`` (or ``xml:lang``), else a
    ``Content-Language`` or ``og:locale`` meta element; the raw value ("pt-BR")."""
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if lang:
        return lang
    for meta in root.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or "").lower()
        if key in ("content-language", "og:locale") and meta.get("content"):
            return meta.get("content")
    return None


def _local(tag) -> str:
    return _local_cached(tag) if isinstance(tag, str) and tag else ""


#: The attributes a block inherits from (see _Walker.start), and those that hide an element.
_HIDING = frozenset(("hidden", "aria-hidden", "style"))
_WATCHED = _HIDING | {"class", "id", "role"}


def _hidden(get) -> str | None:
    if get("hidden") is not None:
        return "hidden_attribute"
    if (get("aria-hidden") or "").strip().lower() == "true":
        return "aria_hidden"
    style = get("style")
    if style and _HIDDEN_STYLE.search(style):
        return "display_none"
    return None


def parse_html(data, rules: Rules | None = None, deadline: float | None = None) -> Document:
    """Parse HTML into a Document of blocks in reading order (``origin="html"``).

    Args:
        data: see the module docstring for the accepted types.
        rules: user keep/drop rules (:class:`cleanpage.rules.Rules`); each block records the
            rule in force in ``Dom.rule``, and a keep rule sets ``Block.keep_rule``.
        deadline: a ``time.monotonic()`` value checked between rules (see ``Rules.match``).

    Returns:
        a Document whose blocks carry a :class:`Dom` in ``Block.dom``; an empty Document for a
        page with no text.  ``Document.title`` is the page's ``<title>`` (or first ``h1``).

    Raises:
        InputError: bytes that no encoding decodes.
        LimitError: more than :data:`cleanpage.decode.MAX_BLOCKS` blocks.
        TypeError: an input of another type.
        RuleError: an XPath rule that selects no elements (a string or a number).
    """
    src = _read_input(data)
    root = src if isinstance(src, etree._Element) else _parse(src)
    doc = Document(blocks=[], origin="html")
    if root is None:
        return doc
    title = None
    if hasattr(root, "find"):
        # The title sits in <head> on nearly every page: a search of the whole tree cost
        # 0.1 ms a page and is only the fallback.
        title = root.find("head/title")
        if title is None:
            title = root.find(".//title")
    if title is not None and title.text:
        doc.title = _SPACES.sub(" ", title.text).strip() or None
    doc.declared_lang = _declared_lang(root)
    _Walker(doc, rules.match(root, deadline) if rules else None).walk(root)
    if doc.title is None:
        h1 = next((b for b in doc.blocks if b.dom and b.dom.tag == "h1"), None)
        doc.title = h1.text if h1 else None
    return doc


class _Walker:
    def __init__(self, doc: Document, matches: dict | None = None):
        self.doc = doc
        self.matches = matches
        self.stack: list[_Frame] = []
        self.buf = _Buffer()
        self.link_depth = 0
        self.pre_depth = 0
        self.list_depth = 0
        self.in_row = 0
        self.next_id = 0
        self.controls: list = []  # (text, tag, frame, element) of controls met in this block

    def walk(self, root) -> None:
        walker = etree.iterwalk(root, events=("start", "end"))
        local = _LOCAL
        for event, el in walker:
            raw = el.tag
            tag = local.get(raw) if raw.__class__ is str else ""
            if tag is None:
                tag = _local(raw)
                if len(local) < 4096:  # a hostile page could invent tags without end
                    local[raw] = tag
            if event == "start":
                if not tag or tag in SKIP:
                    walker.skip_subtree()
                    if tag in CONTROLS:
                        self.control(el, tag)
                    continue
                self.start(el, tag)
            else:
                if not tag or tag in SKIP:
                    self.text(el.tail)
                    continue
                self.end(el, tag)
        self.flush()

    # -- events ------------------------------------------------------------------------------

    def control(self, el, tag: str) -> None:
        text = " ".join(" ".join(el.itertext()).split())  # options and parts are separate words
        if text and not text.isprintable():
            text = " ".join(_CONTROL.sub("", text).split())
        if text:
            top = self.stack[-1] if self.stack else None
            self.controls.append((text, tag, top, el))
        if not self.buf.parts:
            self.emit_controls()

    def emit_controls(self) -> None:
        """The pending control blocks, after the block they sat in."""
        for text, tag, top, el in self.controls:
            self.append(text, "control", _dom(top, tag, el))
        self.controls.clear()

    def append(self, text: str, kind: str, dom: Dom) -> None:
        blocks = self.doc.blocks
        if len(blocks) >= MAX_BLOCKS:
            raise too_many_blocks()
        # blank_before stays False: in HTML the block structure itself marks paragraphs, and
        # --to text keeps one block a line.
        block = Block(len(blocks), text, kind, None, False)
        block.dom = dom
        if dom.rule is not None and dom.rule[0] == "keep":
            block.keep_rule = dom.rule[1]
        blocks.append(block)

    def start(self, el, tag: str) -> None:
        block = tag in BLOCK_KINDS or tag in CONTAINERS
        if tag in ("td", "th"):
            self.cell_start()
        elif block or tag == "br" or tag == "hr":
            self.flush()
        tokens: tuple[str, ...] = ()
        role = ""
        hidden = None
        # One call lists the attribute names; an attribute is looked up only when present
        # (most elements carry none of these: six el.get() calls each cost more than keys()).
        names = el.keys()
        if names and not _WATCHED.isdisjoint(names):
            get = el.get
            cls = get("class") if "class" in names else None
            ident = get("id") if "id" in names else None
            if cls or ident:
                tokens = _class_tokens(cls or "", ident or "")
            if "role" in names:
                role = (get("role") or "").strip().lower()
            if not _HIDING.isdisjoint(names):
                hidden = _hidden(get)
        landmark = LANDMARK_TAGS.get(tag) or (LANDMARK_ROLES.get(role) if role else None)
        parent = self.stack[-1] if self.stack else None
        rule = self.matches.get(el) if self.matches else None
        if parent is not None and not (tokens or role or hidden or landmark or rule):
            if not block:
                # A bare inline element (<a>, <em>, <span>) adds nothing a block inherits: it
                # shares its parent's frame instead of making one (most elements of a page).
                self.stack.append(parent)
            else:
                # A bare block element (<p>, <li>, a plain <div>): its parent's context with
                # its own tag, and its id when it is a container (a third of all elements).
                self.next_id += 1
                frame = _new_frame(_Frame)
                frame.tag = frame.owner = tag
                frame.block = True
                frame.el = el
                frame.token_frames = parent.token_frames
                frame.ancestors = parent.ancestors + (self.next_id,) if tag in CONTAINERS else parent.ancestors
                frame.roles = parent.roles
                frame.landmarks = parent.landmarks
                frame.hidden = parent.hidden
                frame.rule = parent.rule
                self.stack.append(frame)
        else:
            self.next_id += 1
            self.stack.append(
                _Frame(tag, block, parent, tokens, role, landmark, hidden, self.next_id, el, rule)
            )
        if tag == "a":
            self.link_depth += 1
        elif tag == "pre":
            self.pre_depth += 1
        elif tag in ("ul", "ol"):
            self.list_depth += 1
        elif tag == "tr":
            self.in_row += 1
        mark = _EMPHASIS.get(tag)
        if mark and not self.pre_depth:
            self.buf.marked.append(mark)
        text = el.text  # each read of .text/.tail decodes a new str: read once
        if text:
            self.text(text)

    def end(self, el, tag: str) -> None:
        mark = _EMPHASIS.get(tag)
        if mark and not self.pre_depth:
            self.buf.marked.append(mark)
        if tag in BLOCK_KINDS or tag in CONTAINERS:
            self.flush()
        if tag == "a":
            self.link_depth -= 1
        elif tag == "pre":
            self.pre_depth -= 1
        elif tag in ("ul", "ol"):
            self.list_depth -= 1
        elif tag == "tr":
            self.in_row -= 1
        if self.stack:
            self.stack.pop()
        tail = el.tail
        if tail:
            self.text(tail)

    def text(self, s: str | None) -> None:
        if not s:
            return
        buf = self.buf
        buf.parts.append(s)
        buf.marked.append(s)
        if self.link_depth:
            buf.link_chars += len(s.strip())

    def cell_start(self) -> None:
        buf = self.buf
        if self.in_row and any(p.strip() for p in buf.parts):
            buf.parts.append(" | ")  # cells read "a | b | c" in text output
            buf.marked.append(" | ")
        buf.cell_starts.append(len(buf.parts))

    # -- blocks ------------------------------------------------------------------------------

    def flush(self) -> None:
        self._flush_text()
        if self.controls:
            self.emit_controls()

    def _flush_text(self) -> None:
        buf = self.buf
        parts = buf.parts
        if not parts:
            if buf.marked:
                buf.marked.clear()
            return
        raw = "".join(parts)
        if raw.isspace():
            # The indentation between tags (two flushes in three): no block, pre or not.  The
            # buffer is emptied in place: a new one for each would cost more than the check.
            parts.clear()
            buf.marked.clear()
            buf.link_chars = 0
            if buf.cell_starts:
                buf.cell_starts.clear()
            return
        self.buf = _Buffer()
        pre = self.pre_depth > 0
        if pre:
            text = _CONTROL.sub("", raw).strip("\n").rstrip()
            if self.in_row:  # a table cell inside <pre> (broken markup): no cell separator at the ends
                text = text.rstrip(" |")
            if not text.strip():
                return
        else:
            text = " ".join(raw.split())
            if not text.isprintable():  # control characters from &#x1b; and the like
                text = " ".join(_CONTROL.sub("", text).split())
            if self.in_row:
                text = text.strip(" |")  # empty first or last cells leave no separator
            if not text:
                return
        top = self.stack[-1] if self.stack else None
        tag = top.owner if top else "body"
        kind = BLOCK_KINDS.get(tag, "paragraph")
        if pre:
            kind = "pre"
        elif self.in_row and tag not in BLOCK_KINDS:
            kind = "table_row"
        cells: tuple[str, ...] = ()
        if kind == "table_row" and buf.cell_starts:
            bounds = buf.cell_starts + [len(buf.parts)]
            cells = tuple(
                " ".join("".join(p for p in buf.parts[a:b] if p != " | ").split())
                for a, b in zip(bounds, bounds[1:])
            )
        level = 0
        if kind == "heading":
            level = int(tag[1])
        elif kind == "list_item":
            level = max(1, self.list_depth)
        dom = _dom(
            top,
            tag,
            top.el if top else None,
            link_chars=min(buf.link_chars, len(text)),
            level=level,
            cells=cells,
            emphasis="" if pre or len(buf.marked) == len(buf.parts) else " ".join("".join(buf.marked).split()),
        )
        self.append(text, kind, dom)
