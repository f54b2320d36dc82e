"""The ``cleanpage`` command: a stdin/stdout filter and a file cleaner.

Exit codes: 0 success; 1 an input could not be read or decoded (the others are still cleaned);
2 bad usage (unknown flag, preset, filter or language).  Errors are one line on stderr.
"""
from __future__ import annotations

import argparse
import codecs
import math
import os
import sys
import zlib
from dataclasses import dataclass
from typing import Sequence

from . import __version__
from ._io import open_regular, read_at_most
from ._quote import PATH_WIDTH, quoted, shown
from .api import INPUT_FORMATS, clean_and_explain
from .config import Config, load_config
from .decode import InputError
from .filters import registry
from .pipeline import Pipeline
from .presets import DEFAULT_PRESET, PRESETS
from .batch import (
    JsonlJob,
    LongLine,
    Totals,
    chunked,
    iter_files,
    line_limit,
    open_lines,
    ordered_map,
    progress,
    worker_pipeline,
)
from .renderers import FORMATS, render, render_json
from .language import normalize_code
from .rules import Rules


#: The largest --max-bytes: more is a typo (and past what a read call takes), not a page.
MAX_BYTES_LIMIT = 2**40
#: The longest page read without --max-bytes, as --jsonl bounds its lines: far over any real
#: page, yet "cleanpage < /dev/zero" (or a 10 GB log named by mistake) ends in an error line,
#: not in reading until memory runs out (a MemoryError traceback, or the OOM killer).
MAX_PAGE_BYTES = 128 * 2**20


class _Parser(argparse.ArgumentParser):
    def parse_args(self, args=None, namespace=None):
        # As argparse's own, but unknown arguments are quoted cut, not echoed whole.
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(quoted(a) for a in extras)}")
        for action in self._actions:
            # Python 3.11's argparse drops the "--" of "--lang=--" and stores [] (appends []
            # for a repeatable option) without calling the type: a list where a string
            # belongs, which later code met as a traceback.  Later Pythons keep the "--".
            if action.nargs is not None or not action.option_strings:
                continue
            value = getattr(ns, action.dest, None)
            items = value if isinstance(action, argparse._AppendAction) else [value]
            if isinstance(items, list) and any(isinstance(v, list) for v in items):
                self.error(f"argument {'/'.join(action.option_strings)}: expected one argument")
        return ns

    def error(self, message: str):  # one line, exit 2, as documented
        # Last guard for an argparse message that quotes a user value whole.
        self.exit(2, f"{self.prog}: error: {shown(message, 500)}\n")


def _choice(choices):
    """An argparse type for one of ``choices``, whose error quotes a bad value cut."""
    def check(text: str) -> str:
        if text not in choices:
            known = ", ".join(repr(c) for c in choices)
            raise argparse.ArgumentTypeError(f"invalid choice: {quoted(text)} (choose from {known})")
        return text
    return check


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {quoted(text)}") from None


def _max_bytes(text: str) -> int:
    n = _whole_number(text)
    if not 1 <= n <= MAX_BYTES_LIMIT:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_BYTES_LIMIT:,}, not {quoted(text)}")
    return n


def _seconds(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {quoted(text)}") from None
    if not math.isfinite(x) or x <= 0:  # nan compares false to everything: test finiteness first
        raise argparse.ArgumentTypeError(f"must be a positive, finite number of seconds, not {quoted(text)}")
    return x


COLORS = ("auto", "always", "never")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="cleanpage",
        description="Strip boilerplate (ads, related links, promos, comments, cookie banners, "
        "share labels, credits, navigation) from HTML pages or pasted page text, and say why "
        "each block went.",
        epilog="Exit status: 0 ok; 1 an input or a record could not be read or cleaned (the others "
        "are still written; a failed record carries an \"error\" field); 2 bad usage.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="input files (default: stdin; '-' is stdin)")
    p.add_argument("--from", dest="input_format", choices=INPUT_FORMATS, type=_choice(INPUT_FORMATS), default="auto",
                   help="input format (default: auto: HTML when it looks like HTML, else text)")
    p.add_argument("--to", choices=FORMATS, type=_choice(FORMATS), default="text", help="output format (default: text)")
    p.add_argument("--preset", choices=sorted(PRESETS), type=_choice(sorted(PRESETS)), default=None,
                   help=f"filter preset (default: the config's, else {DEFAULT_PRESET})")
    p.add_argument("--config", default=None, metavar="FILE",
                   help="TOML configuration (default: ./cleanpage.toml or [tool.cleanpage] in ./pyproject.toml)")
    p.add_argument("--disable", action="append", default=[], metavar="NAME",
                   help="turn off a filter or repair step (repeatable, or comma-separated)")
    p.add_argument("--only", action="append", default=[], metavar="NAME",
                   help="run only these filters (repeatable, or comma-separated)")
    p.add_argument("--lang", default=None,
                   help="language of the lexicons, with English (default: detected from the text, "
                        "else the page's <html lang>)")
    p.add_argument("--list-filters", action="store_true", help="list filters with their reasons and exit")
    p.add_argument("--color", choices=COLORS, type=_choice(COLORS), default="auto",
                   help="--to explain as a colour diff: auto (a terminal, unless NO_COLOR is set), "
                        "always, never (default: auto)")
    r = p.add_argument_group("rules (HTML; keep wins over drop and over every filter)")
    r.add_argument("--keep", action="append", default=[], metavar="CSS",
                   help="always keep the blocks inside elements this CSS selector matches (repeatable)")
    r.add_argument("--drop", action="append", default=[], metavar="CSS",
                   help="always drop the blocks inside elements this CSS selector matches (repeatable)")
    r.add_argument("--keep-xpath", action="append", default=[], metavar="XPATH", help="as --keep, by XPath")
    r.add_argument("--drop-xpath", action="append", default=[], metavar="XPATH", help="as --drop, by XPath")
    b = p.add_argument_group("batch (pipelines)")
    b.add_argument("--jsonl", action="store_true",
                   help="read JSON lines (stdin or FILEs, .gz too), clean one field, write JSON lines")
    b.add_argument("--field", default="text", help="the field to clean with --jsonl (default: text)")
    b.add_argument("--output-field", default=None, metavar="NAME",
                   help="write the cleaned text to this field (default: replace --field)")
    b.add_argument("--record-stats", action="store_true",
                   help='with --jsonl, add "cleanpage": removed blocks per (filter, reason) to each record')
    b.add_argument("-o", "--output-dir", default=None, metavar="OUTDIR",
                   help="clean FILEs and folders into OUTDIR, one output file each")
    b.add_argument("-j", "--jobs", type=_whole_number, default=1, metavar="N", help="worker processes (default 1)")
    b.add_argument("--stats", action="store_true",
                   help="print the blocks and characters removed per (filter, reason) on stderr at the end "
                        "(one page, several, or a batch)")
    b.add_argument("--max-bytes", type=_max_bytes, default=None, metavar="N",
                   help="refuse a page or record longer than N bytes (an error, not a crash; without it, a "
                        "page over 128 MiB); with --jsonl, a line over 12 N bytes + 64 KiB (without it, "
                        "128 MiB) is an error unread")
    b.add_argument("--time-budget", type=_seconds, default=None, metavar="SECONDS",
                   help="give up on a page or record after SECONDS (checked between filters)")
    p.add_argument("--version", action="version", version=f"cleanpage {__version__}")
    return p


def _names(values: list[str]) -> list[str]:
    return [n.strip() for v in values for n in v.split(",") if n.strip()]


def _list_filters(pipe: Pipeline) -> str:
    reg = registry()
    lines = []
    for name, cls in reg.items():
        state = "on " if name in pipe.names else "off"
        lines.append(f"{state} {name:<18} {cls.summary}")
        lines.append(f"    reasons: {', '.join(cls.reasons)}")
    for r in pipe.repairs:
        lines.append(f"on  {r:<18} repair step for pasted text (--disable {r} turns it off)")
    return "\n".join(lines) + "\n"


#: The most worker processes -j takes: more is a typo, not a machine (5,000 would start 5,000).
MAX_JOBS = 256


def _read(path: str, limit: int | None = None) -> bytes:
    """The file's bytes; with ``limit``, never more than limit + 1 (so a huge file with
    --max-bytes ends at once).  Only regular files and stdin: a FIFO or device waits forever."""
    if path == "-":
        return read_at_most(sys.stdin.buffer, limit)
    with open_regular(path, " (use - for standard input)") as fh:
        return read_at_most(fh, limit)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.only and not _names(args.only):
        print("cleanpage: error: --only needs at least one filter name", file=sys.stderr)
        return 2
    try:
        cfg = load_config(args.config)
        # Flags override the configuration; lists of filters add to it.
        cfg.preset = args.preset or cfg.preset
        cfg.lang = (normalize_code(args.lang) or args.lang) if args.lang is not None else cfg.lang
        cfg.disable = cfg.disable + _names(args.disable)
        cfg.only = _names(args.only) or cfg.only
        cfg.rules = Rules(
            keep=(*cfg.rules.keep, *args.keep),
            drop=(*cfg.rules.drop, *args.drop),
            keep_xpath=(*cfg.rules.keep_xpath, *args.keep_xpath),
            drop_xpath=(*cfg.rules.drop_xpath, *args.drop_xpath),
        )
        args.preset, args.lang = cfg.preset, cfg.lang
        args.disable, args.only = cfg.disable, cfg.only
        pipe = cfg.pipeline()
        cfg.lexicons()  # an unknown language or kind is a usage error, found here
        args.config_obj = cfg
    except ValueError as e:
        print(f"cleanpage: error: {e}", file=sys.stderr)
        return 2
    if args.list_filters:
        return _write(_list_filters(pipe))
    if not 1 <= args.jobs <= MAX_JOBS:
        print(f"cleanpage: error: -j must be between 1 and {MAX_JOBS}", file=sys.stderr)
        return 2
    if (sys.stdout is None and not args.output_dir) or (not args.files and sys.stdin is None):
        # -o writes files, and FILEs are read by name: only what is used must be open.
        print("cleanpage: error: standard output or input is closed", file=sys.stderr)
        return 2
    # Flags that the chosen mode would otherwise ignore without a word.
    if args.jsonl and args.output_dir:
        print("cleanpage: error: -o does not go with --jsonl, which writes JSON lines to standard "
              "output (redirect it: > out.jsonl)", file=sys.stderr)
        return 2
    if args.jsonl and args.to != "text":
        print(f"cleanpage: error: --to {args.to} does not go with --jsonl, which writes each record "
              "back with the cleaned text in its field (--record-stats adds the removals)", file=sys.stderr)
        return 2
    if args.output_dir and not args.files:
        print("cleanpage: error: -o needs FILEs or folders to clean; it does not read standard "
              "input (without -o the result goes to standard output)", file=sys.stderr)
        return 2
    if args.to == "html-annotated" and len(args.files) > 1 and not args.output_dir:
        print("cleanpage: error: --to html-annotated writes one HTML page: give one FILE, or -o "
              "FOLDER to write one .annotated.html for each", file=sys.stderr)
        return 2
    if args.jsonl:
        return _jsonl(args)
    if args.output_dir:
        return _to_dir(args, pipe)
    status = 0
    totals = Totals(unit="page")
    files = args.files or ["-"]
    for path in files:
        name = "<stdin>" if path == "-" else _shown(path)
        short = "<stdin>" if path == "-" else _shown(path, PATH_WIDTH)  # for errors: cut if long
        try:
            data = _read(path, args.max_bytes or MAX_PAGE_BYTES)
            result = clean_and_explain(
                data,
                input_format=args.input_format,
                pipeline=pipe,
                max_bytes=args.max_bytes or MAX_PAGE_BYTES,
                time_budget=args.time_budget,
                config=cfg,
            )
        except OSError as e:
            print(f"cleanpage: cannot read {short}: {e.strerror or e}", file=sys.stderr)
            status = 1
            totals.add(True, {})
            continue
        except InputError as e:
            print(f"cleanpage: cannot read {short}: {e}", file=sys.stderr)
            status = 1
            totals.add(True, {})
            continue
        except MemoryError:  # one page too big for this machine: the next FILE is still cleaned
            print(f"cleanpage: cannot clean {short}: out of memory (--max-bytes bounds a page)", file=sys.stderr)
            status = 1
            totals.add(True, {})
            continue
        except ValueError as e:
            print(f"cleanpage: error: {e}", file=sys.stderr)
            return 2
        totals.add(False, result.document.tally())
        if args.to == "json":
            out = render_json(result.document, source=name)
        else:
            out = render(result.document, args.to, color=_color(args.color))
            if len(files) > 1 and args.to != "json":
                out = f"==> {name} <==\n{out}"  # as head(1) marks each file
        if _write(out):
            return 0
    if args.stats:
        sys.stderr.write(totals.report())
    return status


def _shown(path: str, width: int | None = None) -> str:
    """A file name as printed (see :func:`cleanpage._quote.shown`)."""
    return shown(path, width)


def _color(choice: str) -> bool:
    """Whether ``--color`` asks for colour: always, never, or (auto) when stdout is a terminal
    and NO_COLOR (https://no-color.org) is unset or empty."""
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and sys.stdout.isatty()


def main_safe(argv: Sequence[str] | None = None) -> int:
    """``main`` with output errors (a full disk, a closed stdout) as one line and exit 1."""
    try:
        return main(argv)
    except OSError as e:
        sys.stderr.write(f"cleanpage: cannot write output: {e.strerror or e}\n")
        return 1
    except KeyboardInterrupt:
        return 130


def _job(args) -> JsonlJob:
    return JsonlJob(
        field=args.field,
        output_field=args.output_field,
        input_format=args.input_format,
        explain=args.record_stats,
        config=args.config_obj,
        max_bytes=args.max_bytes,
        time_budget=args.time_budget,
    )


def _jsonl(args) -> int:
    job = _job(args)
    totals = Totals()
    unreadable: list[str] = []
    lines = _jsonl_lines(args.files or ["-"], line_limit(args.max_bytes), unreadable)
    chunk = 1 if args.jobs <= 1 else 32
    for results in ordered_map(job.chunk, chunked(progress(lines), chunk), args.jobs, window=8 * args.jobs):
        for out, failed, removed in results:
            totals.add(failed, removed)
            if _write(out + "\n"):
                return 1 if totals.failed or unreadable else 0
    if args.stats:
        sys.stderr.write(totals.report())
    return 1 if totals.failed or unreadable else 0


def _jsonl_lines(files: list[str], limit: int, unreadable: list[str]):
    """The non-blank lines of ``files`` in turn (LongLine items too); a file that cannot be
    opened or breaks off (a truncated or corrupt .gz) is one line on stderr, added to
    ``unreadable``, and the next file is read: its records are not lost for another's fault."""
    for path in files:
        try:
            for line in open_lines(path, limit):
                if isinstance(line, LongLine) or line.strip():
                    yield line
        except (OSError, EOFError, zlib.error) as e:
            name = "<stdin>" if path == "-" else _shown(path, PATH_WIDTH)
            print(f"cleanpage: cannot read {name}: {getattr(e, 'strerror', None) or e}", file=sys.stderr)
            unreadable.append(path)


def _to_dir(args, pipe) -> int:
    ext = {"text": ".txt", "markdown": ".md", "json": ".json", "explain": ".explain.txt",
           "html-annotated": ".annotated.html"}[args.to]
    if os.path.exists(args.output_dir) and not os.path.isdir(args.output_dir):
        print(f"cleanpage: error: {args.output_dir} exists and is not a folder", file=sys.stderr)
        return 2
    os.makedirs(args.output_dir, exist_ok=True)
    jobs, clashes = _targets(args.files, args.output_dir, ext)
    job = _FileJob(ext, args.to, args.input_format, args.config_obj, args.max_bytes, args.time_budget)
    totals = Totals(unit="page")
    for path, error in clashes:
        totals.add(True, {})
        print(f"cleanpage: cannot clean {_shown(path, PATH_WIDTH)}: {error}", file=sys.stderr)
    for path, error, removed in ordered_map(job, progress(jobs, len(jobs), "file"), args.jobs):
        totals.add(error is not None, removed)
        if error:
            print(f"cleanpage: cannot clean {_shown(path, PATH_WIDTH)}: {error}", file=sys.stderr)
    if args.stats:
        sys.stderr.write(totals.report())
    return 1 if totals.failed else 0


def _targets(inputs: list[str], out_dir: str, ext: str):
    """``([(path, target)], [(path, error)])`` for ``-o``: each file's output keeps its place
    relative to the folder named (one folder) or to the common folder of the inputs named, so
    ``a/page.html`` and ``b/page.html`` both survive; an output that two inputs would write
    (``a.html`` and ``a.txt`` both make ``a.txt``) is an error for the second."""
    dirs = [os.path.abspath(p) if os.path.isdir(p) else os.path.dirname(os.path.abspath(p)) for p in inputs]
    try:
        base = dirs[0] if len(dirs) == 1 else os.path.commonpath(dirs)
    except ValueError:  # different drives
        base = ""
    paths = list(iter_files(inputs))
    # Resolved paths (symbolic links followed): an output may be no input, whatever its name.
    real_inputs = {os.path.normcase(os.path.realpath(p)) for p in paths}
    jobs: list[tuple[str, str]] = []
    clashes: list[tuple[str, str]] = []
    seen: dict[str, str] = {}
    for path in paths:
        rel = os.path.relpath(os.path.abspath(path), base) if base else os.path.basename(path)
        target = os.path.join(out_dir, os.path.splitext(rel)[0] + ext)
        key = os.path.normcase(os.path.realpath(target))
        if key in real_inputs:
            clashes.append((path, f"its output {target} would overwrite an input file"))
        elif key in seen:
            clashes.append((path, f"its output {target} would overwrite that of {seen[key]}"))
        else:
            seen[key] = path
            jobs.append((path, target))
    return jobs, clashes


@dataclass(frozen=True)
class _FileJob:
    ext: str
    to: str
    input_format: str
    config: Config
    max_bytes: int | None
    time_budget: float | None

    def __call__(self, item: tuple[str, str]):
        path, target = item
        try:
            if not os.path.isfile(path):
                return path, "not a regular file", {}
            data = _read(path, self.max_bytes or MAX_PAGE_BYTES)
            result = clean_and_explain(
                data,
                input_format=self.input_format,
                pipeline=worker_pipeline(self.config),
                max_bytes=self.max_bytes or MAX_PAGE_BYTES,
                time_budget=self.time_budget,
                config=self.config,
            )
            os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
            out = render_json(result.document, source=path) if self.to == "json" else render(result.document, self.to)
            with open(target, "w", encoding="utf-8") as fh:
                fh.write(out)
            return path, None, result.document.tally()
        except OSError as e:
            return path, e.strerror or str(e), {}
        except ValueError as e:
            return path, str(e), {}
        except MemoryError:
            return path, "out of memory (--max-bytes bounds a page)", {}


def _escape(err: UnicodeEncodeError):
    """A codec error handler: each character the encoding cannot write as ``\\uXXXX``, one
    escape a UTF-16 unit (a surrogate pair above U+FFFF), the form JSON reads back, so that
    ``--jsonl`` and ``--to json`` lines stay valid JSON (``backslashreplace`` writes
    ``\\U0001f600``, which JSON refuses)."""
    units = err.object[err.start:err.end].encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{units[i] << 8 | units[i + 1]:04x}" for i in range(0, len(units), 2)), err.end


codecs.register_error("cleanpage-escape", _escape)


def _write(out: str) -> int:
    """Write to stdout; on a closed pipe (``| head``) stop quietly.  Returns 1 if the pipe
    closed, so the caller stops writing."""
    try:
        sys.stdout.write(out)
        sys.stdout.flush()
        return 0
    except UnicodeEncodeError:
        # A lone surrogate in the text, or a character stdout's encoding cannot write (ASCII
        # under LC_ALL=C, PYTHONIOENCODING=latin-1): written escaped ("\u65e5"), not a traceback.
        enc = sys.stdout.encoding or "utf-8"
        return _write(out.encode(enc, "cleanpage-escape").decode(enc))
    except BrokenPipeError:
        # Python flushes stdout again at exit; point it at devnull so that flush cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
