"""Turning input bytes into text: BOM, then strict UTF-8, then a charset detector."""
from __future__ import annotations

import codecs
import logging
import re
import warnings

from bs4 import UnicodeDammit


# UnicodeDammit logs "Some characters could not be decoded..." at WARNING; with no logging set
# up, Python prints that to stderr, breaking the CLI's one-line errors.  A NullHandler keeps it
# off stderr while an application that configures logging still receives it.
logging.getLogger("bs4.dammit").addHandler(logging.NullHandler())


class InputError(ValueError):
    """The input cannot be read as text: undecodable or binary data.  ``str(err)`` is a one-line
    reason suitable for a CLI error message."""


class LimitError(InputError):
    """The input is over a limit: ``max_bytes`` or ``time_budget`` set by the caller, or
    :data:`MAX_BLOCKS`.  One line."""


#: Most blocks one input may make.  A block costs about 700 bytes of memory (its text, features,
#: source span and removal), so five million one-letter lines (10 MB) took 3.5 GB; a million
#: blocks is a 50 MB paste of 50-character lines, or 0.7 GB.
MAX_BLOCKS = 1_000_000


def too_many_blocks() -> LimitError:
    return LimitError(f"input makes more than {MAX_BLOCKS:,} blocks (lines or elements with text): "
                      "over the limit; split it")


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
#: Share of C0 control characters (other than tab, line ends, escape) in the first 64 KiB above
#: which decoded input is taken for binary data (images, archives) rather than text.  Text with a
#: few stray NULs (a bad copy) stays far below it.
BINARY_CONTROL_RATIO = 0.10
#: Bytes the charset detector reads (see decode_bytes).
_SAMPLE = 65536
_NOT_CHARSETS = frozenset({
    "undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "mbcs", "oem",
    "unicode_escape", "raw_unicode_escape", "utf-7", "palmos",
})
#: File signatures of binary formats whose bytes can pass the control-byte test.
_MAGIC = (
    (b"\x1f\x8b", "gzip"), (b"PK\x03\x04", "zip"), (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"), (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"), (b"7z\xbc\xaf", "7z"),
    (b"\x7fELF", "ELF"), (b"%PDF-", "PDF"), (b"\x28\xb5\x2f\xfd", "zstd"),
)
# Every byte but the C0 controls counted as binary above (bytes.translate deletes these).
_TEXT_BYTES = bytes(b for b in range(256) if not (b <= 0x08 or 0x0E <= b <= 0x1A or 0x1C <= b <= 0x1F))


def decode(data: bytes | str) -> str:
    """Decode ``data`` to str.

    A str is returned unchanged (a leading BOM is dropped), never refused.  Bytes are decoded by their BOM,
    else as UTF-8 when valid, else with BeautifulSoup's ``UnicodeDammit`` (which asks
    charset-normalizer and falls back to Windows-1252).

    Raises:
        InputError: no encoding decodes the bytes, or the result looks like binary data.
    """
    if isinstance(data, str):
        # A str is already text: control characters in it are dropped by the parser.
        return data[1:] if data.startswith("\ufeff") else data
    text = _decode_bytes(bytes(data))
    head = text[:65536]
    if head and _controls(head) > BINARY_CONTROL_RATIO * len(head):
        raise InputError("input looks like binary data, not text")
    return text


def _controls(text: str) -> int:
    """How many characters of ``text`` match ``_BINARY_CONTROL``, counted on its UTF-8 bytes:
    each of those characters is one byte there, and no other character has such a byte (one
    bytes.translate instead of a regex findall over 64 KiB on every input)."""
    return len(text.encode("utf-8", "surrogatepass").translate(None, _TEXT_BYTES))


def _decode_bytes(data: bytes) -> str:
    return decode_bytes(data)


def decode_bytes(data: bytes, declared=None, is_html: bool = False) -> str:
    """Bytes to text: the BOM's encoding, else strict UTF-8 when the bytes hold non-ASCII text
    that is valid UTF-8, else ``declared(data)`` (an encoding name the document declares, or
    None), else UnicodeDammit (charset-normalizer behind it).  Shared by the text and HTML
    parsers.

    Valid UTF-8 wins over a declaration because a legacy-encoded text is almost never valid
    UTF-8 by accident, while templates often declare a charset the server no longer sends (a
    UTF-8 Russian page declaring windows-1251 came out as mojibake, "Р’ СЃСЂРµРґСѓ").

    Raises:
        InputError: a BOM the rest of the bytes contradict, or no encoding fits.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc)
            except UnicodeDecodeError:
                raise InputError(f"input starts with a {enc} byte-order mark but is not {enc}") from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"input looks like binary data ({kind}), not text")
    if not data.isascii():
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    label = declared(data) if declared is not None else None
    enc = _as_declared(label) if label else None
    if enc and _is_text_codec(enc):
        try:
            return data.decode(enc)
        except (LookupError, UnicodeError, ValueError):
            pass  # a wrong or unknown declaration: fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = data[:65536]
    if len(head.translate(None, _TEXT_BYTES)) > BINARY_CONTROL_RATIO * len(head):
        # Binary data (an image, an archive): say so now, before a charset detector spends
        # seconds on a megabyte that is not text.
        raise InputError("input looks like binary data, not text")
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for c in lenient[:200_000] if c > "\x7f") - bad
    if bad * 10 <= good or (bad <= 2 and good >= 4 * bad):
        return lenient  # UTF-8 with a stray bad byte: not a reason to read it all as cp1252
    with warnings.catch_warnings():
        # UnicodeDammit warns when it had to substitute characters; the caller gets the text.
        warnings.simplefilter("ignore")
        # The detector reads a sample: on a whole page it costs 5-10 s a megabyte.
        # A declaration refused above is refused here too: UnicodeDammit reads the page's
        # <meta charset> itself, and a utf-16 or cp037 label there made text not in the input.
        excluded = [label] if label and _as_declared(label) != label else []
        dammit = UnicodeDammit(data[:_SAMPLE], is_html=is_html, exclude_encodings=excluded)
    enc = dammit.original_encoding
    if enc and _as_declared(enc) != enc:
        enc = None  # the detector took a label browsers do not decode by
    if enc and _is_text_codec(enc):
        return data.decode(enc, errors="replace")
    if excluded:
        # The page's own label was refused and nothing else fits: browsers read such a page
        # as windows-1252 (the bytes it cannot map, five C1 codes, are dropped, not invented).
        return data.decode("cp1252", errors="ignore")
    if dammit.unicode_markup is None or len(data) > _SAMPLE:
        raise InputError("cannot decode input: no character encoding fits its bytes")
    return dammit.unicode_markup


_ASCII_PROBE = '<meta charset="x">'


def _as_declared(name: str) -> str | None:
    """The encoding to read with for a charset the bytes declare, as browsers read it (WHATWG
    Encoding Standard): a declaration was found by reading the bytes as ASCII, so a UTF-16 or
    UTF-32 label means UTF-8, and an encoding that does not keep ASCII as ASCII (EBCDIC cp037
    and cp500, UTF-7) contradicts the bytes and is ignored: reading by it made text that was
    not in the input ("<meta charset=utf-16>" on an ASCII page came out as CJK)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if info.name.startswith(("utf-16", "utf-32")):
        return "utf-8"
    if info.name.startswith(("hz", "iso2022_kr", "iso2022_cn")):
        return None  # WHATWG's "replacement" labels: no browser decodes by them ("~{" is CJK in HZ)
    try:
        if _ASCII_PROBE.encode(info.name) != _ASCII_PROBE.encode("ascii") or info.name == "utf-7":
            return None
    except (UnicodeError, LookupError, TypeError, ValueError):
        return None
    return name


def _is_text_codec(name: str) -> bool:
    """A real character encoding, not one of Python's transforms ("unicode_escape" would turn
    \\x66 into "f": text that is not in the input)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return False
    return getattr(info, "_is_text_encoding", True) and info.name not in _NOT_CHARSETS


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` without lone surrogates (half of a UTF-16 pair, as JSON escapes such as
    "\\ud83d" of cut crawl data decode to).  No encoding can write them: lxml stopped parsing
    at the first one and lost the rest of the page, and text output showed U+FFFD.  They are
    dropped, not replaced, so the output holds nothing the input did not."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("", text)
    return text
