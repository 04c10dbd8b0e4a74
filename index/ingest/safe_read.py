"""Opening a file without hanging or flooding memory: regular files only, read up to a bound.

A FIFO named `x.txt` blocks a plain open() until some writer comes, and `/dev/zero` never ends;
so every file is opened without blocking and checked to be a regular file before one byte is
read, and no more than a set number of bytes is ever read from it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from talks_tui.index.ingest.filenames import real

MB = 1024 * 1024


class Unreadable(Exception):
    """A file that gives no article; the message says why, for the user."""


def kind_of(mode: int) -> str:
    """What a file system entry is, in words, for one that is not a regular file."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def _open_regular(path: Path | str) -> tuple[int, int]:
    """A descriptor of the file and its size; Unreadable for anything but a regular file."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer (it has no effect on regular files).
        fd = os.open(real(str(path)), os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise Unreadable(f"cannot read: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
    except OSError as e:
        os.close(fd)
        raise Unreadable(f"cannot read: {e.strerror or e}") from None
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise Unreadable(f"{kind_of(st.st_mode)}, not a file; not read")
    return fd, st.st_size


def open_regular(path: Path | str):
    """The file opened for reading in binary (a context manager); Unreadable as above."""
    fd, _ = _open_regular(path)
    return os.fdopen(fd, "rb")


def read_bounded(path: Path | str, limit: int) -> tuple[bytes, int]:
    """At most `limit` bytes from the start of the file, and the file's whole size."""
    fd, size = _open_regular(path)
    try:
        with os.fdopen(fd, "rb") as f:
            data = f.read(limit)
            if len(data) == limit and f.read(1):  # grew since fstat, or fstat under-reported
                size = max(size, limit + 1)
    except OSError as e:
        raise Unreadable(f"cannot read: {e.strerror or e}") from None
    return data, max(size, len(data))


def cut_notice(size: int, limit: int) -> str:
    return f"only the first {limit / MB:.0f} MB read (the file has {size / MB:.1f} MB)"


def file_sha1(path: Path | str) -> str:
    """The content hash, read in chunks (a large file never sits whole in memory)."""
    fd, _ = _open_regular(path)
    try:
        with os.fdopen(fd, "rb") as f:
            return hashlib.file_digest(f, "sha1").hexdigest()
    except OSError as e:
        raise Unreadable(f"cannot read: {e.strerror or e}") from None
