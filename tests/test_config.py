"""User rules without code (TOML configuration) and user filters as code (entry points)."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import cleanpage
from cleanpage.config import ConfigError, load_config
from cleanpage.filters import registry

P1 = "The harbour board approved the new ferry timetable on Monday after a long consultation."
P2 = "Boats will now leave every forty minutes in summer, and the last one leaves at midnight."
PAGE = f"Werbeblock\n{P1}\nShare\n{P2}\n"


def write(tmp_path, text, name="cleanpage.toml"):
    f = tmp_path / name
    f.write_text(textwrap.dedent(text), encoding="utf-8")
    return f


def test_config_adds_phrases_options_and_disables(tmp_path):
    f = write(tmp_path, """
        disable = ["share"]

        [filters.main_content]
        short_penalty = 8.0

        [phrases]
        ad_markers = ["Werbeblock"]
    """)
    cfg = load_config(f)
    res = cleanpage.clean_and_explain(PAGE, config=cfg)
    assert res.text == f"{P1}\nShare\n{P2}\n"
    assert res.document.blocks[0].removal.filter == "ad_markers"  # the user's phrase
    assert "share" not in cfg.pipeline().names
    mc = cfg.pipeline().filters[cfg.pipeline().names.index("main_content")]
    assert mc.short_penalty == 8.0


@pytest.mark.parametrize(
    "text,message",
    [
        ('presett = "precision"\n', ":1: unknown key 'presett'"),
        ('preset = "fast"\n', ":1: unknown preset 'fast'"),
        ('\n\n[filters.main_content]\nshort_penalty = "x"\n', ":4: filter 'main_content' option 'short_penalty' must be float"),
        ('[filters.nope]\nx = 1\n', "unknown filter 'nope'"),
        ('[phrases]\nad_mark = ["x"]\n', ":2: unknown lexicon kind 'ad_mark'"),
        ('disable = "share"\n', ":1: 'disable' must be a list"),
        ('preset = \n', "Invalid value"),
    ],
)
def test_bad_config_is_one_clear_error(tmp_path, text, message):
    f = write(tmp_path, text)
    with pytest.raises(ConfigError) as e:
        load_config(f)
    assert message in str(e.value)
    assert "\n" not in str(e.value)


@pytest.mark.parametrize(
    "text,message",
    [
        # right one by one, wrong together: the recall preset leaves context and duplicates out
        ('preset = "recall"\n\n[filters.context]\nmax_run = 3\n', ":3: filter 'context' is not in this pipeline"),
        ('preset = "recall"\ndisable = ["duplicates"]\n', ":2: 'duplicates' is not in this pipeline"),
        ('only = ["share"]\n[filters.promo]\nmax_words = 3\n', ":2: filter 'promo' is not in this pipeline"),
    ],
)
def test_settings_wrong_together_name_their_line_when_the_pipeline_is_built(tmp_path, text, message):
    cfg = load_config(write(tmp_path, text))  # each setting is valid: loading succeeds
    with pytest.raises(ConfigError) as e:
        cfg.pipeline()
    assert message in str(e.value) and "\n" not in str(e.value)
    # The CLI's flags come after the file: --preset balanced brings context back.
    r = subprocess.run([sys.executable, "-m", "cleanpage", "--config", str(tmp_path / "cleanpage.toml"),
                        "--preset", "balanced", "--only", "context,share,promo"],
                       input=f"{P1}\n".encode(), capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_cli_reads_project_config_and_names_bad_key(tmp_path):
    write(tmp_path, '[phrases]\nad_markers = ["Werbeblock"]\n')
    page = tmp_path / "page.txt"
    page.write_text(PAGE)
    r = subprocess.run([sys.executable, "-m", "cleanpage", "page.txt"], cwd=tmp_path, capture_output=True)
    assert r.returncode == 0 and "Werbeblock" not in r.stdout.decode()
    bad = write(tmp_path, "[filters.main_content]\nshort_penalty = true\n", "bad.toml")
    r = subprocess.run([sys.executable, "-m", "cleanpage", "--config", str(bad), "page.txt"], cwd=tmp_path, capture_output=True)
    assert r.returncode == 2
    err = r.stderr.decode().strip()
    assert err.count("\n") == 0 and "bad.toml:2" in err and "short_penalty" in err


def test_pyproject_tool_table(tmp_path, monkeypatch):
    write(tmp_path, '[project]\nname = "x"\n\n[tool.cleanpage]\npreset = "recall"\n', "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    assert load_config().preset == "recall"


def test_plugin_filter_through_entry_point(tmp_path, monkeypatch):
    # A real (if minimal) installed distribution: tests/shouty_plugin.py is the module, and a
    # .dist-info on sys.path registers it under the entry-point group.
    info = tmp_path / "shouty_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shouty-plugin\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[cleanpage.filters]\nshouty = shouty_plugin:Shouty\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "shouty" in registry()
    pipe = cleanpage.Pipeline.preset()
    assert pipe.names.index("shouty") == pipe.names.index("main_content") - 1
    res = cleanpage.clean_and_explain(f"BREAKING NEWS TODAY\n{P1}\n{P2}\n")
    assert res.stats.get(("shouty", "all_caps")) == 1
    tests = str(Path(__file__).resolve().parent)
    r = subprocess.run([sys.executable, "-m", "cleanpage", "--list-filters"], capture_output=True,
                       env={"PYTHONPATH": f"{tmp_path}:{tests}", "PATH": ""})
    assert "shouty" in r.stdout.decode()


def test_readme_config_example_and_clean_takes_config(tmp_path):
    f = write(tmp_path, """
        [phrases]
        ad_markers = ["Werbeblock"]
    """)
    # As the README shows it: the config module is reachable from the package.
    cfg = cleanpage.config.load_config(f)
    assert cleanpage.clean(PAGE, config=cfg) == f"{P1}\n{P2}\n"
    assert cleanpage.load_config is cleanpage.config.load_config


def test_unknown_filter_flag_is_one_clean_line(capsys):
    from cleanpage.cli import main

    assert main(["--disable", "nope", "-"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cleanpage: error: unknown filter 'nope'; known: ") and err.count("\n") == 1


@pytest.mark.parametrize("line,key", [("preset = []", "preset"), ("preset = {a = 1}", "preset"),
                                      ("lang = 3", "lang")])
def test_ill_typed_values_are_one_error_line(tmp_path, line, key):
    f = write(tmp_path, line + "\n")
    with pytest.raises(ConfigError) as e:
        load_config(f)
    assert str(e.value).startswith(f"{f}:1: ") and key in str(e.value) and "\n" not in str(e.value)


def _special_path(tmp_path, kind):
    """A path of ``kind`` that is no regular file, or too big, or not UTF-8, to pass to --config."""
    import os

    if kind == "fifo":  # no writer: opening it for reading would wait forever
        os.mkfifo(tmp_path / "cfg.fifo")
        return str(tmp_path / "cfg.fifo")
    if kind == "folder":
        return str(tmp_path)
    if kind == "too big":  # valid TOML (a comment), only too long
        f = tmp_path / "big.toml"
        f.write_bytes(b"#" * 1_000_001)
        return str(f)
    if kind == "not utf-8":
        f = tmp_path / "latin1.toml"
        f.write_bytes('lang = "d\xe9"\n'.encode("latin-1"))
        return str(f)
    if kind == "missing":
        return str(tmp_path / "missing.toml")
    return kind  # a device path


@pytest.mark.parametrize(
    "kind,reason",
    [
        ("/dev/zero", "not a regular file"),  # endless: once read until memory ran out
        ("/dev/null", "not a regular file"),
        ("fifo", "not a regular file"),
        ("folder", "not a regular file"),
        ("too big", "over the limit of 1,000,000 bytes for a configuration file"),
        ("not utf-8", "not UTF-8 (invalid continuation byte at byte 9)"),
        ("missing", "No such file or directory"),
    ],
)
def test_config_path_that_cannot_be_read_is_one_usage_error(tmp_path, kind, reason):
    path = _special_path(tmp_path, kind)
    with pytest.raises(ConfigError) as e:
        load_config(path)
    assert str(e.value) == f"{path}: cannot read: {reason}"
    r = subprocess.run([sys.executable, "-m", "cleanpage", "--config", path], input=b"hello",
                       capture_output=True, timeout=60)
    assert r.returncode == 2
    assert r.stderr.decode() == f"cleanpage: error: {path}: cannot read: {reason}\n"


def test_config_of_exactly_the_size_limit_is_read(tmp_path):
    from cleanpage.config import MAX_CONFIG_BYTES

    f = tmp_path / "edge.toml"
    head = b'preset = "recall"\n'
    f.write_bytes(head + b"#" * (MAX_CONFIG_BYTES - len(head) - 1) + b"\n")
    assert f.stat().st_size == MAX_CONFIG_BYTES
    assert load_config(f).preset == "recall"


@pytest.mark.parametrize(
    "text,start",
    [
        ("x" * 100_000 + " = 1\n", ":1: unknown key 'xxxxxxxx"),
        (f'preset = "{"p" * 100_000}"\n', ":1: unknown preset 'pppppppp"),
        (f'lang = "{"l" * 100_000}"\n', ":1: unknown language 'llllllll"),
        (f'disable = ["{"d" * 100_000}"]\n', ":1: unknown filter 'dddddddd"),
        (f'[filters.{"f" * 100_000}]\n', ":1: unknown filter 'ffffffff"),
        (f'[filters.main_content]\n{"o" * 100_000} = 1\n', ":2: filter 'main_content' has no option 'oooooooo"),
        (f'[filters.main_content]\nshort_penalty = "{"v" * 100_000}"\n', ":2: filter 'main_content' option 'short_penalty' must be float, not str ('vvvvvvvv"),
        (f'[phrases]\n{"k" * 100_000} = ["x"]\n', ":2: unknown lexicon kind 'kkkkkkkk"),
        (f'[rules]\n{"r" * 100_000} = ["x"]\n', ":2: unknown key 'rrrrrrrr"),
        (f'[rules]\ndrop = ["{"[" * 100_000}"]\n', ":2: [rules] drop: CSS selector '[[[[[[[["),
    ],
)
def test_long_values_in_config_errors_are_cut(tmp_path, text, start):
    f = write(tmp_path, text)
    with pytest.raises(ConfigError) as e:
        load_config(f)
    msg = str(e.value)
    assert msg.startswith(f"{f}{start}") and "\n" not in msg
    assert "…'" in msg and len(msg) < len(str(f)) + 400


@pytest.mark.parametrize("text", ["x = " + "[" * 50_000 + "]" * 50_000 + "\n",
                                  "x = " + "{a = " * 5_000 + "1" + "}" * 5_000 + "\n"])
def test_config_nested_too_deeply_is_one_clear_error(tmp_path, text, monkeypatch):
    # tomllib recurses once a level: RecursionError came out of load_config as a traceback.
    with pytest.raises(ConfigError, match="nested too deeply"):
        load_config(write(tmp_path, text))
    write(tmp_path, text, "pyproject.toml")  # the project's own file is not ours to judge
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cleanpage.toml").unlink()
    assert load_config().preset == "balanced"


@pytest.mark.parametrize(
    "text,message",
    [("tool = 5\n", None), ('[tool]\nblack = 1\n', None),
     ("[tool]\ncleanpage = 5\n", "pyproject.toml [tool.cleanpage]:2: must be a table"),
     ('[tool]\ncleanpage = ["recall"]\n', "pyproject.toml [tool.cleanpage]:2: must be a table")],
)
def test_pyproject_whose_tool_is_no_table(tmp_path, monkeypatch, text, message):
    # "tool = 5" and "[tool] cleanpage = 5" raised AttributeError / TypeError (a traceback).
    write(tmp_path, text, "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    if message is None:
        assert load_config().preset == "balanced"
    else:
        with pytest.raises(ConfigError) as e:
            load_config()
        assert str(e.value).startswith(message)


@pytest.mark.parametrize("phrase", ["", "!!", " - "])
def test_a_phrase_with_no_words_is_an_error_not_a_match_for_every_block(tmp_path, phrase):
    # Normalised, such a phrase is "", and "" was in comment_stubs for every block without a
    # count: all blocks of up to 20 words went as comment_stub, the article with them.
    f = write(tmp_path, f'[phrases]\nad_markers = ["Werbeblock"]\ncomment_stubs = ["Kommentare", "{phrase}"]\n')
    with pytest.raises(ConfigError) as e:
        load_config(f)
    assert str(e.value) == (f"{f}:3: [phrases] comment_stubs: phrase {phrase!r} has no words "
                            "(letters or digits) to match")
    # A Config made in code is not validated: its empty phrase is left out of the lexicons.
    cfg = cleanpage.config.Config(phrases={"ad_markers": ["Werbeblock"], "comment_stubs": [phrase]})
    assert cleanpage.clean(PAGE, config=cfg) == f"{P1}\n{P2}\n"
