"""Legacy binary Word (.doc) and WPS (.wps) notices, converted by LibreOffice.

LibreOffice (``soffice``) turns the file into .docx in a temporary directory,
which the DOCX reader then reads. Install it with, on Debian or Ubuntu::

    apt-get install libreoffice-writer-nogui fonts-noto-cjk

(``brew install --cask libreoffice`` on macOS). Without it, .doc and .wps files
are refused with a message saying so.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from mszs.document import Document
from mszs.errors import EncryptedInput, MissingTool, UnreadableInput, UnsupportedFormat
from mszs.parsers.docx import read_docx

TIMEOUT_SECONDS = 120
# OLE2 directory entries are UTF-16LE names.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_OTHER_OFFICE_STREAMS = {"Workbook": "an Excel workbook", "PowerPoint Document": "a PowerPoint file"}


def read_doc(data: bytes) -> Document:
    _check_container(data)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise MissingTool("reading .doc/.wps files needs LibreOffice (soffice), which is not installed; "
                          "install it (apt-get install libreoffice-writer-nogui) or save the file as .docx")
    document = read_docx(convert_to_docx(data, soffice))
    document.format = "doc"
    return document


def _check_container(data: bytes) -> None:
    if _ENCRYPTED_PACKAGE in data:
        raise EncryptedInput("the Word file is encrypted with a password; save an unprotected copy")
    if _WORD_STREAM not in data:
        for stream, what in _OTHER_OFFICE_STREAMS.items():
            if stream.encode("utf-16-le") in data:
                raise UnsupportedFormat(f"{what}, not a Word document")


def convert_to_docx(data: bytes, soffice: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="mszs-") as tmp:
        source = Path(tmp, "notice.doc")
        source.write_bytes(data)
        # A private profile, so a LibreOffice already running for the user does not take the job.
        command = [soffice, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
                   "--convert-to", "docx", "--outdir", tmp, str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired as exc:
            raise UnreadableInput(f"LibreOffice did not convert the file within {TIMEOUT_SECONDS} seconds") from exc
        except OSError as exc:
            raise MissingTool(f"cannot run LibreOffice ({soffice}): {exc.strerror or exc}") from exc
        converted = Path(tmp, "notice.docx")
        if not converted.exists():
            raise UnreadableInput("LibreOffice could not convert the file (damaged, or protected with a password?)")
        return converted.read_bytes()
