"""Layouts the seeds do not show, each read end to end from text."""
from pathlib import Path

import pytest

from mszs import parse

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"


def tasks(notice):
    return [(project, task) for project in notice.projects for task in project.tasks]


@pytest.mark.parametrize("name", ["labelled_items.txt", "labelled_items_gb18030.txt"])
def test_items_with_labelled_lines(name):
    notice = parse(LAYOUTS / name)
    assert notice.source.encoding == ("gb18030" if "gb18030" in name else "utf-8")
    assert notice.notice.doc_number == "某政办字〔2022〕15号"
    assert notice.notice.issue_date == "2022-03-08"  # 二〇二二年三月八日
    assert [p.seq for p in notice.projects] == [1, 2, 3]
    # The section is the heading as printed, its count of items too (`一、教育惠民（2项）`), as the
    # labellers of 沁县 2025, 密云 2022 and 宣城 2024 kept it.
    assert [p.section for p in notice.projects] == ["教育惠民（2项）", "教育惠民（2项）", "医疗卫生（1项）"]
    (_, first), (_, second), (_, third) = tasks(notice)
    # 牵头单位 names the lead, so the plain 责任单位 are the units working with it.
    assert first.lead_units == ["县教育局"]
    assert first.co_units == ["县住建局", "县自然资源局"]
    assert first.leaders == ["王小明"]
    assert first.deadline.date == "2022-08-31"
    assert third.co_units == ["各乡镇", "各街道"]
    assert third.leaders == ["李华"]
    assert [(t.value, t.unit) for t in third.targets] == [(25000, "人次")]
    # 保障措施 items name nobody: they are headings, not projects.
    assert all("组织领导" not in t.content for _, t in tasks(notice))


def test_web_table_one_cell_per_line():
    notice = parse(LAYOUTS / "web_cells.txt")
    assert notice.notice.issuer == "某某区人民政府"
    assert notice.notice.issue_date == "2023-02-20"
    assert notice.notice.doc_number == "某区政发〔2023〕3号"
    assert [(p.seq, p.name) for p in notice.projects] == [(1, "城区停车场建设"), (2, "老旧小区改造"), (3, "农村供水提升")]
    assert notice.projects[1].tasks[0].lead_units == ["区住建局", "各街道"]
    assert notice.projects[2].tasks[0].deadline.date == "2023-12-31"
    assert len(tasks(notice)) == 3  # the page's 打印本页 line is not a row


def test_table_with_banner_rows_category_and_two_unit_columns():
    notice = parse(LAYOUTS / "category_banner_tabs.txt")
    assert notice.notice.region == "某某区"
    assert [(p.seq, p.category, p.name, p.section) for p in notice.projects] == [
        (1, "教育", "新建幼儿园", "教育民生（2项）"),
        (2, "教育", "课后服务", "教育民生（2项）"),
        (3, "卫生", "家庭医生签约", "卫生健康（1项）"),
    ]
    first = notice.projects[0].tasks[0]
    assert (first.lead_units, first.co_units, first.leaders) == (["区教育局"], ["各镇（街道）"], ["张伟"])
    continued = notice.projects[2].tasks[1]
    assert continued.content == "为5000名老年人提供上门服务"
    assert continued.deadline.date == "2025-06-30"
    assert notice.projects[2].tasks[0].leaders == ["李明", "王芳"]


def test_inline_responsibility_clauses():
    notice = parse(LAYOUTS / "inline_clauses.txt")
    assert notice.notice.doc_number == "某政发〔2024〕3号"
    assert [p.section for p in notice.projects] == ["民生保障", "民生保障", "城乡建设", "城乡建设"]
    one, two, three, four = (t for _, t in tasks(notice))
    assert (one.lead_units, one.co_units) == (["县人社局"], ["县财政局", "各乡镇"])
    assert one.content.endswith("控制在3.5%以内。")
    assert (three.lead_units, three.deadline.date) == (["县交通运输局"], "2024-10-31")
    assert four.lead_units == ["县文体局", "有关乡镇"]
    assert all("高度重视" not in t.content for _, t in tasks(notice))


def test_numbered_list_without_units_is_read_with_a_warning():
    notice = parse(LAYOUTS / "unlabelled_list.txt")
    assert [(p.seq, p.section) for p in notice.projects] == [(1, "教育"), (2, "教育"), (3, "医疗")]
    assert notice.projects[2].tasks[0].content == "为65岁以上老年人免费体检3万人次。"
    assert any("numbered list" in w for w in notice.warnings)


def test_web_cells_with_units_split_over_paragraphs_and_a_spanned_row():
    """A county site's table copied cell by cell: one paragraph per unit, and a
    second task under project 5 whose unit cell was spanned."""
    notice = parse(LAYOUTS / "web_cells_multi_paragraph.txt")
    assert [p.seq for p in notice.projects] == [1, 2, 3, 4, 5, 6]
    first = notice.projects[0].tasks[0]
    assert first.lead_units == ["县水务局", "县住建局", "县护城河指挥部"]
    assert first.deadline.date == "2016-12-31"
    fifth = notice.projects[4]
    assert [t.content for t in fifth.tasks] == ["开工建设县老年养护楼。", "开工建设老年大学。"]
    assert fifth.tasks[1].lead_units == ["县民政局"]
    assert fifth.tasks[1].deadline.text == "12月底前"
    assert notice.projects[5].tasks[0].targets[0].value == 2836


def test_several_labels_on_one_line():
    from mszs.document import Document, Paragraph
    from mszs.interpret import interpret

    paragraphs = ["1.新建城区第三幼儿园，新增学位540个。", "牵头单位：县教育局  配合单位：县住建局  完成时限：2022年8月底"]
    _, projects, _ = interpret(Document(blocks=[Paragraph(p) for p in paragraphs], format="text"))
    task = projects[0].tasks[0]
    assert (task.lead_units, task.co_units, task.deadline.text) == (["县教育局"], ["县住建局"], "2022年8月底")


def test_items_written_as_forms():
    notice = parse(LAYOUTS / "form_items.txt")
    assert [(p.seq, p.name) for p in notice.projects] == [(1, "城区学校建设工程"), (2, "农村供水提升工程")]
    first = notice.projects[0].tasks[0]
    assert first.content.startswith("新建城区第五小学，新增学位1800个")
    assert (first.lead_units, first.co_units, first.leaders) == (["县教育局"], ["县住建局", "县自然资源局"], ["王强"])
    assert first.deadline.date == "2024-08-31"


def test_responsibility_clause_in_square_brackets():
    from mszs.document import Document, Paragraph
    from mszs.interpret import interpret

    paragraphs = ["1.新建学校2所。【责任单位：县教育局；配合单位：县财政局】", "2.改造道路(含县道)10公里。（责任单位：县交通局）"]
    _, projects, _ = interpret(Document(blocks=[Paragraph(p) for p in paragraphs], format="text"))
    assert [(p.tasks[0].lead_units, p.tasks[0].co_units) for p in projects] == [(["县教育局"], ["县财政局"]), (["县交通局"], [])]
    assert projects[1].tasks[0].content == "改造道路(含县道)10公里。"


def test_a_responsibility_clause_on_its_own_line_under_the_item():
    from mszs.document import Document, Paragraph
    from mszs.interpret import interpret

    paragraphs = ["（一）教育", "1.新建学校2所。", "（责任单位：县教育局；配合单位：县财政局）", "2.改造道路10公里。",
                  "（责任单位：县交通局）"]
    _, projects, _ = interpret(Document(blocks=[Paragraph(p) for p in paragraphs], format="text"))
    assert [(p.seq, p.tasks[0].content, p.tasks[0].lead_units) for p in projects] == [
        (1, "新建学校2所。", ["县教育局"]), (2, "改造道路10公里。", ["县交通局"])]


def test_an_item_wrapped_by_a_pdf_line_break_is_joined():
    from mszs.document import Document, Paragraph
    from mszs.interpret import interpret

    paragraphs = ["（一）教育", "1.新建城区第三幼儿园和第五小学，新增", "学位3800个。（责任单位：县教育局）",
                  "（二）交通", "2.改造道路10公里。（责任单位：县交通局）"]
    _, projects, _ = interpret(Document(blocks=[Paragraph(p) for p in paragraphs], format="text"))
    assert [(p.seq, p.section, p.tasks[0].content) for p in projects] == [
        (1, "教育", "新建城区第三幼儿园和第五小学，新增学位3800个。"), (2, "交通", "改造道路10公里。")]


def test_a_note_that_the_first_unit_listed_leads_holds_for_every_list():
    # `（列第一位者为工作牵头单位或汇总单位，下同）` is said once, after the first list of units.
    notice = parse(LAYOUTS / "first_listed_leads.txt")
    units = [(t.lead_units, t.co_units) for _, t in tasks(notice)]
    assert units == [(["市住建局"], ["市财政局", "市城管局"]),
                     (["市城管局"], ["市自然资源局", "市公安局"]),
                     (["市民政局"], ["市卫健委"])]


def test_a_paragraph_below_an_item_that_says_the_work_is_done_is_its_progress():
    from mszs.document import Document, Paragraph
    from mszs.interpret import interpret

    # 安顺市 2019 十件实事完成情况: each item with its units, then `此项工作已完成。截至…`.
    paragraphs = ["1.减少农村扶贫对象6.76万人（责任单位：市扶贫办，各县区）",
                  "此项工作已完成。截至2019年12月底，全市完成减少农村扶贫对象7.497万人。",
                  "2.实施易地扶贫搬迁18695人。（责任单位：市移民局）",
                  "此项工作已完成。截至2019年12月底，全市建设易地扶贫搬迁安置点6个。"]
    _, projects, _ = interpret(Document(blocks=[Paragraph(p) for p in paragraphs], format="text"))
    assert [p.tasks[0].progress[:7] for p in projects] == ["此项工作已完成", "此项工作已完成"]


def test_a_labelled_line_for_a_column_without_a_field_is_a_detail_and_an_unknown_one_a_remark():
    from mszs.document import Document, Paragraph
    from mszs.interpret import interpret

    paragraphs = ["1.新建城北小学。", "责任单位：县教育局", "建设地点：城关镇", "项目编号：A-01"]
    _, projects, _ = interpret(Document(blocks=[Paragraph(p) for p in paragraphs], format="text"))
    task = projects[0].tasks[0]
    assert ([(d.label, d.text) for d in task.details], task.remarks) == ([("建设地点", "城关镇")], "项目编号：A-01")


def test_tasks_run_on_in_one_paragraph_each_closed_by_the_bracket_naming_its_units():
    from mszs.document import Document, Paragraph
    from mszs.interpret import interpret

    # 湖南省 2016 政府工作报告 部门分工 (湘政发〔2016〕1号), shortened.
    paragraphs = ["一、努力保持经济平稳健康发展",
                  "（一）增强创新驱动发展能力。推进长株潭自主创新示范区建设，健全工作推进机制（分管副省长、协管副秘书长负责，"
                  "省科技厅牵头。明确牵头部门的，其他有关部门配合，不逐一列出，下同）。在高端装备等领域实施一批关键技术协同攻关项目，"
                  "支持企业技术改造和设备更新（分管副省长、协管副秘书长负责，省科技厅、省发改委、省财政厅等负责。列第一位的为牵头部门，"
                  "其他部门和单位按职责分工负责，下同），建设一批众创空间（分管副省长、协管副秘书长负责，省科技厅牵头）。"
                  "推进省级财政科技计划和资金管理改革。"]
    _, projects, _ = interpret(Document(blocks=[Paragraph(p) for p in paragraphs], format="text"))
    assert [(p.seq, p.name, p.section) for p in projects] == [(1, "增强创新驱动发展能力", "努力保持经济平稳健康发展")]
    assert [(t.content[:8], t.lead_units, t.co_units) for t in projects[0].tasks] == [
        ("推进长株潭自主创", ["省科技厅"], []), ("在高端装备等领域", ["省科技厅"], ["省发改委", "省财政厅"]),
        ("建设一批众创空间", ["省科技厅"], []), ("推进省级财政科技", [], [])]


def test_a_bracket_inside_an_items_text_does_not_split_it():
    from mszs.document import Document, Paragraph
    from mszs.interpret import interpret

    # 济南市 2013: `…学校食堂(餐厅)。（责任单位：市教育局）`.
    paragraphs = ["1.开工建设50处农村义务教育学校食堂(餐厅)。(责任单位:市教育局)", "2.开展城乡环卫一体化提升行动。(责任单位:市城管局)"]
    _, projects, _ = interpret(Document(blocks=[Paragraph(p) for p in paragraphs], format="text"))
    assert [(len(p.tasks), p.tasks[0].lead_units) for p in projects] == [(1, ["市教育局"]), (1, ["市城管局"])]


def test_units_in_brackets_on_the_line_below_may_hold_brackets_of_their_own():
    from mszs.document import Document, Paragraph
    from mszs.interpret import interpret

    # 无锡市 2011 重点工作分解落实方案: `4、…均增长12%。` then `(市发改委、农委、人保局,各市(县)、区政府)`.
    paragraphs = ["4、城镇居民人均可支配收入和农民人均纯收入均增长12%。", "(市发改委、农委、人保局,各市(县)、区政府)",
                  "5、城镇登记失业率控制在3.5%以内。", "(市人保局,各市(县)、区政府)"]
    _, projects, _ = interpret(Document(blocks=[Paragraph(p) for p in paragraphs], format="text"))
    assert [p.tasks[0].lead_units for p in projects] == [["市发改委", "农委", "人保局", "各市（县）、区政府"],
                                                        ["市人保局", "各市（县）、区政府"]]


def test_items_written_as_forms_one_after_another_without_their_own_lines():
    from mszs.document import Document, Paragraph
    from mszs.interpret import interpret

    # 石家庄市 2014 十件实事完成情况: `任务目标：… 进展情况：… 任务目标：… 进展情况：…` on one line.
    paragraphs = ["省会全部完成利民惠民十件实事",
                  "任务目标:对全市100个老旧小区的二次管网和换热站进行改造。进展情况:全部改造工作已于2014年11月14日前完工。"
                  "任务目标:新扩建50所公办标准化幼儿园。进展情况:50所幼儿园项目已全部完工。"]
    _, projects, _ = interpret(Document(blocks=[Paragraph(p) for p in paragraphs], format="text"))
    assert [(p.name, p.tasks[0].content, p.tasks[0].progress) for p in projects] == [
        (None, "对全市100个老旧小区的二次管网和换热站进行改造。", "全部改造工作已于2014年11月14日前完工"),
        (None, "新扩建50所公办标准化幼儿园。", "50所幼儿园项目已全部完工")]
