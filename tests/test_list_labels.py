"""Labels and header words notices use beyond the common ones, read from one vocabulary."""
from pathlib import Path

import pytest

from mszs import parse
from mszs.document import Cell, Document, Paragraph, Row, Table
from mszs.interpret import interpret
from mszs.vocabulary import HEADER_WORDS, LABEL_ROLES, column_roles, header_role, is_header_row, label_role

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def projects_of(*blocks):
    _, projects, _ = interpret(Document(blocks=list(blocks), format="text"))
    return projects


def paragraphs(*texts):
    return [Paragraph(text) for text in texts]


# --- header words -------------------------------------------------------------

@pytest.mark.parametrize("cell, role", [
    ("当前进度", "progress"),
    ("1-10月推进情况", "progress"),
    ("第二季度完成情况", "progress"),
    ("任务完成率", "progress"),  # the share done so far is progress (岳阳楼区 2017: `1-8月实际完成率%`)
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
    ("项目进展", "progress"),  # the head is last: a 进展 of the project, not its name
])
def test_header_words_seen_in_real_tables(cell, role):
    assert header_role(cell) == role


@pytest.mark.parametrize("cell", [
    "县直各有关单位", "各乡镇人民政府，县直各有关单位：", "现将有关事项通知如下", "县教育局牵头", "进度滞后",
    "完成年度任务", "主体完工", "基本情况", "进度", "县教育局、县财政局", "新建和改造学校",
])
def test_body_text_and_data_cells_are_no_header_words(cell):
    assert header_role(cell) is None


@pytest.mark.parametrize("header, roles", [
    # 辽中区 2024: no column named as content, so 主要工作举措 holds each row's work, not its steps.
    (["序号", "主要工作举措", "牵头单位", "配合单位", "责任领导"], ["seq", "content", "lead_units", "co_units", "leaders"]),
    # Beside a content column 举措 heads the dated steps.
    (["序号", "工作任务", "工作推进举措", "责任单位"], ["seq", "content", "deadline", "units"]),
    # An exact time word never stands in for content.
    (["序号", "完成时限", "责任单位"], ["seq", "deadline", "units"]),
])
def test_a_table_without_a_content_column_holds_its_text_in_the_first_column_that_may(header, roles):
    assert column_roles(header) == roles


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


# --- list labels ------------------------------------------------------------------

@pytest.mark.parametrize("role", LABEL_ROLES)
def test_every_header_word_of_a_task_field_is_a_list_label(role):
    assert {label_role(word) for word in HEADER_WORDS[role]} == {role}


@pytest.mark.parametrize("label, role", [
    ("牵头负责领导", "leaders"), ("牵头责任单位", "lead_units"), ("协同责任单位", "co_units"),
    ("主要协作单位", "co_units"), ("牵头责任部门", "lead_units"), ("项目责任人", "leaders"),
    ("协作单位", "co_units"), ("实际完成情况", "progress"), ("建设内容", "content"),
])
def test_list_labels_seen_in_real_notices(label, role):
    assert label_role(label) == role


@pytest.mark.parametrize("label", ["县直各有关单位", "现将有关事项通知如下", "具体要求", "附件", "联系人", "发布时间"])
def test_words_before_a_colon_that_are_no_labels(label):
    assert label_role(label) is None


def test_lead_and_co_unit_labels_beyond_the_common_ones():
    notice = parse(LAYOUTS / "list_compound_labels.txt")
    assert notice.notice.recipients == ["各县、市、区人民政府", "市政府各部门", "各直属机构"]
    first, second = (p.tasks[0] for p in notice.projects)
    assert (first.lead_units, first.co_units, first.leaders) == (
        ["市教育局"], ["市财政局", "市自然资源局", "各县、市、区政府"], ["吴松"])
    assert (second.lead_units, second.co_units, second.leaders) == (["市卫健委"], ["市医保局", "各县、市、区政府"], ["陶岚"])


def test_a_line_with_an_unknown_label_is_kept_in_the_remarks():
    second = parse(LAYOUTS / "list_compound_labels.txt").projects[1].tasks[0]
    assert second.remarks == "项目编号：MS-2023-02"  # and the notice's 附件 line is not the item's


def test_an_unknown_label_line_does_not_make_a_heading_an_item():
    projects = projects_of(*paragraphs("（一）加强组织领导。", "联系人：张明", "1.新建学校2所。", "牵头单位：县教育局"))
    assert [(p.seq, p.tasks[0].content) for p in projects] == [(1, "新建学校2所。")]


def test_labels_on_their_own_lines_with_a_person_and_the_progress():
    first, second = (p.tasks[0] for p in parse(LAYOUTS / "list_labels_per_line.txt").projects)
    # 项目责任人 is a responsible person, read like 责任人.
    assert (first.lead_units, first.co_units, first.leaders) == (["市交通局"], ["市城管局", "市财政局"], ["沈涛", "潘悦"])
    assert (first.progress, second.progress) == ("已建成站点38个", "已开工7个")


def test_a_page_date_under_the_title_does_not_make_the_title_an_item():
    projects = projects_of(*paragraphs("关于2023年市政府民生实事项目的通知", "发布时间:2023-02-14 10:05",
                                       "1.新建学校2所。", "牵头单位：县教育局"))
    assert [p.tasks[0].content for p in projects] == ["新建学校2所。"]


def test_a_unit_glued_to_the_next_label_is_split_from_it():
    projects = projects_of(*paragraphs("1.新建学校2所。", "牵头单位：县教育局配合单位：县财政局"))
    assert (projects[0].tasks[0].lead_units, projects[0].tasks[0].co_units) == (["县教育局"], ["县财政局"])


# --- items whose label is glued to their name, in a progress report ------------

def test_a_label_glued_to_the_item_name():
    notice = parse(LAYOUTS / "list_glued_labels.txt")
    assert [(p.seq, p.tasks[0].content, p.tasks[0].lead_units) for p in notice.projects] == [
        (1, "农村妇女免费“两癌”筛查", ["县卫生健康委员会"]), (2, "城区学校食堂改造", ["县教育局"])]


def test_under_a_progress_heading_the_text_below_an_item_is_its_progress():
    first, second = (p.tasks[0] for p in parse(LAYOUTS / "list_glued_labels.txt").projects)
    assert first.progress == "截至5月31日，已完成筛查4200人（年度任务6000人），完成率70%。"
    assert second.progress == "截至5月31日，已完成改造5所，完成率50%。"


def test_elsewhere_the_text_below_an_item_is_not_its_progress():
    projects = projects_of(*paragraphs("一、教育", "1.新建学校2所。", "牵头单位：县教育局", "请各单位抓好落实。"))
    assert projects[0].tasks[0].progress is None


# --- a list whose line breaks were lost ----------------------------------------

def test_a_whole_list_on_one_line():
    projects = parse(LAYOUTS / "list_one_line.txt").projects
    assert [(p.seq, p.tasks[0].content) for p in projects] == [
        (1, "建成市民文化中心1座。"), (2, "新增新能源公交车200辆。"), (3, "改造农贸市场8家。")]
    second = projects[1].tasks[0]
    assert (second.lead_units, second.co_units, second.leaders, second.progress) == (
        ["市交通委"], ["市财政局", "市公交集团"], ["叶舟", "唐宁"], "已投用120辆，项目按计划推进")


def test_a_paragraph_is_split_into_items_only_when_each_names_its_units():
    projects = projects_of(*paragraphs("现将任务公示如下。 1.新建学校2所。 2.改造操场1处。（责任单位：县教育局）"))
    assert [(p.seq, p.tasks[0].content) for p in projects] == [(None, "现将任务公示如下。 1.新建学校2所。 2.改造操场1处。")]


# --- lists that name no unit ---------------------------------------------------------

def test_the_project_list_is_not_taken_from_a_closing_heading():
    notice = parse(LAYOUTS / "list_unlabelled_with_requirements.txt")
    assert [p.seq for p in notice.projects] == [1, 2, 3, 4]
    assert notice.projects[3].tasks[0].content == "在主城区100所小学开展课后托管服务。"
    assert all("责任单位要" not in p.tasks[0].content for p in notice.projects)


def test_a_numbered_opener_ends_at_the_next_heading_of_its_level():
    projects = projects_of(*paragraphs(
        "一、纳入民生实事项目管理的内容", "（一）新增母婴室60处。", "（二）改造公厕50座。",
        "二、推进落实的具体安排", "（一）各责任单位要制定实施方案。"))
    assert [p.tasks[0].content for p in projects] == ["新增母婴室60处。", "改造公厕50座。"]


# --- lists opened by a sentence, heading items with a body, units before a sentence ---

def contents(name):
    return [(p.seq, p.name, p.tasks[0].content) for p in parse(LAYOUTS / name).projects]


def test_a_vote_announcement_opens_its_list_with_a_sentence():
    notice = parse(LAYOUTS / "list2_vote_announcement.txt")
    assert [p.seq for p in notice.projects] == [1, 2, 3, 4, 5]
    assert notice.projects[4].tasks[0].content == "城区25条背街小巷整治工程。"  # not the 现予公告 and signature
    assert "projects read from the numbered list" in " ".join(notice.warnings)


def test_ten_things_of_a_work_report_end_where_another_list_starts():
    assert [seq for seq, _, _ in contents("list2_ten_things_report.txt")] == [1, 2, 3]


def test_a_list_given_in_order_keeps_items_with_closing_words_and_stops_at_the_measures():
    found = contents("list2_listed_in_order.txt")
    assert [seq for seq, _, _ in found] == [1, 2, 3]  # 2、提升农村供水保障 is an item, 三、保障措施 is not
    assert all("组织领导" not in content for _, _, content in found)


@pytest.mark.parametrize("text", ["为确保民生实事如期完成，现将有关事项通知如下：", "各乡镇人民政府，县直各有关部门："])
def test_sentences_that_do_not_introduce_the_projects(text):
    assert projects_of(*paragraphs(text, "一、总体目标", "1.明确责任。", "2.加强督查。")) == []


@pytest.mark.parametrize("name", ["list2_heading_and_body.txt", "list2_heading_body_units.txt"])
def test_a_heading_item_takes_the_paragraph_below_it_as_its_content(name):
    assert contents(name) == [(1, "改善看病就医条件", "开通统一的预约挂号平台。为6万名儿童免费提供口腔检查。"),
                              (2, "促进就业创业", "开发2500个公益性岗位，举办100场招聘会。")]


def test_a_heading_item_with_units_keeps_them():
    first, second = (p.tasks[0] for p in parse(LAYOUTS / "list2_heading_body_units.txt").projects)
    assert (first.lead_units, second.lead_units) == (["市卫健委"], ["市人社局"])


def test_in_a_progress_report_the_paragraph_below_a_heading_item_is_its_progress():
    first = parse(LAYOUTS / "list2_heading_progress.txt").projects[0].tasks[0]
    assert (first.content, first.progress) == ("村庄亮化工程", "全乡共有18个村上报亮化项目,共计安装路灯900盏,项目计划10月份前完成安装。")


def test_a_task_target_label_is_the_content_even_glued_to_a_unit():
    projects = parse(LAYOUTS / "list2_task_target_label.txt").projects
    assert label_role("任务目标") == "content"
    assert [(p.name, p.tasks[0].co_units) for p in projects] == [
        ("新建150个公共充电桩项目", ["县城投集团"]), ("3万平方米老旧小区改造项目", ["城南镇"])]
    assert projects[1].tasks[0].content.startswith("年内改造完成城南镇东街")


def test_units_after_a_comma_end_at_the_full_stop():
    first, second = (p.tasks[0] for p in parse(LAYOUTS / "list2_units_then_sentence.txt").projects)
    assert (first.content, first.lead_units, first.progress) == (
        "农村饮水提升", ["市水利局"], "其中,供水管网改造进度较慢的为北山县。")
    assert second.lead_units == ["市民政局"]


def test_a_text_label_runs_past_its_full_stop():
    projects = projects_of(*paragraphs("1.新建学校2所。", "牵头单位：县教育局", "任务目标：年内建成A校。年内建成B校。"))
    assert projects[0].tasks[0].content == "年内建成A校。年内建成B校"


def test_a_closing_clause_in_tortoise_shell_brackets_names_the_units():
    # 吉安 2020: `…至少有1人就业。〔责任单位:市人社局、各县(市、区)政府〕`
    from mszs.document import Document, Paragraph
    from mszs.interpret import interpret
    _, projects, _ = interpret(Document(blocks=[Paragraph(t) for t in (
        "1.进一步扩大就业。全市城镇新增就业45000人。〔责任单位:市人社局、各县(市、区)政府〕",
        "2.加快农村富余劳动力转移就业。新增转移农村劳动力60400人。〔责任单位:市人社局〕")], format="text"))
    assert [(p.tasks[0].content, p.tasks[0].lead_units) for p in projects] == [
        ("全市城镇新增就业45000人。", ["市人社局", "各县（市、区）政府"]), ("新增转移农村劳动力60400人。", ["市人社局"])]
