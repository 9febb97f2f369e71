import re
from pathlib import Path

import pytest

from mszs.errors import EncryptedInput, NeedsOcr
from mszs.parsers import read_bytes

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "pdf"
SAMPLES = ROOT / "samples"
SPLIT_NOTICE = "003_e2b3581a32b51649"  # tables over 10 pages, a header repeated on each, rows split by page breaks


def _read(path: Path):
    return read_bytes(path.read_bytes())


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def split_notice():
    return _read(SAMPLES / "pdf" / f"{SPLIT_NOTICE}.pdf"), _read(SAMPLES / "notices" / f"{SPLIT_NOTICE}.txt")


def test_table_over_pages_is_one_table_without_repeated_headers(split_notice):
    pdf, text = split_notice
    assert len(pdf.tables) == 1
    rows = pdf.tables[0].rows
    assert [row.texts[0] for row in rows].count("序号") == 1
    assert len(rows) == len(text.tables[0].rows)
    assert {row.origin.page for row in rows} >= set(range(2, 12))


def test_rows_split_by_a_page_break_are_whole_again(split_notice):
    pdf, text = split_notice
    for pdf_row, text_row in zip(pdf.tables[0].rows, text.tables[0].rows):
        for pdf_cell, text_cell in zip(pdf_row.cells, text_row.cells):
            if text_cell.text:
                assert _squash(pdf_cell.text) == _squash(text_cell.text)


def test_milestone_lines_stay_lines_and_wrapped_lines_are_joined(split_notice):
    pdf, text = split_notice
    for pdf_row, text_row in zip(pdf.tables[0].rows, text.tables[0].rows):
        assert pdf_row.cells[3].text.count("\n") == text_row.cells[3].text.count("\n")


def test_paragraphs_are_whole_page_numbers_gone_and_cjk_unspaced(split_notice):
    pdf, text = split_notice
    assert [_squash(p.text) for p in pdf.paragraphs] == [_squash(p.text) for p in text.paragraphs]
    assert not any(re.fullmatch(r"—\s*\d+\s*—", p.text) for p in pdf.paragraphs)
    assert all(p.origin.page for p in pdf.paragraphs)
    assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", pdf.paragraphs[5].text)


def test_table_continued_without_repeated_header():
    document = _read(FIXTURES / "long_table.pdf")
    assert len(document.tables) == 1
    rows = document.tables[0].rows
    assert [row.texts[0] for row in rows] == ["序号"] + [str(n) for n in range(1, 71)]
    assert rows[1].origin.page == 1 and rows[-1].origin.page == 2


def test_scanned_pdf_needs_ocr_when_ocr_is_off():
    with pytest.raises(NeedsOcr, match=r"OCR is needed to read it: OCR was turned off \(--ocr never\)"):
        read_bytes((FIXTURES / "scan.pdf").read_bytes(), ocr="never")


def test_cid_text_needs_ocr():
    from mszs.parsers.ocr import available

    hint = "rerun with --ocr always" if available() else "install OCR with"
    with pytest.raises(NeedsOcr, match=rf"\(cid:NNN\)\); OCR is needed: {hint}"):
        _read(FIXTURES / "cid.pdf")


def test_encrypted_pdf():
    with pytest.raises(EncryptedInput, match="password"):
        _read(FIXTURES / "encrypted.pdf")


def test_fake_bold_text_is_read_once():
    document = _read(FIXTURES / "fake_bold.pdf")
    assert [p.text for p in document.paragraphs] == ["Livelihood projects", "Ten projects for 2021."]


def test_running_headers_and_page_numbers_in_the_margins_are_furniture():
    from mszs.parsers.pdf import _is_furniture, _running_lines

    def line(text, top):
        return {"text": text, "top": top, "bottom": top + 12}

    pages = [{"height": 800.0, "items": [line("汶上县人民政府办公室文件", 30), line(f"正文第{n}页的内容", 400),
                                         line(f"— {n} —", 770)]} for n in range(1, 5)]
    running = _running_lines(pages)
    page = pages[0]
    assert [_is_furniture(item, page, running) for item in page["items"]] == [True, False, True]


def test_rows_a_browser_split_over_pages_are_whole_again():
    """Chromium splits a row at the page break and draws no border there: a project name,
    its content and its milestones go on at the top of the next page."""
    document = _read(SAMPLES / "renderings" / "chromium-a4-narrow-sans-10.5" / f"{SPLIT_NOTICE}.pdf")
    text = _read(SAMPLES / "notices" / f"{SPLIT_NOTICE}.txt")
    assert len(document.tables) == 1
    assert [_squash(row.texts[1]) for row in document.tables[0].rows] == \
        [_squash(row.texts[1]) for row in text.tables[0].rows]
    assert [_squash(row.texts[2]) for row in document.tables[0].rows] == \
        [_squash(row.texts[2]) for row in text.tables[0].rows]


def test_open_table_ends_close_only_what_the_page_cut():
    from mszs.parsers.pdf import _open_table_ends

    def edge(orientation, x0, x1, top, bottom):
        return {"orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom}

    columns = [edge("v", x, x, 100, 700) for x in (50, 100, 300)]
    ruled_top = [edge("h", 50, 100, 100, 100), edge("h", 100, 300, 100, 100)]  # a border per cell
    spanned_bottom = [edge("h", 100, 300, 700, 700)]  # the first column's cell goes on below
    closing = {round(c["top"]): c["bare"] for c in _open_table_ends(columns + ruled_top + spanned_bottom)}
    assert closing == {700: False}
    closing = {round(c["top"]): c["bare"] for c in _open_table_ends(columns + ruled_top)}
    assert closing == {700: True}


def _table_page(number: int, columns: list[float], rows: list[tuple[float, list]], bottom: float):
    """A page holding one ruled table: ``rows`` of (top, cells), each cell a text (its lines
    apart by line breaks) or None where a cell of the row above spans down into it (no rule
    between them). Characters are 12 points square, lines 14 points apart."""
    from mszs.parsers.positioned import PositionedPage, glyph, rule

    page = PositionedPage(number, width=300, height=400)
    tops = [top for top, _ in rows] + [bottom]
    page.edges += [rule(x, tops[0], x, bottom) for x in columns]
    page.edges.append(rule(columns[0], tops[0], columns[-1], tops[0]))
    cells_below = [cells for _, cells in rows[1:]] + [[""] * (len(columns) - 1)]
    for (top, cells), below, next_cells in zip(rows, tops[1:], cells_below):
        for c, text in enumerate(cells):
            if next_cells[c] is not None:  # a rule closes the cell unless it spans the row below
                page.edges.append(rule(columns[c], below, columns[c + 1], below))
            for n, line in enumerate((text or "").split("\n")):
                for k, char in enumerate(line):
                    x, y = columns[c] + 2 + 12 * k, top + 4 + 14 * n
                    page.chars.append(glyph(char, x, x + 12, y, y + 12))
    return page


def test_a_name_spanning_rows_and_cut_by_the_page_is_whole_in_every_row_it_spans():
    """A project name spanning its tasks' rows, cut by the page break inside its first task
    (大力扶持就 | 业创业): the rest of the row goes back to that task, and the rows below on the
    next page show the whole name, so that they stay tasks of the same project."""
    from mszs.parsers.cleanup import clean_document
    from mszs.parsers.pdf import read_layout

    columns = [20, 50, 114, 202]  # 序号 two characters, the name five, the content seven
    header = ["序号", "项目名称", "实事内容"]
    first = _table_page(1, columns, [(40, header), (60, ["1", "大力扶持就", "第一项任务的内"])], 80)
    second = _table_page(2, columns, [(40, header), (60, ["", "业创业", "容。"]), (80, [None, None, "第二项任务。"])],
                         100)
    table, = clean_document(read_layout([first, second], "pdf")).tables
    assert [row.texts for row in table.rows] == [
        header, ["1", "大力扶持就业创业", "第一项任务的内容。"], ["1", "大力扶持就业创业", "第二项任务。"]]
    assert table.rows[2].cells[1].merged_from == table.rows[1].cells[1].origin


def test_a_name_cut_by_the_page_above_a_new_task_is_whole_and_the_task_its_own():
    """The page break falls between two tasks of a project while cutting its name
    (大力扶持就 | 业创业): the name's rest does not make the next task the rest of the last one."""
    from mszs.parsers.cleanup import clean_document
    from mszs.parsers.pdf import read_layout

    columns = [20, 50, 114, 202]
    header = ["序号", "项目名称", "实事内容"]
    first = _table_page(1, columns, [(40, header), (60, ["1", "大力扶持就", "第一项任务。"])], 80)
    second = _table_page(2, columns, [(40, header), (60, ["", "业创业", "第二项任务。"]),
                                      (80, [None, None, "第三项任务。"])], 100)
    table, = clean_document(read_layout([first, second], "pdf")).tables
    assert [row.texts[1:] for row in table.rows[1:]] == [
        ["大力扶持就业创业", "第一项任务。"], ["大力扶持就业创业", "第二项任务。"], ["大力扶持就业创业", "第三项任务。"]]
    assert {row.cells[1].merged_from for row in table.rows[2:]} == {table.rows[1].cells[1].origin}


def test_names_a_full_line_parts_stay_apart_when_the_document_lists_each_alone():
    """A layout that wraps a list of names at the space between two (县水务局 徽矿集团) drops
    the space; the names stay apart when the document lists each on its own elsewhere, while
    a name wrapped inside (县住房城|乡建设局) is joined."""
    from mszs.parsers.pdf import read_layout

    columns = [20, 50, 114, 166]  # the unit column holds four characters a line
    rows = [(40, ["序号", "项目名称", "责任单位"]), (60, ["1", "新建水厂", "县水务局\n徽矿集团"]),
            (96, ["2", "改造管网", "县水务局"]), (116, ["3", "集中供热", "徽矿集团"]), (136, ["4", "危房改造", "县住房城\n乡建设局"])]
    table, = read_layout([_table_page(1, columns, rows, 172)], "pdf").tables
    assert [row.texts[2] for row in table.rows[1:]] == ["县水务局\n徽矿集团", "县水务局", "徽矿集团", "县住房城乡建设局"]
    alone = [(40, ["序号", "项目名称", "责任单位"]), (60, ["1", "新建水厂", "县水务局\n徽矿集团"]),
             (96, ["2", "改造管网", "县水务局"]), (116, ["3", "集中供热", "县财政局"])]
    table, = read_layout([_table_page(1, columns, alone, 136)], "pdf").tables
    assert table.rows[1].texts[2] == "县水务局徽矿集团"  # 徽矿集团 is listed nowhere else
