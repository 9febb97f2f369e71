"""The library API: ``parse`` a file or bytes into a :class:`~mszs.schemas.Notice`."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from mszs.errors import TooLarge, UnreadableInput
from mszs.interpret import interpret
from mszs.parsers import read_bytes
from mszs.parsers.ocr import MODES
from mszs.schemas import Notice, Source

DEFAULT_MAX_BYTES = 200 * 1024 * 1024


def parse(path: str | os.PathLike, *, max_bytes: int | None = DEFAULT_MAX_BYTES, ocr: str = "auto") -> Notice:
    """Parse the notice at ``path``. Raises :class:`~mszs.errors.MszsError` when it cannot be read.

    ``ocr``: "auto" reads scanned pages and images by OCR when the ``ocr`` extra is
    installed, "always" OCRs every page, "never" none."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableInput(f"cannot open the file: {exc.strerror or exc}") from exc
    if max_bytes is not None and size > max_bytes:
        raise TooLarge(f"the file is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file: {exc.strerror or exc}") from exc
    return parse_bytes(data, path=str(path), ocr=ocr)


def parse_bytes(data: bytes, *, path: str = "<bytes>", ocr: str = "auto") -> Notice:
    """Parse a notice held in memory; ``path`` is only recorded in ``source.path``."""
    if ocr not in MODES:
        raise ValueError(f"unknown OCR mode {ocr!r}: choose from {', '.join(MODES)}")
    document = read_bytes(data, ocr=ocr)
    info, projects, warnings = interpret(document)
    source = Source(
        path=path,
        format=document.format,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=document.encoding,
    )
    return Notice(source=source, notice=info, projects=projects, warnings=document.warnings + warnings)
