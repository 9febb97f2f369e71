import io
import zipfile

import pytest
from docx import Document as WordDocument

from mszs.errors import UnreadableInput, UnsupportedFormat
from mszs.parsers import read_bytes
from mszs.parsers.detect import OLE2_MAGIC, detect_format


def _docx() -> bytes:
    out = io.BytesIO()
    word = WordDocument()
    word.add_paragraph("关于办好2021年民生实事项目的通知")
    word.save(out)
    return out.getvalue()


def test_formats_come_from_the_bytes():
    assert detect_format(_docx()) == "docx"
    assert detect_format(b"%PDF-1.7\n...") == "pdf"
    assert detect_format(OLE2_MAGIC + b"\x00" * 100) == "doc"
    assert detect_format("<html><head><meta charset=gbk></head><body><p>通知</p></body></html>".encode("gbk")) == "html"
    assert detect_format("关于办好民生实事的通知\n各乡镇：".encode("gb18030")) == "text"


def test_word_file_saved_as_doc_is_read_as_docx():
    # The suffix plays no part: the bytes of a .docx named notice.doc.
    document = read_bytes(_docx())
    assert document.format == "docx"
    assert document.paragraphs[0].text == "关于办好2021年民生实事项目的通知"


def test_web_page_saved_as_doc_or_pdf_is_read_as_html():
    page = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>' \
           "<body><p>关于办好民生实事的通知</p></body></html>"
    document = read_bytes(page.encode("gb2312"))
    assert document.format == "html"
    assert document.paragraphs[0].text == "关于办好民生实事的通知"


def test_pdf_after_a_junk_prefix_is_still_pdf():
    assert detect_format(b"\r\n\x00junk%PDF-1.4\n") == "pdf"


def test_zip_that_is_not_word_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    with pytest.raises(UnsupportedFormat, match="zip"):
        read_bytes(out.getvalue())


def test_empty_and_binary_input():
    with pytest.raises(UnreadableInput, match="empty"):
        read_bytes(b"  \n")
    with pytest.raises(UnsupportedFormat, match="binary"):
        read_bytes(bytes(range(256)) * 8)
