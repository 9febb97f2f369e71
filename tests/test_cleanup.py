import pytest

from mszs.document import Cell, Document, Paragraph, Row, Table
from mszs.parsers.cleanup import clean_document, clean_text, is_page_number, undouble


def _table(*rows):
    return Table([Row([Cell(text) for text in row]) for row in rows])


HEADER = ("序号", "项目名称", "责任单位")


def test_traditional_notice_is_converted_with_a_warning():
    document = Document([Paragraph("關於辦好2021年縣政府民生實事項目的通知"), _table(HEADER, ("1", "農村環境整治工程", "縣財政局"))], "html")
    clean_document(document)
    assert document.blocks[0].text == "关于办好2021年县政府民生实事项目的通知"
    assert document.blocks[1].rows[1].texts == ["1", "农村环境整治工程", "县财政局"]
    assert any("traditional" in w for w in document.warnings)


def test_simplified_notice_is_left_alone():
    text = "显著提升群众获得感，著力推进民生实事"
    document = clean_document(Document([Paragraph(text)], "text"))
    assert document.blocks[0].text == text
    assert document.warnings == []


def test_fullwidth_digits_inside_numbers():
    assert clean_text("新增学位２７００个，增长１２．５％") == "新增学位2700个，增长12.5％"


def test_fake_bold_lines_are_undoubled_but_real_repeats_stay():
    assert undouble("微微软软雅雅黑黑") == "微软雅黑"
    assert undouble("关关于于办办好好民民生生实实事事") == "关于办好民生实事"
    assert undouble("人人享有基本医疗") == "人人享有基本医疗"
    assert undouble("天天") == "天天"


def test_page_number_lines():
    for line in ("— 3 —", "-3-", "- 12 -", "第3页", "第 3 页 共 10 页", "3/10"):
        assert is_page_number(line), line
    for line in ("3月底完成", "一、总体要求", "2021年"):
        assert not is_page_number(line), line


def test_page_numbers_and_empty_paragraphs_are_dropped():
    document = clean_document(Document([Paragraph("正文"), Paragraph("— 2 —"), Paragraph("  ")], "pdf"))
    assert [b.text for b in document.blocks] == ["正文"]


def test_table_continued_with_repeated_header_is_joined_without_it():
    first = _table(HEADER, ("1", "甲工程", "县财政局"))
    second = _table(HEADER, ("2", "乙工程", "县水务局"))
    document = clean_document(Document([first, Paragraph("— 1 —"), second], "pdf"))
    assert len(document.blocks) == 1
    assert [row.texts[0] for row in document.blocks[0].rows] == ["序号", "1", "2"]


def test_table_continued_without_header_is_joined():
    first = _table(HEADER, ("1", "甲工程", "县财政局"))
    second = _table(("", "", "县教体局"), ("2", "乙工程", "县水务局"))
    document = clean_document(Document([first, second], "pdf"))
    assert len(document.blocks) == 1
    assert len(document.blocks[0].rows) == 4


def test_tables_with_different_headers_or_text_between_stay_apart():
    first = _table(HEADER, ("1", "甲工程", "县财政局"))
    other = _table(("序号", "实事内容", "牵头单位"), ("1", "乙", "县水务局"))
    assert len(clean_document(Document([first, other], "docx")).blocks) == 2
    first = _table(HEADER, ("1", "甲工程", "县财政局"))
    again = _table(HEADER, ("2", "乙工程", "县水务局"))
    assert len(clean_document(Document([first, Paragraph("附件2"), again], "docx")).blocks) == 3


def test_header_repeated_inside_a_table_is_dropped():
    table = _table(HEADER, ("1", "甲工程", "县财政局"), ("序 号", "项目名称", "责任单位"), ("2", "乙工程", "县水务局"))
    document = clean_document(Document([table], "text"))
    assert [row.texts[0] for row in document.blocks[0].rows] == ["序号", "1", "2"]


def test_a_simplified_notice_with_rare_characters_outside_gb2312_is_left_alone():
    # 湑, 堉 and 玥 are simplified characters GB2312 lacks, as place and personal names often are
    text = "对马畅中小、湑水中小等学校运动场地进行改造，由张堉、李玥同志负责，确保按时完成民生实事项目。" * 3
    document = clean_document(Document([Paragraph(text)], "html"))
    assert document.blocks[0].text == text
    assert document.warnings == []


@pytest.mark.parametrize("read, mended", [
    ("汶政办发〔2021）1号", "汶政办发〔2021〕1号"),
    ("汶政办发(2021]1号", "汶政办发〔2021〕1号"),
    ("2O21年1月19日", "2021年1月19日"),
    ("2021年l2月", "2021年12月"),
    ("二O二一年一月", "二〇二一年一月"),
    ("县财政局丶县教体局", "县财政局、县教体局"),
    ("(此件公开发布)", "（此件公开发布）"),
    ("各乡镇（街道)", "各乡镇（街道）"),
    ("截至目前,已完成80%", "截至目前，已完成80%"),
    ("完成投资3.5亿元", "完成投资3.5亿元"),
    ("Windows 10 (2021)", "Windows 10 (2021)"),
])
def test_ocr_misreadings_are_mended_in_text_read_by_ocr(read, mended):
    document = clean_document(Document([Paragraph(read)], format="image", ocr=True))
    assert document.blocks[0].text == mended
    assert bool(document.warnings) == (read != mended)


def test_ocr_mends_are_counted_in_one_warning_each_and_leave_other_formats_alone():
    texts = ["汶政办发〔2021）1号", "县财政局丶县教体局", "县水务局丶县农业农村局"]
    read = clean_document(Document([Paragraph(t) for t in texts], format="pdf", ocr=True))
    assert read.warnings == [
        "OCR text mended: a 发文字号 year in mismatched brackets, in 1 text (“汶政办发〔2021）1号” → “汶政办发〔2021〕1号”)",
        "OCR text mended: 丶 read for the enumeration comma 、, in 2 texts (“县财政局丶县教体局” → “县财政局、县教体局”)",
    ]
    typed = clean_document(Document([Paragraph(t) for t in texts], format="pdf"))
    assert [b.text for b in typed.blocks] == texts and typed.warnings == []


def test_look_alike_code_points_read_as_the_characters_they_print():
    from mszs.parsers.cleanup import clean_text

    # As Chromium's PDFs in Noto CJK give them: Kangxi and supplement radicals, 戶's twin, Ext. A 㬵.
    assert clean_text("⼯⼈⺠⽣，改造农⼾954⼾，塑㬵跑道", undoubling=False) == "工人民生，改造农户954户，塑胶跑道"
    assert clean_text("户籍與戶口", undoubling=False) == "户籍與戶口"  # real characters stay as written
