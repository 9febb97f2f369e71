"""Properties the normalisers keep on any text, however odd."""
import datetime
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mszs.normalise.dates import find_date, is_recurring, leading_date
from mszs.normalise.numbers import parse_number
from mszs.normalise.schedule import read_schedule
from mszs.normalise.targets import extract_targets
from mszs.normalise.text import fold_digits

# Text built from the characters these notices are made of, so that the
# generator actually reaches numbers, units, dates and comparators.
PIECES = ["0", "1", "2", "3", "5", "8", "9", ".", ",", "-", "至", "到", "/", "%", "％", "１", "２",
          "一", "两", "二", "三", "十", "百", "千", "万", "亿", "零", "〇",
          "个", "处", "人", "人次", "元", "万元", "公里", "平方米", "亩", "户", "批次", "千人",
          "年", "月", "日", "底", "初", "中旬", "上旬", "下旬", "季度", "第", "上半年", "下半年",
          "次年", "年底", "年内", "前", "以上", "以下", "以内", "不少于", "不超过", "约", "左右",
          "由", "提高到", "每", "“", "”", "《", "》", "（", "）", "、", "，", "；", "\n", " ", "新增", "完成"]
notice_text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_text = st.one_of(notice_text, st.text(max_size=60))
# A year written out (2022年, 二〇二二年) may be anywhere; only relative dates stay near the plan year.
WRITTEN_YEAR = re.compile(r"[\d〇零一二三四五六七八九]{4}\s*年")
plan_year = st.one_of(st.none(), st.integers(min_value=1990, max_value=2090))


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_targets_never_raise_and_stay_sane(text):
    for target in extract_targets(text):
        assert target.unit and not any(ch.isspace() for ch in target.unit)
        assert target.value >= 0
        if target.value_max is not None:
            assert target.value_max >= target.value
        assert target.text


@settings(max_examples=300, deadline=None)
@given(any_text, plan_year)
def test_dates_stay_near_the_plan_year(text, year):
    for parsed in (find_date(text, year), leading_date(text, year)):
        if parsed is None:
            continue
        assert isinstance(parsed.date, datetime.date)
        assert parsed.precision in ("day", "dekad", "month", "quarter", "half", "year")
        if year is not None and not WRITTEN_YEAR.search(parsed.text):
            assert year - 1 <= parsed.date.year <= year + 1
    is_recurring(text)


@settings(max_examples=200, deadline=None)
@given(any_text, plan_year)
def test_schedules_never_raise(text, year):
    schedule = read_schedule(text, year)
    dates = [m.date for m in schedule.milestones]
    if dates:
        assert schedule.deadline.date == max(dates)
    if year is not None and not WRITTEN_YEAR.search(fold_digits(text)):
        for date in dates:
            assert year - 1 <= int(date[:4]) <= year + 1


@given(st.text(max_size=20))
def test_parse_number_never_raises(text):
    parse_number(text)
