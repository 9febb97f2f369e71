import datetime

import pytest

from mszs.normalise.dates import find_date, is_recurring, leading_date

D = datetime.date


@pytest.mark.parametrize("text, date, precision", [
    ("2021年12月", D(2021, 12, 31), "month"),
    ("12月底前", D(2023, 12, 31), "month"),
    ("1月底", D(2023, 1, 31), "month"),
    ("2月底", D(2023, 2, 28), "month"),
    ("3月中旬", D(2023, 3, 20), "dekad"),
    ("5月初", D(2023, 5, 10), "dekad"),
    ("4月上旬", D(2023, 4, 10), "dekad"),
    ("10月下旬", D(2023, 10, 31), "dekad"),
    ("年底前", D(2023, 12, 31), "year"),
    ("年内", D(2023, 12, 31), "year"),
    ("第三季度", D(2023, 9, 30), "quarter"),
    ("2024年第一季度", D(2024, 3, 31), "quarter"),
    ("上半年", D(2023, 6, 30), "half"),
    ("下半年", D(2023, 12, 31), "half"),
    ("6月30日前", D(2023, 6, 30), "day"),
    ("2022年底", D(2022, 12, 31), "year"),
    ("次年3月", D(2024, 3, 31), "month"),
    ("9月投入使用", D(2023, 9, 30), "month"),
    ("5月底前动工", D(2023, 5, 31), "month"),
    ("2024年12月底前", D(2024, 12, 31), "month"),
    ("十二月底", D(2023, 12, 31), "month"),
    ("6月份", D(2023, 6, 30), "month"),
    ("二〇二一年十二月", D(2021, 12, 31), "month"),
    ("２０２１年１２月", D(2021, 12, 31), "month"),
    ("2023.12", D(2023, 12, 31), "month"),
    ("2023-06-30", D(2023, 6, 30), "day"),
    ("2023/6/30前", D(2023, 6, 30), "day"),
    ("全年", D(2023, 12, 31), "year"),
    ("2023年12月31日", D(2023, 12, 31), "day"),
])
def test_find_date(text, date, precision):
    parsed = find_date(text, 2023)
    assert (parsed.date, parsed.precision) == (date, precision)


def test_february_end_in_a_leap_year():
    assert find_date("2月底", 2024).date == D(2024, 2, 29)


@pytest.mark.parametrize("text, date", [
    ("3月底，开工建设", D(2023, 3, 31)),
    ("5月初，工程竣工。", D(2023, 5, 10)),
    ("2022年底前", D(2022, 12, 31)),
    ("第三季度，完成主体工程", D(2023, 9, 30)),
    ("到2022年底，完成约63公里", D(2022, 12, 31)),
    ("10月中旬，完成广场文艺演出10场次。", D(2023, 10, 20)),
])
def test_leading_date(text, date):
    assert leading_date(text, 2023).date == date


def test_leading_date_keeps_the_printed_text():
    assert leading_date("3月中旬，开工建设；", 2023).text == "3月中旬"


@pytest.mark.parametrize("text", [
    "完成测算工作", "开工建设，3月底前完成", "一月一村一场电影", "三年行动计划", "12个月内",
    "2月30日", "逐月按时兑付", "69.64公里", "2023.125",
])
def test_no_leading_date(text):
    assert leading_date(text, 2023) is None


def test_the_last_date_governs_a_range():
    assert find_date("2023年3月-2023年12月", 2023).date == D(2023, 12, 31)


def test_a_written_year_wins_over_the_plan_year():
    assert find_date("2021年12月", 2023).date.year == 2021


def test_no_plan_year_no_relative_date():
    assert find_date("3月底", None) is None
    assert find_date("2021年12月", None).date == D(2021, 12, 31)


@pytest.mark.parametrize("text, expected", [
    ("逐月按时兑付。", True), ("每季度开展一次", True), ("每月10日前发放", True),
    ("3月底，开工建设", False), ("年底前完成", False),
])
def test_is_recurring(text, expected):
    assert is_recurring(text) is expected
