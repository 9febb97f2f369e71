"""A parser of untrusted files never makes a request: documents pointing at a listener on the
loopback are read, and no connection reaches it."""
import io
import shutil
import socket
import threading
import zipfile
from pathlib import Path

import pytest

from mszs import parse_bytes
from mszs.errors import MszsError
from mszs.parsers import libreoffice

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "network"
# The port the fixtures' URLs name; each test swaps in its listener's (same length, so offsets hold).
FIXTURE_PORT = "47391"
needs_libreoffice = pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self):
        self.socket = _five_digit_port_socket()
        self.port = self.socket.getsockname()[1]
        self.connections: list[bytes] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:  # closed
                return
            with connection:
                connection.settimeout(1)
                try:
                    self.connections.append(connection.recv(200) or b"(connected)")
                except OSError:
                    self.connections.append(b"(connected)")

    def url(self, path: str = "/x") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def aimed(self, data: bytes) -> bytes:
        """A fixture's bytes with its URLs' port turned to this listener's."""
        port = str(self.port)
        for encoding in ("ascii", "utf-16-le"):
            data = data.replace(FIXTURE_PORT.encode(encoding), port.encode(encoding))
        return data

    def close(self):
        try:
            self.socket.shutdown(socket.SHUT_RDWR)  # wakes the accept() blocked in the thread
        except OSError:
            pass
        self.socket.close()
        self.thread.join(timeout=5)


def _five_digit_port_socket() -> socket.socket:
    for _ in range(50):
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        if len(str(sock.getsockname()[1])) == len(FIXTURE_PORT):
            sock.listen(16)
            sock.settimeout(None)
            return sock
        sock.close()
    raise RuntimeError("no five-digit port free on the loopback")


@pytest.fixture
def listener():
    listening = Listener()
    yield listening
    listening.close()


def _parse_quietly(data: bytes):
    """Parse, or the error it gives: either way the test is about requests, not the outcome."""
    try:
        return parse_bytes(data)
    except MszsError as exc:
        return exc


# --- HTML ---------------------------------------------------------------------


def test_html_with_external_images_styles_frames_scripts_and_media_makes_no_request(listener):
    url = listener.url
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
    <link rel="stylesheet" href="{url('/style.css')}"><script src="{url('/script.js')}"></script>
    <base href="{url('/')}"></head><body style="background: url({url('/bg.png')})">
    <p>关于办好2021年民生实事项目的通知</p><img src="{url('/pic.png')}" srcset="{url('/pic2.png')} 2x">
    <iframe src="{url('/frame.html')}"></iframe><object data="{url('/object.swf')}"></object>
    <meta http-equiv="refresh" content="0; url={url('/refresh')}"><style>@import url({url('/import.css')});</style>
    <svg><image href="{url('/svg.png')}"/></svg><video src="{url('/video.mp4')}" poster="{url('/poster.png')}"></video>
    <a href="{url('/link.html')}">链接</a>
    <table><tr><td>序号</td><td>项目名称</td><td>责任单位</td></tr>
    <tr><td>1</td><td>教育提升工程<img src="{url('/cell.png')}"></td><td>县教体局</td></tr></table>
    </body></html>"""
    notice = parse_bytes(page.encode("utf-8"))
    assert notice.projects[0].name == "教育提升工程"
    assert listener.connections == []


# --- DOCX ---------------------------------------------------------------------


def _docx_pointing_at(listener) -> bytes:
    """A Word file with a linked (not embedded) picture, an external hyperlink and an XInclude."""
    from docx import Document
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    document = Document()
    document.add_paragraph("关于办好2021年民生实事项目的通知")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells, ["序号", "项目名称", "责任单位", "1", "教育提升工程", "县教体局"]):
        cell.text = text
    part = document.part
    picture = part.relate_to(listener.url("/pic.png"), RT.IMAGE, is_external=True)
    link = part.relate_to(listener.url("/page.html"), RT.HYPERLINK, is_external=True)
    body = document.element.body
    body.insert(0, _xml(
        f'<w:p {_NS}><w:hyperlink r:id="{link}"><w:r><w:t>链接</w:t></w:r></w:hyperlink>'
        f'<w:r><w:pict><v:shape style="width:10pt;height:10pt"><v:imagedata r:id="{picture}"/></v:shape></w:pict></w:r>'
        f'<xi:include href="{listener.url("/part.xml")}" parse="xml"/></w:p>'
    ))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
       'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:xi="http://www.w3.org/2001/XInclude"')


def _xml(text: str):
    from lxml import etree

    return etree.fromstring(text)


def test_docx_with_external_relationships_and_xinclude_makes_no_request(listener):
    notice = parse_bytes(_docx_pointing_at(listener))
    assert notice.projects[0].name == "教育提升工程"
    assert listener.connections == []


def test_docx_with_an_external_dtd_is_refused_without_a_request(listener):
    data = _docx_pointing_at(listener)
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    document = parts["word/document.xml"]
    declaration_end = document.index(b"?>") + 2
    parts["word/document.xml"] = (document[:declaration_end]
                                  + f'<!DOCTYPE w:document SYSTEM "{listener.url("/doc.dtd")}">'.encode()
                                  + document[declaration_end:])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    assert isinstance(_parse_quietly(out.getvalue()), MszsError)
    assert listener.connections == []


# --- PDF ----------------------------------------------------------------------


def test_pdf_with_a_uri_link_makes_no_request(listener):
    data = listener.aimed((FIXTURES / "linked.pdf").read_bytes())
    assert listener.url("/more.html").encode() in data
    notice = parse_bytes(data)
    assert notice.notice.year == 2021
    assert listener.connections == []


# --- .doc through LibreOffice -------------------------------------------------


@needs_libreoffice
def test_doc_with_a_linked_picture_makes_no_request(listener):
    data = listener.aimed((FIXTURES / "linked_picture.doc").read_bytes())
    notice = parse_bytes(data)
    assert notice.source.format == "doc"
    assert listener.connections == []


@needs_libreoffice
def test_doc_makes_no_request_on_the_profile_settings_alone(listener, monkeypatch):
    """Where no network namespace can be had, the profile still keeps LibreOffice offline."""
    monkeypatch.setattr(libreoffice, "isolation", lambda: ())
    data = listener.aimed((FIXTURES / "linked_picture.doc").read_bytes())
    assert parse_bytes(data).source.format == "doc"
    assert listener.connections == []
