"""Pipeline engines: the datatrove step on LocalPipelineExecutor, the Dask recipe on a local cluster.

The engine tests need the ``pipelines`` extra (``pip install -e '.[test,pipelines]'``, as .ci/run
does); without it they are skipped with that reason.  The import-error test always runs.
"""
import gzip
import json
import subprocess
import sys

import pytest

from cleanpage import clean_records

PARA = "The city council voted on Tuesday to extend the night bus network to the eastern districts."
PAGE = f"Menu\nHome\nNews\nSport\n\nAdvertisement\n{PARA}\nShare"
HTML = (
    "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    f"<article><h1>Night buses</h1><p>{PARA}</p><p>Advertisement</p></article>"
    "<footer>© 2024 The Daily Example</footer></body></html>"
)
EXTRA = "pip install -e '.[test,pipelines]'"


def _skip_without(module: str):
    return pytest.importorskip(module, reason=f"{module} is in the optional 'pipelines' extra: {EXTRA}")


@pytest.mark.parametrize("engine", ["datatrove", "dask"])
def test_integrations_import_without_engines(engine):
    # The engine is made unimportable (sys.modules[name] = None), as on an install without the extra.
    code = (
        f"import sys; sys.modules[{engine!r}] = None\n"
        "import cleanpage.integrations\n"
        "try:\n"
        f"    import cleanpage.integrations.{engine}\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"cleanpage.integrations.{engine} needs {engine} and the packages it imports")
    assert r.stdout.rstrip().endswith("install the optional extra: pip install 'cleanpage[pipelines]'")


# --- datatrove ---------------------------------------------------------------------------------


def _stats(step) -> dict:
    return {k: v.total for k, v in step.stats.stats.items()}


def test_datatrove_filter_cleans_counts_and_handles_bad_documents():
    _skip_without("datatrove")
    from datatrove.data import Document

    from cleanpage.integrations.datatrove import CleanpageFilter

    def docs():
        return [
            Document(text=PAGE, id="page", metadata={"url": "https://example.org/a", "lang": "en"}),
            Document(text=HTML, id="html", metadata={"url": "https://example.org/b"}),
            Document(text="Advertisement\nShare", id="empty"),
            Document(text=PAGE * 40, id="long"),
        ]

    step = CleanpageFilter(max_bytes=1000)
    out = list(step.run(iter(docs())))
    assert [d.id for d in out] == ["page", "html"]
    assert out[0].text == PARA + "\n"
    assert out[0].metadata == {"url": "https://example.org/a", "lang": "en"}
    assert out[1].text == PARA + "\n"
    stats = _stats(step)
    assert stats["ad_markers/ad_label"] == 3  # one in PAGE, one in HTML, one in "empty"
    assert stats["share/share_label"] == 2
    assert stats["navigation/menu_label"] == 2 and stats["main_content/before_content"] == 2
    assert stats["dom_hints/navigation_landmark"] == 1 and stats["dom_hints/footer_landmark"] == 1
    assert stats["main_content/headline"] == 1  # the HTML <h1>
    assert step.stats["ad_markers/ad_label"].n == 3  # documents: the total counts blocks
    assert (stats["total"], stats["cleaned"], stats["forwarded"], stats["dropped"]) == (4, 3, 2, 2)
    assert (stats["empty"], stats["dropped_empty"]) == (1, 1)
    assert (stats["error"], stats["error_LimitError"], stats["dropped_error"]) == (1, 1, 1)

    keep = CleanpageFilter(max_bytes=1000, drop_empty=False, on_error="keep", explain=True)
    batch = docs()
    out = list(keep.run(iter(batch)))
    assert [d.id for d in out] == ["page", "html", "empty", "long"]
    assert out[2].text == ""
    assert out[3].text == PAGE * 40  # not cleaned, kept as it was
    assert out[3].metadata["cleanpage_error"] == "LimitError: input of 5,320 bytes is over the limit of 1,000"
    assert {"filter": "ad_markers", "reason": "ad_label", "blocks": 1, "chars": 13} in out[0].metadata["cleanpage"]["removed"]
    assert out[1].metadata["cleanpage"]["title"] == "Night buses"
    assert "dropped" not in _stats(keep)


def test_datatrove_filter_refuses_bad_options_at_construction():
    _skip_without("datatrove")
    from cleanpage.integrations.datatrove import CleanpageFilter

    with pytest.raises(ValueError, match="unknown preset 'nope'; known: balanced, precision, recall"):
        CleanpageFilter(preset="nope")
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        CleanpageFilter(lang="xx")
    with pytest.raises(ValueError, match="unknown input_format 'pdf'"):
        CleanpageFilter(input_format="pdf")
    with pytest.raises(ValueError, match="unknown on_error 'raise'; known: drop, keep"):
        CleanpageFilter(on_error="raise")
    with pytest.raises(TypeError, match="pipeline must be a cleanpage.Pipeline"):
        CleanpageFilter(pipeline="balanced")


def _write_jsonl(path, records, raw_lines=()):
    text = "".join(json.dumps(r) + "\n" for r in records) + "".join(raw_lines)
    if str(path).endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text)


def test_datatrove_local_executor_two_tasks(tmp_path):
    _skip_without("datatrove")
    _skip_without("orjson")  # datatrove's JsonlReader/JsonlWriter need it (in the extra)
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleanpage.integrations.datatrove import CleanpageFilter

    src = tmp_path / "in"
    src.mkdir()
    _write_jsonl(src / "a.jsonl", [
        {"id": "a1", "text": PAGE, "url": "https://example.org/a1"},
        {"id": "a2", "text": "Advertisement\nShare", "url": "https://example.org/a2"},
        {"id": "a3", "text": PAGE.replace("Tuesday", "Monday"), "url": "https://example.org/a3"},
    ])
    _write_jsonl(src / "b.jsonl.gz", [
        {"id": "b1", "text": HTML, "url": "https://example.org/b1"},
        {"id": "b2", "text": PAGE * 40, "url": "https://example.org/b2"},  # over max_bytes
    ])
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(src)),
            CleanpageFilter(max_bytes=1000, exclusion_writer=JsonlWriter(str(tmp_path / "dropped"))),
            JsonlWriter(str(tmp_path / "out")),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()

    def read(folder):
        docs = []
        for f in sorted((tmp_path / folder).glob("*.jsonl.gz")):
            docs += [json.loads(line) for line in gzip.decompress(f.read_bytes()).decode().splitlines()]
        return {d["id"]: d for d in docs}

    out = read("out")
    assert sorted(out) == ["a1", "a3", "b1"]
    assert out["a1"]["text"] == PARA + "\n"
    assert out["a3"]["text"] == PARA.replace("Tuesday", "Monday") + "\n"
    assert out["b1"]["text"] == PARA + "\n"
    assert out["a1"]["metadata"]["url"] == "https://example.org/a1"  # metadata kept
    dropped = read("dropped")
    assert sorted(dropped) == ["a2", "b2"]
    assert dropped["a2"]["metadata"]["filter_reason"] == "empty"
    assert dropped["b2"]["metadata"]["filter_reason"] == "error"
    assert dropped["b2"]["metadata"]["cleanpage_error"].startswith("LimitError: input of 5,320 bytes")

    merged = json.loads((tmp_path / "logs" / "stats.json").read_text())
    (step,) = [s for s in merged if "cleanpage" in s["name"]]
    stats = {k: v["total"] if isinstance(v, dict) else v for k, v in step["stats"].items()}
    assert stats["ad_markers/ad_label"] == 4  # a1, a2, a3 and b1: across both tasks
    assert stats["share/share_label"] == 3 and stats["navigation/menu_label"] == 4
    assert (stats["total"], stats["cleaned"], stats["forwarded"]) == (5, 4, 3)
    assert (stats["dropped_empty"], stats["dropped_error"], stats["error_LimitError"]) == (1, 1, 1)
    assert len(list((tmp_path / "logs" / "stats").glob("*.json"))) == 2  # one a task


# --- Dask --------------------------------------------------------------------------------------


def _shard_lines(n, tag):
    lines = []
    for i in range(n):
        if i % 10 == 3:
            lines.append("{not json")
        elif i % 10 == 5:
            lines.append(json.dumps({"id": f"{tag}{i}", "html": ["a list"]}))
        else:
            lines.append(json.dumps({"id": f"{tag}{i}", "html": PAGE.replace("Tuesday", f"day {i}"), "k": i}))
    return lines


def test_dask_recipe_on_local_cluster_keeps_order_and_reports_errors(tmp_path):
    _skip_without("dask.bag")
    distributed = _skip_without("distributed")
    from cleanpage.integrations.dask import clean_jsonl_files

    src = tmp_path / "in"
    src.mkdir()
    a, b = _shard_lines(30, "a"), _shard_lines(20, "b")
    (src / "a.jsonl").write_text("\n".join(a) + "\n\n")  # a blank line is skipped
    (src / "b.jsonl.gz").write_bytes(gzip.compress(("\n".join(b) + "\n").encode()))

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        paths = clean_jsonl_files([str(src / "a.jsonl"), str(src / "b.jsonl.gz")],
                                  str(tmp_path / "out" / "*.jsonl"),
                                  field="html", output_field="text")
    assert [p.rsplit("/", 1)[1] for p in paths] == ["0.jsonl", "1.jsonl"]
    outs = [[json.loads(line) for line in open(p).read().splitlines()] for p in paths]
    assert [len(o) for o in outs] == [30, 20]
    assert [r.get("id") for r in outs[0] if "id" in r] == [f"a{i}" for i in range(30) if i % 10 != 3]
    assert outs[0][0] == {"id": "a0", "html": PAGE.replace("Tuesday", "day 0"), "k": 0,
                          "text": PARA.replace("Tuesday", "day 0") + "\n"}
    assert outs[1][3]["error"].startswith("invalid JSON: JSONDecodeError")
    assert outs[1][5] == {"id": "b5", "html": ["a list"], "error": "field 'html' is list, not a string"}
    assert sum("error" in r for r in outs[0] + outs[1]) == 10

    # Each output line is what `cleanpage --jsonl` writes for the same input.
    cli = subprocess.run([sys.executable, "-m", "cleanpage", "--jsonl", "--field", "html",
                          "--output-field", "text", str(src / "a.jsonl")], capture_output=True, timeout=120)
    assert cli.stdout.decode() == open(paths[0]).read()


def test_dask_map_partitions_with_clean_records_on_processes():
    db = _skip_without("dask.bag")
    import dask

    recs = [{"id": i, "text": PAGE.replace("Tuesday", f"day {i}")} for i in range(12)]
    recs[4] = {"id": 4, "text": 4}
    bag = db.from_sequence(recs, npartitions=3)
    # A process worker sends its partition back pickled: a list, not clean_records' generator.
    with dask.config.set(scheduler="processes", num_workers=2):
        out = bag.map_partitions(lambda part: list(clean_records(part, output_field="clean"))).compute()
    assert [r["id"] for r in out] == list(range(12))
    assert out[4] == {"id": 4, "text": 4, "error": "field 'text' is int, not a string"}
    assert out[7]["clean"] == PARA.replace("Tuesday", "day 7") + "\n"


def test_dask_clean_bag_refuses_bad_options():
    db = _skip_without("dask.bag")
    from cleanpage.integrations.dask import clean_bag

    bag = db.from_sequence(["{}"])
    with pytest.raises(ValueError, match="unknown preset 'nope'; known: balanced, precision, recall"):
        clean_bag(bag, preset="nope")
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        clean_bag(bag, lang="xx")
    with pytest.raises(ValueError, match="unknown input_format 'pdf'"):
        clean_bag(bag, input_format="pdf")
    assert clean_bag(bag, preset="precision").compute() == ['{"error": "record has no field \'text\'"}']


def test_bad_items_and_documents_never_stop_a_partition_or_task():
    pytest.importorskip("datatrove", reason="datatrove is in the optional 'pipelines' extra")
    pytest.importorskip("dask.bag", reason="dask is in the optional 'pipelines' extra")
    import dask.bag as db
    from datatrove.data import Document

    from cleanpage.integrations.dask import clean_bag
    from cleanpage.integrations.datatrove import CleanpageFilter

    good = "The council approved the new ferry timetable on Monday after a long consultation.\nAdvertisement\n"
    bag = db.from_sequence([json.dumps({"text": good}), None, b"{bad", 5], npartitions=1)
    out = [json.loads(line) for line in clean_bag(bag).compute(scheduler="sync")]
    assert out[0]["text"].startswith("The council") and "Advertisement" not in out[0]["text"]
    assert [o.get("error", "")[:20] for o in out[1:]] == ["line is NoneType, no", "invalid JSON: JSONDe", "line is int, not JSO"]
    with pytest.raises(TypeError, match="field must be a str"):
        clean_bag(bag, field=["text"])

    docs = [Document(text=good, id="1"), Document(text=None, id="2"), Document(text=5, id="3"),
            Document(text=good, id="4", metadata=None)]
    kept = list(CleanpageFilter(on_error="keep", explain=True).run(iter(docs)))
    assert [d.id for d in kept] == ["1", "4"]  # no text to keep: those two go even with "keep"
    assert kept[1].metadata["cleanpage"]["removed"][0]["filter"] == "ad_markers"
