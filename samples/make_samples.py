"""Make the .docx, .html, .pdf and .doc samples from the text notices.

    python samples/make_samples.py            # every notice in samples/notices
    python samples/make_samples.py 003_*      # only matching stems

Each text notice is read with mszs's own text reader (paragraphs + tables) and
written again the way the other formats carry it:

* docx/ - python-docx: a header row marked to repeat on every page, the
  project cells (序号, 项目名称, 项目类别) of continuation rows merged
  vertically, a table split into several where the text repeats its header,
  a "— N —" page number in the footer;
* html/ - the way a county website serves a notice: GB2312 charset meta,
  a layout table around the page, navigation, breadcrumbs, the
  索引号/发布机构/成文日期 box, share links and a footer around the body,
  rowspan for continuation rows;
* pdf/  - the .docx converted by LibreOffice, so tables run over pages;
* doc/  - one notice converted to legacy .doc by LibreOffice.

LibreOffice (``soffice``) and a CJK font (fonts-noto-cjk) are needed for the
pdf and doc samples; the tests only read the committed files.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from mszs.document import Paragraph, Table
from mszs.parsers.text import read_text
from mszs.vocabulary import PROJECT_ROLES, header_role

SAMPLES = Path(__file__).resolve().parent
DOC_SAMPLE = "003_e2b3581a32b51649"  # the notice also written as legacy .doc
BODY_FONT = "仿宋_GB2312"  # LibreOffice substitutes a CJK font it has
TEXT_WIDTH_CM = 15.6  # A4 less 2.7 cm margins

# Page furniture a web page copied as text carries before and after the notice.
_BREADCRUMB = re.compile(r"^\s*(当前位置|>|&gt;)")
_IMAGE_JUNK = re.compile(r"^[\s|!\[\]()]*$")
_BOX_LABELS = ("索引号", "发布机构", "成文日期", "公开方式", "组配分类", "废止日期", "有效性", "发文字号", "主题分类")
_BOX_LABEL = re.compile("(" + "|".join(r"\s*".join(label) for label in _BOX_LABELS) + ")")
_DOWNLOAD = re.compile(r"\.(docx?|pdf|wps)$", re.I)


def main(patterns: list[str]) -> None:
    notices = sorted((SAMPLES / "notices").glob("*.txt"))
    if patterns:
        notices = [p for p in notices if any(p.match(f"{pat}.txt") or p.stem == pat for pat in patterns)]
    for folder in ("docx", "html", "pdf", "doc"):
        (SAMPLES / folder).mkdir(exist_ok=True)
    for path in notices:
        blocks = read_text(path.read_bytes()).blocks
        docx_path = SAMPLES / "docx" / f"{path.stem}.docx"
        write_docx(blocks, docx_path)
        (SAMPLES / "html" / f"{path.stem}.html").write_bytes(write_html(blocks, path.stem))
        convert(docx_path, "pdf", SAMPLES / "pdf")
        if path.stem == DOC_SAMPLE:
            convert(docx_path, "doc", SAMPLES / "doc")
        print(path.stem)


# --- tables shared by the writers ---------------------------------------------------------

def split_at_repeated_header(table: Table) -> list[list[list[str]]]:
    """The table's rows as texts, cut into pieces where the header row comes again."""
    header = table.rows[0].texts
    pieces: list[list[list[str]]] = []
    for row in table.rows:
        if row.texts == header or not pieces:
            pieces.append([])
        pieces[-1].append(row.texts)
    return pieces


def merged_columns(header: list[str]) -> list[int]:
    """Columns holding project-level values, left empty on continuation rows."""
    columns = []
    for k, word in enumerate(header):
        if header_role(word) not in PROJECT_ROLES:
            break
        columns.append(k)
    return columns


def continuation_runs(rows: list[list[str]], column: int) -> list[tuple[int, int]]:
    """(first, last) row ranges where ``column`` is empty below a filled cell, header excluded."""
    runs = []
    for r in range(2, len(rows)):
        if rows[r][column].strip():
            continue
        if runs and runs[-1][1] == r - 1:
            runs[-1] = (runs[-1][0], r)
        elif rows[r - 1][column].strip():
            runs.append((r - 1, r))
    return runs


# --- docx ---------------------------------------------------------------------------------

def write_docx(blocks: list, path: Path) -> None:
    """The notice as its issuer's Word file: without the website around it."""
    _, blocks, _ = _split_web_furniture(blocks)
    blocks = [b for b in blocks if not (isinstance(b, Paragraph) and _DOWNLOAD.search(b.text))]
    document = WordDocument()
    _set_fonts(document)
    _add_page_number(document.sections[0])
    for block in blocks:
        if isinstance(block, Paragraph):
            document.add_paragraph(block.text)
            continue
        for k, rows in enumerate(split_at_repeated_header(block)):
            if k:
                document.add_paragraph()  # Word needs a paragraph between two tables
            _add_table(document, rows)
    document.save(path)


def _set_fonts(document) -> None:
    for name, size in (("Normal", 12), ("Table Grid", 10.5)):
        style = document.styles[name]
        style.font.name = BODY_FONT
        style.font.size = Pt(size)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)


def _add_page_number(section) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(" —")


def _add_table(document, rows: list[list[str]]) -> None:
    width = len(rows[0])
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for column, cm in zip(table.columns, _column_widths(rows)):
        column.width = Cm(cm)
        for cell in column.cells:
            cell.width = Cm(cm)
    for r, (row, texts) in enumerate(zip(table.rows, rows)):
        _row_property(row, "w:cantSplit")
        if r == 0:
            _row_property(row, "w:tblHeader")
        for cell, text in zip(row.cells, texts):
            lines = text.split("\n")
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    for column in merged_columns(rows[0]):
        for first, last in continuation_runs(rows, column):
            table.cell(first, column).merge(table.cell(last, column))


def _row_property(row, tag: str) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement(tag))


def _column_widths(rows: list[list[str]]) -> list[float]:
    """Widths in cm: the header word fits on one line, long-text columns get the rest."""
    char_cm = 0.42
    minimum = [max(2, len(word.strip()) + 1) * char_cm for word in rows[0]]
    weights = [sum(len(r[k]) for r in rows[1:]) / max(1, len(rows) - 1) for k in range(len(rows[0]))]
    spare = max(0.0, TEXT_WIDTH_CM - sum(minimum))
    total = sum(w ** 0.8 for w in weights) or 1
    return [m + spare * w ** 0.8 / total for m, w in zip(minimum, weights)]


# --- html ---------------------------------------------------------------------------------

def write_html(blocks: list, stem: str) -> bytes:
    """A county-website page around the notice, encoded GB18030 under a gb2312 meta like the sites do."""
    box, body_blocks, links = _split_web_furniture(blocks)
    box.setdefault("索引号", f"11370000/{stem[:3]}-{stem[4:10]}")
    box.setdefault("公开方式", "主动公开")
    title = next((b.text for b in body_blocks if isinstance(b, Paragraph) and "关于" in b.text), stem)
    content = "\n".join(_html_block(b) for b in body_blocks)
    page = _PAGE.format(
        title=html.escape(title),
        box=_html_box(box),
        content=content,
        links="".join(f'<li><a href="#">{html.escape(t)}</a></li>' for t in links),
    )
    return page.encode("gb18030")


def _split_web_furniture(blocks: list):
    """Web-page furniture of a notice copied as text: (metadata box, body blocks, related links)."""
    box: dict[str, str] = {}
    body, links = [], []
    started = False
    for block in blocks:
        if isinstance(block, Table):
            started = True
            body.append(block)
            continue
        text = block.text
        if text == "分享" or not started and (_BREADCRUMB.match(text) or _IMAGE_JUNK.match(text)):
            continue
        if not started and _BOX_LABEL.match(text):
            box.update(_box_pairs(text))
            continue
        if text.startswith("【"):
            links.append(text.strip())
            continue
        started = True
        body.append(block)
    return box, body, links


def _box_pairs(line: str) -> dict[str, str]:
    parts = _BOX_LABEL.split(line)[1:]
    return {re.sub(r"\s+", "", label): value.strip() for label, value in zip(parts[::2], parts[1::2])}


def _html_box(box: dict[str, str]) -> str:
    cells = [f"<td class=\"label\">{html.escape(k)}：</td><td>{html.escape(v)}</td>" for k, v in box.items()]
    rows = ["<tr>" + "".join(cells[i:i + 2]) + "</tr>" for i in range(0, len(cells), 2)]
    return "\n".join(rows)


def _html_block(block) -> str:
    if isinstance(block, Paragraph):
        text = html.escape(block.text)
        if _DOWNLOAD.search(block.text):
            return f'<p class="fujian"><a href="/module/download/{text}">{text}</a></p>'
        return f'<p style="text-indent:2em">{text}</p>'
    pieces = split_at_repeated_header(block)
    rows = pieces[0] + [row for piece in pieces[1:] for row in piece[1:]]
    spans = {(first, column): last - first + 1
             for column in merged_columns(rows[0]) for first, last in continuation_runs(rows, column)}
    covered = {(r, column) for (first, column), n in spans.items() for r in range(first + 1, first + n)}
    out = ['<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">']
    for r, row in enumerate(rows):
        cells = []
        for k, text in enumerate(row):
            if (r, k) in covered:
                continue
            rowspan = f' rowspan="{spans[(r, k)]}"' if (r, k) in spans else ""
            inner = "".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
            if r == 0:
                inner = f"<strong>{inner}</strong>"
            cells.append(f'<td valign="center"{rowspan}>{inner}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{title}</title>
<link href="/images/common.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/js/jquery.js"></script>
<script type="text/javascript">var _hmt = _hmt || []; function doZoom(size) {{ document.getElementById('zoom').style.fontSize = size + 'px'; }}</script>
<style type="text/css">.xxgk_box td {{ border: 1px solid #ccc; }} #zoom p {{ line-height: 2; }}</style>
</head>
<body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="县人民政府" /></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfwj/">政府文件</a></td></tr>
<tr><td valign="top">
<table class="xxgk_box" width="100%" border="0" cellspacing="0" cellpadding="0">
{box}
</table>
<div class="article">
<div id="zoom" class="TRS_Editor">
{content}
</div>
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="print">【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】 <a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="related"><h3>相关链接</h3><ul>{links}</ul></div>
</td></tr>
</table>
<div class="footer"><p>主办单位：县人民政府办公室　承办单位：县大数据中心</p><p>网站标识码：3708000001　鲁ICP备05002386号　<a href="#">网站地图</a></p></div>
</body>
</html>
"""


# --- LibreOffice ----------------------------------------------------------------------------

def convert(source: Path, target: str, folder: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: install LibreOffice (apt-get install libreoffice-writer-nogui fonts-noto-cjk)")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
             "--convert-to", target, "--outdir", str(folder), str(source)],
            check=True, capture_output=True, timeout=180,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
