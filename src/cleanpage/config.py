"""User configuration without code: a TOML file of preset, language, filters to turn off or
keep, per-filter options and extra phrases.

Sources, first found wins: ``--config FILE`` / ``load_config(path)``; ``cleanpage.toml`` in the
current folder; the ``[tool.cleanpage]`` table of ``pyproject.toml`` there.

Example::

    preset = "precision"
    lang = "de"
    disable = ["share"]

    [filters.main_content]
    short_penalty = 8.0

    [phrases]
    ad_markers = ["Werbeblock"]          # added to every language's lexicon of that kind
    related_headings = ["Weitere Artikel aus der Region"]

    [rules]                              # HTML only; keep wins over drop and every filter
    drop = ["div.partner-box", "#taboola-below"]
    keep = ["article .factbox"]
    drop_xpath = ["//section[@data-widget='teaser']"]
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from typing import Any

from ._io import open_regular
from ._quote import PATH_WIDTH, quoted, shown
from .filters import registry
from .language import normalize_code
from .lexicons import KINDS, Lexicons, normalize, shipped
from .pipeline import Pipeline
from .presets import DEFAULT_PRESET, PRESETS
from .rules import RuleError, Rules

#: The most bytes of a configuration file read: a real one is a few KB, and a path such as
#: /dev/zero or a huge file must end in an error, not in reading until memory runs out.
MAX_CONFIG_BYTES = 1_000_000

TOP_KEYS = {"preset", "lang", "disable", "only", "filters", "phrases", "rules"}
RULE_KEYS = ("keep", "drop", "keep_xpath", "drop_xpath")


class ConfigError(ValueError):
    """A configuration file that cannot be used; ``str(err)`` is one line naming the file, the
    line and the key."""


@dataclass
class Config:
    """A loaded configuration.

    Attributes:
        path: the file it came from ('' for none).
        preset, lang: as for :func:`cleanpage.clean`.
        disable, only: filter names.
        options: ``{filter name: {option: value}}``.
        phrases: ``{lexicon kind: [phrase, ...]}`` added to the shipped lexicons.
        rules: CSS/XPath keep and drop rules (:class:`cleanpage.rules.Rules`).
    """

    path: str = ""
    preset: str = DEFAULT_PRESET
    lang: str | None = None
    disable: list[str] = field(default_factory=list)
    only: list[str] = field(default_factory=list)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    phrases: dict[str, list[str]] = field(default_factory=dict)
    rules: Rules = field(default_factory=Rules)
    _lexicons: dict = field(default_factory=dict, repr=False, compare=False)
    _text: str = field(default="", repr=False, compare=False)  # the file's text, for error lines

    def __getstate__(self):
        # Worker processes rebuild the lexicons rather than receive them pickled.
        return {**self.__dict__, "_lexicons": {}}

    def pipeline(self) -> Pipeline:
        """The pipeline this configuration describes.

        Raises:
            ConfigError: an unknown filter or option, or a wrong option type.
        """
        # Each part can be right and the whole still wrong ([filters.context] with the recall
        # preset, which leaves context out).  The pipeline is built here, not when the file is
        # loaded, since the CLI's flags and API callers may change the preset or the filters
        # in between; the error still names the line of the setting, as the others do.
        def fail(key: str, msg: str) -> ConfigError:
            line = _line_of(self._text, key) if self._text else 0
            at = f"{self.path}:{line}" if line else self.path
            return ConfigError(f"{at}: {msg}" if at else msg)

        return self._build(fail)

    def _build(self, fail) -> Pipeline:
        """The pipeline, each step's error given to ``fail(key, message)`` (which returns the
        ConfigError to raise) with the key it came from: a filter name, "disable" or "only"."""
        try:
            pipe = Pipeline.preset(self.preset)
        except ValueError as e:
            raise fail("preset", str(e)) from None
        for key, names in (("disable", self.disable), ("only", self.only)):
            if names:
                try:
                    pipe = pipe.without(*names) if key == "disable" else pipe.only(*names)
                except ValueError as e:
                    raise fail(key, str(e)) from None
        for name, opts in self.options.items():
            try:
                pipe = pipe.configure(name, **opts)
            except ValueError as e:  # a filter the preset, disable or only left out
                raise fail(name, str(e)) from None
        return pipe

    def lexicons(self, lang: str | None = None) -> Lexicons:
        """The shipped lexicons for ``lang`` (default: the configured language) with the extra
        phrases, built once per language.

        Raises:
            ValueError: an unknown language.
        """
        lang = lang if lang is not None else self.lang
        if lang not in self._lexicons:
            self._lexicons[lang] = Lexicons(lang, extra=self.phrases) if self.phrases else shipped(lang)
        return self._lexicons[lang]


def _line_of(text: str, key: str, value: str | None = None) -> int:
    for n, line in enumerate(text.splitlines(), 1):
        if value is not None:
            if value in line:  # the line holding a bad value (a selector), not its key's
                return n
            continue
        stripped = line.strip()
        if stripped.startswith((key, f'"{key}"', f"[{key}", f"[filters.{key}")):
            return n
    return 0


def load_config(path: str | os.PathLike | None = None) -> Config:
    """Load ``path``, or the project configuration of the current folder, or defaults.

    Raises:
        ConfigError: unreadable TOML, or an unknown or ill-typed key (the message names the
            file, the line and the key).
    """
    text, where, table = "", "", None
    if path is not None:
        where = shown(os.fsdecode(path), PATH_WIDTH)
        text = _read_text(path, where)
    elif os.path.isfile("cleanpage.toml"):
        where = "cleanpage.toml"
        text = _read_text(where, where)
    elif os.path.isfile("pyproject.toml"):
        raw = _read_text("pyproject.toml", "pyproject.toml")
        try:
            tool = tomllib.loads(raw).get("tool")
        except (tomllib.TOMLDecodeError, RecursionError):  # RecursionError: nested too deeply
            tool = None  # the project's own pyproject is not ours to judge
        # "tool = 5" is not ours to judge either; "[tool] cleanpage = 5" is.
        table = tool.get("cleanpage") if isinstance(tool, dict) else None
        if table is None:
            return Config()
        where, text = "pyproject.toml [tool.cleanpage]", raw
        if not isinstance(table, dict):
            line = _line_of(raw, "cleanpage")
            at = f"{where}:{line}" if line else where
            raise ConfigError(f"{at}: must be a table of settings, not {type(table).__name__}")
    else:
        return Config()
    if table is None:
        try:
            table = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{where}: {e}") from None
        except RecursionError:  # tomllib recurses once a level of arrays and inline tables
            raise ConfigError(f"{where}: values nested too deeply to read") from None
    return _validate(table, where, text)


def _read_text(path: str | os.PathLike, where: str) -> str:
    """The text of a configuration file: a regular file of at most MAX_CONFIG_BYTES, UTF-8."""
    try:
        with open_regular(path) as fh:
            data = fh.read(MAX_CONFIG_BYTES + 1)
    except OSError as e:
        raise ConfigError(f"{where}: cannot read: {e.strerror or e}") from None
    if len(data) > MAX_CONFIG_BYTES:
        raise ConfigError(f"{where}: cannot read: over the limit of {MAX_CONFIG_BYTES:,} bytes for a configuration file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ConfigError(f"{where}: cannot read: not UTF-8 ({e.reason} at byte {e.start})") from None


def _validate(table: dict, where: str, text: str) -> Config:
    def fail(key: str, msg: str, value: str | None = None) -> ConfigError:
        line = _line_of(text, key, value) or _line_of(text, key)
        at = f"{where}:{line}" if line else where
        return ConfigError(f"{at}: {msg}")

    for key in table:
        if key not in TOP_KEYS:
            raise fail(key, f"unknown key {quoted(key)}; known: {', '.join(sorted(TOP_KEYS))}")
    cfg = Config(path=where)
    preset = table.get("preset", DEFAULT_PRESET)
    if not isinstance(preset, str) or preset not in PRESETS:
        raise fail("preset", f"unknown preset {quoted(preset)}; known: {', '.join(PRESETS)}")
    cfg.preset = preset
    cfg.lang = table.get("lang")
    if cfg.lang is not None and not isinstance(cfg.lang, str):
        raise fail("lang", f"'lang' must be a language code (a string), not {quoted(cfg.lang)}")
    if cfg.lang is not None:
        cfg.lang = normalize_code(cfg.lang) or cfg.lang  # "de-DE" -> "de"
        try:
            Lexicons(cfg.lang)
        except ValueError as e:
            raise fail("lang", str(e)) from None
    reg = registry()
    for key in ("disable", "only"):
        names = table.get(key, [])
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise fail(key, f"{key!r} must be a list of filter names")
        for n in names:
            if n not in reg and n not in ("join_link_breaks", "space_before_punct"):
                raise fail(key, f"unknown filter {quoted(n)} in {key!r}; known: {', '.join(reg)}")
        setattr(cfg, key, names)
    filters = table.get("filters", {})
    if not isinstance(filters, dict):
        raise fail("filters", "'filters' must be a table of [filters.NAME] tables")
    for name, opts in filters.items():
        if name not in reg:
            raise fail(name, f"unknown filter {quoted(name)} in [filters]; known: {', '.join(reg)}")
        if not isinstance(opts, dict):
            raise fail(name, f"[filters.{name}] must be a table of options")
        for opt, value in opts.items():
            try:
                reg[name](**{opt: value})
            except ValueError as e:
                raise fail(opt, str(e)) from None
        cfg.options[name] = dict(opts)
    phrases = table.get("phrases", {})
    if not isinstance(phrases, dict):
        raise fail("phrases", "'phrases' must be a table of KIND = [phrases]")
    for kind, values in phrases.items():
        if kind not in KINDS:
            raise fail(kind, f"unknown lexicon kind {quoted(kind)} in [phrases]; known: {', '.join(KINDS)}")
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise fail(kind, f"[phrases] {kind} must be a list of strings")
        for v in values:
            if not normalize(v):  # "" is in a lexicon: it matched every block of some filters
                raise fail(kind, f"[phrases] {kind}: phrase {quoted(v)} has no words (letters or digits) to match")
        cfg.phrases[kind] = values
    rules = table.get("rules", {})
    if not isinstance(rules, dict):
        raise fail("rules", "'rules' must be a table of keep / drop / keep_xpath / drop_xpath lists")
    for key, values in rules.items():
        if key not in RULE_KEYS:
            raise fail(key, f"unknown key {quoted(key)} in [rules]; known: {', '.join(RULE_KEYS)}")
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise fail(key, f"[rules] {key} must be a list of strings")
        for value in values:
            try:
                Rules(**{key: [value]})
            except RuleError as e:
                raise fail(key, f"[rules] {key}: {e}", value) from None
    cfg.rules = Rules(**rules)
    cfg._text = text  # for the line of an error only the whole pipeline shows (see pipeline())
    return cfg
