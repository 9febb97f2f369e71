"""Which format a file is, from its bytes (never its suffix)."""
from __future__ import annotations

import io
import re

from mszs.patterns import LazyPattern

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_MARKERS = LazyPattern(rb"<\s*(!doctype\s+html|html|head|body|meta|table|div|p)[\s>/]", re.I)
# Page images (a scanned notice), by their first bytes; a BMP's reserved bytes are zero.
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def detect_format(data: bytes) -> str:
    """One of ``docx``, ``ofd``, ``pdf``, ``doc``, ``image``, ``html``, ``text``, ``zip`` or ``binary``.

    ``zip`` is a zip archive that is neither a Word document nor an OFD; ``binary``
    is anything that does not decode as text.
    """
    head = data[:2048]
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_format(data)
    if head.startswith(_IMAGE_MAGIC) or (head.startswith(b"BM") and head[6:10] == b"\0\0\0\0"):
        return "image"
    if head.startswith(OLE2_MAGIC):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _looks_like_html(head.lstrip(b"\xef\xbb\xbf \t\r\n")):
        return "html"
    if _looks_binary(head):
        return "binary"
    return "text"


def _zip_format(data: bytes) -> str:
    """``docx``, ``ofd`` (GB/T 33190: its entry point is OFD.xml) or ``zip``."""
    import zipfile  # here, not at the top: most notices are text or PDF

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        # A truncated zip still announces itself; let the reader say what is wrong.
        head = data[:4096]
        return "docx" if b"word/" in head else "ofd" if b"OFD.xml" in head else "zip"
    return "docx" if "word/document.xml" in names else "ofd" if "OFD.xml" in names else "zip"


def _looks_like_html(head: bytes) -> bool:
    start = head[:512].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head.lower():
        return True
    return start.startswith(b"<") and len(_HTML_MARKERS.findall(head)) >= 2


def _looks_binary(head: bytes) -> bool:
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with BOM
        return False
    if head.count(b"\x00") > len(head) // 8:
        # UTF-16 without BOM has a NUL in every other byte of ASCII text, but also
        # readable code units; leave it to the decoder to decide.
        return not _plausible_utf16(head)
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) // 20


def _plausible_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: the NULs of ASCII code units all sit on one parity."""
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    return (even == 0) != (odd == 0)
