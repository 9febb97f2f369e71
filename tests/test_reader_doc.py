import shutil
from pathlib import Path

import pytest

from mszs.errors import EncryptedInput, MissingTool, UnsupportedFormat
from mszs.parsers import doc, read_bytes
from mszs.parsers.detect import OLE2_MAGIC

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "doc" / "003_e2b3581a32b51649.doc"


def _ole(*streams: str) -> bytes:
    """Enough of an OLE2 file for the checks made before LibreOffice runs: magic and directory names."""
    return OLE2_MAGIC + b"\x00" * 504 + b"".join(name.encode("utf-16-le") + b"\x00\x00" for name in streams)


def test_missing_libreoffice_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(doc.shutil, "which", lambda name: None)
    with pytest.raises(MissingTool, match="LibreOffice"):
        read_bytes(_ole("WordDocument", "1Table"))


def test_encrypted_office_file():
    with pytest.raises(EncryptedInput, match="password"):
        read_bytes(_ole("EncryptionInfo", "EncryptedPackage"))


def test_excel_workbook_is_not_a_notice():
    with pytest.raises(UnsupportedFormat, match="Excel"):
        read_bytes(_ole("Workbook"))


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_doc_sample_reads_like_its_text_version():
    document = read_bytes(SAMPLE.read_bytes())
    assert document.format == "doc"
    text = read_bytes((SAMPLE.parent.parent / "notices" / f"{SAMPLE.stem}.txt").read_bytes())
    assert [row.texts[2] for row in document.tables[0].rows] == [row.texts[2] for row in text.tables[0].rows]
