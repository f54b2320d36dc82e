"""The command: stdin/stdout, files, formats, exit codes, broken pipes."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleanpage import __version__
from cleanpage.cli import main

PASTE = (
    "Menu\nHome\nNews\nSport\n\n"
    "Night buses reach the east\n"
    "The city council voted on Tuesday to extend the night bus network to the eastern districts.\n"
    "Advertisement\n"
    "Officials said the first new routes would start in March and cost less than expected.\n"
    "Share\n"
)
KEPT = (
    "Night buses reach the east\n"
    "The city council voted on Tuesday to extend the night bus network to the eastern districts.\n"
    "Officials said the first new routes would start in March and cost less than expected.\n"
)


def run(*args, input: bytes = b""):
    return subprocess.run(
        [sys.executable, "-m", "cleanpage", *args], input=input, capture_output=True, timeout=120
    )


def test_stdin_to_stdout():
    r = run(input=PASTE.encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode() == KEPT


def test_files_and_explain(tmp_path: Path):
    f = tmp_path / "page.txt"
    f.write_text(PASTE, encoding="utf-8")
    r = run("--to", "explain", str(f))
    assert r.returncode == 0
    out = r.stdout.decode().splitlines()
    assert "ad_markers/ad_label «Advertisement»\tAdvertisement" in out
    assert any(l.startswith("kept\tNight buses") for l in out)
    assert len(out) == 9  # one line a block: 4 menu lines, title, 2 paragraphs, ad, share


def test_json(capsys, tmp_path):
    f = tmp_path / "p.txt"
    f.write_text(PASTE, encoding="utf-8")
    assert main(["--to", "json", str(f)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["source"] == str(f)
    assert doc["text"] == KEPT
    assert doc["origin"] == "text"
    ad = [b for b in doc["blocks"] if b["text"] == "Advertisement"][0]
    assert ad["kept"] is False and ad["filter"] == "ad_markers" and ad["reason"] == "ad_label"
    assert ad["first_line"] == 8 and PASTE[ad["start"] : ad["end"]] == "Advertisement"
    assert {"filter": "ad_markers", "reason": "ad_label", "blocks": 1, "chars": 13} in doc["stats"]


def test_option_types_are_checked():
    from cleanpage import Pipeline

    with pytest.raises(ValueError, match="option 'short_penalty' must be float, not str"):
        Pipeline.preset().configure("main_content", short_penalty="x")


def test_disable_and_only(capsys, tmp_path):
    f = tmp_path / "p.txt"
    f.write_text(PASTE, encoding="utf-8")
    assert main(["--disable", "ad_markers,context", str(f)]) == 0
    assert "Advertisement" in capsys.readouterr().out
    assert main(["--only", "share", str(f)]) == 0
    out = capsys.readouterr().out
    assert "Share" not in out.splitlines() and "Menu" in out
    assert main(["--disable", "navigation", "--only", "ad_markers", str(f)]) == 0
    assert "Advertisement" not in capsys.readouterr().out


@pytest.mark.parametrize(
    "args,start",
    [
        (["-o", "OUT"], "cleanpage: error: -o needs FILEs or folders"),
        (["--jsonl", "-o", "OUT"], "cleanpage: error: -o does not go with --jsonl"),
        (["--jsonl", "--to", "markdown"], "cleanpage: error: --to markdown does not go with --jsonl"),
        (["--preset", "recall", "--disable", "duplicates"], "cleanpage: error: 'duplicates' is not in this pipeline"),
        (["--only", "share,promo", "--disable", "promo"], "cleanpage: error: filter 'promo' is not in this pipeline"),
        # two HTML documents one after the other, each under a "==> FILE <==" line, is no page
        (["--to", "html-annotated", "a.html", "b.html"], "cleanpage: error: --to html-annotated writes one HTML page"),
    ],
)
def test_flags_the_mode_would_ignore_are_usage_errors(tmp_path, args, start):
    # -o with standard input made an empty folder and wrote nothing, with exit status 0.
    r = subprocess.run([sys.executable, "-m", "cleanpage", *args], input=PASTE.encode(),
                       capture_output=True, timeout=120, cwd=tmp_path)
    err = r.stderr.decode()
    assert r.returncode == 2 and r.stdout == b"" and err.count("\n") == 1, err
    assert err.startswith(start), err
    assert not (tmp_path / "OUT").exists()


def test_list_filters_and_version(capsys):
    assert main(["--list-filters"]) == 0
    out = capsys.readouterr().out
    assert "ad_markers" in out and "reasons: ad_label" in out and "join_link_breaks" in out
    r = run("--version")
    assert r.returncode == 0 and __version__ in r.stdout.decode()


@pytest.mark.parametrize(
    "args",
    [["--preset", "fast"], ["--disable", "nope"], ["--to", "pdf"], ["--lang", "xx"], ["--bogus"]],
)
def test_bad_usage_exit_2_one_line(args):
    r = run(*args, input=b"hello")
    assert r.returncode == 2
    err = r.stderr.decode().strip()
    assert err.count("\n") == 0 and "error" in err and "Traceback" not in err


def test_unreadable_input_exit_1(tmp_path):
    r = run(str(tmp_path / "missing.txt"))
    assert r.returncode == 1
    assert r.stderr.decode().startswith("cleanpage: cannot read")
    assert "Traceback" not in r.stderr.decode()
    binary = tmp_path / "img.bin"
    binary.write_bytes(bytes(range(32)) * 100)
    good = tmp_path / "good.txt"
    good.write_text(PASTE)
    r = run(str(binary), str(good))
    assert r.returncode == 1
    assert "binary" in r.stderr.decode()
    # the other file is still cleaned; with several files each output is headed by its name
    assert r.stdout.decode() == f"==> {good} <==\n" + KEPT


def test_html_from_stdin():
    page = (
        "<html><head><title>Night buses</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><p>The city council voted on Tuesday to extend the night bus network to the "
        "eastern districts, after two years of complaints.</p></article></body></html>"
    )
    r = run("--from", "html", input=page.encode())
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().startswith("The city council voted")


def test_broken_pipe_is_quiet(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text((PASTE * 2000), encoding="utf-8")
    cmd = f"{sys.executable} -m cleanpage --to explain {big} | head -n 1"
    r = subprocess.run(cmd, shell=True, capture_output=True, timeout=120)
    assert r.stdout.decode().count("\n") == 1
    assert r.stderr.decode() == ""


def test_stats_for_one_page(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text(PASTE, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "cleanpage", "--stats", str(f)], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout == KEPT
    lines = r.stderr.splitlines()
    assert lines[0] == "cleanpage: 1 page, 0 failed"
    assert f"{1:10d}  {13:10d}  ad_markers/ad_label" in r.stderr  # blocks, characters


@pytest.mark.parametrize("kind", ["/dev/zero", "/dev/null", "fifo", "folder"])
@pytest.mark.parametrize("extra", [[], ["--max-bytes", "1000"], ["-o", "OUT"]])
def test_a_file_that_is_no_regular_file_is_refused_and_the_next_is_cleaned(tmp_path, kind, extra):
    import os

    if kind == "fifo":  # no writer: a read would wait forever
        os.mkfifo(tmp_path / "in.fifo")
        bad = str(tmp_path / "in.fifo")
    else:
        bad = str(tmp_path / "d") if kind == "folder" else kind
        if kind == "folder":
            (tmp_path / "d").mkdir()
    good = tmp_path / "good.txt"
    good.write_text(PASTE)
    extra = [str(tmp_path / "out") if a == "OUT" else a for a in extra]
    r = run(*extra, bad, str(good))
    err = r.stderr.decode()
    if "-o" in extra:
        if kind == "folder":  # -o searches a folder for pages; this one has none
            assert err == "" and r.returncode == 0
        else:
            assert err == f"cleanpage: cannot clean {bad}: not a regular file\n" and r.returncode == 1
        # (kept under the inputs' common folder, which is / beside a device)
        (out,) = (tmp_path / "out").rglob("good.txt")
        assert out.read_text() == KEPT
    else:
        assert r.returncode == 1
        assert err == f"cleanpage: cannot read {bad}: not a regular file (use - for standard input)\n"
        assert r.stdout.decode() == f"==> {good} <==\n" + KEPT


@pytest.mark.parametrize(
    "args,message",
    [
        (["--max-bytes", "-1"], "argument --max-bytes: must be between 1 and 1,099,511,627,776, not '-1'"),
        (["--max-bytes", "0"], "argument --max-bytes: must be between 1 and 1,099,511,627,776, not '0'"),
        (["--max-bytes", "2000000000000"], "argument --max-bytes: must be between 1 and 1,099,511,627,776, not '2000000000000'"),
        (["--max-bytes", "1e3"], "argument --max-bytes: not a whole number: '1e3'"),
        (["--max-bytes", ""], "argument --max-bytes: not a whole number: ''"),
        (["--time-budget", "nan"], "argument --time-budget: must be a positive, finite number of seconds, not 'nan'"),
        (["--time-budget=-inf"], "argument --time-budget: must be a positive, finite number of seconds, not '-inf'"),
        (["--time-budget", "inf"], "argument --time-budget: must be a positive, finite number of seconds, not 'inf'"),
        (["--time-budget", "1e999"], "argument --time-budget: must be a positive, finite number of seconds, not '1e999'"),
        (["--time-budget", "0"], "argument --time-budget: must be a positive, finite number of seconds, not '0'"),
        (["--time-budget", "-2.5"], "argument --time-budget: must be a positive, finite number of seconds, not '-2.5'"),
        (["--time-budget", "soon"], "argument --time-budget: not a number of seconds: 'soon'"),
        (["-j", "two"], "argument -j/--jobs: not a whole number: 'two'"),
        (["-j", "0"], "-j must be between 1 and 256"),
    ],
)
@pytest.mark.parametrize("mode", [[], ["--jsonl"]])
def test_bad_numbers_are_usage_errors(args, message, mode):
    r = run(*mode, *args, input=b'{"text": "hello"}\n')
    assert r.returncode == 2 and r.stdout == b""
    assert r.stderr.decode() == f"cleanpage: error: {message}\n"


@pytest.mark.parametrize("args", [["--max-bytes", "1000000"], ["--max-bytes", "1099511627776"],
                                  ["--time-budget", "30"], ["--time-budget", "1e3"], ["-j", "1"]])
@pytest.mark.parametrize("stdin", [True, False])
def test_good_numbers_are_taken(tmp_path, args, stdin):
    # (the largest --max-bytes was a MemoryError: read(n) sets aside n bytes first)
    f = tmp_path / "p.txt"
    f.write_text(PASTE)
    r = run(*args, input=PASTE.encode()) if stdin else run(*args, str(f))
    assert r.stderr == b"" and r.returncode == 0 and r.stdout.decode() == KEPT


def test_a_page_over_max_bytes_is_an_input_error():
    r = run("--max-bytes", "10", input=PASTE.encode())
    assert r.returncode == 1 and r.stdout == b""
    assert r.stderr.decode() == "cleanpage: cannot read <stdin>: input of 11 bytes is over the limit of 10\n"


LONG_VALUE = "x" * 100_000  # as a hostile or mistaken argument: must not come back whole


@pytest.mark.parametrize(
    "args,start",
    [
        (["--lang", LONG_VALUE], "cleanpage: error: unknown language 'xxxx"),
        (["--preset", LONG_VALUE], "cleanpage: error: argument --preset: invalid choice: 'xxxx"),
        (["--to", LONG_VALUE], "cleanpage: error: argument --to: invalid choice: 'xxxx"),
        (["--from", LONG_VALUE], "cleanpage: error: argument --from: invalid choice: 'xxxx"),
        (["--color", LONG_VALUE], "cleanpage: error: argument --color: invalid choice: 'xxxx"),
        (["--disable", LONG_VALUE], "cleanpage: error: unknown filter 'xxxx"),
        (["--only", LONG_VALUE], "cleanpage: error: unknown filter 'xxxx"),
        (["--only", "share," + LONG_VALUE], "cleanpage: error: unknown filter 'xxxx"),
        (["--keep", "[" + LONG_VALUE], "cleanpage: error: CSS selector '[xxx"),
        (["--drop", "[" + LONG_VALUE], "cleanpage: error: CSS selector '[xxx"),
        (["--keep-xpath", "//" + LONG_VALUE + "["], "cleanpage: error: XPath '//xxx"),
        (["--drop-xpath", "//" + LONG_VALUE + "["], "cleanpage: error: XPath '//xxx"),
        (["--max-bytes", LONG_VALUE], "cleanpage: error: argument --max-bytes: not a whole number: 'xxxx"),
        (["--time-budget", LONG_VALUE], "cleanpage: error: argument --time-budget: not a number of seconds: 'xxxx"),
        (["-j", LONG_VALUE], "cleanpage: error: argument -j/--jobs: not a whole number: 'xxxx"),
        (["--" + LONG_VALUE], "cleanpage: error: unrecognized arguments: '--xxxx"),
        (["--f=" + LONG_VALUE], "cleanpage: error: ambiguous option: --f=xxxx"),  # argparse's own words, cut
        (["--config", "/" + LONG_VALUE], "cleanpage: error: /xxxx"),
        (["/" + LONG_VALUE], "cleanpage: cannot read /xxxx"),
        (["--jsonl", "/" + LONG_VALUE], "cleanpage: cannot read /xxxx"),
        (["--lang", "x\ny" * 100], "cleanpage: error: unknown language 'x\\ny"),  # a line break is escaped
        (["--", "-\n-"], "cleanpage: cannot read -\\n-"),
    ],
)
def test_long_user_values_are_cut_in_errors(args, start):
    r = run(*args, input=b"hello")
    err = r.stderr.decode()
    assert r.returncode in (1, 2) and "Traceback" not in err
    assert err.count("\n") == 1 and err.endswith("\n")
    assert err.startswith(start), err[:200]
    assert len(err) < 600


def test_a_missing_field_named_at_length_is_cut_in_the_error_record():
    r = run("--jsonl", "--field", LONG_VALUE, input=b'{"id": 1, "text": "hello"}\n')
    (rec,) = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert rec == {"id": 1, "text": "hello", "error": f"record has no field '{'x' * 60}…'"}


@pytest.mark.parametrize(
    "option",
    ["--lang", "--field", "--output-field", "--time-budget", "--max-bytes", "--jobs", "--config", "--preset",
     "--to", "--from", "--color", "--disable", "--only", "--drop", "--keep-xpath", "--output-dir", "--la"],
)
def test_an_option_given_dashdash_as_its_value_is_a_usage_error(option, capsys):
    # Python 3.11's argparse drops "--" from "--lang=--" and stores [] as the value: --lang,
    # --field, --max-bytes, --jobs, --config, --disable and --only then ended in a traceback.
    with pytest.raises(SystemExit) as exit:
        main(["--jsonl", f"{option}=--"])
    assert exit.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "expected one argument" in err and "Traceback" not in err


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_text_the_output_encoding_cannot_write_is_escaped_not_a_traceback(tmp_path, encoding):
    # LC_ALL=C (cron, minimal containers) or PYTHONIOENCODING gives stdout an encoding that
    # cannot write every character of a page: "Café" or Japanese text was a traceback.
    f = tmp_path / "p.txt"
    f.write_text("Café Tōkyō 日本語: night buses reach the east of the city, officials said on Tuesday.\n",
                 encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    r = subprocess.run([sys.executable, "-m", "cleanpage", str(f)], capture_output=True, timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    assert r.stderr == b""
    cafe = "Café" if encoding == "latin-1" else "Caf\\u00e9"
    assert r.stdout.decode(encoding) == (
        f"{cafe} T\\u014dky\\u014d \\u65e5\\u672c\\u8a9e: night buses reach the east of the city, "
        "officials said on Tuesday.\n"
    )


def test_json_lines_stay_json_when_the_output_encoding_is_ascii(tmp_path):
    # Escapes JSON reads back: a character above U+FFFF as a surrogate pair, not "\U0001f600".
    f = tmp_path / "in.jsonl"
    f.write_text('{"text": "Caf\\u00e9 \\ud83d\\ude00 night buses reach the east of the city, officials said."}\n',
                 encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    r = subprocess.run([sys.executable, "-m", "cleanpage", "--jsonl", str(f)], capture_output=True,
                       timeout=120, env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"text": "Café \U0001f600 night buses reach the east of the city, officials said.\n"}


def test_output_dir_needs_no_standard_output(tmp_path):
    # -o writes files: run with stdout closed (a daemon, "cleanpage -o out/ pages/ >&-") it
    # refused with "standard output or input is closed", exit 2.
    f = tmp_path / "page.txt"
    f.write_text(PASTE, encoding="utf-8")
    out = tmp_path / "out"
    r = subprocess.run(f'"{sys.executable}" -m cleanpage -o "{out}" "{f}" >&- <&-', shell=True,
                       capture_output=False, stderr=subprocess.PIPE, timeout=120)
    assert r.returncode == 0, r.stderr
    assert (out / "page.txt").read_text(encoding="utf-8") == KEPT
    r = subprocess.run(f'"{sys.executable}" -m cleanpage "{f}" >&-', shell=True, stderr=subprocess.PIPE, timeout=120)
    assert r.returncode == 2 and r.stderr == b"cleanpage: error: standard output or input is closed\n"


def test_a_page_without_max_bytes_is_still_bounded(tmp_path, capsys, monkeypatch):
    # "cleanpage < /dev/zero" read until memory ran out (a MemoryError traceback under a
    # ulimit, else the OOM killer); --jsonl had its 128 MiB line bound, pages had none.
    import cleanpage.cli as cli

    monkeypatch.setattr(cli, "MAX_PAGE_BYTES", 1000)
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text(PASTE * 20, encoding="utf-8")
    small.write_text(PASTE, encoding="utf-8")
    assert main([str(big), str(small)]) == 1
    out, err = capsys.readouterr()
    assert err == f"cleanpage: cannot read {big}: input of 1,001 bytes is over the limit of 1,000\n"
    assert out == f"==> {small} <==\n{KEPT}"
    assert main(["-o", str(tmp_path / "out"), str(big), str(small)]) == 1
    assert "input of 1,001 bytes is over the limit of 1,000" in capsys.readouterr().err
    assert main(["--max-bytes", "100000", str(big)]) == 0  # a limit given is the limit


def test_dev_zero_on_stdin_ends_in_one_line():
    r = subprocess.run(f'"{sys.executable}" -m cleanpage < /dev/zero', shell=True, capture_output=True, timeout=120)
    assert r.returncode == 1
    assert r.stderr == b"cleanpage: cannot read <stdin>: input of 134,217,729 bytes is over the limit of 134,217,728\n"


def test_a_page_that_runs_out_of_memory_is_one_line_and_the_next_is_cleaned(tmp_path, capsys, monkeypatch):
    # A MemoryError (a page too big for the machine, under a ulimit) was a traceback that
    # lost the FILEs after it.
    import cleanpage.cli as cli

    real = cli.clean_and_explain

    def hungry(data, **kw):
        if b"HUGE" in data:
            raise MemoryError
        return real(data, **kw)

    monkeypatch.setattr(cli, "clean_and_explain", hungry)
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text("HUGE\n" + PASTE, encoding="utf-8")
    small.write_text(PASTE, encoding="utf-8")
    assert main([str(big), str(small)]) == 1
    out, err = capsys.readouterr()
    assert err == f"cleanpage: cannot clean {big}: out of memory (--max-bytes bounds a page)\n"
    assert out == f"==> {small} <==\n{KEPT}"
    assert main(["-o", str(tmp_path / "out"), str(big), str(small)]) == 1
    assert capsys.readouterr().err == f"cleanpage: cannot clean {big}: out of memory (--max-bytes bounds a page)\n"
    assert (tmp_path / "out" / "small.txt").read_text(encoding="utf-8") == KEPT
