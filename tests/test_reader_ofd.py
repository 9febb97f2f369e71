"""The OFD reader: files other software wrote, the structures producers use, and the samples.

tests/fixtures/ofd/ holds two files from the ofdrw project's test resources (see
its README); samples/ofd/ the seeds written by samples/make_ofd.py. Whole outputs
of the samples are compared with samples/expected/ofd/.
"""
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from mszs import parse
from mszs.document import Paragraph, Table
from mszs.errors import NeedsOcr
from mszs.parsers import read_bytes
from mszs.parsers.detect import detect_format
from mszs.parsers import ocr
from mszs.parsers.ofd import _deltas

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "ofd"
SAMPLES = sorted((ROOT / "samples" / "ofd").glob("*.ofd"))
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def ofd(pages: list[str], template: str = "", res: str = "", files: dict[str, bytes] | None = None) -> bytes:
    """An OFD of A4 pages with these Content elements, optionally a template, a PublicRes and more files."""
    out = io.BytesIO()
    listed = "".join(f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("OFD.xml", f'<ofd:OFD {NS} Version="1.0"><ofd:DocBody>'
                                    f"<ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        common = "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
        if template:
            common += '<ofd:TemplatePage ID="1" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
            package.writestr("Doc_0/Tpls/Tpl_0/Content.xml", f"<ofd:Page {NS}><ofd:Content><ofd:Layer ID='2'>"
                                                             f"{template}</ofd:Layer></ofd:Content></ofd:Page>")
        if res:
            common += "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
            package.writestr("Doc_0/PublicRes.xml", f'<ofd:Res {NS} BaseLoc="Res">{res}</ofd:Res>')
        package.writestr("Doc_0/Document.xml", f"<ofd:Document {NS}><ofd:CommonData>{common}</ofd:CommonData>"
                                               f"<ofd:Pages>{listed}</ofd:Pages></ofd:Document>")
        for name, data in (files or {}).items():
            package.writestr(name, data)
        for i, content in enumerate(pages):
            uses = '<ofd:Template TemplateID="1"/>' if template else ""
            package.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                             f"<ofd:Page {NS}>{uses}<ofd:Content><ofd:Layer ID='3'>{content}</ofd:Layer></ofd:Content></ofd:Page>")
    return out.getvalue()


def text(x: float, y: float, chars: str, size: float = 5, extra: str = "", delta: str | None = None) -> str:
    deltas = f' DeltaX="{delta}"' if delta is not None else ""
    return (f'<ofd:TextObject ID="4" Boundary="{x} {y} 150 {size * 1.4}" Size="{size}" Font="3"{extra}>'
            f'<ofd:TextCode X="0" Y="{size}"{deltas}>{chars}</ofd:TextCode></ofd:TextObject>')


def grid(x0: float, top: float, widths: list[float], heights: list[float]) -> str:
    """A ruled table as stroked paths: one rectangle per cell."""
    out, y = [], top
    for h in heights:
        x = x0
        for w in widths:
            out.append(f'<ofd:PathObject ID="9" Boundary="{x} {y} {w} {h}">'
                       f"<ofd:AbbreviatedData>M 0 0 L {w} 0 L {w} {h} L 0 {h} C</ofd:AbbreviatedData></ofd:PathObject>")
            x += w
        y += h
    return "".join(out)


def test_files_from_another_producer_are_read():
    hello = read_bytes((FIXTURES / "helloworld_with_pageblock.ofd").read_bytes())
    assert [b.text for b in hello.blocks] == ["你好呀，OFD Reader&Writer！"]
    essay = read_bytes((FIXTURES / "拿来主义_page6.ofd").read_bytes())
    paragraphs = [b.text for b in essay.blocks]
    assert paragraphs[:2] == ["拿来主义", "鲁迅"]
    # Lines the layout wrapped come back as one paragraph, across both pages.
    assert paragraphs[2].startswith("中国一向是所谓“闭关主义”，自己不去，别人也不许来。自从给枪炮打破了大门之后")
    assert {b.origin.page for b in essay.blocks} == {1, 2}


def test_a_file_from_another_producer_parses_with_no_projects_and_a_warning():
    notice = parse(FIXTURES / "拿来主义_page6.ofd")
    assert notice.source.format == "ofd"
    assert notice.projects == [] and any("no projects" in w for w in notice.warnings)


def test_detected_from_its_bytes_whatever_the_suffix():
    assert detect_format((FIXTURES / "helloworld_with_pageblock.ofd").read_bytes()) == "ofd"


def test_delta_runs_are_written_out():
    assert _deltas("g 3 5 2.5 g 2 1", 10) == [5, 5, 5, 2.5, 1, 1]
    assert _deltas("g 30 5", 4) == [5, 5, 5, 5]


def test_ctm_scales_text_given_in_points_to_millimetres():
    # Size and steps in points, brought to millimetres by the CTM, as converters from PDF write them.
    ctm = ' CTM="0.352778 0 0 0.352778 0 0"'
    page = text(20, 30, "县教育局", size=12, extra=ctm, delta="g 3 12") + text(20, 40, "县卫健委", size=12, extra=ctm)
    blocks = read_bytes(ofd([page])).blocks
    assert [b.text for b in blocks] == ["县教育局", "县卫健委"]


def test_template_and_page_text_in_order_and_page_blocks_walked():
    template = text(20, 20, "汶上县人民政府办公室")
    page = f'<ofd:PageBlock ID="5">{text(20, 40, "关于办好2021年县政府民生实事项目的通知")}</ofd:PageBlock>'
    assert [b.text for b in read_bytes(ofd([page], template=template)).blocks] == [
        "汶上县人民政府办公室", "关于办好2021年县政府民生实事项目的通知"]


def test_ruled_paths_make_a_table():
    cells = [("序号", "项目名称", "责任单位"), ("1", "教育提升工程", "县教体局"), ("2", "城区供热工程", "县住建局")]
    widths, height = [20, 60, 50], 10
    content = grid(20, 50, widths, [height] * 3)
    for r, row in enumerate(cells):
        x = 20
        for w, cell in zip(widths, row):
            content += text(x + 2, 50 + r * height + 2, cell, size=4)
            x += w
    blocks = read_bytes(ofd([text(20, 30, "附件") + content])).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [row.texts for row in tables[0].rows] == [list(row) for row in cells]
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "附件"


def scanned_ofd() -> bytes:
    """An OFD whose one page is a scanned image, as signed copies are archived."""
    scan = ROOT / "tests" / "fixtures" / "ocr" / "table_page.jpg"
    res = ('<ofd:MultiMedias><ofd:MultiMedia ID="20" Type="Image" Format="JPEG">'
           "<ofd:MediaFile>scan.jpg</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>")
    # The fixture is 1275 x 1386 pixels at 150 dpi: 215.9 x 234.7 mm.
    image = '<ofd:ImageObject ID="21" ResourceID="20" Boundary="0 20 215.9 234.7" CTM="215.9 0 0 234.7 0 0"/>'
    return ofd([image], res=res, files={"Doc_0/Res/scan.jpg": scan.read_bytes()})


def test_an_image_only_page_needs_ocr_when_ocr_is_off():
    with pytest.raises(NeedsOcr, match=r"the OFD has no text layer .*OCR was turned off"):
        read_bytes(scanned_ofd(), ocr="never")


@pytest.mark.ocr
@pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")
def test_an_image_only_page_is_read_by_ocr():
    document = read_bytes(scanned_ofd())
    assert document.ocr and document.format == "ofd"
    [table] = [b for b in document.blocks if isinstance(b, Table)]
    assert table.rows[0].texts == ["序号", "项目名称", "项目内容", "实施主体", "协办单位", "完成时限"]
    assert table.rows[1].texts[3] == "县农村人居环境整治指挥部"


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_output_matches_expected(path):
    expected_path = ROOT / "samples" / "expected" / "ofd" / f"{path.stem}.json"
    actual = parse(path).model_dump(mode="json")
    actual["source"]["path"] = path.name
    if os.environ.get("MSZS_UPDATE_GOLDEN"):
        expected_path.parent.mkdir(exist_ok=True)
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert actual == json.loads(expected_path.read_text(encoding="utf-8"))
