"""The immutable Pipeline: named repair steps, then named filters, in order."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Iterable

from .decode import InputError, LimitError
from ._quote import quoted
from .document import Document, Removal
from .filters import Filter, registry
from .lexicons import Lexicons
from .presets import DEFAULT_PRESET, FILTER_ORDER, PRESETS, REPAIR_ORDER
from .repairs import KEPT_STAGE, REPAIRS


_new_tuple = tuple.__new__

#: Most rounds of filtering and joining across removed blocks (see Pipeline.run).
MAX_ROUNDS = 4


def _unknown(kind: str, name: str, known: Iterable[str]) -> ValueError:
    return ValueError(f"unknown {kind} {quoted(name)}; known: {', '.join(known)}")


_BUILT: dict = {}  # (preset name, filter classes) -> the Pipeline built for them


class FilterError(InputError):
    """A filter failed on one page (an exception, or a block index the page does not have: a
    plugin's bug as a rule): that page cannot be cleaned, and the next goes on.  One line."""


class _UndeclaredReason(ValueError):
    pass


@dataclass(frozen=True)
class Pipeline:
    """An ordered, immutable chain of repair steps and filters.

    Every method returns a new Pipeline; none changes this one.  Names are registry names
    (``cleanpage --list-filters`` lists them).

    Attributes:
        filters: the filter instances, in the order they judge.
        repairs: names of the repair steps run on the kept blocks of pasted text after the
            filters (see :mod:`cleanpage.repairs`).
        name: the preset this pipeline came from, for display.

    Example::

        p = Pipeline.preset("balanced").without("share").configure("main_content", short_penalty=4)
    """

    filters: tuple[Filter, ...]
    repairs: tuple[str, ...] = REPAIR_ORDER
    name: str = DEFAULT_PRESET

    @classmethod
    def preset(cls, name: str = DEFAULT_PRESET) -> "Pipeline":
        """The pipeline of preset ``name`` ("balanced", "precision", "recall").

        Raises:
            ValueError: unknown preset name (the message lists the known ones).
        """
        if name not in PRESETS:
            raise _unknown("preset", name, PRESETS)
        spec = PRESETS[name]
        reg = registry()
        # Pipelines and their filters are immutable, so one built pipeline serves every call
        # with the same preset and installed plugins (clean() asks for one on every page).
        key = (name, tuple(reg.values()))
        built = _BUILT.get(key)
        if built is not None and type(built) is cls:
            return built
        opts = spec["options"]
        names = list(spec["filters"])
        # Plugin filters (entry points) run just before the main-content decision.
        plugins = [n for n in reg if n not in FILTER_ORDER]
        at = names.index("main_content") if "main_content" in names else len(names)
        names[at:at] = plugins
        built = cls(tuple(reg[f](**opts.get(f, {})) for f in names), REPAIR_ORDER, name)
        if len(_BUILT) >= 32:  # bounded: a process that installs plugins again and again
            _BUILT.clear()
        _BUILT[key] = built
        return built

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.filters)

    def _index(self, name: str) -> int:
        names = self.names
        if name in names:
            return names.index(name)
        if name in REPAIRS:
            raise ValueError(f"{name!r} is a repair step, not a filter; use without_repairs()")
        if name in registry():  # a real filter, already taken out (--disable, --only, without())
            raise ValueError(f"filter {quoted(name)} is not in this pipeline (disabled, or left out by "
                             f"--only or the preset); in it: {', '.join(names)}")
        raise _unknown("filter", name, names)

    def _check(self, names: Iterable[str]) -> None:
        for n in names:
            if n not in self.names and n not in self.repairs:
                if n in registry() or n in REPAIRS:  # a real name, already taken out
                    raise ValueError(f"{quoted(n)} is not in this pipeline (disabled, or left out by "
                                     f"--only or the preset); in it: {', '.join(self.names + self.repairs)}")
                raise _unknown("filter", n, self.names + self.repairs)

    def without(self, *names: str) -> "Pipeline":
        """This pipeline less the named filters or repair steps.

        Raises:
            ValueError: a name that is in neither list.
        """
        self._check(names)
        return Pipeline(
            tuple(f for f in self.filters if f.name not in names),
            tuple(r for r in self.repairs if r not in names),
            self.name,
        )

    def only(self, *names: str) -> "Pipeline":
        """Only the named filters, in this pipeline's order; repair steps are kept.

        Raises:
            ValueError: a name that is not a filter of this pipeline.
        """
        for n in names:
            self._index(n)
        return Pipeline(tuple(f for f in self.filters if f.name in names), self.repairs, self.name)

    def _insert(self, at: int, flt: Filter | str) -> "Pipeline":
        if isinstance(flt, str):
            reg = registry()
            if flt not in reg:
                raise _unknown("filter", flt, reg)
            flt = reg[flt]()
        if flt.name in self.names:
            raise ValueError(f"filter {flt.name!r} is already in the pipeline")
        fs = list(self.filters)
        fs.insert(at, flt)
        return Pipeline(tuple(fs), self.repairs, self.name)

    def before(self, name: str, flt: Filter | str) -> "Pipeline":
        """``flt`` (an instance or a registry name) inserted just before filter ``name``."""
        return self._insert(self._index(name), flt)

    def after(self, name: str, flt: Filter | str) -> "Pipeline":
        """``flt`` (an instance or a registry name) inserted just after filter ``name``."""
        return self._insert(self._index(name) + 1, flt)

    def configure(self, name: str, **options: Any) -> "Pipeline":
        """Filter ``name`` with ``options`` set.

        Raises:
            ValueError: unknown filter or option name.
        """
        i = self._index(name)
        fs = list(self.filters)
        fs[i] = fs[i].configured(**options)
        return Pipeline(tuple(fs), self.repairs, self.name)

    def _repair(self, doc: Document, lex: Lexicons, stage: str) -> None:
        blocks = doc.blocks
        for name in self.repairs:
            if stage == "parse":
                blocks = REPAIRS[name][1](blocks, lex)
            elif name in KEPT_STAGE:
                blocks = KEPT_STAGE[name](blocks, lex)
        if blocks is not doc.blocks or stage == "kept":
            for i, b in enumerate(blocks):
                b.index = i
            doc.blocks = blocks

    def _filter(self, doc: Document, lex: Lexicons, deadline: float | None = None) -> None:
        for flt in self.filters:
            if deadline is not None and time.monotonic() > deadline:
                raise LimitError(f"time budget exceeded before filter {flt.name!r}")
            if doc.origin not in flt.origins:
                continue
            name, reasons, blocks = flt.name, flt.reasons, doc.blocks
            last = len(blocks) - 1
            try:
                for index, reason, evidence in flt.judge(doc, lex):
                    if reason not in reasons:
                        raise _UndeclaredReason(
                            f"filter {name!r} gave undeclared reason {reason!r}; "
                            f"declared: {', '.join(reasons)}"
                        )
                    if not 0 <= index <= last:  # a negative one removed a block from the end
                        raise FilterError(f"filter {name!r} gave block index {index!r}; "
                                          f"the page has blocks 0 to {last}")
                    b = blocks[index]
                    if b.removal is None:
                        # tuple.__new__ skips the NamedTuple's Python-level constructor.
                        removal = _new_tuple(Removal, (name, reason, evidence or "(no evidence)"))
                        if b.keep_rule is None:
                            b.removal = removal
                        else:  # a user keep rule wins, and the explanation says over what
                            b.overruled += (removal,)
            except (_UndeclaredReason, InputError, MemoryError):
                raise
            except Exception as e:
                # One page's failure, not the batch's: clean_records, --jsonl and the
                # integrations report it on that record and go on.
                msg = " ".join(str(e).split())[:300]
                raise FilterError(f"filter {name!r} failed: {type(e).__name__}: {msg}") from e

    def run(self, doc: Document, lex: Lexicons, deadline: float | None = None) -> Document:
        """Run the line repairs, the filters, then the repairs of kept blocks (those two stages
        on pasted text only; see :mod:`cleanpage.repairs`) over ``doc`` in place.

        Args:
            deadline: a ``time.monotonic()`` value; checked between filters (no signals, so
                safe in threads and task queues).

        Returns:
            ``doc``, with ``removal`` set on removed blocks, and blocks re-indexed after repairs.

        Raises:
            ValueError: a filter returned a reason it does not declare (a plugin bug).
            FilterError: a filter raised, or gave a block index the page does not have
                (an InputError: that page cannot be cleaned).
            cleanpage.LimitError: the deadline passed.
        """
        if doc.origin != "text":
            self._filter(doc, lex, deadline)
            return doc
        self._repair(doc, lex, "parse")
        # A join across a removed block makes a new block the filters have not judged; judge
        # again until no join happens, so that cleaning the output again changes nothing.  One
        # round is the rule on real pages; the cap keeps a hostile input linear in time.
        for _ in range(MAX_ROUNDS):
            self._filter(doc, lex, deadline)
            count = len(doc.blocks)
            self._repair(doc, lex, "kept")
            if len(doc.blocks) == count:
                break
        return doc
