"""Project tables as readers hand them over, whatever the format."""
from mszs.document import Paragraph, Cell, Document, Row, Table
from mszs.interpret import interpret


def table(*rows) -> Table:
    return Table([Row([Cell(text) for text in row]) for row in rows])


def projects_of(*tables):
    _, projects, warnings = interpret(Document(blocks=list(tables), format="docx"))
    return projects, warnings


def test_two_row_header_takes_the_lower_words():
    projects, _ = projects_of(table(
        ["序号", "项目名称", "责任单位", "责任单位", "完成时限"],
        ["序号", "项目名称", "牵头单位", "配合单位", "完成时限"],
        ["1", "城区供暖", "县住建局", "县财政局、各乡镇", "2022年10月"],
    ))
    task = projects[0].tasks[0]
    assert (task.lead_units, task.co_units) == (["县住建局"], ["县财政局", "各乡镇"])


def test_a_number_leading_the_content_numbers_the_row_when_no_column_does():
    projects, _ = projects_of(table(
        ["主要工作任务", "牵头单位", "责任单位"],
        ["一、优结构、谋发展", "", ""],
        ["1.主动对接国家战略，壮大531个支撑企业。", "区发改局", "区工信局"],
        ["二、惠民生、优服务", "", ""],
        ["2.大力发展新兴数字产业。", "发改局", "区工信局"],
    ))
    assert [(p.seq, p.name, p.section) for p in projects] == [(1, None, "优结构、谋发展"), (2, None, "惠民生、优服务")]
    assert projects[0].tasks[0].content == "主动对接国家战略，壮大531个支撑企业。"


def test_chinese_numbered_rows_group_the_numbered_projects_below():
    projects, _ = projects_of(table(
        ["序号", "项目名称", "项目内容", "责任单位"],
        ["一", "教育类", "", ""],
        ["1", "新建幼儿园", "新建幼儿园2所", "县教育局"],
        ["二", "卫生类", "", ""],
        ["2", "体检", "免费体检1万人次", "县卫健局"],
    ))
    assert [(p.seq, p.name, p.section) for p in projects] == [(1, "新建幼儿园", "教育类"), (2, "体检", "卫生类")]


def test_table_split_over_pages_without_a_repeated_header_continues():
    projects, _ = projects_of(
        table(["序号", "项目名称", "项目内容", "责任单位"], ["1", "供水", "新建管网10公里", "县水务局"]),
        table(["", "", "改造水厂1座", "县水务局"], ["2", "供暖", "新增面积5万平方米", "县住建局"]),
    )
    assert [(p.seq, len(p.tasks)) for p in projects] == [(1, 2), (2, 1)]
    assert projects[1].tasks[0].targets[0].value == 50000


def test_repeated_seq_and_name_after_a_page_break_is_the_same_project():
    projects, _ = projects_of(table(
        ["序号", "实事名称", "实事内容", "责任单位"],
        ["3", "人居环境", "改厕1310座", "农业农村局"],
        ["序号", "实事名称", "实事内容", "责任单位"],
        ["3", "人居环境", "公路养护125公里", "交通运输局"],
    ))
    assert len(projects) == 1 and len(projects[0].tasks) == 2


def test_category_column_alone_names_the_project():
    projects, _ = projects_of(table(
        ["序号", "项目类别", "项目内容及工作目标", "责任单位"],
        ["1", "大力扶持就业创业", "城镇新增就业不少于3000人", "县人社局"],
    ))
    assert (projects[0].name, projects[0].category) == ("大力扶持就业创业", None)


def test_a_layout_table_is_not_a_project_table():
    projects, warnings = projects_of(table(["联系人", "电话"], ["张三", "7239960"]))
    assert projects == []
    assert warnings and "no projects" in warnings[0]


def test_a_sizeable_table_without_header_words_is_reported():
    _, warnings = projects_of(
        table(["序号", "项目名称", "项目内容", "责任单位"], ["1", "供水", "新建管网", "县水务局"]),
        table(["甲", "乙", "丙"], ["1", "2", "3"], ["4", "5", "6"]),
    )
    assert any("was not read" in w for w in warnings)


def test_tasks_without_a_responsible_unit_are_reported():
    _, warnings = projects_of(table(
        ["序号", "项目名称", "项目内容", "责任单位"],
        ["1", "供水", "新建管网", "县水务局"],
        ["2", "供暖", "新增供热面积", ""],
    ))
    assert warnings == ["1 task(s) name no responsible unit (projects 2)"]


def test_a_row_wider_than_its_header_is_read():
    projects, _ = projects_of(table(
        ["序号", "项目名称", "项目内容", "责任单位"],
        ["一", "教育类", "", "", ""],
        ["1", "新建幼儿园", "新建幼儿园2所", "县教育局", "多出的格"],
    ))
    assert [(p.seq, p.name, p.section) for p in projects] == [(1, "新建幼儿园", "教育类")]


def test_a_category_cell_spans_the_projects_below_it():
    projects, _ = projects_of(table(
        ["类别", "序号", "项目名称", "项目内容", "责任单位"],
        ["教育", "1", "新建幼儿园", "新建幼儿园2所", "县教育局"],
        ["", "2", "课后服务", "课后服务全覆盖", "县教育局"],
        ["卫生", "3", "免费体检", "体检3万人次", "县卫健局"],
    ))
    assert [(p.seq, p.category) for p in projects] == [(1, "教育"), (2, "教育"), (3, "卫生")]


def test_a_group_row_in_the_content_column_is_a_section_and_its_leaders_hold_below():
    projects, warnings = projects_of(table(
        ["序号", "目标任务", "牵头单位", "责任单位"],
        ["", "一、教育卫生类实事（牵头领导：周明、韩立）", "", ""],
        ["1", "新建公办幼儿园2所。", "区教育局", "各乡镇"],
        ["2", "改造乡镇卫生院3家。", "区卫健局", "相关乡镇"],
        ["", "二、交通出行类实事(牵头领导:孙涛)", "", ""],
        ["3", "新增公交线路4条。", "区交通局", "区公安分局"],
    ))
    assert [(p.seq, p.section) for p in projects] == [(1, "教育卫生类实事"), (2, "教育卫生类实事"), (3, "交通出行类实事")]
    assert [p.tasks[0].leaders for p in projects] == [["周明", "韩立"], ["周明", "韩立"], ["孙涛"]]
    assert not warnings


def test_a_number_leading_the_name_is_the_seq_without_a_seq_column():
    projects, _ = projects_of(table(
        ["项目名称", "工作任务", "计划完成时间", "牵头单位"],
        ["1.城市环境提升项目", "改造主干道路2条。", "10月", "建设局"],
        ["2.生态公墓建设项目", "新建公益性墓地8处。", "11月底", "民政局"],
    ))
    assert [(p.seq, p.name) for p in projects] == [(1, "城市环境提升项目"), (2, "生态公墓建设项目")]


def test_two_prose_columns_of_one_role_stay_apart():
    projects, _ = projects_of(table(
        ["序号", "工作任务", "责任单位", "一季度目标", "进展情况", "目标完成情况"],
        ["1", "新建公办小学1所", "教育局", "完成主体结顶", "主体工程完成90%。", "顺利推进"],
    ))
    task = projects[0].tasks[0]
    assert task.progress == "主体工程完成90%。顺利推进"


def test_a_column_for_a_period_is_a_milestone_and_of_dated_progress_columns_the_latest_counts():
    _, projects, _ = interpret(Document(blocks=[Paragraph("2021年民生实事项目推进表"), table(
        ["序号", "工作任务", "责任单位", "一季度目标", "二季度", "1-6月完成情况", "1-9月完成情况"],
        ["1", "新建公办小学1所", "教育局", "完成招标", "主体结顶", "完成40%", "完成90%"],
    )], format="docx"))
    task = projects[0].tasks[0]
    assert task.content == "新建公办小学1所"
    assert [(m.text, m.date) for m in task.milestones] == [("一季度：完成招标", "2021-03-31"),
                                                           ("二季度：主体结顶", "2021-06-30")]
    assert task.progress == "完成90%"
    # The half-year's target is no deadline of a task due by the year's end.
    assert task.deadline is None


def test_period_columns_up_to_the_years_end_give_the_deadline():
    _, projects, _ = interpret(Document(blocks=[Paragraph("2020年民生实事项目推进表"), table(
        ["序号", "工作任务", "责任单位", "一季度", "二季度", "三季度", "四季度"],
        ["1", "新建改造26座城市公厕", "市城管局", "完成选址", "全面开工", "基本完成项目建设", "新改建公厕投入使用"],
    )], format="docx"))
    task = projects[0].tasks[0]
    assert len(task.milestones) == 4
    assert (task.deadline.text, task.deadline.date) == ("四季度：新改建公厕投入使用", "2020-12-31")


def test_a_progress_cell_that_labels_its_parts_fills_each_field():
    # 柯桥区 2023 一季度进展: `进展情况、存在问题及下一步打算` holds labelled parts.
    projects, _ = projects_of(table(
        ["序号", "工作任务", "责任单位", "一季度目标", "进展情况、存在问题及下一步打算"],
        ["1", "新改扩建公办中小学校1所", "教体局", "室内安装、装修及场外施工",
         "进展情况：室内装修及安装工程完成80%。存在问题：场外工程进度偏慢。下步打算：场外工程增加施工人员。"],
    ))
    task = projects[0].tasks[0]
    assert (task.progress, task.problems, task.next_steps) == (
        "室内装修及安装工程完成80%。", "场外工程进度偏慢。", "场外工程增加施工人员。")


def test_a_column_of_unknown_header_words_is_kept_in_remarks_with_a_warning():
    projects, warnings = projects_of(table(
        ["序号", "项目名称", "项目内容", "责任单位", "特色亮点"],
        ["1", "社区食堂", "新建社区食堂8家", "区民政局", "老年助餐"],
    ))
    # the one column without a field: its cells as they are (汶上 `进度评价`: `已完成`), the warning names it
    assert projects[0].tasks[0].remarks == "老年助餐"
    assert warnings == ["columns with header words mszs does not know, kept in remarks: 特色亮点"]


def test_a_continuation_row_without_content_shares_the_content_above():
    # 2021年10月 | 开发区: the content cell spans both rows of project 2
    projects, _ = projects_of(table(
        ["序号", "项目名称", "工作任务", "计划完成时间", "牵头单位"],
        ["2", "农村公路提升项目", "提升改造农村公路35公里。", "9月", "交通局"],
        ["", "", "", "2021年10月", "开发区"],
    ))
    first, second = projects[0].tasks
    assert second.content == first.content == "提升改造农村公路35公里。"
    assert (second.lead_units, second.deadline.date) == (["开发区"], "2021-10-31")


def test_columns_the_contract_has_no_field_for_are_details_and_unknown_ones_remarks():
    # 洋县 2024: 建设地点 and 年度投资金额（万元） are known columns without a field; 进度评价 is unknown.
    projects, warnings = projects_of(table(
        ["序号", "项目名称", "建设地点", "建设内容", "年度投资金额（万元）", "责任单位", "进度评价", "备注"],
        ["1", "城北道路", "纸坊街道", "建成道路1条", "300", "住建局", "已完成", "市民生实事"],
    ))
    task = projects[0].tasks[0]
    assert task.remarks == "市民生实事；已完成"
    assert [(d.label, d.text) for d in task.details] == [("建设地点", "纸坊街道"), ("年度投资金额（万元）", "300")]
    assert any("进度评价" in warning for warning in warnings)


def test_an_investment_table_is_read_and_its_money_columns_kept_as_details():
    projects, warnings = projects_of(table(
        ["序号", "项目名称", "建设内容", "总投资", "建设起止年限", "累计完成投资", "年度工作计划", "业主单位"],
        ["1", "校园护眼照明工程", "对全县40所中小学教室照明进行提升", "900", "2023", "900", "建成", "县教育局"],
    ))
    task = projects[0].tasks[0]
    assert task.content == "对全县40所中小学教室照明进行提升；建成"
    assert (task.lead_units, task.deadline.date) == (["县教育局"], "2023-12-31")
    assert [(d.label, d.text) for d in task.details] == [("总投资", "900"), ("累计完成投资", "900")]
    assert task.remarks is None and not warnings


def test_circled_sub_items_of_a_content_cell_are_tasks_with_their_own_progress():
    # 九江市 2025 票决项目进展情况表: `①…项目：…；②…项目：…` in 项目内容, numbered alike in 进展情况.
    projects, _ = projects_of(table(
        ["序号", "项目名称", "项目内容", "责任单位", "进展情况"],
        ["1", "中心城区完整社区建设项目",
         "①柴桑区九一六社区完整社区建设项目:社区综合服务站改造,建设面积约15万平方米;"
         "②濂溪区赣北商城完整社区建设项目:对赣北商城完整社区进行精品提升改造,面积约17.36万平方米。",
         "市住建局",
         "①柴桑区九一六社区完整社区建设项目:4月初开工建设。②濂溪区赣北商城完整社区建设项目:目前已全面完工。"],
    ))
    tasks = projects[0].tasks
    assert [(t.content.split(":")[0], t.lead_units, t.progress.split(":")[1]) for t in tasks] == [
        ("柴桑区九一六社区完整社区建设项目", ["市住建局"], "4月初开工建设。"),
        ("濂溪区赣北商城完整社区建设项目", ["市住建局"], "目前已全面完工。")]


def test_text_before_the_first_circled_mark_keeps_the_cell_one_task():
    projects, _ = projects_of(table(
        ["序号", "项目名称", "项目内容", "责任单位"],
        ["1", "学校建设", "完成两所学校建设：①城北小学；②城南中学。", "县教育局"],
    ))
    assert len(projects[0].tasks) == 1


def test_an_amount_alone_under_a_goal_column_is_the_target_of_the_project_it_names():
    # 芙蓉区 2021 完成情况公示: 指标名称 | 全年任务目标（个） | 实际完成（个） | 完成进度
    projects, _ = projects_of(table(
        ["指标名称", "全年任务目标（个）", "实际完成（个）", "完成进度"],
        ["开工建设城镇老旧小区", "15", "15", "100%"],
    ))
    task = projects[0].tasks[0]
    assert (task.content, [(t.value, t.unit) for t in task.targets]) == ("开工建设城镇老旧小区", [(15, "个")])
    assert task.progress == "15；100%"


def test_progress_columns_of_one_period_are_all_kept():
    # 岳阳楼区 2017: `1-8月实际完成情况` and `1-8月实际完成率%` tell one period's progress together.
    projects, _ = projects_of(table(
        ["序号", "项目名称", "责任单位", "目标任务", "1-8月实际完成情况", "1-8月实际完成率%"],
        ["1", "新增城镇就业", "人社局", "8950", "7356", "82%"],
    ))
    assert projects[0].tasks[0].progress == "7356；82%"


def test_a_column_of_what_is_planned_by_a_month_gives_milestones_not_progress():
    # 乐清市 2022 月度进展表: `8月计划进度` beside `实际进度情况`.
    projects, _ = projects_of(
        Paragraph("2022年民生实事项目8月进展情况"),
        table(["项目内容", "8月计划进度", "实际进度情况", "责任单位"],
              ["吸收60所民办等级幼儿园为“公助园”。", "新吸收8所公助园，使公助园总数达60所。", "新吸收8所公助园。", "市教育局"]))
    task = projects[0].tasks[0]
    assert [(m.date, m.text) for m in task.milestones] == [("2022-08-31", "8月：新吸收8所公助园，使公助园总数达60所。")]
    assert task.progress == "新吸收8所公助园。"
