"""The ``cleanpage`` command: a stdin/stdout filter and a file cleaner.

Exit codes: 0 success; 1 an input could not be read or decoded (the others are still cleaned);
2 bad usage (unknown flag, preset, filter or language).  Errors are one line on stderr.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from . import __version__
from .api import INPUT_FORMATS, clean_and_explain
from .decode import InputError
from .filters import registry
from .pipeline import Pipeline
from .presets import DEFAULT_PRESET, PRESETS
from .renderers import FORMATS, render, render_json


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line, exit 2, as documented
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="cleanpage",
        description="Strip boilerplate (ads, related links, promos, comments, cookie banners, "
        "share labels, credits, navigation) from HTML pages or pasted page text, and say why "
        "each block went.",
        epilog="Exit status: 0 ok, 1 an input could not be read, 2 bad usage.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="input files (default: stdin; '-' is stdin)")
    p.add_argument("--from", dest="input_format", choices=INPUT_FORMATS, default="auto",
                   help="input format (default: auto: HTML when it looks like HTML, else text)")
    p.add_argument("--to", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--preset", choices=sorted(PRESETS), default=DEFAULT_PRESET,
                   help=f"filter preset (default: {DEFAULT_PRESET})")
    p.add_argument("--disable", action="append", default=[], metavar="NAME",
                   help="turn off a filter or repair step (repeatable, or comma-separated)")
    p.add_argument("--only", action="append", default=[], metavar="NAME",
                   help="run only these filters (repeatable, or comma-separated)")
    p.add_argument("--lang", default=None, help="language of the lexicons, with English (default: all)")
    p.add_argument("--list-filters", action="store_true", help="list filters with their reasons and exit")
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


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    with open(path, "rb") as fh:
        return fh.read()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        pipe = Pipeline.preset(args.preset)
        if args.disable:  # before --only, so "--disable navigation --only ad_markers" works
            pipe = pipe.without(*_names(args.disable))
        if args.only:
            pipe = pipe.only(*_names(args.only))
        if args.lang is not None:
            from .lexicons import shipped

            shipped(args.lang)
    except ValueError as e:
        print(f"cleanpage: error: {e}", file=sys.stderr)
        return 2
    if args.list_filters:
        return _write(_list_filters(pipe))
    status = 0
    files = args.files or ["-"]
    for path in files:
        name = "<stdin>" if path == "-" else path
        try:
            data = _read(path)
            result = clean_and_explain(data, input_format=args.input_format, lang=args.lang, pipeline=pipe)
        except OSError as e:
            print(f"cleanpage: cannot read {name}: {e.strerror or e}", file=sys.stderr)
            status = 1
            continue
        except InputError as e:
            print(f"cleanpage: cannot read {name}: {e}", file=sys.stderr)
            status = 1
            continue
        except ValueError as e:
            print(f"cleanpage: error: {e}", file=sys.stderr)
            return 2
        if args.to == "json":
            out = render_json(result.document, source=name)
        else:
            out = render(result.document, args.to)
            if len(files) > 1 and args.to != "json":
                out = f"==> {name} <==\n{out}"  # as head(1) marks each file
        if _write(out):
            return 0
    return status


def _write(out: str) -> int:
    """Write to stdout; on a closed pipe (``| head``) stop quietly.  Returns 1 if the pipe
    closed, so the caller stops writing."""
    try:
        sys.stdout.write(out)
        sys.stdout.flush()
        return 0
    except BrokenPipeError:
        # Python flushes stdout again at exit; point it at devnull so that flush cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
