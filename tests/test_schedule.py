from dataclasses import asdict

import pytest

from mszs.normalise.schedule import inline_steps, read_period_steps, read_schedule, split_steps

CELL_003_1 = (
    "1月底，完成可行性研究报告、初步设计、施工图审核等前期工作；\n"
    "2月底，完成控制价审核及招投标工作；\n"
    "3月底，开工建设；\n"
    "4月底，完成工程建设任务；\n"
    "5月初，工程竣工。"
)

CELL_GROUPED = (
    "（一）打造人居环境示范村\n"
    "1月底，完成项目方案编制,对接落实任务;\n"
    "4月初，开工建设；\n"
    "9月底，梳理总结农村人居环境整治工作中的好做法与典型，推动全域整治提升。\n"
    "（二）农村户厕改造\n"
    "3月底，完成项目招投标工作；\n"
    "7月底，完成农村户厕改造900座；\n"
    "9月底，全面完成农村户厕改造1310座。"
)


def test_one_bare_date_is_the_deadline_only():
    schedule = read_schedule("2021年12月", 2021)
    assert schedule.deadline.text == "2021年12月"
    assert schedule.deadline.date == "2021-12-31"
    assert schedule.milestones == []


def test_bare_date_with_completion_words():
    schedule = read_schedule("2024年12月底前完成", 2024)
    assert schedule.deadline.date == "2024-12-31"
    assert schedule.milestones == []


def test_a_date_range_gives_its_end():
    schedule = read_schedule("2023年3月-12月", 2023)
    assert schedule.deadline.date == "2023-12-31"


def test_dated_lines_become_milestones():
    schedule = read_schedule(CELL_003_1, 2023)
    assert [(m.text, m.date) for m in schedule.milestones] == [
        ("1月底，完成可行性研究报告、初步设计、施工图审核等前期工作；", "2023-01-31"),
        ("2月底，完成控制价审核及招投标工作；", "2023-02-28"),
        ("3月底，开工建设；", "2023-03-31"),
        ("4月底，完成工程建设任务；", "2023-04-30"),
        ("5月初，工程竣工。", "2023-05-10"),
    ]
    assert (schedule.deadline.text, schedule.deadline.date) == ("5月初，工程竣工。", "2023-05-10")
    assert schedule.milestones[-1].precision == "dekad"


def test_mid_month():
    schedule = read_schedule("2月底，完成项目前期各项工作；\n3月中旬，开工建设；", 2023)
    assert [m.date for m in schedule.milestones] == ["2023-02-28", "2023-03-20"]


def test_sub_headings_group_the_steps():
    schedule = read_schedule(CELL_GROUPED, 2023)
    assert len(schedule.milestones) == 6
    assert {m.group for m in schedule.milestones[:3]} == {"（一）打造人居环境示范村"}
    assert {m.group for m in schedule.milestones[3:]} == {"（二）农村户厕改造"}
    assert schedule.unresolved == []


def test_latest_of_equal_dates_is_the_last_printed():
    schedule = read_schedule(CELL_GROUPED, 2023)
    assert schedule.deadline.text == "9月底，全面完成农村户厕改造1310座。"
    assert schedule.deadline.date == "2023-09-30"


def test_heading_with_a_quantity_is_not_a_milestone():
    cell = "（二）产前筛查率达80%以上，全县筛查800人次\n3月底，完成筛查200人次；\n12月底，完成筛查800人次。"
    schedule = read_schedule(cell, 2023)
    assert [m.date for m in schedule.milestones] == ["2023-03-31", "2023-12-31"]
    assert schedule.milestones[0].group.startswith("（二）产前筛查率")


def test_interim_targets():
    schedule = read_schedule(CELL_GROUPED, 2023)
    interim = schedule.milestones[4].targets
    assert [(t.value, t.unit) for t in interim] == [(900, "座")]


def test_undated_lines_are_unresolved():
    schedule = read_schedule("1月底，完成测算工作；\n逐月按时兑付。", 2023)
    assert [(m.text, m.date) for m in schedule.milestones] == [("1月底，完成测算工作；", "2023-01-31")]
    assert schedule.deadline.date == "2023-01-31"
    assert schedule.unresolved == ["逐月按时兑付。"]


def test_nothing_dated():
    schedule = read_schedule("长期坚持", 2023)
    assert schedule.deadline is None
    assert schedule.milestones == []
    assert schedule.unresolved == ["长期坚持"]


def test_empty_cell():
    schedule = read_schedule("", 2023)
    assert (schedule.deadline, schedule.milestones, schedule.unresolved) == (None, [], [])


def test_several_steps_on_one_line():
    assert split_steps("3月底，完成招标；6月底，开工建设；", 2023) == ["3月底，完成招标；", "6月底，开工建设；"]
    schedule = read_schedule("3月底，完成招标；6月底，开工建设；12月底，竣工验收。", 2023)
    assert [m.date for m in schedule.milestones] == ["2023-03-31", "2023-06-30", "2023-12-31"]


def test_a_written_year_carries_to_later_steps():
    schedule = read_schedule("2023年11月底，完成主体；\n次年3月，竣工；\n6月底，交付使用。", 2023)
    assert [m.date for m in schedule.milestones] == ["2023-11-30", "2024-03-31", "2024-06-30"]


def test_a_date_inside_the_line():
    schedule = read_schedule("开工建设，9月底前完成\n竣工验收，12月底前", 2023)
    assert [m.date for m in schedule.milestones] == ["2023-09-30", "2023-12-31"]


def test_steps_split_at_a_comma_before_a_date():
    schedule = read_schedule("2023年6月底前完成招标，12月底前投入使用", 2023)
    assert [(m.text, m.date) for m in schedule.milestones] == [
        ("2023年6月底前完成招标", "2023-06-30"), ("12月底前投入使用", "2023-12-31")]
    assert schedule.deadline.date == "2023-12-31"


def test_a_comma_after_the_date_does_not_split():
    assert split_steps("5月底，前完成招投标等前期工作；", 2023) == ["5月底，前完成招投标等前期工作；"]


def test_a_comma_splits_only_after_a_dated_step():
    assert split_steps("完成招标，年内开工", 2023) == ["完成招标，年内开工"]


@pytest.mark.parametrize("cell, expected", [
    ("1、城北农贸市场6月1日投入试运营 2、城南农贸市场计划2022年11月底完成改造",
     [("城北农贸市场6月1日投入试运营", "2021-06-01"), ("城南农贸市场计划2022年11月底完成改造", "2022-11-30")]),
    ("1.2021年7月 2.2021年12月", [("2021年7月", "2021-07-31"), ("2021年12月", "2021-12-31")]),
    ("1.5月 2.10月", [("5月", "2021-05-31"), ("10月", "2021-10-31")]),
])
def test_numbered_steps_run_together_on_one_line(cell, expected):
    schedule = read_schedule(cell, 2021)
    assert [(m.text, m.date) for m in schedule.milestones] == expected
    assert schedule.deadline.date == max(date for _, date in expected)
    assert not schedule.unresolved


def test_a_number_point_before_a_month_is_an_enumerator_not_a_decimal():
    assert [m.date for m in read_schedule("1.3月底前完成招标", 2021).milestones] == ["2021-03-31"]
    assert inline_steps("新建1.3万平方米 2.5公里") == ["新建1.3万平方米 2.5公里"]


def test_a_year_alone_is_a_deadline_at_its_end():
    # a 建设时间 column holding `2024`
    assert asdict(read_schedule("2024", 2024).deadline) == {"text": "2024", "date": "2024-12-31", "precision": "year"}
    assert read_schedule("2024年度", 2024).deadline.date == "2024-12-31"


def test_one_step_is_the_deadline_and_no_milestone():
    # 大竹县 2016 督办表: `9月投入使用`, `5月底前动工`
    schedule = read_schedule("9月投入使用", 2016)
    assert (schedule.deadline.text, schedule.deadline.date, schedule.milestones) == ("9月投入使用", "2016-09-30", [])


def test_one_dated_line_beside_an_undated_one_is_a_milestone():
    # 003: `1月底，完成测算工作；` over `逐月按时兑付。`
    schedule = read_schedule("1月底，完成测算工作；\n逐月按时兑付。", 2023)
    assert [m.date for m in schedule.milestones] == ["2023-01-31"]


def test_period_steps_give_a_deadline_only_at_the_years_end():
    assert read_period_steps("一季度：室内安装、装修及场外施工", 2023).deadline is None
    assert [m.date for m in read_period_steps("一季度：室内安装、装修及场外施工", 2023).milestones] == ["2023-03-31"]
    assert read_period_steps("三季度：完成60%任务\n四季度：完成年度改造任务", 2020).deadline.date == "2020-12-31"
