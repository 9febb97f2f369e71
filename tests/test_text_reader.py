"""The table serialisations of pasted text, and decoding."""
import codecs
from pathlib import Path

from mszs import parse
from mszs.api import parse_bytes
from mszs.document import Paragraph, Table
from mszs.parsers import read_bytes
from mszs.parsers.text import parse_lines, read_text

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


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


def test_one_cell_per_line_header_cells_wrapped_and_a_label_no_header_word_names():
    blocks = parse_lines((LAYOUTS / "reader_cells_wrapped_header.txt").read_text(encoding="utf-8"))
    table = only_table(blocks)
    assert [r.texts for r in table.rows] == [
        ["序号", "实事\n项目", "责任\n领导", "责任\n单位", "当前进度", "完成\n时限"],
        ["1", "改造镇区供水管网5公里。", "周明", "镇建设办", "60%", "9月底前"],
        ["2", "新建村级文化广场4处。", "陈立", "镇文化站", "30%", "11月底前"],
    ]


def test_one_cell_per_line_wrapped_header_read_end_to_end():
    notice = parse(LAYOUTS / "reader_cells_wrapped_header.txt")
    tasks = [(p.seq, t.content, t.lead_units, t.leaders, t.deadline.date) for p in notice.projects for t in p.tasks]
    assert tasks == [
        (1, "改造镇区供水管网5公里。", ["镇建设办"], ["周明"], "2024-09-30"),
        (2, "新建村级文化广场4处。", ["镇文化站"], ["陈立"], "2024-11-30"),
    ]


def test_one_cell_per_line_labels_after_the_header_words_need_the_first_row_to_follow():
    # With a 序号 column the first row's `1` ends the header, so a last label no header word
    # names is a column; without one, short first-row cells are not taken for labels.
    with_seq = "序号\n项目名称\n责任单位\n群众评议\n1\n供水\n县水务局\n满意\n"
    assert only_table(parse_lines(with_seq)).rows[0].texts == ["序号", "项目名称", "责任单位", "群众评议"]
    without = "项目名称\n项目内容\n责任单位\n城区供水\n新建管网\n县水务局\n"
    assert [r.texts for r in only_table(parse_lines(without)).rows] == [
        ["项目名称", "项目内容", "责任单位"], ["城区供水", "新建管网", "县水务局"]]


def test_a_label_naming_a_period_belongs_to_the_label_below_it():
    text = "序号\n项目内容\n责任单位\n第二季度\n完成情况\n1\n新建管网\n县水务局\n已完工\n"
    assert only_table(parse_lines(text)).rows[0].texts == ["序号", "项目内容", "责任单位", "第二季度\n完成情况"]


def test_two_header_words_of_different_roles_stay_two_columns():
    text = "序号\n项目\n内容\n责任单位\n1\n供水\n新建管网\n县水务局\n"
    assert only_table(parse_lines(text)).rows[1].texts == ["1", "供水", "新建管网", "县水务局"]


def test_short_lines_without_three_header_words_stay_paragraphs():
    text = "附件\n序号\n备注\n说明\n联系人\n"
    assert all(isinstance(b, Paragraph) for b in parse_lines(text))


def test_one_cell_per_line_each_ending_with_a_pipe():
    blocks = parse_lines((LAYOUTS / "reader_piped_cells.txt").read_text(encoding="utf-8"))
    table = only_table(blocks)
    assert [r.texts for r in table.rows] == [
        ["序号", "项目名称", "责任单位", "完成时限"],
        ["1", "城区背街小巷改造工程", "住建局", "10月底前"],
        ["2", "农村公路安全防护工程", "交通局", "11月底前"],
        ["3", "乡镇敬老院提升工程", "民政局", "12月底前"],
    ]
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text.startswith("抄送")


def test_pipe_rows_short_of_spanned_cells_fill_the_right_hand_columns():
    table = only_table(parse_lines((LAYOUTS / "reader_pipe_rowspan.txt").read_text(encoding="utf-8")))
    assert [r.texts for r in table.rows][1:] == [
        ["1", "城区环境提升项目", "对和平路等2条道路实施综合改造;", "10月", "建设局"],
        ["", "", "对湖滨公园实施亮化提升;", "2021.11", "城投公司"],
        ["", "", "新建口袋公园3处。", "11月", "建设局"],
        ["2", "农村公路提升项目", "提升改造农村公路30公里。", "9月", "交通局"],
        ["", "", "", "2021年10月", "开发区"],
    ]


def test_pipe_rows_without_a_sequence_column_are_realigned_by_what_their_cells_hold():
    text = ("项目名称 | 工作任务 | 计划完成时间 | 牵头单位 |\n"
            "1.城市人居环境提升项目 | 对人民路进行综合改造; | 11月 | 建设局 |\n"
            "2021.8 | 城投集团 | ||\n"
            "对七星路进行绿化提升; | 2021.12 | 城投集团 | |\n"
            "2.生态公墓建设项目 | 新建公益性墓地15处 | 10月底 | 民政局 |\n")
    assert [r.texts for r in only_table(parse_lines(text)).rows][2:] == [
        ["", "", "2021.8", "城投集团"],
        ["", "对七星路进行绿化提升;", "2021.12", "城投集团"],
        ["2.生态公墓建设项目", "新建公益性墓地15处", "10月底", "民政局"],
    ]


def test_pipe_header_broken_over_two_lines():
    table = only_table(parse_lines((LAYOUTS / "reader_pipe_header_two_lines.txt").read_text(encoding="utf-8")))
    assert table.rows[0].texts == ["序号", "项目名称", "责任单位", "目标任务", "1-6月 实际完成情况", "完成率", "备注", ""]
    assert [r.texts[:6] for r in table.rows][1:] == [
        ["1", "新增城镇就业", "区人社局", "5200人", "3100人", "60%"],
        ["2", "新建社区养老服务站", "区民政局", "10个", "6个", "60%"],
        ["3", "改造农村户用厕所", "区农业农村局", "2000个", "700个", "35%"],
    ]
    assert table.rows[3].texts[6] == "雨季影响施工进度。"


def test_a_second_header_row_is_not_joined_to_the_first():
    text = "序号 | 项目名称 | 责任单位 | |\n| | | 牵头单位 | 配合单位 |\n1 | 供水 | 县水务局 | 县财政局 |\n"
    assert [r.texts for r in only_table(parse_lines(text)).rows][:2] == [
        ["序号", "项目名称", "责任单位", ""], ["", "", "牵头单位", "配合单位"]]


def test_a_pipe_row_broken_right_after_a_pipe_goes_on_over_the_next_line():
    text = "序号 | 项目名称 | 项目内容 | 责任单位 |\n1 | 供水 |\n新建管网 | 县水务局 |\n2 | 供暖 | 改造管网 | 县住建局 |\n"
    assert [r.texts for r in only_table(parse_lines(text)).rows][1:] == [
        ["1", "供水", "新建管网", "县水务局"], ["2", "供暖", "改造管网", "县住建局"]]


def test_pipe_rows_without_a_closing_pipe_are_one_row_per_line():
    text = "序号 | 项目名称 | 责任单位\n1 | 供水 | 县水务局\n2 | 供暖 | 县住建局\n"
    assert [r.texts for r in only_table(parse_lines(text)).rows][1:] == [["1", "供水", "县水务局"], ["2", "供暖", "县住建局"]]


def test_cells_apart_by_single_spaces_under_a_header_of_header_words():
    table = only_table(parse_lines((LAYOUTS / "reader_spaced_table.txt").read_text(encoding="utf-8")))
    assert [r.texts for r in table.rows] == [
        ["序号", "省重点民生实事项目名称", "责任单位", "目标任务", "1-9月实际完成情况", "备注"],
        ["1", "农村饮水安全巩固提升", "水利局", "1200人", "800", "已解决800人饮水问题"],
        ["2", "新增城镇就业", "人社局", "6500", "5900", ""],
        ["3", "新增养老服务床位", "民政局", "90个", "70", ""],
    ]


def test_cells_apart_by_runs_of_spaces_with_a_wrapped_cell():
    text = ("序号    项目名称            责任单位      完成时限\n"
            "1       新建公园2处         县住建局      12月底\n"
            "        （城东片区）\n"
            "2       改造农贸市场3个     县商务局      10月底\n"
            "以上项目由县政府督查室跟踪督办。\n")
    blocks = parse_lines(text)
    assert [r.texts for r in only_table(blocks).rows][1:] == [
        ["1", "新建公园2处\n（城东片区）", "县住建局", "12月底"], ["2", "改造农贸市场3个", "县商务局", "10月底"]]
    assert isinstance(blocks[-1], Paragraph)


def test_single_spaced_rows_with_headings_between_and_cells_wrapped_over_lines():
    # 2025 区政府工作报告 上半年推进情况汇总表: a heading before the first row, units one per
    # line under a row short of cells, then the cell that row's line lacked.
    text = ("序号 目标任务 责任单位 上半年推进情况\n"
            "一、经济社会发展主要预期目标\n"
            "1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。\n"
            "2 第一产业增加值增长5%。 区农业农村委\n"
            "区林业局\n"
            "区供销联社\n"
            "第一产业增加值同比增长3.4%。\n"
            "二、重点工作\n"
            "（一）以创建国家高新区为抓手\n"
            "3 实施高能级创新平台建设行动。 区科技局 全面启动国家高新区创建工作。\n")
    assert [r.texts for r in only_table(parse_lines(text)).rows][1:] == [
        ["一、经济社会发展主要预期目标", "", "", ""],
        ["1", "地区生产总值增长6%以上。", "区发展改革委", "地区生产总值同比增长2.9%。"],
        ["2", "第一产业增加值增长5%。", "区农业农村委\n区林业局\n区供销联社", "第一产业增加值同比增长3.4%。"],
        ["二、重点工作", "", "", ""],
        ["（一）以创建国家高新区为抓手", "", "", ""],
        ["3", "实施高能级创新平台建设行动。", "区科技局", "全面启动国家高新区创建工作。"],
    ]


def test_cells_apart_by_ideographic_spaces():
    text = "项目名称\u3000责任单位\u3000完成时限\n新建公园2处\u3000县住建局\u300012月底\n"
    assert [r.texts for r in only_table(parse_lines(text)).rows] == [
        ["项目名称", "责任单位", "完成时限"], ["新建公园2处", "县住建局", "12月底"]]


def test_paragraphs_with_double_spaces_stay_paragraphs():
    text = ("各乡镇人民政府，县直各部门：  现将项目清单印发给你们。\n"
            "序号 名称 说明\n"  # single spaces: three labels are too few to trust
            "联系人：王明  电话：1234567\n")
    assert all(isinstance(b, Paragraph) for b in parse_lines(text))


def test_a_traditional_piped_table_is_found_and_each_row_taken_as_it_stands():
    # header words are looked for after the text is converted to simplified; a row between two
    # bare `|` with a cell per column keeps its order (a year alone under 建设时间 included)
    document = read_bytes((LAYOUTS / "reader_piped_cells_traditional.txt").read_bytes())
    assert "the notice is in traditional characters; converted to simplified" in document.warnings
    (table,) = document.tables
    assert table.rows[0].texts == ["序号", "项目名称", "建设地点", "建设时间", "建设内容", "责任单位"]
    assert table.rows[2].texts == ["2", "农村公路安全防护项目", "各乡镇", "2024", "实施农村公路安全防护工程80公里。", "交通局"]


def test_one_cell_per_line_rows_with_a_cell_for_every_column_are_taken_by_position():
    # A letter-spaced name and a unit without a usual suffix would be misplaced by their looks.
    tasks = [(t.content, t.leaders, t.lead_units, t.co_units, t.progress)
             for p in parse(LAYOUTS / "reader2_cells_by_position.txt").projects for t in p.tasks]
    assert tasks == [
        ("改造镇区公厕6座。", ["陈东"], ["镇建设办"], ["镇城投"], "已完成4座。"),
        ("新建供水泵站2座。", ["刘芳"], ["镇水利站"], ["镇财政所"], "泵站主体已完工。"),
    ]


def test_piped_cells_with_a_two_row_header_and_group_numbers():
    table = only_table(parse_lines((LAYOUTS / "reader2_piped_two_row_header.txt").read_text(encoding="utf-8")))
    assert [r.texts for r in table.rows] == [
        ["序号", "牵头单位", "项目名称", "业主单位", "本月进展情况", "本月进展情况"],
        ["", "", "", "", "前期手续", "在建形象进度"],
        ["一", "镇建设办", "(一)镇区道路黑化工程", "镇城投公司", "已完成", "已完工"],
        ["二", "镇文化站", "(一)村级文化广场建设项目", "镇文化站", "已完成", "完成60%"],
        ["", "", "(二)农家书屋提升项目", "镇文化站", "已完成", "已完工"],
    ]


def test_a_signature_after_the_last_full_row_ends_a_one_cell_per_line_table():
    notice = parse(LAYOUTS / "reader2_signature_after_cells.txt")
    assert [(p.seq, [t.content for t in p.tasks]) for p in notice.projects] == [
        (1, ["新建社区食堂5个"]), (2, ["改造农贸市场2个"])]
    assert notice.notice.issue_date == "2023-12-18"


def test_a_unit_and_date_completing_the_last_row_stay_in_the_table():
    blocks = parse_lines("序号\n项目内容\n责任单位\n完成时间\n1\n新建社区食堂5个\n区民政局\n"
                         "2023年12月18日\n2\n改造农贸市场2个\n区商务局\n2023年12月20日\n")
    assert only_table(blocks).rows[-1].texts == ["2", "改造农贸市场2个", "区商务局", "2023年12月20日"]


def test_a_lone_pipe_in_a_row_short_of_cells_is_an_empty_cell():
    notice = parse(LAYOUTS / "reader2_piped_empty_cell.txt")
    tasks = [(p.seq, t.content, t.leaders, t.lead_units, t.progress) for p in notice.projects for t in p.tasks]
    assert tasks == [
        (1, "新建村级养老服务站3个。", ["李明"], ["镇民政办"], "已建成2个。"),
        (2, "改造农村公路12公里。", ["李明"], ["镇交通站"], "已完工。"),
        (2, "推进村组道路日常养护。", ["李明"], ["镇交通站"], None),
    ]


def test_one_cell_per_line_header_labels_read_by_their_head_or_with_a_note_are_one_cell():
    # 九江 2025: `开工` / `时间`, `竣工` / `时间` and `总投资` / `(万元)` are three header cells.
    text = "\n".join(["序号", "项目名称", "项目内容", "责任单位", "开工", "时间", "竣工", "时间", "总投资", "(万元)",
                      "1", "九一六社区完整社区建设项目", "对社区进行精品提升改造", "柴桑区", "2025年3月", "2025年12月", "23000"])
    table = only_table(parse_lines(text))
    assert table.rows[0].texts == ["序号", "项目名称", "项目内容", "责任单位", "开工\n时间", "竣工\n时间", "总投资\n(万元)"]
    assert table.rows[1].texts[4:] == ["2025年3月", "2025年12月", "23000"]
    notice = parse_bytes(text.encode("utf-8"))
    task = notice.projects[0].tasks[0]
    # when work starts is no deadline and no milestone; when it ends is the deadline
    assert (task.deadline.date, task.milestones) == ("2025-12-31", [])


def test_single_spaced_table_with_a_header_word_split_by_a_space_and_unnumbered_task_rows():
    # 岳阳楼区 2017 (1-8月完成情况表): `1- 8月实际完成情况` is one header cell, `1-8月实际完成率%` a rate,
    # and a project's second task is a row of its own without a 序号.
    text = "\n".join([
        "序号 省重点民生实事项目名称 责任单位 目标任务 1- 8月实际完成情况   1-8月实际完成率% 备注",
        "1 精准扶贫:农村饮用水安全巩固提升 农林水务局 1300人 700 54% 已解决700人(贫困人口)的饮水问题",
        "2 新增城镇就业   人社局 8950 7356 82%",
        "3 深化机关事业单位养老保险制度改革 完成在职参保人数6300人 区人社局 6300人 7558 119%",
        "完成征缴基金10000万元 区人社局 10000万 7965 80%",
        "4 孕产妇产前免费筛查 卫生局 3600人 3436 95%",
    ])
    table = only_table(parse_lines(text))
    assert table.rows[0].texts[4:6] == ["1-8月实际完成情况", "1-8月实际完成率%"]
    assert [row.texts[0] for row in table.rows[1:]] == ["1", "2", "3", "", "4"]


def test_a_header_cell_naming_whose_leader_is_broken_over_two_lines_is_one_column():
    # 常州市钟楼区 2022: `工 作 标 准` is the content; `区政府` / `分管领导` one leaders column.
    text = "\n".join(["序号", "目标名称", "工 作 标 准", "区政府", "分管领导", "牵头单位", "配合单位", "1", "四大功能区建设",
                      "(1)老城复兴样板区要见成效,年内完成37个老旧小区改造任务。", "王旭锋", "住建局", "新闸街道、五星街道"])
    table = only_table(parse_lines(text))
    assert table.rows[0].texts == ["序号", "目标名称", "工 作 标 准", "区政府\n分管领导", "牵头单位", "配合单位"]
    assert table.rows[1].texts[3:] == ["王旭锋", "住建局", "新闸街道、五星街道"]


def test_an_attachment_heading_ends_a_table_pasted_one_cell_per_line():
    # 合肥高新区 2022: the first attachment's table, then `附件2` and the second's caption and header.
    text = "\n".join(["序号", "2022年预期目标", "责任单位", "1", "地区生产总值增长8%左右", "区发展改革委",
                      "2", "节能减排降碳完成年度目标任务", "区发展改革委", "附件2", "2022年区政府工作报告重点工作任务分解表",
                      "序号", "工作任务", "牵头单位", "配合单位", "1", "推动量子通信器件国家重点实验室落地", "区科技局", "区财政局"])
    tables = [b for b in parse_lines(text) if isinstance(b, Table)]
    assert [len(t.rows) for t in tables] == [3, 2]
