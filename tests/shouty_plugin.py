"""A filter as a plugin package would write it; the tests use it directly and through an entry
point (tests/test_config.py)."""
from cleanpage import Filter, Verdict


class Shouty(Filter):
    """Removes lines written in capitals (a test plugin)."""

    name = "shouty"
    reasons = ("all_caps",)
    summary = "lines in capitals"

    def judge(self, doc, lex):
        for b in doc.blocks:
            if b.kept and b.text.isupper() and len(b.text) > 3:
                yield Verdict(b.index, "all_caps", b.text)
