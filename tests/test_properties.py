"""Hypothesis properties: never raises on any str or bytes; nothing invented beyond the declared
repairs; cleaning the output again changes nothing."""
import json
import re

import lxml.html
from hypothesis import example, HealthCheck, given, settings
from hypothesis import strategies as st

import cleanpage
from cleanpage.decode import InputError
from cleanpage.pipeline import FilterError
from cleanpage.parsers.text import _CONTROL

WORDS = ["the", "council", "voted", "Advertisement", "Share", "Related Articles", "Comments",
         "No comments yet...", "Photo: AFP", "Menu", "and", "by", "of", "Home", "said",
         "residents", "12", "©", "2024", ",", ".", "—", "•", "Sign up for our newsletter"]

# A paste-shaped strategy: lines of boilerplate phrases and prose-like words, blank lines,
# bullets, odd spaces and line ends.
line = st.lists(st.sampled_from(WORDS), min_size=0, max_size=30).map(" ".join)
sep = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\u2028", "\t\n", " \n"])
paste = st.lists(st.tuples(line, sep), max_size=40).map(lambda xs: "".join(a + b for a, b in xs))
any_text = st.one_of(st.text(max_size=400), paste)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def tokens(s: str) -> list[str]:
    return re.findall(r"\w+", s)


@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_clean_or_clear_error(data):
    try:
        out = cleanpage.clean(data)
    except InputError as e:
        # A clear error about the input; never one of our own filters failing (a FilterError
        # is how the pipeline reports a plugin's crash, and would hide ours).
        assert str(e) and not isinstance(e, FilterError)
        return
    assert isinstance(out, str)


def as_parsed(text: str) -> str:
    """The input as the parser reads it: control and invisible format characters dropped (a
    declared normalisation, see cleanpage.parsers.text); the C0 file/group/record separators
    and NEL end lines there, as str.splitlines has it."""
    return _CONTROL.sub("", re.sub("[\x1c-\x1e\x85]", "\n", text))


@SETTINGS
@given(any_text)
def test_any_str_never_raises_and_invents_nothing(text):
    out = cleanpage.clean(text)
    source = as_parsed(text)
    # Every output word occurs in the input: repairs only join lines and delete spaces.
    assert set(tokens(out)) <= set(tokens(source))
    # Every output line, whitespace ignored, is a subsequence of the input's characters in
    # order: repairs join lines (across removed ones too) and delete spaces, nothing else.
    flat = "".join(source.split())
    for l in out.splitlines():
        rest = iter(flat)
        assert all(c in rest for c in "".join(l.split()))


@SETTINGS
@given(any_text)
@example("Segunda-feira, 4 de março de 2024\nMarch 4, 2024\nJoin 50,000 readers who get our email.\n"
         "Monday, March 4, 2024\nMonday, March 4, 2024")  # language flipped en -> pt between passes
def test_idempotent(text):
    once = cleanpage.clean(text)
    assert cleanpage.clean(once) == once


@SETTINGS
@given(any_text, st.sampled_from(["balanced", "precision", "recall"]))
def test_presets_never_raise_and_explain_every_removal(text, preset):
    res = cleanpage.clean_and_explain(text, preset=preset)
    for b in res.document.removed:
        assert b.removal.filter and b.removal.reason and b.removal.evidence
    assert [l for l in res.text.splitlines() if l] == [b.text for b in res.document.kept]


# Random HTML: nested elements from the tags cleanpage treats differently, random classes from
# its hint lists, text from WORDS, and now and then an unclosed or stray end tag.
TAGS = ["div", "p", "span", "a", "ul", "li", "h2", "table", "tr", "td", "pre", "nav", "aside",
        "article", "script", "br", "em", "figure", "figcaption", "footer"]
CLASSES = ["", "content", "related-posts", "share-bar", "comments", "ad", "entry-content",
           "sidebar", "has-comments", "caption"]


@st.composite
def html_tree(draw, depth=0):
    if depth > 6 or draw(st.booleans()):
        return " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=12)))
    tag = draw(st.sampled_from(TAGS))
    cls = draw(st.sampled_from(CLASSES))
    attrs = f' class="{cls}"' if cls else ""
    if draw(st.integers(0, 9)) == 0:
        attrs += " hidden"
    children = draw(st.lists(html_tree(depth + 1), max_size=4))
    close = "" if draw(st.integers(0, 7)) == 0 else f"</{tag}>"
    return f"<{tag}{attrs}>{''.join(children)}{close}"


@SETTINGS
@given(st.lists(html_tree(), max_size=5), st.sampled_from(["", "<!DOCTYPE html>", "<?xml version='1.0' encoding='latin-1'?>"]))
def test_random_html_never_raises_and_invents_nothing(body, prolog):
    html = f"{prolog}<html><head><title>t</title></head><body>{''.join(body)}</body></html>"
    out = cleanpage.clean(html, input_format="html")
    # Text as a browser joins it ("the<em>the</em>" reads "thethe"): every output character,
    # whitespace and the " | " between table cells aside, comes from the page's text, in order.
    root = lxml.html.document_fromstring(html.split("?>", 1)[-1]) if "".join(body).strip() else None
    flat = "".join("".join(root.itertext()).split()) if root is not None else ""
    rest = iter(flat)
    assert all(c in rest for c in "".join(out.replace(" | ", " ").split()))
    again = cleanpage.clean(html, input_format="html")
    assert again == out  # deterministic


ACTIVE = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', '<a href="javascript:alert(1)">x</a>',
          '<iframe src="//x"></iframe>', '<meta http-equiv="refresh" content="0">', "<svg><script>1</script></svg>",
          '<form action=" javascript:1"><button formaction="vbscript:1">b</button></form>', "<embed src=x>",
          '<object data="data:text/html,1"></object>', '<base href="//x/">']


@SETTINGS
@given(st.lists(st.one_of(html_tree(), st.sampled_from(ACTIVE)), max_size=8))
def test_annotated_page_is_inert_and_json_paths_are_real(body):
    from lxml import etree

    from cleanpage.renderers import render

    html = f"<html><head><title>t</title></head><body>{''.join(body)}</body></html>"
    res = cleanpage.clean_and_explain(html, input_format="html", rules=cleanpage.Rules(drop=["div.ad"]))
    out = render(res.document, "html-annotated")
    tree = lxml.html.document_fromstring(out)
    assert not tree.xpath("//script | //iframe | //object | //embed | //base | //meta[@http-equiv] | //svg")
    for el in tree.iter(etree.Element):
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on")
            assert not "".join(value.split()).lower().startswith(("javascript:", "vbscript:", "data:"))
    data = json.loads(render(res.document, "json"))
    root = res.document.blocks[0].dom.element.getroottree() if res.document.blocks else None
    for b in data["blocks"]:
        assert len(root.xpath(b["xpath"])) == 1
