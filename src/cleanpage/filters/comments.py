"""``comments``: comment stubs, counts, "Leave a comment", and comment threads at the end."""
from __future__ import annotations

from ..document import Verdict
from . import Filter, kept_blocks
from ._sections import sections


def _count_last(norm: str) -> str:
    """A count written after its noun, moved in front: "comments 0" (from "Comments (14)",
    "Kommentare: 3") -> "0 comments", the form the lexicons hold; "" when there is none."""
    if not norm.endswith(" 0") or norm.count(" ") > 3:
        return ""
    return "0 " + norm[:-2]


class Comments(Filter):
    """Removes comment furniture.

    * ``comment_stub``: a block equal to a ``comment_stubs`` phrase ("Comments", "No comments
      yet...", "Leave a comment", "View comments").
    * ``comment_count``: the same with a count ("3 comments", "12 replies"), also when the
      count follows ("Comments (14)").
    * ``comment_heading``: a comment-section head that starts with a ``comment_prefixes``
      phrase ("34 responses to “Title”", "6 thoughts on “Title”").
    * ``comment_thread``: the comments under such a heading, walked as in
      :mod:`cleanpage.filters._sections` (usernames, timestamps, comment text); under a
      ``comment_heading``, which names the post, runs of prose do not end the thread.

    Options:
        max_words (int): longest stub or head, in words (default 20).
        min_prose_before (int | None): as for ``related`` (default 50).
    """

    name = "comments"
    reasons = ("comment_stub", "comment_count", "comment_heading", "comment_thread")
    defaults = {"max_words": 20, "min_prose_before": 50}
    summary = "comment stubs and counts ('No comments yet', '3 comments') and comment threads"

    def judge(self, doc, lex):
        stubs = lex["comment_stubs"]
        heads = []
        titled = set()  # heads that name the post: their thread is walked across prose
        for b in kept_blocks(doc):
            f = b.features
            if f.words > self.max_words:
                continue
            if f.norm in stubs or _count_last(f.norm) in stubs:
                heads.append(b.index)
                reason = "comment_count" if "0" in f.norm.split() else "comment_stub"
                yield Verdict(b.index, reason, b.text)
            elif not f.terminal:
                hit = lex.prefix(f, "comment_prefixes")
                if hit:
                    heads.append(b.index)
                    titled.add(b.index)
                    yield Verdict(b.index, "comment_heading", hit)
        for i, h, _ in sections(doc, heads, lex, self.min_prose_before, comments=True, through_prose=titled):
            yield Verdict(i, "comment_thread", f"under {doc.blocks[h].text!r}")

FILTER = Comments
