"""Opening inputs: regular files only, read no further than the byte limit, named printably.

The limit is applied while reading, not taken from ``stat``: a symlink to
``/dev/zero`` or standard input has no size to check beforehand.
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO

from mszs.errors import SpecialFile, TooLarge, UnreadableInput

_CHUNK = 1 << 20
_SPECIAL_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def open_input(path: str | os.PathLike) -> BinaryIO:
    """Open a regular file for reading; refuse anything else before opening it.

    It is opened non-blocking and checked again, so a file swapped for a FIFO
    between the two looks cannot hang the reader.
    """
    try:
        _check_regular(os.stat(path))
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise UnreadableInput(f"cannot open the file: {exc.strerror or exc}") from exc
    try:
        _check_regular(os.fstat(fd))
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _check_regular(info: os.stat_result) -> None:
    if stat.S_ISREG(info.st_mode):
        return
    what = next((name for test, name in _SPECIAL_KINDS if test(info.st_mode)), "a special file")
    raise SpecialFile(f"not a regular file but {what}; mszs reads regular files only (- reads standard input)")


def read_input(file: BinaryIO, max_bytes: int | None) -> bytes:
    """All of ``file``, refused as too large as soon as it passes ``max_bytes``."""
    try:
        if _is_regular(file):
            size = os.fstat(file.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise TooLarge(f"the file is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
            data = file.read() if max_bytes is None else file.read(max_bytes + 1)  # in one piece: no copy
        else:
            data = _read_chunks(file, max_bytes)
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file: {exc.strerror or exc}") from exc
    if max_bytes is not None and len(data) > max_bytes:  # a file that grew, or a stream
        raise TooLarge(f"the input goes on past the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def _read_chunks(file: BinaryIO, max_bytes: int | None) -> bytes:
    """A stream (a pipe, standard input) up to one byte past ``max_bytes``."""
    chunks, total = [], 0
    while chunk := file.read(_CHUNK if max_bytes is None else min(_CHUNK, max_bytes + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _is_regular(file: BinaryIO) -> bool:
    try:
        return stat.S_ISREG(os.fstat(file.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):
        return False


def names_stdin(path: str | os.PathLike) -> bool:
    """Whether ``path`` is this process's standard input (``/dev/stdin``, ``/dev/fd/0``), which is
    then read like ``-``: a pipe there is what the user asked for, not a stray FIFO."""
    try:
        named, stdin = os.stat(path), os.fstat(0)
    except OSError:
        return False
    return (named.st_dev, named.st_ino) == (stdin.st_dev, stdin.st_ino)


def display_path(path: str | os.PathLike) -> str:
    """``path`` as printable text: bytes of a name that are not UTF-8 (a GBK name from a
    Windows zip) are shown as ``\\xd6`` escapes instead of failing whatever writes them."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")
