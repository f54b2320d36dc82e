"""User keep/drop rules (CSS, XPath), provenance of HTML blocks, the colour diff, the annotated
page and the per-(filter, reason) character counts (issue #6)."""
import json
import pickle
import textwrap

import pytest

import cleanpage
from cleanpage import RuleError, Rules
from cleanpage.batch import Totals
from cleanpage.cli import main
from cleanpage.config import ConfigError, load_config
from cleanpage.renderers import render, render_color_diff, render_html_annotated

P1 = ("The valley's only bakery reopened on Thursday after a fire in the spring closed it for "
      "almost six months, and a queue formed before dawn.")
P2 = ("Its owners rebuilt the oven room with help from a regional fund and kept the old sourdough "
      "starter, which a neighbour had looked after in her fridge.")
P3 = ("Bread will be baked six days a week again, and the café corner opens next month with "
      "four tables by the window and soup at lunchtime.")
PAGE = f"""<!DOCTYPE html><html><head><title>Bakery reopens</title></head><body>
<article>
<h1>Bakery reopens after fire</h1>
<p>{P1}</p>
<div class="partner-box"><p>Partner offer: order a breakfast hamper from our shop today and save.</p></div>
<p>{P2}</p>
<div class="factbox"><p>Opening hours: 6-14</p></div>
<p>{P3}</p>
</article>
<aside class="related-stories"><h3>More stories</h3>
<ul><li><a href="/a">Mill reopens its doors</a></li><li><a href="/b">Market moves square</a></li></ul>
</aside>
</body></html>
"""


def blocks(res):
    return {b.text: b for b in res.document.blocks}


def test_css_drop_removes_with_the_selector_as_evidence():
    res = cleanpage.clean_and_explain(PAGE, rules=Rules(drop=[".partner-box"]))
    b = blocks(res)["Partner offer: order a breakfast hamper from our shop today and save."]
    assert b.removal == ("rules", "drop_selector", ".partner-box")
    assert "Partner offer" not in res.text and P1 in res.text and P2 in res.text


def test_xpath_drop():
    res = cleanpage.clean_and_explain(PAGE, rules=Rules(drop_xpath=["//p[contains(., 'Partner')]"]))
    b = blocks(res)["Partner offer: order a breakfast hamper from our shop today and save."]
    assert b.removal == ("rules", "drop_xpath", "//p[contains(., 'Partner')]")


def test_keep_wins_over_filters_and_says_so():
    plain = cleanpage.clean_and_explain(PAGE)
    assert blocks(plain)["More stories"].removal is not None  # what the filters do alone
    res = cleanpage.clean_and_explain(PAGE, rules=Rules(keep=["aside h3"]))
    b = blocks(res)["More stories"]
    assert b.kept and b.keep_rule == "aside h3"
    assert [r.filter for r in b.overruled] == [f for f in ("dom_hints", "related", "main_content")
                                              if f in {r.filter for r in b.overruled}]
    assert b.overruled[0] == plain_removal(plain, "More stories")
    assert "More stories" in res.text
    explain = render(res.document, "explain")
    assert f"kept by rule «aside h3» over {b.overruled[0].filter}/{b.overruled[0].reason}" in explain
    # Blocks outside the kept element are judged as before.
    assert blocks(res)["Mill reopens its doors"].removal is not None


def plain_removal(res, text):
    return blocks(res)[text].removal


@pytest.mark.parametrize(
    "rules",
    [
        Rules(keep=[".factbox"], drop=[".factbox"]),  # the same element
        Rules(keep=[".factbox p"], drop=["article"]),  # keep inside drop
        Rules(keep=["article"], drop=[".factbox"]),  # drop inside keep
        Rules(keep_xpath=["//div[@class='factbox']"], drop=["div.factbox"]),
    ],
    ids=["same-element", "keep-inside-drop", "drop-inside-keep", "xpath-keep-css-drop"],
)
def test_keep_wins_over_drop_whichever_is_nested(rules):
    res = cleanpage.clean_and_explain(PAGE, rules=rules)
    b = blocks(res)["Opening hours: 6-14"]
    assert b.kept
    assert b.overruled[0].filter == "rules" and b.overruled[0].reason == "drop_selector"
    assert "Opening hours: 6-14" in res.text


def test_rules_do_nothing_on_pasted_text():
    text = f"{P1}\n\nAdvertisement\n\n{P2}\n"
    assert cleanpage.clean(text, rules=Rules(drop=["p"], keep=["body"])) == cleanpage.clean(text)


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"drop": ["div["]}, "CSS selector 'div[' does not parse"),
        ({"keep_xpath": ["//div[@"]}, "XPath '//div[@' does not parse"),
        ({"drop": [""]}, "drop rules must be non-empty strings"),
        ({"keep": [3]}, "keep rules must be non-empty strings"),
        ({"drop": ["a" * 50001]}, "CSS selector 'aaaa"),  # parses, but past libxml2's limits
        ({"drop_xpath": ["//p[@x='\x00']"]}, "does not parse"),
        ({"drop_xpath": ["//p[$x]"]}, "does not parse"),  # an undefined variable
        ({"drop_xpath": ["foo:bar()"]}, "does not parse"),
        ({"drop_xpath": ["string(//p)"]}, "selects a"),  # a string: caught when made
        ({"drop": ["p" + ":not(.y)" * 1000]}, "is nested too deeply"),  # cssselect recursion
        ({"drop": ["div " * 3000 + "p"]}, "is nested too deeply"),
        ({"drop_xpath": ["//p" + "[not(@a)" * 3000 + "]" * 3000]}, "CSS|XPath"),
    ],
)
def test_bad_rules_are_one_clear_error(kwargs, message):
    with pytest.raises(RuleError, match=message.replace("[", r"\[")):
        Rules(**kwargs)


def test_xpath_that_selects_no_elements_is_an_error():
    with pytest.raises(RuleError, match="selects a float, not elements"):
        cleanpage.clean(PAGE, rules=Rules(drop_xpath=["count(//p)"]))


def test_rules_type_is_checked():
    with pytest.raises(TypeError, match="rules must be a cleanpage.Rules"):
        cleanpage.clean(PAGE, rules=[".ad"])


def test_rules_pickle_for_workers():
    r = Rules(drop=[".partner-box"], keep_xpath=["//aside"])
    assert pickle.loads(pickle.dumps(r)) == r


def test_config_rules_and_errors_name_the_line(tmp_path):
    f = tmp_path / "cleanpage.toml"
    f.write_text(textwrap.dedent("""
        [rules]
        drop = [".partner-box"]
        keep = ["aside h3"]
    """), encoding="utf-8")
    cfg = load_config(f)
    assert cfg.rules == Rules(drop=[".partner-box"], keep=["aside h3"])
    res = cleanpage.clean_and_explain(PAGE, config=cfg)
    assert blocks(res)["More stories"].keep_rule == "aside h3"
    assert "Partner offer" not in res.text

    f.write_text('[rules]\ndrop = [".ok"]\nkeep = [\n  "article",\n  "div[",\n]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_config(f)
    assert str(e.value).startswith(f"{f}:5: [rules] keep: CSS selector 'div[' does not parse")
    assert "\n" not in str(e.value)

    f.write_text('[rules]\nremove = [".ad"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r":2: unknown key 'remove' in \[rules\]"):
        load_config(f)


def test_cli_rules_and_bad_selector(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["--drop", ".partner-box", "--keep", ".factbox", "--to", "explain", str(page)]) == 0
    out = capsys.readouterr().out
    assert "rules/drop_selector «.partner-box»\tPartner offer" in out
    assert "kept by rule «.factbox»\tOpening hours: 6-14" in out
    assert main(["--drop-xpath", "//p[", str(page)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cleanpage: error: XPath '//p[' does not parse") and err.count("\n") == 1


def test_json_has_html_provenance():
    res = cleanpage.clean_and_explain(PAGE, rules=Rules(keep=[".factbox"]))
    data = json.loads(render(res.document, "json"))
    by_text = {b["text"]: b for b in data["blocks"]}
    assert by_text[P1]["xpath"] == "/html/body/article/p[1]" and by_text[P1]["line"] == 4
    assert by_text["Opening hours: 6-14"]["xpath"] == "/html/body/article/div[2]/p"
    assert by_text["Opening hours: 6-14"]["keep_rule"] == ".factbox"
    assert by_text["Mill reopens its doors"]["line"] == 11
    # Every xpath selects the element the block came from, in the parsed page.
    root = res.document.blocks[0].dom.element.getroottree()
    for b in data["blocks"]:
        (el,) = root.xpath(b["xpath"])
        assert b["text"].split()[0] in " ".join(el.itertext())


def test_stats_count_blocks_and_characters():
    res = cleanpage.clean_and_explain(PAGE, rules=Rules(drop=[".partner-box"]))
    tally = res.document.tally()
    text = "Partner offer: order a breakfast hamper from our shop today and save."
    assert tally[("rules", "drop_selector")] == (1, len(text))
    data = json.loads(render(res.document, "json"))
    assert {"filter": "rules", "reason": "drop_selector", "blocks": 1, "chars": len(text)} in data["stats"]
    totals = Totals()
    totals.add(False, tally)
    totals.add(True, {})
    totals.add(False, {("rules", "drop_selector"): (2, 10)})
    report = totals.report()
    assert report.startswith("cleanpage: 3 records, 1 failed\n")
    assert f"       3  {len(text) + 10:10d}  rules/drop_selector" in report


def test_color_diff_marks_removed_blocks(tmp_path, capsys, monkeypatch):
    res = cleanpage.clean_and_explain(PAGE, rules=Rules(drop=[".partner-box"], keep=[".factbox"]))
    diff = render_color_diff(res.document)
    lines = diff.splitlines()
    assert len(lines) == len(res.document.blocks)
    assert "\x1b[31m- \x1b[9mPartner offer: order a breakfast hamper from our shop today and save.\x1b[0m" in diff
    assert "[rules/drop_selector «.partner-box»]" in diff
    assert f"  {P1}" in lines
    assert "  Opening hours: 6-14 \x1b[32m\x1b[2m[kept by rule «.factbox»]\x1b[0m" in lines
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["--to", "explain", "--color", "always", str(page)]) == 0
    assert "\x1b[31m" in capsys.readouterr().out
    # auto: not a terminal here, and NO_COLOR would turn it off anyway.
    monkeypatch.setenv("NO_COLOR", "1")
    assert main(["--to", "explain", str(page)]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out and out == render(cleanpage.clean_and_explain(PAGE).document, "explain")


def test_color_auto_respects_no_color(monkeypatch):
    from cleanpage import cli

    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert cli._color("auto") is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli._color("auto") is False
    assert cli._color("always") is True and cli._color("never") is False


def test_html_annotated_marks_elements_and_is_inert():
    page = PAGE.replace("<p>" + P3, '<script src="x.js">alert(1)</script>after script<p onclick="x()">' + P3)
    page = page.replace("<article>", '<article><iframe src="//ads"></iframe><a href=" javascript:alert(1)">'
                        'link</a><meta http-equiv="refresh" content="0;url=//x"><svg><script>1</script></svg>')
    res = cleanpage.clean_and_explain(page, rules=Rules(drop=[".partner-box"], keep=[".factbox"]))
    out = render_html_annotated(res.document)
    from lxml import html as lhtml

    tree = lhtml.fromstring(out)
    (partner,) = tree.xpath("//div[@class='partner-box']/p")
    assert partner.get("class") == "cleanpage-removed"
    assert partner.get("title") == "rules/drop_selector «.partner-box»"
    (fact,) = tree.xpath("//div[@class='factbox']/p")
    assert fact.get("class") == "cleanpage-kept-by-rule"
    kept = tree.xpath("//article/p[1]")[0]
    assert kept.get("class") is None and kept.text == P1
    assert not tree.xpath("//script | //iframe | //meta[@http-equiv]") and "after script" in out
    assert not tree.xpath("//@onclick") and tree.xpath("//a/@href") == ["/a", "/b"]  # no javascript:
    assert ".cleanpage-removed" in tree.xpath("//head/style/text()")[0]
    # The Document's own tree is not changed by rendering.
    assert res.document.blocks[1].dom.element.get("class") is None


def test_html_annotated_for_pasted_text():
    res = cleanpage.clean_and_explain(f"{P1}\n\nAdvertisement\n\n{P2}\n")
    out = render(res.document, "html-annotated")
    assert '<p><del title="ad_markers/ad_label «Advertisement»" class="cleanpage-removed"' in out
    assert f"<p>{P1}</p>\n" in out


def test_xpaths_equal_lxml_getpath_on_every_golden_page():
    from pathlib import Path

    from cleanpage.parsers.html import xpaths

    pages = sorted((Path(__file__).parent.parent / "golden").glob("*/*/input.html"))
    assert pages
    for page in pages:
        doc = cleanpage.clean_and_explain(page.read_bytes()).document
        els = [b.dom.element for b in doc.blocks]
        got = xpaths(els)
        for el in els:
            assert got[el] == el.getroottree().getpath(el), page


def test_html_annotated_is_inert_for_xhtml_and_url_tricks():
    from lxml import etree

    x = etree.fromstring(
        f'<html xmlns="http://www.w3.org/1999/xhtml"><head><script>alert(1)</script></head>'
        f'<body><p>{P1}</p><iframe src="javascript:alert(2)"/><object data="javascript:3"/>'
        f'<a href="/ok">ok</a></body></html>'
    )
    out = render_html_annotated(cleanpage.clean_and_explain(x).document)
    assert "alert" not in out and "javascript" not in out and 'href="/ok"' in out
    page = (f'<html><body><p>{P1}</p><svg><set to="javascript:alert(1)"/></svg>'
            f'<img srcset="a.png 1x, javascript:alert(1) 2x" alt="Our data: tables">'
            f'<form action=" JavaScript:x"><button formaction="javascript:y">b</button></form>'
            f'<a href="data:text/html,xx">d</a><link rel=stylesheet href=//x.css>'
            f'<style>p {{}}</style></body></html>')
    out = render_html_annotated(cleanpage.clean_and_explain(page).document)
    assert "javascript" not in out.lower() and "data:text" not in out and "x.css" not in out
    assert 'alt="Our data: tables"' in out  # an ordinary attribute that mentions "data:"


def test_no_terminal_escapes_reach_the_annotated_page_or_file_names(tmp_path, capsys):
    page = f"<html><body><p>{P1} &#27;]0;owned&#7; end</p></body></html>"
    out = render_html_annotated(cleanpage.clean_and_explain(page).document)
    assert "\x1b" not in out and "\x07" not in out and "]0;owned end" in out
    bad = tmp_path / "x\x1b]0;t\x07.txt"
    bad.write_bytes(bytes(range(32)) * 40)  # binary: an error line that names the file
    assert main([str(bad), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "x\\x1b]0;t\\x07.txt" in err


def test_no_terminal_escapes_reach_the_annotated_page_from_attributes():
    # The text was cleaned, the attributes were not: an alt, title or class with &#27; wrote
    # the escape to the terminal of whoever ran --to html-annotated without a redirect.
    page = (f'<html><body><p title="&#27;]0;owned&#7;t">{P1}</p>'
            f'<img src="a.png" alt="&#27;[2Jphoto" data-x="&#27;]52;c;ZXZpbA==&#7;"></body></html>')
    out = render_html_annotated(cleanpage.clean_and_explain(page).document)
    assert "\x1b" not in out and "\x07" not in out
    assert 'alt="[2Jphoto"' in out and 'data-x="]52;c;ZXZpbA=="' in out


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Word's paragraph mark<o:p></o:p></p>",  # a prefixed tag, as Word writes
        '<p fb:like="1" onclick="alert(1)">a prefixed attribute</p>',
        '<a xlink:href="javascript:alert(1)">a prefixed URL attribute</a>',
        "<svg:script>alert(1)</svg:script><p>a prefixed script</p>",
        "<p a<b=1>a name QName refuses</p><a`>odd tag</a>",
        '<p {a}=1 onclick="alert(1)">a braced attribute name</p>',
    ],
)
def test_html_annotated_takes_names_lxml_cannot_parse(markup):
    # The HTML parser keeps tag and attribute names that etree.QName and attribute look-ups
    # refuse; the annotated copy must still be written, and still be inert.
    out = render_html_annotated(cleanpage.clean_and_explain(f"<html><body><p>{P1}</p>{markup}</body></html>").document)
    assert P1 in out
    assert "alert" not in out.replace("svg:script", "")  # the script's text goes with it
    assert "onclick" not in out and "javascript" not in out


def test_time_budget_is_checked_between_rules():
    # One rule cannot be stopped inside libxml2, but the budget holds between rules.
    html = "<html><body>" + "<div>" * 300 + f"<p>{P1}</p>" + "</div>" * 300 + "</body></html>"
    rules = Rules(drop=["div div p", "div div div p"])
    with pytest.raises(cleanpage.LimitError, match="before rule"):
        cleanpage.clean(html, rules=rules, time_budget=1e-9)
    assert P1 not in cleanpage.clean(html, rules=rules, time_budget=60)


def test_xpaths_equal_lxml_getpath_for_namespaced_trees_and_stay_linear():
    # Namespaced elements were left to getpath, which scans the siblings on every call:
    # 20,000 sibling paragraphs of an XHTML tree took 2 s, 100,000 a minute.
    import time

    from lxml import etree

    from cleanpage.parsers.html import xpaths

    mixed = etree.fromstring(
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:m="urn:m" xmlns:n="urn:n"><body>'
        '<!-- c --><p>a</p><m:p>b</m:p><p>c</p><n:p>d</n:p><m:p>e</m:p><div><p>f</p></div>'
        '<x xmlns="">g</x><x xmlns="">h</x><y xmlns="">i</y><m:q><m:r>j</m:r></m:q></body></html>'
    )
    only = etree.fromstring('<a:root xmlns:a="urn:a"><a:only/></a:root>')
    for tree in (mixed, only):
        els = list(tree.iter())
        assert xpaths(els) == {el: el.getroottree().getpath(el) for el in els}
    page = etree.fromstring('<html xmlns="http://www.w3.org/1999/xhtml"><body>' + f"<p>{P1}</p>" * 100_000 + "</body></html>")
    t0 = time.perf_counter()
    paths = xpaths(list(page.iter()))
    assert time.perf_counter() - t0 < 5  # 0.2 s here; with getpath, a minute
    assert paths[page[0][-1]] == "/*/*/*[100000]"


def test_xpaths_of_elements_deeper_than_real_pages_are_short_and_select_them():
    # Written out step by step, the xpaths of a 184 KB page nested 2,000 deep made 442 MB of
    # --to json.  Past MAX_XPATH_STEPS an element is named by its place in document order.
    from cleanpage.parsers.html import MAX_XPATH_STEPS, parse_html, xpaths

    depth = MAX_XPATH_STEPS + 100
    html = ("<html><body><p>shallow</p>" + "<blockquote>" * depth + "<p>deep one</p><p>deep two</p>"
            + "</blockquote>" * depth + "</body></html>")
    doc = parse_html(html)
    elements = [b.dom.element for b in doc.blocks]
    paths = xpaths(elements)
    tree = elements[0].getroottree()
    for el in elements:
        assert tree.xpath(paths[el]) == [el]
    assert paths[elements[0]] == tree.getpath(elements[0])
    assert [paths[e] for e in elements[1:]] and all(len(paths[e]) < 20 for e in elements[1:])
