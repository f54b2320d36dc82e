import pytest

import cleanpage
from cleanpage import Filter, Pipeline, Verdict
from shouty_plugin import Shouty
from cleanpage.filters import registry
from cleanpage.presets import FILTER_ORDER, PRESETS


def test_presets_exist_and_default_is_balanced():
    assert set(PRESETS) == {"balanced", "precision", "recall"}
    assert Pipeline.preset().name == "balanced"
    assert Pipeline.preset().names == FILTER_ORDER


def test_unknown_names_list_the_known_ones():
    with pytest.raises(ValueError, match="unknown preset 'fast'.*balanced"):
        Pipeline.preset("fast")
    with pytest.raises(ValueError, match="unknown filter 'adverts'.*ad_markers"):
        Pipeline.preset().without("adverts")
    with pytest.raises(ValueError, match="unknown filter"):
        Pipeline.preset().only("nope")
    with pytest.raises(ValueError, match="has no option 'max_wrds'.*max_words"):
        Pipeline.preset().configure("ad_markers", max_wrds=3)


def test_a_filter_taken_out_is_not_called_unknown():
    # The recall preset leaves out duplicates and context; --disable/--only then said
    # "unknown filter 'duplicates'" of a filter that --list-filters shows.
    for call in (lambda p: p.without("duplicates"), lambda p: p.only("context"),
                 lambda p: p.configure("context", max_run=3)):
        with pytest.raises(ValueError, match="is not in this pipeline") as e:
            call(Pipeline.preset("recall"))
        assert "unknown" not in str(e.value)
    with pytest.raises(ValueError, match="'share' is not in this pipeline"):
        Pipeline.preset().without("share").only("share")
    with pytest.raises(ValueError, match="'join_link_breaks' is not in this pipeline"):
        Pipeline.preset().without("join_link_breaks").without("join_link_breaks")


def test_pipeline_is_immutable():
    p = Pipeline.preset()
    q = p.without("share")
    assert "share" in p.names and "share" not in q.names
    r = p.configure("main_content", short_penalty=3.0)
    assert p.filters[p.names.index("main_content")].short_penalty == 10.0
    assert r.filters[r.names.index("main_content")].short_penalty == 3.0
    with pytest.raises(Exception):
        p.filters = ()  # frozen dataclass


def test_only_keeps_order_and_before_after_insert():
    p = Pipeline.preset().only("context", "ad_markers")
    assert p.names == ("ad_markers", "context")
    p2 = p.before("context", "share").after("ad_markers", "cookies")
    assert p2.names == ("ad_markers", "cookies", "share", "context")
    with pytest.raises(ValueError, match="already"):
        p2.after("share", "share")


class Liar(Filter):
    name = "liar"
    reasons = ("declared",)
    summary = "gives a reason it does not declare"

    def judge(self, doc, lex):
        yield Verdict(0, "undeclared", "x")


def test_custom_filter_instance_runs_and_explains():
    p = Pipeline.preset().only("ad_markers").after("ad_markers", Shouty())
    res = cleanpage.clean_and_explain("BREAKING NEWS\nA calm sentence.", pipeline=p)
    assert res.text == "A calm sentence.\n"
    assert res.stats == {("shouty", "all_caps"): 1}


def test_undeclared_reason_is_an_error():
    p = Pipeline.preset().only("ad_markers").after("ad_markers", Liar())
    with pytest.raises(ValueError, match="undeclared reason 'undeclared'"):
        cleanpage.clean("hello", pipeline=p)


class Flaky(Filter):
    """A plugin with bugs that show on some pages only."""

    name = "flaky"
    reasons = ("odd",)
    summary = "fails on pages that mention zebras"

    def judge(self, doc, lex):
        for b in doc.blocks:
            if "zebra" in b.text:
                raise KeyError("zebra")
            if "far" in b.text:
                yield Verdict(len(doc.blocks) + 5, "odd", "x")
            if "last" in b.text:
                yield Verdict(-1, "odd", "x")


def test_a_filter_that_fails_on_one_page_fails_that_page_not_the_batch():
    # The KeyError went up through clean_records and lost every record after it; a negative
    # index removed the page's last block in the name of another.
    p = Pipeline.preset().only("ad_markers").after("ad_markers", Flaky())
    recs = [{"text": "A calm sentence."}, {"text": "A zebra here."}, {"text": "So far."},
            {"text": "The last one.\nA calm sentence."}, {"text": "Another calm sentence."}]
    out = list(cleanpage.clean_records(recs, pipeline=p))
    assert [r.get("error") for r in out] == [
        None,
        "FilterError: filter 'flaky' failed: KeyError: 'zebra'",
        "FilterError: filter 'flaky' gave block index 6; the page has blocks 0 to 0",
        "FilterError: filter 'flaky' gave block index -1; the page has blocks 0 to 1",
        None,
    ]
    assert out[0]["text"] == "A calm sentence.\n" and out[4]["text"] == "Another calm sentence.\n"
    with pytest.raises(cleanpage.InputError, match="filter 'flaky' failed: KeyError"):
        cleanpage.clean("A zebra here.", pipeline=p)


def test_first_removal_wins_and_stats_count_it():
    res = cleanpage.clean_and_explain("Advertisement\n" * 3 + "A sentence of text that stays here.")
    assert res.stats[("ad_markers", "ad_label")] == 3
    assert sum(res.stats.values()) == len(res.document.removed)


def test_registry_matches_presets():
    assert tuple(registry()) == FILTER_ORDER


def test_the_garbage_collector_is_left_as_found():
    import gc

    import cleanpage

    assert gc.isenabled()
    cleanpage.clean("Some text of a page.\n")
    assert gc.isenabled()
    with pytest.raises(cleanpage.InputError):
        cleanpage.clean(b"\x00\x01\x02\x03" * 100)
    assert gc.isenabled()  # also after an error
    gc.disable()
    try:
        cleanpage.clean("<html><body><p>Some text of a page.</p></body></html>")
        assert not gc.isenabled()  # the caller's choice stays
    finally:
        gc.enable()
