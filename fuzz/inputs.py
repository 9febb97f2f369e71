"""What the fuzzers start from and what their inputs become before parsing (no atheris needed)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DOCX_TEMPLATE = SAMPLES / "docx" / "004_2795aed58e8eed1f.docx"
# The DOCX parts the fuzzer writes, picked by the input's first byte.
DOCX_PARTS = ("word/document.xml", "word/numbering.xml", "word/styles.xml")


def as_parsed(reader: str, data: bytes, template: bytes) -> bytes:
    """The bytes ``parse_bytes`` gets for a fuzz input: for DOCX, the input zipped into the template."""
    return docx_with_part(template, data) if reader == "docx" else data


def docx_with_part(template: bytes, data: bytes) -> bytes:
    """The template package with one of its parts replaced: ``data[0]`` picks the part, the rest is its XML."""
    name = DOCX_PARTS[data[0] % len(DOCX_PARTS)] if data else DOCX_PARTS[0]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            package.writestr(info.filename, data[1:] if info.filename == name else source.read(info))
    return out.getvalue()


def seeds(reader: str) -> list[bytes]:
    """The sample notices, as fuzz inputs of ``reader``."""
    if reader == "text":
        return [path.read_bytes() for path in sorted((SAMPLES / "notices").glob("*.txt"))]
    if reader == "html":
        return [path.read_bytes() for path in sorted((SAMPLES / "html").glob("*.html"))]
    found = []
    for path in sorted((SAMPLES / "docx").glob("*.docx")):
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            found += [bytes([i]) + package.read(name) for i, name in enumerate(DOCX_PARTS) if name in names]
    return found
