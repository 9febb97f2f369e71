"""Readers: bytes in, a format-neutral :class:`~mszs.document.Document` out.

One module per format. Heavy libraries (pdfplumber, lxml) are
imported only when a file of that format is read.
"""
from __future__ import annotations

import importlib

from mszs.document import MAX_BLOCKS, Document, check_block_count
from mszs.errors import TooLarge, UnreadableInput, UnsupportedFormat
from mszs.parsers.cleanup import clean_document, document_texts
from mszs.parsers.detect import detect_format
from mszs.patterns import LazyPattern

# format → "module:function" of its reader
READERS = {
    "text": "mszs.parsers.text:read_text",
    "html": "mszs.parsers.html:read_html",
    "docx": "mszs.parsers.docx:read_docx",
    "pdf": "mszs.parsers.pdf:read_pdf",
    "doc": "mszs.parsers.doc:read_doc",
    "ofd": "mszs.parsers.ofd:read_ofd",
    "image": "mszs.parsers.image:read_image",
}
# Formats whose pages may be images, read by OCR as the ``ocr`` mode says.
OCR_FORMATS = ("pdf", "ofd", "image")
OCR_MODES = ("auto", "always", "never")  # here, not in mszs.parsers.ocr: that loads the PDF reader

# Text and web pages larger than this are not notices (the longest real ones hold a few hundred
# kilobytes of text) but logs or data dumps, which would take minutes and gigabytes to read.
MAX_TEXT_BYTES = 10 * 1024 * 1024
_CAPPED = ("text", "html")
# Text that runs up to a tag: every line or paragraph of a page is one, while tags nested
# without text between them (thousands of <div>) are none.
_TEXT_BEFORE_TAG = LazyPattern(rb"[^>\s]\s*<")

_REFUSED = {
    "binary": "binary data, not a notice (no text, Word, PDF or HTML content found)",
    "zip": "a zip archive that is neither a Word document nor an OFD",
    "rtf": "RTF is not supported; save it as .docx",
}


def read_bytes(data: bytes, *, ocr: str = "auto") -> Document:
    """Read a notice from its bytes, whatever the format. ``ocr``: "auto" reads pages that
    are images by OCR (with the ``ocr`` extra), "always" every page, "never" none."""
    if not data or data.isspace():  # not data.strip(): no copy of a large file
        raise UnreadableInput("the file is empty")
    fmt = detect_format(data)
    if fmt in _REFUSED:
        raise UnsupportedFormat(_REFUSED[fmt])
    if fmt in _CAPPED and len(data) > MAX_TEXT_BYTES:
        raise TooLarge(f"{len(data):,} bytes of {fmt}, over the {MAX_TEXT_BYTES:,} a {fmt} notice may have")
    _check_lines(data, fmt)
    module_name, function = READERS[fmt].split(":")
    reader = getattr(importlib.import_module(module_name), function)
    document = reader(data, ocr=ocr) if fmt in OCR_FORMATS else reader(data)
    check_block_count(len(document.blocks), "lines and tables")
    document = clean_document(document)
    if not any(text.strip() for text in document_texts(document)):
        raise UnreadableInput("the file has no text")
    return document


def _check_lines(data: bytes, fmt: str) -> None:
    """Refuse text or a page of more lines than a notice has before reading them (cheap counts)."""
    if fmt == "text":
        check_block_count(data.count(b"\n") + 1, "lines of text")
    elif fmt == "html" and data.count(b"<") > MAX_BLOCKS:
        check_block_count(sum(1 for _ in _TEXT_BEFORE_TAG.finditer(data)), "pieces of text in the page")
