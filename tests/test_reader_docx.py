import io
import zipfile

import pytest
from docx import Document as WordDocument
from docx.oxml import parse_xml

from mszs.document import Origin, Paragraph, Table
from mszs.errors import UnreadableInput
from mszs.parsers import read_bytes
from mszs.parsers.docx import read_docx

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
V_NS = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fill(table, rows):
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            lines = text.split("\n")
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)


def _project_table(document, rows):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    _fill(table, rows)
    return table


def test_blocks_come_in_body_order_and_cell_paragraphs_are_lines():
    word = WordDocument()
    word.add_paragraph("关于办好2021年民生实事的通知")
    _project_table(word, [("序号", "项目名称", "责任单位"), ("1", "教育提升工程", "县财政局\n县教体局")])
    word.add_paragraph("抄送：县委各部门")
    blocks = read_docx(_bytes(word)).blocks
    assert [type(b) for b in blocks] == [Paragraph, Table, Paragraph]
    assert blocks[1].rows[1].texts == ["1", "教育提升工程", "县财政局\n县教体局"]
    assert blocks[1].rows[1].cells[2].origin == Origin(table=0, row=1, column=2)


def test_vertical_merge_copies_the_origin_and_records_it():
    word = WordDocument()
    table = _project_table(word, [("序号", "项目名称", "项目内容", "责任单位"),
                                  ("1", "教育提升工程", "新建中学", "县教体局"),
                                  ("", "", "改造操场", "县财政局"),
                                  ("2", "畅通工程", "改造道路", "县住建局")])
    table.cell(1, 0).merge(table.cell(2, 0))
    table.cell(1, 1).merge(table.cell(2, 1))
    rows = read_docx(_bytes(word)).tables[0].rows
    assert rows[2].texts == ["1", "教育提升工程", "改造操场", "县财政局"]
    assert rows[2].cells[0].merged_from == Origin(table=0, row=1, column=0)
    assert rows[2].cells[2].merged_from is None
    assert rows[3].cells[0].merged_from is None


def test_horizontal_merge_fills_every_grid_column():
    word = WordDocument()
    table = _project_table(word, [("序号", "项目名称", "完成时限", "备注"),
                                  ("1", "教育提升工程", "", ""),
                                  ("2", "畅通工程", "2021年12月", "")])
    merged = table.cell(1, 2).merge(table.cell(1, 3))
    merged.paragraphs[0].text = "长期坚持"
    rows = read_docx(_bytes(word)).tables[0].rows
    assert all(len(row.cells) == 4 for row in rows)
    assert rows[1].texts == ["1", "教育提升工程", "长期坚持", "长期坚持"]
    assert rows[1].cells[3].merged_from == Origin(table=0, row=1, column=2)


def test_merge_over_both_directions():
    word = WordDocument()
    table = _project_table(word, [("序号", "项目名称", "责任单位", "协办单位")] + [("", "", "", "")] * 3)
    table.cell(1, 2).merge(table.cell(2, 3)).paragraphs[0].text = "县财政局"
    rows = read_docx(_bytes(word)).tables[0].rows
    assert [row.texts[2:] for row in rows[1:3]] == [["县财政局"] * 2] * 2
    assert rows[2].cells[3].merged_from == Origin(table=0, row=1, column=2)
    assert rows[3].texts[2:] == ["", ""]


def test_nested_table_becomes_lines_of_its_cell():
    word = WordDocument()
    table = _project_table(word, [("序号", "项目内容", "责任单位"), ("1", "", "县卫健局")])
    cell = table.cell(1, 1)
    cell.paragraphs[0].text = "分两步实施："
    inner = cell.add_table(rows=2, cols=2)
    _fill(inner, [("3月底", "完成设计"), ("6月底", "开工建设")])
    rows = read_docx(_bytes(word)).tables[0].rows
    assert rows[1].texts[1] == "分两步实施：\n3月底 完成设计\n6月底 开工建设"
    assert len(read_docx(_bytes(word)).tables) == 1


def test_tables_split_with_a_repeated_header_are_joined():
    word = WordDocument()
    header = ("序号", "项目名称", "责任单位")
    _project_table(word, [header, ("1", "教育提升工程", "县教体局")])
    word.add_paragraph()
    _project_table(word, [header, ("2", "畅通工程", "县住建局")])
    tables = read_bytes(_bytes(word)).tables
    assert len(tables) == 1
    assert [row.texts[0] for row in tables[0].rows] == ["序号", "1", "2"]
    assert tables[0].rows[2].origin.table == 1  # provenance stays with the source table


def test_headers_footers_and_text_boxes_are_not_the_notice():
    word = WordDocument()
    word.sections[0].header.paragraphs[0].text = "汶上县人民政府办公室文件"
    word.sections[0].footer.paragraphs[0].text = "— 1 —"
    paragraph = word.add_paragraph("各乡镇人民政府：")
    paragraph._p.append(parse_xml(
        f'<w:r {W_NS} {V_NS}><w:pict><v:shape><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>图章</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    assert [b.text for b in read_docx(_bytes(word)).blocks] == ["各乡镇人民政府："]


def test_text_boxes_are_read_when_the_body_has_nothing_else():
    word = WordDocument()
    word.add_paragraph()._p.append(parse_xml(
        f'<w:r {W_NS} {V_NS}><w:pict><v:shape><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>关于办好民生实事的通知</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>'))
    assert [b.text for b in read_docx(_bytes(word)).blocks] == ["关于办好民生实事的通知"]


def test_soft_line_breaks_split_body_paragraphs_and_deleted_text_is_gone():
    word = WordDocument()
    paragraph = word.add_paragraph("汶政办发〔2021〕1号")
    paragraph.runs[0].add_break()
    paragraph.add_run("汶上县人民政府办公室")
    paragraph._p.append(parse_xml(f'<w:del {W_NS} w:id="1" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>'))
    assert [b.text for b in read_docx(_bytes(word)).blocks] == ["汶政办发〔2021〕1号", "汶上县人民政府办公室"]


def test_grid_before_pads_the_row():
    word = WordDocument()
    table = _project_table(word, [("序号", "项目名称", "责任单位"), ("1", "甲", "乙")])
    tr = table.rows[1]._tr
    tr.remove(tr.tc_lst[-1])
    tr.get_or_add_trPr().append(parse_xml(f'<w:gridBefore {W_NS} w:val="1"/>'))
    rows = read_docx(_bytes(word)).tables[0].rows
    assert rows[1].texts == ["", "1", "甲"]


def test_damaged_docx_is_unreadable():
    word = WordDocument()
    word.add_paragraph("通知")
    data = _bytes(word)
    with pytest.raises(UnreadableInput):
        read_bytes(data[: len(data) // 2])


def _with_part(data: bytes, name: str, content: bytes) -> bytes:
    """The package with one part's bytes replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as package:
        for entry in source.infolist():
            package.writestr(entry, content if entry.filename == name else source.read(entry))
    return out.getvalue()


def test_the_styles_part_is_read_only_for_a_paragraph_that_has_a_style():
    word = WordDocument()
    word.add_paragraph("通知")
    plain = _with_part(_bytes(word), "word/styles.xml", b"<w:styles")  # damaged: never parsed
    assert [b.text for b in read_docx(plain).blocks] == ["通知"]
    word.add_paragraph("甲", style="List Number")
    with pytest.raises(UnreadableInput):
        read_docx(_with_part(_bytes(word), "word/styles.xml", b"<w:styles"))


def test_a_package_whose_main_part_is_no_word_document_is_unreadable():
    word = WordDocument()
    word.add_paragraph("通知")
    data = _bytes(word)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        types = package.read("[Content_Types].xml").replace(b"document.main+xml", b"template.main+xml")
    with pytest.raises(UnreadableInput):
        read_docx(_with_part(data, "[Content_Types].xml", types))
