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
