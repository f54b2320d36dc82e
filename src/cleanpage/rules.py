"""User rules for HTML: CSS selectors or XPath expressions whose elements are always dropped or
always kept.

A *drop* rule removes every block inside a matching element (filter ``rules``, reasons
``drop_selector`` / ``drop_xpath``, the rule as evidence).  A *keep* rule protects every block
inside a matching element from every filter: the block stays, and the explanation says which
rule kept it and which filter it overruled.  Keep wins over drop whichever is nested in which,
and says so (the drop rule is listed as overruled).  Pasted text has no markup, so rules only
act on HTML input.

CSS selectors are compiled by lxml's ``cssselect`` support (the cssselect package); XPath by
lxml.  Both are checked when the :class:`Rules` are made, so a rule that does not parse fails
before any page is read.
"""
from __future__ import annotations

import time

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from lxml import etree

from ._quote import quoted


class RuleError(ValueError):
    """A selector or XPath expression that does not parse; ``str(err)`` is one line naming it."""


#: How one element is treated: ``(action, rule, overruled)``: action ``"keep"`` or ``"drop"``,
#: rule the selector as the user wrote it (prefixed ``"xpath:"`` for XPath), and overruled the
#: drop rule a keep rule won over, or ``None``.
Match = tuple[str, str, "str | None"]


_PROBE = etree.fromstring("<html><body><p>x</p></body></html>")


@lru_cache(maxsize=4096)
def _compile(kind: str, expr: str):
    # Compiled once per process: Rules themselves stay plain strings, so they pickle to workers.
    # (4,096: a configuration with thousands of rules must not recompile them on every page.)
    if kind == "css":
        from lxml.cssselect import CSSSelector, SelectorError

        try:
            return CSSSelector(expr, translator="html")
        except (SelectorError, etree.XPathSyntaxError, ValueError) as e:
            # XPathSyntaxError: a selector that parses but translates past libxml2's limits.
            raise RuleError(f"CSS selector {quoted(expr)} does not parse: {e}") from None
        except RecursionError:
            # cssselect parses nested pseudo-classes (":not(.a)" a thousand times) recursively.
            raise RuleError(f"CSS selector {quoted(expr)} is nested too deeply") from None
    try:
        xp = etree.XPath(expr)
        probe = xp(_PROBE)  # variables, unknown functions and non-element results fail here
    except (etree.XPathError, ValueError) as e:
        raise RuleError(f"XPath {quoted(expr)} does not parse: {e}") from None
    except RecursionError:
        raise RuleError(f"XPath {quoted(expr)} is nested too deeply") from None
    if not isinstance(probe, list):
        raise RuleError(f"XPath {quoted(expr)} selects a {type(probe).__name__}, not elements")
    return xp


def _strings(name: str, values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        values = (values,)
    out = tuple(values)
    for v in out:
        if not isinstance(v, str) or not v.strip():
            raise RuleError(f"{name} rules must be non-empty strings, not {quoted(v)}")
    return out


@dataclass(frozen=True)
class Rules:
    """Always-drop and always-keep rules (see the module docstring).

    Args:
        keep, drop: CSS selectors (``"article .body"``, ``"div.ad-slot"``).
        keep_xpath, drop_xpath: XPath expressions selecting elements (``"//aside[@id='x']"``).

    Raises:
        RuleError: a selector or expression that does not parse, or an empty one.
    """

    # Any iterable of str is accepted and stored as a tuple (see __post_init__).
    keep: Iterable[str] = ()
    drop: Iterable[str] = ()
    keep_xpath: Iterable[str] = ()
    drop_xpath: Iterable[str] = ()

    def __post_init__(self) -> None:
        for name in ("keep", "drop", "keep_xpath", "drop_xpath"):
            values = _strings(name, getattr(self, name))
            object.__setattr__(self, name, values)
            for v in values:
                _compile("xpath" if name.endswith("xpath") else "css", v)

    def __bool__(self) -> bool:
        return bool(self.keep or self.drop or self.keep_xpath or self.drop_xpath)

    def _rules(self):
        for action, kind, values in (
            ("drop", "css", self.drop),
            ("drop", "xpath", self.drop_xpath),
            ("keep", "css", self.keep),
            ("keep", "xpath", self.keep_xpath),
        ):
            for v in values:
                yield action, kind, v

    def match(self, root, deadline: float | None = None) -> dict:
        """``{element: Match}`` for the elements of ``root`` that a rule selects; where a keep
        and a drop rule select the same element, the keep rule wins and names the drop rule.

        Args:
            deadline: a ``time.monotonic()`` value, checked before each rule.  One rule runs to
                its end: libxml2 cannot be stopped inside an XPath evaluation, and a selector
                of k descendant steps costs about depth**k on a deeply nested page.

        Raises:
            RuleError: an XPath expression that selects something other than elements (a
                string or a number) — it names no blocks.
            LimitError: the deadline passed.
        """
        found: dict = {}
        for action, kind, expr in self._rules():
            if deadline is not None and time.monotonic() > deadline:
                from .decode import LimitError

                raise LimitError(f"time budget exceeded before rule {quoted(expr)}")
            try:
                hits = _compile(kind, expr)(root)
            except etree.XPathEvalError as e:
                raise RuleError(f"XPath {quoted(expr)} cannot be evaluated: {e}") from None
            if not isinstance(hits, list):
                raise RuleError(f"XPath {quoted(expr)} selects a {type(hits).__name__}, not elements")
            label = expr if kind == "css" else f"xpath:{expr}"
            for el in hits:
                if isinstance(el, etree._Element):
                    prior = found.get(el)
                    overruled = prior[1] if action == "keep" and prior and prior[0] == "drop" else None
                    found[el] = (action, label, overruled)
        return found


def combine(inherited: Match | None, own: Match | None) -> Match | None:
    """The rule in force on an element, from the one its parent passes down and its own: a
    keep rule on it or any ancestor wins over a drop rule (which it names as overruled);
    otherwise the nearest rule."""
    if own is None:
        return inherited
    if inherited is None or own[0] == inherited[0]:
        return own
    if own[0] == "keep":
        return ("keep", own[1], inherited[1])
    return ("keep", inherited[1], own[1])
