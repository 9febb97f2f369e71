"""Legacy binary Word (.doc) and WPS (.wps) notices, converted by LibreOffice.

LibreOffice (``soffice``) turns the file into .docx in a temporary directory,
which the DOCX reader then reads. Install it with, on Debian or Ubuntu::

    apt-get install libreoffice-writer-nogui fonts-noto-cjk

(``brew install --cask libreoffice`` on macOS). Without it, .doc and .wps files
are refused with a message saying so. LibreOffice runs offline and sandboxed
(:mod:`mszs.parsers.libreoffice`).
"""
from __future__ import annotations

import shutil

from mszs.document import Document
from mszs.errors import EncryptedInput, MissingTool, UnreadableInput, UnsupportedFormat
from mszs.parsers import libreoffice
from mszs.parsers.cleanup import document_texts
from mszs.parsers.docx import read_docx

# OLE2 directory entries are UTF-16LE names.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
# More than this share of unreadable characters makes converted text noise (random code units: two thirds).
_GARBAGE_SHARE = 0.5
_OTHER_OFFICE_STREAMS = {"Workbook": "an Excel workbook", "PowerPoint Document": "a PowerPoint file"}


def read_doc(data: bytes) -> Document:
    _check_container(data)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise MissingTool("reading .doc/.wps files needs LibreOffice (soffice), which is not installed; "
                          "install it (apt-get install libreoffice-writer-nogui) or save the file as .docx")
    document = read_docx(libreoffice.convert(data, soffice, suffix="doc", to="docx"))
    if is_garbage("".join(document_texts(document))):
        raise UnreadableInput("LibreOffice read the file as meaningless characters (damaged, or not a Word file?)")
    document.format = "doc"
    return document


def _check_container(data: bytes) -> None:
    if _ENCRYPTED_PACKAGE in data:
        raise EncryptedInput("the Word file is encrypted with a password; save an unprotected copy")
    if _WORD_STREAM not in data:
        for stream, what in _OTHER_OFFICE_STREAMS.items():
            if stream.encode("utf-16-le") in data:
                raise UnsupportedFormat(f"{what}, not a Word document")


def is_garbage(text: str) -> bool:
    """Whether converted text is noise: damaged bytes that LibreOffice read anyway come out as
    characters no Chinese code page has (random code units, accented Latin) or as ``?``/U+FFFD."""
    letters = "".join(text.split())
    if not letters:
        return False
    # GB18030 spends four bytes on each character GBK lacks, GBK at most two on the others.
    outside_gbk = (len(letters.encode("gb18030", "replace")) - len(letters.encode("gbk", "ignore"))) // 4
    replaced = letters.count("?") + letters.count("\ufffd")
    return outside_gbk + replaced > len(letters) * _GARBAGE_SHARE
