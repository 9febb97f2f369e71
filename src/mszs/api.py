"""The library API: ``parse`` a file or bytes into a :class:`~mszs.schemas.Notice`.

:func:`read_notice` is ``parse_bytes`` without the library's models (which need pydantic): the
notice as the parser built it (:mod:`mszs.output`), for writing it out as JSON.
"""
from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING

from mszs import output
from mszs.errors import TooLarge
from mszs.inputs import display_path, open_input, read_input
from mszs.interpret import interpret
from mszs.parsers import OCR_MODES, read_bytes

if TYPE_CHECKING:
    from mszs.schemas import Notice

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
# The address space one parsing process may take: ten times what the longest real notice needs,
# and four workers at it still leave most of a 24 GB machine. LibreOffice (for .doc) runs within it.
DEFAULT_MAX_MEMORY = 2 * 1024**3


def parse(path: str | os.PathLike, *, max_bytes: int | None = DEFAULT_MAX_BYTES,
          vocabulary: str | os.PathLike | None = None, ocr: str = "auto") -> Notice:
    """Parse the notice at ``path``. Raises :class:`~mszs.errors.MszsError` when it cannot be read:
    also for a path that is not a regular file (a FIFO, a device, a folder). ``vocabulary`` is a
    user's vocabulary file (see :mod:`mszs.user_vocabulary`). ``ocr``: "auto" reads scanned pages
    and images by OCR when the ``ocr`` extra is installed, "always" OCRs every page, "never" none."""
    return parse_bytes(read_file(path, max_bytes), path=display_path(path), vocabulary=vocabulary, ocr=ocr)


def read_file(path: str | os.PathLike, max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of the notice at ``path``, as :func:`parse` reads them (the same refusals)."""
    with open_input(path) as file:
        return read_input(file, max_bytes)


def limit_memory(max_memory: int | None) -> None:
    """Let this process's address space grow by at most ``max_memory`` bytes from what it holds
    now (None: no cap), so that a file built to take gigabytes fails as ``too_large`` instead of
    taking the machine. Counted from now: a process that already reserves much (a Dask worker's
    threads, a test runner's) keeps room to parse."""
    import resource

    if max_memory is None:
        return
    max_memory += _address_space_in_use()
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        max_memory = min(max_memory, hard)
    resource.setrlimit(resource.RLIMIT_AS, (max_memory, hard))


def _address_space_in_use() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def parse_bytes(data: bytes, *, path: str = "<bytes>", vocabulary: str | os.PathLike | None = None,
                ocr: str = "auto") -> Notice:
    """Parse a notice held in memory; ``path`` is only recorded in ``source.path``."""
    from mszs.schemas import from_output

    return from_output(read_notice(data, path=path, vocabulary=vocabulary, ocr=ocr))


def read_notice(data: bytes, *, path: str = "<bytes>", vocabulary: str | os.PathLike | None = None,
                ocr: str = "auto") -> output.Notice:
    """:func:`parse_bytes`, giving the notice as the parser built it: the same JSON, no validation."""
    if ocr not in OCR_MODES:
        raise ValueError(f"unknown OCR mode {ocr!r}: choose from {', '.join(OCR_MODES)}")
    if vocabulary is not None:
        from mszs.user_vocabulary import load_vocabulary

        load_vocabulary(vocabulary)
    try:
        document = read_bytes(data, ocr=ocr)
        info, projects, warnings = interpret(document)
    except MemoryError:  # the process's memory limit (--max-memory), reached by a file built to do so
        raise TooLarge("reading it needs more memory than the limit allows (--max-memory)") from None
    source = output.Source(
        path=path,
        format=document.format,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=document.encoding,
    )
    return output.Notice(source=source, notice=info, projects=projects, warnings=document.warnings + warnings)
