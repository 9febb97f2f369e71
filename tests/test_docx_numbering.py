"""Word's auto-numbering labels put back in front of paragraphs."""
import docx
from docx.oxml import parse_xml

from mszs.parsers.docx_numbering import ListNumbering

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
OUTLINE = f"""<w:abstractNum {NS} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>"""


def numbered(document, text, level, num_id="90"):
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def outline_document():
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(OUTLINE))
    numbering.append(parse_xml(f'<w:num {NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return document


def test_outline_labels_follow_levels_and_reset_deeper_counters():
    document = outline_document()
    paragraphs = [numbered(document, "总体要求", 0), numbered(document, "教育", 1), numbered(document, "新建学校", 2),
                  numbered(document, "新增学位", 2), numbered(document, "医疗", 1), numbered(document, "免费体检", 2),
                  numbered(document, "保障措施", 0), numbered(document, "要点", 3)]
    plain = document.add_paragraph("正文")
    numbering = ListNumbering(document.part.numbering_part.element, lambda: document.styles.element)
    labels = [numbering.label(p._p) for p in paragraphs + [plain]]
    assert labels == ["一、", "（一）", "1.", "2.", "（二）", "1.", "二、", "", ""]


def test_paragraph_style_numbering():
    document = docx.Document()
    items = [document.add_paragraph(t, style="List Number") for t in ("甲", "乙")]
    numbering = ListNumbering(document.part.numbering_part.element, lambda: document.styles.element)
    assert [numbering.label(p._p) for p in items] == ["1.", "2."]


def test_the_docx_reader_puts_labels_back_so_the_outline_reads():
    import io

    from mszs.api import parse_bytes

    document = outline_document()
    numbered(document, "2024年民生实事项目", 0)
    numbered(document, "教育惠民", 1)
    numbered(document, "新建城区第三幼儿园，新增学位540个。（责任单位：县教育局）", 2)
    numbered(document, "改造农村学校12所。（责任单位：县教育局）", 2)
    numbered(document, "医疗卫生", 1)
    numbered(document, "免费体检3万人次。（责任单位：县卫健局）", 2)
    buffer = io.BytesIO()
    document.save(buffer)
    notice = parse_bytes(buffer.getvalue())
    assert [(p.seq, p.section) for p in notice.projects] == [(1, "教育惠民"), (2, "教育惠民"), (1, "医疗卫生")]
