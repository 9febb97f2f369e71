"""Hostile and broken input: each case gives its exact error (or result), through the API and the
command line, and a batch holding all of them loses none of the good files beside them.

Decisions pinned here:
- a 50 MB text file is refused as too_large by the readers' cap on text and HTML (10 MB: no notice
  is that long, and one that size takes minutes and gigabytes), whatever --max-bytes says;
- HTML nested 100,000 levels deep is read: below 200 levels tags keep only their text;
- a .docx declaring a DOCTYPE is refused before python-docx parses it, and a zip bomb before any
  part is inflated, by the sizes in the zip directory;
- a PDF stream that would inflate past 256 MB is refused before pdfminer inflates it whole
  (counted a chunk at a time), and so is a PDF of more than 1,000 pages.
"""
from __future__ import annotations

import csv
import io
import random
import re
import resource
import shutil
import socket
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mszs.api import parse, parse_bytes
from mszs.cli import app
from mszs.errors import MszsError
from mszs.parsers import ocr
from fixtures.hostile import deflated, raw_zip, repeated_spaces_stream
from fixtures.pdf.pdf_bytes import write_pdf

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PDF_FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
NOTICE = SAMPLES / "notices" / "000_cf055cc25e80d216.txt"
WORD = SAMPLES / "docx" / "000_cf055cc25e80d216.docx"
PAGE = SAMPLES / "html" / "000_cf055cc25e80d216.html"
OFD = SAMPLES / "ofd" / "000_cf055cc25e80d216.ofd"
OFD_PAGE = "Doc_0/Pages/Page_0/Content.xml"
runner = CliRunner()

BINARY = "binary data, not a notice (no text, Word, PDF or HTML content found)"
DOCTYPE = "a Word file whose word/document.xml declares a DOCTYPE, which Word never writes (entities are not expanded)"
BOMB_BYTES = 2 * 1024**3
INSTALL_OCR = "install OCR with: pip install 'mszs[ocr]'"


# --- building the bad files ------------------------------------------------------------------------

def garbage(seed: int) -> bytes:
    return random.Random(seed).randbytes(4096)


def truncated_docx() -> bytes:
    data = WORD.read_bytes()
    return data[: len(data) // 2]






def zip_bomb(source: Path = WORD, target: str = "word/document.xml") -> bytes:
    """The sample package with a ``target`` part (word/document.xml) that really inflates to 2 GiB of spaces.

    Its CRC is not computed: it is only checked after inflating.
    """
    bomb = repeated_spaces_stream(BOMB_BYTES // 2**20)
    entries = []
    with zipfile.ZipFile(source) as package:
        for info in package.infolist():
            if info.filename == target:
                entries.append((info.filename, bomb, BOMB_BYTES, 0))
            else:
                part = package.read(info)
                entries.append((info.filename, deflated(part), len(part), zlib.crc32(part)))
    return raw_zip(entries)


def bomb_xml_bytes(source: Path = WORD, target: str = "word/document.xml") -> int:
    with zipfile.ZipFile(source) as package:
        return BOMB_BYTES + sum(i.file_size for i in package.infolist()
                                if i.filename.endswith((".xml", ".rels")) and i.filename != target)


def ofd_with_entities() -> bytes:
    """The sample OFD whose first page declares entities (billion laughs and a local file) and uses them."""
    laughs = "".join(f'<!ENTITY l{n + 1} "{f"&l{n};" * 10}">' for n in range(9))
    doctype = f'<!DOCTYPE ofd:Page [<!ENTITY l0 "lol">{laughs}<!ENTITY file SYSTEM "file:///etc/passwd">]>'
    out = io.BytesIO()
    with zipfile.ZipFile(OFD) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == OFD_PAGE:
                part = part.replace(b"?>", b"?>" + doctype.encode(), 1).replace(b"<ofd:TextCode X", b"&l9;&file;<ofd:TextCode X", 2)
            package.writestr(info, part)
    return out.getvalue()


def blank_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (600, 800), 230).save(out, "PNG")
    return out.getvalue()


def docx_with_entities(port: int) -> bytes:
    """Billion laughs, an entity fetched over the network and one read from a local file."""
    laughs = "".join(f'<!ENTITY l{n + 1} "{f"&l{n};" * 10}">' for n in range(9))
    doctype = (f'<!DOCTYPE w:document [<!ENTITY l0 "lol">{laughs}'
               f'<!ENTITY net SYSTEM "http://127.0.0.1:{port}/x.dtd"><!ENTITY file SYSTEM "file:///etc/passwd">]>')
    out = io.BytesIO()
    with zipfile.ZipFile(WORD) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":
                part = part.replace(b"?>", b"?>" + doctype.encode(), 1)
                part = re.sub(rb"(<w:t[^>]*>)", rb"\1&l9;&net;&file;", part, count=3)
            package.writestr(info, part)
    return out.getvalue()


def pdf_of_pages(count: int) -> bytes:
    """A PDF of ``count`` blank pages."""
    kids = b" ".join(b"%d 0 R" % (n + 3) for n in range(count))
    return write_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
                      *[b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"] * count])




def pdf_stream_bomb() -> bytes:
    """A one-page PDF whose content stream inflates to 1 GiB."""
    stream = b"\x78\x9c" + repeated_spaces_stream(1024)  # a zlib header; the checksum is never reached
    return write_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
                      b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)])


def deep_html(levels: int = 100_000) -> bytes:
    body = re.search(rb"<body[^>]*>(.*)</body>", PAGE.read_bytes(), re.S).group(1)
    return b"<html><body>" + b"<div>" * levels + body + b"</div>" * levels + b"</body></html>"


NO_PROJECTS = "关于做好2021年民生工作的通知\n各乡镇人民政府：\n今年要继续做好民生工作，具体事项另行通知。\n汶上县人民政府办公室\n2021年1月19日\n"

# name → (bytes, kind, message) of every file that must fail
FAILURES = {
    "empty.txt": (b"", "unreadable", "the file is empty"),
    "blank.txt": (b"  \r\n\t \n", "unreadable", "the file is empty"),
    "blank-fullwidth.txt": ("\u3000\u3000\n\u3000\n".encode(), "unreadable", "the file has no text"),
    "blank-utf16.txt": (" \n\n".encode("utf-16"), "unreadable", "the file has no text"),
    "garbage.txt": (garbage(1), "unsupported", BINARY),
    "garbage.docx": (garbage(2), "unsupported", BINARY),
    "garbage.pdf": (garbage(3), "unsupported", BINARY),
    "truncated.docx": (truncated_docx(), "unreadable", "a damaged or incomplete Word file (File is not a zip file)"),
    "encrypted.pdf": ((PDF_FIXTURES / "encrypted.pdf").read_bytes(), "encrypted",
                      "the PDF is encrypted with a password; save an unprotected copy"),
    # A scan of a black bar: OCR, when installed, finds no text on it.
    "scan.pdf": ((PDF_FIXTURES / "scan.pdf").read_bytes(), *(
        ("unreadable", "OCR found no text on the PDF's page images") if ocr.available() else
        ("needs_ocr", f"the PDF has no text layer (a scanned image?); OCR is needed to read it: {INSTALL_OCR}"))),
    "malformed.pdf": (b"%PDF-1.4\n" + garbage(4), "unreadable", "a damaged PDF (no objects after its header)"),
    "1001 pages.pdf": (pdf_of_pages(1001), "too_large", "the PDF has 1,001 pages, over the 1,000 a notice may have"),
    "blank pages.pdf": (pdf_of_pages(3), "needs_ocr", "the PDF has no text layer (a scanned image?); OCR is needed to "
                        f"read it: {'its pages hold no image for OCR to read' if ocr.available() else INSTALL_OCR}"),
    "stream bomb.pdf": (pdf_stream_bomb(), "too_large",
                        "the PDF has a stream that would inflate past 268,435,456 bytes (a zip bomb?)"),
    "truncated.pdf": ((SAMPLES / "pdf" / "000_cf055cc25e80d216.pdf").read_bytes()[:50_000], "unreadable",
                      "a damaged PDF (Unexpected EOF)"),
    "truncated.ofd": (OFD.read_bytes()[:5000], "unreadable", "a damaged or incomplete OFD (File is not a zip file)"),
    "bomb.ofd": (zip_bomb(OFD, OFD_PAGE), "too_large", f"the OFD's XML would inflate to {bomb_xml_bytes(OFD, OFD_PAGE):,} bytes, "
                 "over the limit of 16,777,216 (a zip bomb?)"),
    "entities.ofd": (ofd_with_entities(), "unreadable", f"an OFD whose {OFD_PAGE} declares a DOCTYPE, which an OFD "
                     "producer never writes (entities are not expanded)"),
    "no root.ofd": (raw_zip([("OFD.xml", deflated(b"<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>"), 50,
                              zlib.crc32(b"<ofd:OFD xmlns:ofd='http://www.ofdspec.org/2016'/>"))]),
                    "unreadable", "a damaged OFD (its OFD.xml names no DocRoot)"),
    # A page image with no text on it: OCR, when installed, finds none.
    "blank.png": (blank_png(), *(("unreadable", "OCR found no text on the image") if ocr.available() else
                                 ("needs_ocr", f"an image needs OCR to be read; {INSTALL_OCR}"))),
}


def assert_fails(path: Path, kind: str, message: str) -> None:
    """The API raises ``kind`` with ``message``; the CLI prints one line naming the file and exits 1."""
    with pytest.raises(MszsError) as caught:
        parse(path)
    assert (caught.value.kind, str(caught.value)) == (kind, message)
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"mszs: {path}: {message}\n"


# --- the cases ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", FAILURES)
def test_bad_file_fails_with_its_kind_and_message(name, tmp_path):
    data, kind, message = FAILURES[name]
    path = tmp_path / name
    path.write_bytes(data)
    assert_fails(path, kind, message)


def test_zip_bomb_is_refused_before_inflating(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bomb())
    assert path.stat().st_size < 4 * 1024**2
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    assert_fails(path, "too_large", f"the Word file's XML would inflate to {bomb_xml_bytes():,} bytes, "
                                    "over the limit of 16,777,216 (a zip bomb?)")
    assert time.monotonic() - started < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak < 100 * 1024  # KiB: nothing inflated


def test_docx_entities_are_neither_expanded_nor_fetched(tmp_path):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        path = tmp_path / "entities.docx"
        path.write_bytes(docx_with_entities(server.getsockname()[1]))
        assert_fails(path, "unreadable", DOCTYPE)
        with pytest.raises(BlockingIOError):
            server.accept()  # nobody called


def test_html_nested_100000_levels_is_read_in_seconds():
    started = time.monotonic()
    notice = parse_bytes(deep_html())
    assert time.monotonic() - started < 15
    assert notice.notice.title == "关于办好2021年县政府民生实事项目的通知"
    assert notice.notice.doc_number == parse_bytes(PAGE.read_bytes()).notice.doc_number


def test_50_mb_text_is_refused_as_too_large(tmp_path):
    path = tmp_path / "big.txt"
    line = "汶上县民生实事项目推进情况，责任单位：县财政局。\n".encode()
    path.write_bytes(line * (50 * 1024**2 // len(line) + 1))
    size = path.stat().st_size
    assert_fails(path, "too_large", f"{size:,} bytes of text, over the 10,485,760 a text notice may have")
    big_page = tmp_path / "big.html"
    big_page.write_bytes(b"<html><body>" + b"<p>x</p>" * (11 * 1024**2 // 8) + b"</body></html>")
    assert_fails(big_page, "too_large",
                 f"{big_page.stat().st_size:,} bytes of html, over the 10,485,760 a html notice may have")


def test_max_bytes_refuses_before_reading(tmp_path):
    path = tmp_path / "notice.txt"
    shutil.copy(NOTICE, path)
    size = path.stat().st_size
    message = f"the file is {size:,} bytes, over the limit of 1,000 (--max-bytes)"
    with pytest.raises(MszsError, match=re.escape(message)):
        parse(path, max_bytes=1000)
    result = runner.invoke(app, ["parse", str(path), "--max-bytes", "1000"])
    assert (result.exit_code, result.stderr) == (1, f"mszs: {path}: {message}\n")


@pytest.mark.parametrize("encoding, reported", [("gb18030", "gb18030"), ("utf-16", "utf-16")])
def test_gb18030_without_declaration_and_utf16_with_bom(encoding, reported):
    reference = parse(NOTICE)
    data = NOTICE.read_text(encoding="utf-8").encode(encoding)
    assert data.startswith(b"\xff\xfe") == (encoding == "utf-16")
    notice = parse_bytes(data)
    assert notice.source.encoding == reported
    assert notice.notice == reference.notice
    assert notice.projects == reference.projects


def test_notice_without_tables_or_lists_has_no_projects_and_a_warning(tmp_path):
    path = tmp_path / "no-projects.txt"
    path.write_text(NO_PROJECTS, encoding="utf-8")
    notice = parse(path)
    assert notice.projects == []
    assert notice.warnings == [
        "no projects found: the notice has no project table or list of items with responsible units"]
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 0 and '"projects": []' in result.stdout


def test_path_with_spaces_and_chinese_characters(tmp_path):
    folder = tmp_path / "民生 实事" / "2021年 汇编"
    folder.mkdir(parents=True)
    path = folder / "关于办好 2021年 民生实事（定稿）.txt"
    shutil.copy(NOTICE, path)
    assert parse(path).source.path == str(path)
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 0 and str(path) in result.stdout
    empty = folder / "空 文件.txt"
    empty.write_bytes(b"")
    assert_fails(empty, "unreadable", "the file is empty")


# --- in a batch -------------------------------------------------------------------------------------

def test_a_batch_of_bad_files_loses_none_of_the_good_ones(tmp_path):
    from mszs.batch import run

    inputs = tmp_path / "in 输入"
    inputs.mkdir()
    good = [*sorted((SAMPLES / "notices").glob("*.txt")), *sorted((SAMPLES / "html").glob("*.html")),
            *sorted((SAMPLES / "docx").glob("*.docx"))[:2], SAMPLES / "pdf" / "000_cf055cc25e80d216.pdf"]
    for n, path in enumerate(good):
        shutil.copy(path, inputs / f"good {n}{path.suffix}")
    bad = {name: kind for name, (_, kind, _) in FAILURES.items()}
    for name, (data, _, _) in FAILURES.items():
        (inputs / name).write_bytes(data)
    (inputs / "bomb.docx").write_bytes(zip_bomb())
    (inputs / "deep.html").write_bytes(deep_html(20_000))
    (inputs / "big.txt").write_bytes(b"x\n" * (6 * 1024**2))
    (inputs / "no projects.txt").write_text(NO_PROJECTS, encoding="utf-8")
    bad.update({"bomb.docx": "too_large", "big.txt": "too_large"})

    summary = run([inputs], tmp_path / "out", workers=2, timeout=60)

    with open(tmp_path / "out" / "errors.csv", encoding="utf-8-sig", newline="") as errors:
        failed = {Path(row["path"]).name: row["kind"] for row in csv.DictReader(errors)}
    assert failed == bad
    parsed_names = len(good) + 2  # deep.html and "no projects.txt" parse too
    assert (summary.parsed, summary.failed, summary.skipped) == (parsed_names, len(bad), 0)
    assert len(list((tmp_path / "out" / "json").glob("*.json"))) == parsed_names
