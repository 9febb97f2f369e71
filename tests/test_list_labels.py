"""Labels and header words notices use beyond the common ones, read from one vocabulary."""
import pytest

from mszs import parse
from mszs.document import Cell, Document, Row, Table
from mszs.interpret import interpret
from mszs.vocabulary import header_role, is_header_row


def projects_of(*blocks):
    _, projects, _ = interpret(Document(blocks=list(blocks), format="text"))
    return projects


# --- header words -------------------------------------------------------------

@pytest.mark.parametrize("cell, role", [
    ("当前进度", "progress"),
    ("1-10月推进情况", "progress"),
    ("第二季度完成情况", "progress"),
    ("任务完成率", "other"),  # kept beside its header in the remarks, not run into the progress text
    ("进展情况、存在问题及下一步打算", "progress"),  # two columns' worth: read by its first part
    ("指 标 要 求", "content"),
    ("攻坚目标任务", "content"),
    ("重点工作", "name"),
    ("责任科室", "units"),
    ("责任主体与协同单位", "units"),
    ("协同责任单位", "co_units"),  # a qualifier before a plain responsibility word
    ("主要协作单位", "co_units"),
    ("牵头责任部门", "lead_units"),
    ("牵头负责领导", "leaders"),
    ("分管 领导", "leaders"),
    ("建设时间", "deadline"),
    ("建设地点", "other"),
    ("年度投资金额 (万元)", "other"),
    ("目标类型", "other"),  # A类/B类 is a target's class, not the project's category
    ("责任单位（牵头）", "units"),
])
def test_header_words_seen_in_real_tables(cell, role):
    assert header_role(cell) == role


@pytest.mark.parametrize("cell", [
    "县直各有关单位", "各乡镇人民政府，县直各有关单位：", "现将有关事项通知如下", "县教育局牵头", "进度滞后",
    "完成年度任务", "主体完工", "基本情况", "进度", "县教育局、县财政局", "新建和改造学校",
])
def test_body_text_and_data_cells_are_no_header_words(cell):
    assert header_role(cell) is None


def test_body_lines_and_data_rows_are_not_header_rows():
    assert not is_header_row(["各乡镇人民政府，县直各有关单位：", "现将有关事项通知如下：", "一、总体要求"])
    assert not is_header_row(["1", "完成年度任务", "县教育局", "进度滞后"])
    assert not is_header_row(["城区学校改造", "县教育局牵头", "县财政局配合"])


def test_an_unknown_column_keeps_the_columns_after_it_in_place():
    projects = projects_of(Table([Row([Cell(t) for t in row]) for row in [
        ["序号", "项目名称", "建设地点", "建设内容", "年度投资金额（万元）", "责任单位"],
        ["1", "城北小学门前道路", "城关街道", "建成城北路延伸段道路。", "300", "县住建局"],
    ]]))
    task = projects[0].tasks[0]
    assert (projects[0].name, task.content, task.lead_units) == ("城北小学门前道路", "建成城北路延伸段道路。", ["县住建局"])


def test_a_requirement_column_is_the_content_and_a_target_class_no_category():
    projects = projects_of(Table([Row([Cell(t) for t in row]) for row in [
        ["序号", "任 务 名 称", "指 标 要 求", "牵 头 部 门", "目 标 类 型"],
        ["1", "地区生产总值", "增长6%", "区发改局", "A类"],
    ]]))
    assert (projects[0].name, projects[0].category, projects[0].tasks[0].content) == ("地区生产总值", None, "增长6%")


def test_a_table_one_cell_per_line_with_a_progress_column_is_read(tmp_path):
    cells = ["序号", "项目内容", "当前进度", "牵头单位", "备注",
             "1", "新建公办幼儿园3所。", "80%（城南园进度偏慢）", "县教育局", "市民生实事",
             "2", "改造农村公路35公里。", "90%", "县交通局", "县民生实事"]
    notice = tmp_path / "notice.txt"
    notice.write_text("关于印发2022年某某县民生实事项目的通知\n\n" + "\n\n".join(cells) + "\n", encoding="utf-8")
    tasks = [p.tasks[0] for p in parse(notice).projects]
    assert [(t.lead_units, t.progress, t.remarks) for t in tasks] == [
        (["县教育局"], "80%（城南园进度偏慢）", "市民生实事"), (["县交通局"], "90%", "县民生实事")]
