"""Fitting one-cell-per-paragraph web tables into rows."""
import pytest

from mszs.parsers.cell_stream import best_shift, fit_rows, kind_of


@pytest.mark.parametrize("text, kind", [
    ("12月底前", "date"), ("2021年12月", "date"), ("9月投入使用", "date"), ("年底前", "date"), ("第三季度", "date"),
    ("2021.8", "date"), ("2021-12", "date"), ("新建口袋公园3处", "text"), ("2024", "text"),
    ("县住建局", "unit"), ("各乡镇（街道）", "unit"), ("县财政局等", "unit"),
    ("区发展改革局、区工业和信息化局、沈阳近海经济区管委会", "unit"), ("区工信局、各街道办事处", "unit"),
    ("王继讲", "person"),
    ("新建2座人行天桥。", "text"), ("改造老旧小区25个，惠及居民3600户", "text"),
])
def test_kind_of(text, kind):
    assert kind_of(text) == kind


def cells(*texts):
    return [(t, n) for n, t in enumerate(texts, 1)]


def test_units_split_over_paragraphs_stay_in_their_column():
    rows = fit_rows(["序号", "项目内容", "责任单位", "完成时限"],
                    cells("1", "新建管网", "县水务局", "县住建局", "12月底前", "2", "改造水厂", "县水务局", "9月"))
    assert [[t for t, _ in r] for r in rows] == [
        ["1", "新建管网", "县水务局\n县住建局", "12月底前"],
        ["2", "改造水厂", "县水务局", "9月"],
    ]


def test_text_after_a_full_row_starts_a_continuation_row():
    rows = fit_rows(["序号", "项目名称", "项目内容", "责任单位", "完成时限"],
                    cells("1", "养老", "建设养护楼", "县民政局", "5月底前", "建设老年大学", "12月底前"))
    assert [[t for t, _ in r] for r in rows] == [
        ["1", "养老", "建设养护楼", "县民政局", "5月底前"],
        ["", "", "建设老年大学", "", "12月底前"],
    ]


def test_circled_sub_items_stay_in_their_cell_and_so_do_their_progress_lines():
    # 宜春市袁州区 2023 (截至9月底): sub-tasks ①–④ each on its line, then their progress one a line, unmarked.
    rows = fit_rows(["序号", "项目名称", "具体任务及目标", "牵头单位", "进展情况"],
                    cells("1", "公办教育资源扩容提质惠民工程", "①完成赣西中等职业技术学校项目二期建设。",
                          "②启动宜春市特教学校扩建工程。", "区教体局", "赣西中等职业技术学校项目二期已完工。",
                          "宜春市特教学校扩建项目正在再次优化建设方案。"))
    assert [[t for t, _ in r] for r in rows] == [
        ["1", "公办教育资源扩容提质惠民工程", "①完成赣西中等职业技术学校项目二期建设。\n②启动宜春市特教学校扩建工程。", "区教体局",
         "赣西中等职业技术学校项目二期已完工。\n宜春市特教学校扩建项目正在再次优化建设方案。"]]


def test_one_cell_printed_for_two_content_columns_leaves_the_leader_under_its_column():
    # 崇川区 2023 (1-11月): `主要任务` and `全年目标任务` head one printed cell; `徐国江` is the 分管领导.
    rows = fit_rows(["序号", "主要任务", "全年目标任务", "分管领导", "牵头单位", "1-11月推进情况"],
                    cells("24", "优化提升50条背街后巷交通组织。", "徐国江", "城管局", "已进场施工，完成60%。"))
    assert [[t for t, _ in r] for r in rows][0][:5] == ["24", "优化提升50条背街后巷交通组织。", "", "徐国江", "城管局"]


def test_a_number_out_of_sequence_is_a_cell_not_a_new_row():
    rows = fit_rows(["序号", "项目内容", "备注", "责任单位"], cells("1", "新建泊位", "5", "县住建局"))
    assert [[t for t, _ in r] for r in rows] == [["1", "新建泊位", "5", "县住建局"]]


def test_a_table_cut_from_a_longer_one_starts_at_its_first_number():
    rows = fit_rows(["序号", "项目内容", "责任单位"], cells("24", "新建管网", "县水务局", "25", "改造水厂", "县住建局"))
    assert [[t for t, _ in r] for r in rows] == [["24", "新建管网", "县水务局"], ["25", "改造水厂", "县住建局"]]


TASKS = ["name", "content", "deadline", "lead_units"]


@pytest.mark.parametrize("roles, texts, shift", [
    (TASKS, ["对七星路实施亮化提升", "2021.12", "城投集团"], 1),  # the name is spanned
    (TASKS, ["2021.8", "城投集团"], 2),  # so are the name and the task
    (TASKS, ["计划10月底完成墓地建设", "公共服务集团"], 2),
    (["name", "content", "units", "remarks"], ["供水", "新建管网", "县水务局"], 0),  # an empty last cell
])
def test_best_shift_puts_dates_and_units_under_their_columns(roles, texts, shift):
    assert best_shift(roles, texts, range(0, len(roles) - len(texts) + 1)) == shift


def test_a_row_with_a_cell_for_every_column_is_taken_by_position():
    rows = fit_rows(["序号", "项目内容", "牵头领导", "牵头单位", "进展情况"],
                    cells("1", "新建公厕6座", "王 林", "区城投", "已完成"))
    assert [[t for t, _ in r] for r in rows] == [["1", "新建公厕6座", "王 林", "区城投", "已完成"]]


def test_chinese_numbers_start_rows_apart_from_arabic_ones():
    rows = fit_rows(["序号", "项目内容", "责任单位"],
                    cells("一", "新建管网", "县水务局", "二", "改造水厂", "县住建局", "县水务局"))
    assert [[t for t, _ in r] for r in rows] == [["一", "新建管网", "县水务局"], ["二", "改造水厂", "县住建局\n县水务局"]]


def test_a_letter_spaced_name_is_a_person():
    assert kind_of("王 林") == "person" and kind_of("王  林") == "person"


def test_rows_of_a_table_without_a_seq_column_start_at_their_numbered_cells():
    # 沈河区 2024 task breakdown: 主要工作任务 | 牵头单位 | 责任单位, a heading row between rows.
    rows = fit_rows(["主要工作任务", "牵头单位", "责任单位"],
                    cells("一、优结构、谋发展", "1.主动对接国家战略，壮大531个支撑企业。", "区发改局", "区工信局、区商务局",
                          "2.大力发展新兴数字产业。", "发改局", "区工信局"))
    assert [[t for t, _ in r] for r in rows] == [
        ["一、优结构、谋发展", "", ""],
        ["1.主动对接国家战略，壮大531个支撑企业。", "区发改局", "区工信局、区商务局"],
        ["2.大力发展新兴数字产业。", "发改局", "区工信局"],
    ]


def test_a_row_short_of_its_leader_cell_keeps_its_units_in_their_columns():
    # 辽中区 2024: the first row has no 责任领导 cell; 主要工作举措 holds each row's text.
    rows = fit_rows(["序号", "主要工作举措", "牵头单位", "配合单位", "责任领导"],
                    cells("1", "加快构建现代化产业体系。", "区农业农村局", "区发展改革局、区工业和信息化局、沈阳近海经济区管委会",
                          "2", "加快在建项目的建设进度。", "沈阳近海经济区管委会", "自然资源分局、生态环境分局", "冯冬昌"))
    assert [[t for t, _ in r] for r in rows] == [
        ["1", "加快构建现代化产业体系。", "区农业农村局", "区发展改革局、区工业和信息化局、沈阳近海经济区管委会", ""],
        ["2", "加快在建项目的建设进度。", "沈阳近海经济区管委会", "自然资源分局、生态环境分局", "冯冬昌"],
    ]
