"""``rules``: blocks the user's drop rules select (HTML; see :mod:`cleanpage.rules`)."""
from __future__ import annotations

from ..document import Verdict
from . import Filter


class UserRules(Filter):
    """Removes every block inside an element that a user drop rule selects (``--drop``,
    ``[rules] drop`` / ``drop_xpath`` in the configuration).  Blocks under a keep rule are
    never removed by any filter; where a drop rule also selects them, this filter's verdict is
    listed as overruled by the keep rule.  Without rules it does nothing.

    Reasons: ``drop_selector`` (a CSS selector matched), ``drop_xpath`` (an XPath matched).
    """

    name = "rules"
    reasons = ("drop_selector", "drop_xpath")
    origins = frozenset({"html"})
    summary = "blocks inside elements selected by the user's drop rules (CSS / XPath; HTML)"

    def judge(self, doc, lex):
        for b in doc.blocks:
            rule = b.dom.rule if b.dom is not None else None
            if rule is None or b.removal is not None:
                continue
            drop = rule[1] if rule[0] == "drop" else rule[2]
            if drop is not None:
                if drop.startswith("xpath:"):
                    yield Verdict(b.index, "drop_xpath", drop[6:])
                else:
                    yield Verdict(b.index, "drop_selector", drop)


FILTER = UserRules
