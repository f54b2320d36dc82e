"""Pipeline use: clean_records and the --jsonl / -o batch modes; a bad record never stops the rest."""
import gzip
import json
import subprocess
import sys

from cleanpage import clean_records

PARA = "The city council voted on Tuesday to extend the night bus network to the eastern districts."
PAGE = f"Menu\nHome\nNews\nSport\n\nAdvertisement\n{PARA}\nShare"


def test_clean_records_keeps_other_keys_and_reports_errors():
    recs = [
        {"id": 1, "text": PAGE, "lang": "en"},
        {"id": 2},
        {"id": 3, "text": 42},
        "not a dict",
        {"id": 5, "text": b"\x00\x01\x02" * 40},
        {"id": 6, "text": PAGE * 3},
        {"id": 7, "text": PAGE.encode()},
    ]
    out = list(clean_records(recs, output_field="clean", explain=True, max_bytes=150))
    assert [r.get("id") for r in out] == [1, 2, 3, None, 5, 6, 7]
    assert out[0]["clean"] == PARA + "\n" and out[0]["text"] == PAGE and out[0]["lang"] == "en"
    assert {"filter": "ad_markers", "reason": "ad_label", "blocks": 1, "chars": 13} in out[0]["cleanpage"]["removed"]
    assert out[1]["error"] == "record has no field 'text'"
    assert out[2]["error"] == "field 'text' is int, not a string"
    assert out[3]["error"].startswith("record is not an object")
    assert "binary" in out[4]["error"]
    assert out[5]["error"].startswith("LimitError: input of")
    assert out[6]["clean"] == PARA + "\n"


def test_time_budget_is_an_error_not_a_crash():
    (rec,) = clean_records([{"text": PAGE * 2000}], time_budget=0.0)
    assert rec["error"].startswith("LimitError: time budget exceeded")


def run(args, stdin: bytes = b""):
    return subprocess.run([sys.executable, "-m", "cleanpage", *args], input=stdin, capture_output=True, timeout=300)


def _shard(n=300):
    lines = []
    for i in range(n):
        if i % 50 == 7:
            lines.append("{not json")
        elif i % 50 == 8:
            lines.append(json.dumps({"id": i}))
        elif i % 50 == 9:
            lines.append(json.dumps({"id": i, "text": ["a list"]}))
        else:
            lines.append(json.dumps({"id": i, "text": PAGE.replace("Tuesday", f"day {i}")}))
    return ("\n".join(lines) + "\n").encode()


def test_jsonl_keeps_order_reports_bad_records_and_exit_code(tmp_path):
    shard = _shard()
    r1 = run(["--jsonl", "--stats"], shard)
    assert r1.returncode == 1  # some records failed; all were written
    out = [json.loads(l) for l in r1.stdout.decode().splitlines()]
    assert len(out) == 300
    good = [o for o in out if "error" not in o]
    assert [o["id"] for o in good] == sorted(o["id"] for o in good)
    assert len(out) - len(good) == 18
    assert any(o.get("error", "").startswith("invalid JSON") for o in out)
    assert "300 records, 18 failed" in r1.stderr.decode()
    r2 = run(["--jsonl", "-j", "2"], shard)
    assert r2.stdout == r1.stdout  # deterministic across workers
    gz = tmp_path / "shard.jsonl.gz"
    gz.write_bytes(gzip.compress(shard))
    r3 = run(["--jsonl", "--field", "text", "--output-field", "clean", str(gz)])
    first = json.loads(r3.stdout.decode().splitlines()[0])
    assert first["clean"].startswith("The city council") and first["text"].startswith("Menu")


def test_files_to_output_dir(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(PAGE)
    (src / "sub" / "b.html").write_text(f"<html><body><article><p>{PARA}</p></article></body></html>")
    (src / "bad.html").write_bytes(bytes(range(32)) * 40)  # binary data named as a page
    out = tmp_path / "out"
    r = run([str(src), "-o", str(out), "--to", "markdown", "-j", "2"])
    assert r.returncode == 1 and "bad.html" in r.stderr.decode()
    assert (out / "a.md").read_text() == PARA + "\n"
    assert (out / "sub" / "b.md").read_text() == PARA + "\n"  # the folder layout is kept


def test_all_good_records_exit_zero():
    r = run(["--jsonl"], (json.dumps({"text": PAGE}) + "\n").encode())
    assert r.returncode == 0 and json.loads(r.stdout)["text"] == PARA + "\n"


def test_output_dir_with_several_inputs_keeps_layout_and_refuses_clashes(tmp_path):
    (tmp_path / "pages" / "sub").mkdir(parents=True)
    (tmp_path / "more").mkdir()
    (tmp_path / "pages" / "sub" / "blog.html").write_text(f"<html><body><p>{PARA}</p></body></html>")
    (tmp_path / "pages" / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # not a page
    (tmp_path / "more" / "a.txt").write_text(PAGE)
    (tmp_path / "more" / "a.html").write_text(f"<html><body><p>{PARA}</p></body></html>")
    out = tmp_path / "out"
    r = run([str(tmp_path / "pages"), str(tmp_path / "more"), "-o", str(out)])
    assert (out / "pages" / "sub" / "blog.txt").read_text() == PARA + "\n"
    assert not (out / "pages" / "pyproject.txt").exists()
    # more/a.html and more/a.txt would both write more/a.txt: the second is refused.
    assert (out / "more" / "a.txt").read_text() == PARA + "\n"
    assert r.returncode == 1
    assert "would overwrite that of" in r.stderr.decode() and r.stderr.decode().count("\n") == 1


def test_output_dir_never_overwrites_an_input(tmp_path):
    d = tmp_path / "d"
    d.mkdir()
    (d / "page.html").write_text(f"<html><body><p>{PARA}</p></body></html>")
    (d / "page.txt").write_text("ORIGINAL\n")
    r = run([str(d), "-o", str(d)])
    assert (d / "page.txt").read_text() == "ORIGINAL\n"  # page.html's output would replace it
    assert r.returncode == 1 and "would overwrite an input file" in r.stderr.decode()
    (tmp_path / "lnk").symlink_to(d)
    r = run([str(d / "page.txt"), "-o", str(tmp_path / "lnk")])  # the same folder, by a link
    assert (d / "page.txt").read_text() == "ORIGINAL\n" and r.returncode == 1


# --- JSON Lines reading: LF-only splitting, BOM, bounded lines, unreadable inputs ---------------

import os  # noqa: E402
import tracemalloc  # noqa: E402

import pytest  # noqa: E402

from cleanpage.batch import LongLine, line_limit, open_lines  # noqa: E402

LONG = "A sentence that is long enough to be kept as the content of the page, surely enough."


@pytest.mark.parametrize(
    "data,lines",
    [
        (b"a\rb\nc\n", ["a\rb", "c"]),  # a raw CR is no line break in JSON Lines
        (b"a\r\nb\r\n", ["a", "b"]),  # a CR before the LF is dropped
        (b"a\r\r\n", ["a\r"]),  # only one
        (b"a\r", ["a\r"]),  # a CR without LF at the end is kept
        (b'\xef\xbb\xbf{"x": 1}\n', ['{"x": 1}']),  # a leading BOM is dropped
        (b"a\n\xef\xbb\xbfb\n", ["a", "\ufeffb"]),  # only at the start of the file
        (b"a\nb", ["a", "b"]),  # no LF after the last line
        (b"\n\n", ["", ""]),
        (b"a\xe2\x80\xa8b\xe2\x80\xa9c\n", ["a\u2028b\u2029c"]),  # str.splitlines would split here
        (b"a\x0bb\x0cc\x1cd\x1de\x1ef\xc2\x85g\n", ["a\x0bb\x0cc\x1cd\x1de\x1ef\x85g"]),  # and here
        (b"\xff\xfeab\n", ["\ufffd\ufffdab"]),  # not UTF-8: replaced, the line's JSON then fails
        (b"", []),
    ],
)
@pytest.mark.parametrize("gz", [False, True])
def test_open_lines_splits_at_lf_only(tmp_path, data, lines, gz):
    f = tmp_path / ("in.jsonl.gz" if gz else "in.jsonl")
    f.write_bytes(gzip.compress(data) if gz else data)
    assert list(open_lines(str(f))) == lines


@pytest.mark.parametrize(
    "data,items",
    [
        (b"0123456789\n", ["0123456789"]),  # exactly the limit
        (b"0123456789\r\nnext\n", ["0123456789", "next"]),
        (b"\xef\xbb\xbf0123456789\r\nnext\n", ["0123456789", "next"]),  # BOM and CR LF not counted
        (b"01234567890\nnext\n", [LongLine(10, "01234567890"), "next"]),  # one over
        # (its start: all that was read of it, the limit and 3 bytes, 3 more on the first line)
        (b"x" * 5_000_000 + b"\nnext\n", [LongLine(10, "x" * 16), "next"]),
        (b"y" * 3_000_000 + b"\n" + b"z" * 30 + b"\nnext", [LongLine(10, "y" * 16), LongLine(10, "z" * 13), "next"]),
        (b"ok\n" + b"w" * 2_500_000, ["ok", LongLine(10, "w" * 13)]),  # no LF at the end
    ],
)
def test_a_line_over_the_limit_is_one_item_and_the_next_lines_go_on(tmp_path, data, items):
    f = tmp_path / "in.jsonl"
    f.write_bytes(data)
    assert list(open_lines(str(f), limit=10)) == items


def test_the_rest_of_a_long_line_is_skipped_not_held(tmp_path):
    f = tmp_path / "huge.jsonl"
    with open(f, "wb") as fh:
        for _ in range(40):
            fh.write(b"x" * 2**20)
        fh.write(b'\n{"text": "after"}\n')
    tracemalloc.start()
    try:
        items = list(open_lines(str(f), limit=1000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert items == [LongLine(1000, "x" * 200), '{"text": "after"}']
    assert peak < 4 * 2**20  # a 40 MiB line, read past in 1 MiB pieces


@pytest.mark.parametrize("max_bytes,limit", [(None, 128 * 2**20), (100, 66_736), (1, 65_548)])
def test_line_limit(max_bytes, limit):
    assert line_limit(max_bytes) == limit


@pytest.mark.parametrize(
    "char,escaped",
    [("a", False), ("é", False), ("é", True), ("中", True), ("\U0001f600", True), ("\n", True)],
)
def test_a_record_within_max_bytes_is_never_refused_for_its_line(char, escaped):
    # The longest JSON spelling of a field of max_bytes characters, with another field beside it.
    rec = {"id": "i" * 60_000, "text": char * 1000}
    line = json.dumps(rec, ensure_ascii=escaped).encode()
    r = run(["--jsonl", "--max-bytes", "1000"], line + b"\n")
    (out,) = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert "line over the limit" not in out.get("error", "") and out["id"] == rec["id"]


def _good(n):
    return json.dumps({"id": n, "text": f"Menu\n{LONG}"})


@pytest.mark.parametrize(
    "stdin,expected",
    [
        # (input, per non-blank input line: the id cleaned, or the start of its error)
        (f'{{"id": 1, "text": "a\rb"}}\n{_good(2)}\n', ["invalid JSON: JSONDecodeError: Invalid control character", 2]),
        (f'{{"id": 1,\r"text": "{LONG}"}}\r\n{_good(2)}\r\n', [1, 2]),  # CR between tokens is whitespace
        (f"\ufeff{_good(1)}\n{_good(2)}\n", [1, 2]),
        (f'{{"id": 1, "note": "a\u2028b\u2029c", "text": "{LONG}"}}\n{_good(2)}\n', [1, 2]),  # raw U+2028 is valid JSON
        (f"{_good(1)}\n\n  \n{_good(2)}", [1, 2]),  # blank lines are skipped
        ("x" * 70_000 + f"\n{_good(2)}\n", ["LimitError: line over the limit of 66,736 bytes; the rest of it was skipped", 2]),
        (f'{{"id": 1, "text": "{"t" * 70_000}"}}\n{_good(2)}\n', ["LimitError: line over the limit of 66,736 bytes", 2]),
        (f'{{"id": 1, "text": "{"t" * 300}"}}\n{_good(2)}\n', ["LimitError: input of 300 bytes is over the limit of 100", 2]),
    ],
)
def test_jsonl_output_lines_match_input_lines(stdin, expected):
    r = run(["--jsonl", "--max-bytes", "100"], stdin.encode())
    out = [json.loads(x) for x in r.stdout.decode().split("\n")[:-1]]  # not splitlines: U+2028
    assert len(out) == len(expected)
    for o, e in zip(out, expected):
        if isinstance(e, int):
            assert o["id"] == e and o["text"] == LONG + "\n" and "error" not in o
        else:
            assert o["error"].startswith(e)
    assert r.returncode == (0 if all(isinstance(e, int) for e in expected) else 1)
    assert r.stderr.decode() == ""


def _unreadable(tmp_path, kind):
    """A path of ``kind`` that --jsonl cannot read, with the reason it gives."""
    if kind == "fifo":
        os.mkfifo(tmp_path / "in.fifo")
        return str(tmp_path / "in.fifo"), "not a regular file (use - for standard input)"
    if kind == "folder":
        return str(tmp_path), "not a regular file (use - for standard input)"
    if kind == "missing":
        return str(tmp_path / "missing.jsonl"), "No such file or directory"
    gz = tmp_path / "in.jsonl.gz"
    whole = gzip.compress((_good(0) + "\n").encode() * 50)
    if kind == "truncated .gz":
        gz.write_bytes(whole[:40])
        return str(gz), "Compressed file ended before the end-of-stream marker was reached"
    if kind == "not gzip":
        gz.write_bytes(b"plain text")
        return str(gz), "Not a gzipped file (b'pl')"
    if kind == "corrupt .gz":
        gz.write_bytes(whole[:12] + b"\xff" * 20 + whole[32:])
        return str(gz), "Error -3 while decompressing data"
    return kind, "not a regular file (use - for standard input)"  # a device


@pytest.mark.parametrize(
    "kind", ["/dev/zero", "/dev/null", "fifo", "folder", "missing", "truncated .gz", "not gzip", "corrupt .gz"]
)
def test_jsonl_unreadable_file_is_one_error_line_and_the_next_file_goes_on(tmp_path, kind):
    bad, reason = _unreadable(tmp_path, kind)
    good = tmp_path / "good.jsonl"
    good.write_text(f"{_good(7)}\n")
    r = run(["--jsonl", bad, str(good)])
    assert r.returncode == 1
    assert r.stderr.decode().startswith(f"cleanpage: cannot read {bad}: {reason}")
    assert r.stderr.decode().count("\n") == 1
    assert json.loads(r.stdout.decode().splitlines()[-1]) == {"id": 7, "text": LONG + "\n"}


@pytest.mark.parametrize("end", ["", "\n", "\r\n"])
@pytest.mark.parametrize("line,error", [("{not json", "invalid JSON: JSONDecodeError"), ('{"id": 1}', "record has no field 'text'")])
def test_jsonl_job_gives_the_same_record_with_or_without_the_line_end(line, error, end):
    from cleanpage.batch import JsonlJob

    out, failed, _ = JsonlJob()(line + end)
    rec = json.loads(out)
    assert failed and rec["error"].startswith(error)
    assert rec.get("line", line) == line  # the echo of an invalid line has no line end


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999", "-1e400"])
def test_jsonl_never_writes_nan_or_infinity(value):
    # json.loads takes NaN and Infinity (not JSON) and reads 1e999 (JSON) as inf; json.dumps then
    # wrote NaN / Infinity, a line that strict readers (jq, orjson, Spark) refuse.
    from cleanpage.batch import JsonlJob

    line = f'{{"id": 1, "score": {value}, "text": "{LONG}"}}'
    out, failed, _ = JsonlJob()(line)

    def strict(name):
        raise AssertionError(f"output holds {name}: {out}")

    rec = json.loads(out, parse_constant=strict)
    assert failed and rec["error"].startswith("invalid JSON: ValueError") and rec["line"] == line
    assert json.loads(JsonlJob()(line.replace(value, "1.5"))[0])["score"] == 1.5  # finite numbers as before


def test_a_record_of_its_own_cleanpage_key_keeps_it_and_the_batch_goes_on():
    # Records keep their other keys, "cleanpage" too (output of an earlier run, or any data):
    # without --record-stats it was dropped, and on a record that failed its value was read as
    # our stats, a traceback that lost every record after it.  Our verdict is not read from
    # the record either: one that held an "error" key of its own counted as failed.
    lines = [
        {"id": 1, "text": PAGE, "cleanpage": "mine"},
        {"id": 2, "text": 5, "cleanpage": {"removed": [{"filter": "x"}]}},
        {"id": 3, "cleanpage": 7},
        {"id": 4, "text": 5, "cleanpage": "mine"},
        {"id": 5, "text": PAGE},
        {"id": 6, "text": PAGE, "error": "from an earlier step"},  # cleaned: not a failure of ours
    ]
    r = run(["--jsonl", "--stats"], "".join(json.dumps(l) + "\n" for l in lines).encode())
    assert r.returncode == 1, r.stderr
    out = [json.loads(l) for l in r.stdout.decode().splitlines()]
    assert out == [
        {"id": 1, "text": PARA + "\n", "cleanpage": "mine"},
        {"id": 2, "text": 5, "cleanpage": {"removed": [{"filter": "x"}]}, "error": "field 'text' is int, not a string"},
        {"id": 3, "cleanpage": 7, "error": "record has no field 'text'"},
        {"id": 4, "text": 5, "cleanpage": "mine", "error": "field 'text' is int, not a string"},
        {"id": 5, "text": PARA + "\n"},
        {"id": 6, "text": PARA + "\n", "error": "from an earlier step"},
    ]
    assert "6 records, 3 failed" in r.stderr.decode()
    assert "ad_markers/ad_label" in r.stderr.decode()


def test_ill_typed_field_names_are_one_clear_error():
    # A list as field or output_field was "unhashable type: 'list'" from inside the first
    # record; None or 5 made every record "has no field None".
    for kw, msg in ((dict(field=["html"]), "field must be a str, not list"),
                    (dict(field=None), "field must be a str, not NoneType"),
                    (dict(output_field=["clean"]), "output_field must be a str or None, not list")):
        with pytest.raises(TypeError) as e:
            list(clean_records([{"text": PAGE}], **kw))
        assert str(e.value) == msg
