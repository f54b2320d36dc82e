"""The declared repair steps: join lines broken by links; drop the space a link left before
punctuation.  Conservative: lists, headings, verse keep their lines."""
import pytest

import cleanpage
from cleanpage import Pipeline

LONG = "Rokid has emerged as one of the most prominent start-ups in the city, following the rise of the"


def lines(text, **kw):
    """Output lines, paragraph breaks (blank lines) left out."""
    out = cleanpage.clean(text, pipeline=Pipeline.preset().only("ad_markers"), **kw)
    return [l for l in out.splitlines() if l]


@pytest.mark.parametrize(
    "text,expected",
    [
        # chain: prose line ending on "the", fragment, fragment ending on "and", the last fragment
        (f"{LONG}\n'six little dragons' that included\nDeepSeek and\nUnitree Robotics\n'I filled most of my gaps there,' he said.",
         [f"{LONG} 'six little dragons' that included DeepSeek and Unitree Robotics",
          "'I filled most of my gaps there,' he said."]),
        # a long line ending on "by" takes the capitalised name after it
        ("The venture was backed by angel investors that included Vision Plus Capital, formed by\nEddie Wu and others in 2014.",
         ["The venture was backed by angel investors that included Vision Plus Capital, formed by Eddie Wu and others in 2014."]),
    ],
)
def test_join_link_breaks(text, expected):
    assert lines(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # verse: short lines, no continuation word at the end
        "I walked along the quiet shore\nwhere gulls were calling out for more\nand every wave came in to stay",
        # a list after a colon
        "You will need the following items for the trip:\n- a tent\n- a stove and\n- two maps",
        # a heading above a paragraph
        "Where the money goes\nThe council will spend most of the new budget on road repairs this year.",
        # a blank line separates paragraphs even after a continuation word
        "This is a long line of text that does not end with a full stop but with the\n\nNext paragraph starts here.",
        # short line ending on a continuation word does not start a chain
        "Terms and\nConditions apply",
    ],
)
def test_join_keeps_real_lines(text):
    original = [l for l in text.splitlines() if l.strip()]
    assert lines(text) == original


def test_space_before_punct():
    assert lines("Alibaba Group Holding , left in 2014 .") == ["Alibaba Group Holding, left in 2014."]
    # only before , . ; : ! ? followed by a space or the end; ".NET" and " ..." stay
    assert lines("Built on .NET and C# in 2019") == ["Built on .NET and C# in 2019"]


def test_repairs_are_recorded_and_can_be_disabled():
    text = "Alibaba Group Holding , left in 2014 to found his own venture, backed by the\nfounders."
    res = cleanpage.clean_and_explain(text, pipeline=Pipeline.preset().only("ad_markers"))
    (block,) = res.document.blocks
    assert set(block.repairs) == {"join_link_breaks", "space_before_punct"}
    assert block.source.first_line == 0 and block.source.last_line == 1
    raw = cleanpage.clean(text, pipeline=Pipeline.preset().only("ad_markers").without("join_link_breaks", "space_before_punct"))
    assert raw.splitlines() == text.splitlines()


def test_join_reaches_across_a_removed_block():
    text = f"{LONG}\nAdvertisement\n'six little dragons' that included DeepSeek.\nNext line here."
    res = cleanpage.clean_and_explain(text)
    assert res.text.splitlines()[0] == f"{LONG} 'six little dragons' that included DeepSeek."
    ad = [b for b in res.document.blocks if b.text == "Advertisement"]
    assert ad[0].removal.filter == "ad_markers"


def test_paragraph_breaks_are_kept_in_text_output():
    text = "First paragraph of the story, which ends here.\n\nSecond paragraph, which follows it."
    assert cleanpage.clean(text, pipeline=Pipeline.preset().only("ad_markers")) == text + "\n"
