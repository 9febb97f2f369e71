"""The four table serialisations of pasted text, and decoding."""
import codecs

from mszs.document import Paragraph, Table
from mszs.parsers.text import parse_lines, read_text


def only_table(blocks) -> Table:
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return tables[0]


def test_tab_led_cells_continue_on_untabbed_lines():
    text = ("附件\n\n\t序号\n\t项目名称\n\t责任单位\n\n\t1\n\t“三小车辆”\n\n专项整治工程\n\t县公安局\n\n县交通运输局\n"
            "\t2\n\t教育提升工程\n\t\n\n\n抄送：县委各部门。\n")
    blocks = parse_lines(text)
    table = only_table(blocks)
    assert [r.texts for r in table.rows] == [
        ["序号", "项目名称", "责任单位"],
        ["1", "“三小车辆”\n专项整治工程", "县公安局\n县交通运输局"],
        ["2", "教育提升工程", ""],
    ]
    assert table.rows[1].cells[1].origin.line == 8
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text.startswith("抄送")


def test_tab_separated_rows_with_repeated_header():
    text = "序号\t项目类别\t责任单位\n1\t就业\t县人社局\n\t\t县残联\n\n序号\t项目类别\t责任单位\n2\t教育\t县教体局\n"
    table = only_table(parse_lines(text))
    assert [r.texts for r in table.rows][1:3] == [["1", "就业", "县人社局"], ["", "", "县残联"]]
    assert len(table.rows) == 5  # the repeated header stays a row; the interpreter drops it


def test_pipe_rows_wrap_and_spanned_cells_move_back():
    text = ("当前位置: | 首页 |\n"
            "序号 | 项目名称 | 项目内容 | 主办单位 | 存在问题 |\n"
            "1\n| 医疗 工程 | 改造卫生院 | 卫健局、\n| 无 |\n"
            "建成托育机构2所 | 卫健局 | 无 | ||\n"
            "2 | 教育工程 | 新增学位 | 教体局 | 暂无 |\n")
    blocks = parse_lines(text)
    assert isinstance(blocks[0], Paragraph)  # a pipe line without header words is not a table
    table = only_table(blocks)
    assert [r.texts for r in table.rows] == [
        ["序号", "项目名称", "项目内容", "主办单位", "存在问题"],
        ["1", "医疗 工程", "改造卫生院", "卫健局、", "无"],
        ["", "", "建成托育机构2所", "卫健局", "无"],
        ["2", "教育工程", "新增学位", "教体局", "暂无"],
    ]


def test_one_cell_per_line_with_a_continuation_row():
    text = "序号\n\n项目名称\n\n项目内容\n\n责任单位\n\n1\n\n停车场\n\n新建泊位1200个\n\n住建局\n\n新建充电桩50个\n\n供电公司\n\n2\n\n供水\n\n新建管网\n\n水利局\n"
    table = only_table(parse_lines(text))
    assert [r.texts for r in table.rows] == [
        ["序号", "项目名称", "项目内容", "责任单位"],
        ["1", "停车场", "新建泊位1200个", "住建局"],
        ["", "", "新建充电桩50个", "供电公司"],
        ["2", "供水", "新建管网", "水利局"],
    ]


def test_decodes_gb18030_utf16_and_bom_with_crlf():
    text = "关于办好2021年民生实事的通知\r\n各乡镇：\r\n"
    for data, encoding in [
        (text.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF8 + text.encode("utf-8"), "utf-8"),
    ]:
        document = read_text(data)
        assert document.encoding == encoding
        assert [p.text for p in document.paragraphs] == ["关于办好2021年民生实事的通知", "各乡镇："]


def test_markdown_table_rule_line_is_not_a_row():
    text = "| 序号 | 项目名称 | 责任单位 |\n|---|:---:|---|\n| 1 | 供水 | 县水务局 |\n"
    table = only_table(parse_lines(text))
    assert [r.texts for r in table.rows] == [["序号", "项目名称", "责任单位"], ["1", "供水", "县水务局"]]


def test_tab_led_header_word_wrapped_onto_the_next_line():
    text = "\t序号\n\t项目名称\n\t责任单位\n\t完成\n时限\n\t1\n\t供水\n\t县水务局\n\t12月底\n"
    table = only_table(parse_lines(text))
    assert [r.texts for r in table.rows] == [["序号", "项目名称", "责任单位", "完成\n时限"], ["1", "供水", "县水务局", "12月底"]]


def test_spreadsheet_rows_with_quoted_cells_over_several_lines():
    text = '序号\t项目名称\t责任单位\t完成时限\n1\t供水\t"县水务局\n县财政局"\t12月底\n2\t供暖\t县住建局\t10月\n'
    table = only_table(parse_lines(text))
    assert [r.texts for r in table.rows][1:] == [["1", "供水", "县水务局\n县财政局", "12月底"], ["2", "供暖", "县住建局", "10月"]]


def test_a_stray_quote_in_a_tab_row_does_not_swallow_the_table():
    text = '序号\t项目名称\t责任单位\n1\t"三小车辆整治\t县公安局\n2\t供暖\t县住建局\n'
    table = only_table(parse_lines(text))
    assert [r.texts[2] for r in table.rows] == ["责任单位", "县公安局", "县住建局"]
