"""Pipeline engines: the datatrove step on LocalPipelineExecutor.

The engine tests need the ``pipelines`` extra (``pip install -e '.[test,pipelines]'``, as .ci/run
does); without it they are skipped with that reason.  The import-error test always runs.
"""
import gzip
import json
import subprocess
import sys

import pytest


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


@pytest.mark.parametrize("engine", ["datatrove"])
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
    assert {"filter": "ad_markers", "reason": "ad_label", "blocks": 1} in out[0].metadata["cleanpage"]["removed"]
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
