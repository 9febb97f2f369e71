"""Readers: bytes in, a format-neutral :class:`~mszs.document.Document` out.

One module per format. Heavy libraries (python-docx, pdfplumber, bs4) are
imported only when a file of that format is read.
"""
from __future__ import annotations

import importlib

from mszs.document import Document
from mszs.errors import UnreadableInput, UnsupportedFormat
from mszs.parsers.cleanup import clean_document
from mszs.parsers.detect import detect_format

# format → "module:function" of its reader
READERS = {
    "text": "mszs.parsers.text:read_text",
    "html": "mszs.parsers.html:read_html",
    "docx": "mszs.parsers.docx:read_docx",
    "pdf": "mszs.parsers.pdf:read_pdf",
    "doc": "mszs.parsers.doc:read_doc",
}

_REFUSED = {
    "binary": "binary data, not a notice (no text, Word, PDF or HTML content found)",
    "zip": "a zip archive that is not a Word document",
    "rtf": "RTF is not supported; save it as .docx",
}


def read_bytes(data: bytes) -> Document:
    """Read a notice from its bytes, whatever the format."""
    if not data.strip():
        raise UnreadableInput("the file is empty")
    fmt = detect_format(data)
    if fmt in _REFUSED:
        raise UnsupportedFormat(_REFUSED[fmt])
    module_name, function = READERS[fmt].split(":")
    reader = getattr(importlib.import_module(module_name), function)
    return clean_document(reader(data))
