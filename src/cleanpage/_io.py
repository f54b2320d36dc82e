"""Opening inputs that the user names: only regular files, so that a FIFO, a device or a folder
is a one-line error rather than a read that waits forever or never ends (/dev/zero)."""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

# Non-blocking only for the open: a FIFO with no writer would otherwise block in open(2) before
# there is any descriptor to check.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def open_regular(path: str | os.PathLike, hint: str = "") -> BinaryIO:
    """``path`` opened for reading bytes.

    Raises:
        OSError: as ``open`` does, or with strerror ``"not a regular file"`` (then ``hint``) for
            a FIFO, a device, a socket or a folder.  The check is made on the open descriptor,
            so it holds for the file that is read, not one swapped in after a check by name.
    """
    fd = os.open(path, _OPEN_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, f"not a regular file{hint}")
        if _OPEN_FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_at_most(stream, limit: int | None):
    """All of ``stream`` (bytes, or str from a text file), or with ``limit`` never more than
    limit + 1 bytes or characters (so a huge input with max_bytes ends at once), read in
    pieces: read(n) sets aside n bytes before reading, so a limit of a terabyte was a
    MemoryError on a page of a few bytes."""
    if limit is None:
        return stream.read()
    pieces, size = [], 0
    while size <= limit:
        piece = stream.read(min(limit + 1 - size, 2**20))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    if not pieces:
        return stream.read(0)  # b"" or "", as the stream gives
    # b"".join also takes the bytearray or memoryview pieces some file objects return.
    return "".join(pieces) if isinstance(pieces[0], str) else b"".join(pieces)
