"""Properties the text reader and the interpreter keep on any input, however odd.

Arbitrary bytes and text never raise anything but an MszsError, and what is read keeps its
invariants: a range's value_max is at least its value, dates resolved from the plan year stay
within a year of it, units are non-empty and hold no whitespace. (The normalisers alone are
tested the same way in test_normalise_properties.py.)
"""
import datetime
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mszs.api import parse_bytes
from mszs.errors import MszsError
from mszs.normalise.text import fold_digits

# A year written out (2022年, 二〇二二年, 2022-8) may be anywhere; only relative dates stay near the plan year.
WRITTEN_YEAR = re.compile(r"[\d〇零一二三四五六七八九]{4}\s*年|\d{4}\s*[-./]\s*\d")
PIECES = ["1", "2", "5", "8", "12", ".", "-", "至", "%", "一", "两", "十", "万", "亿", "个", "处", "人次", "万元",
          "公里", "平方米", "年", "月", "日", "底", "上旬", "下旬", "第二季度", "上半年", "年底", "前", "以上",
          "不少于", "约", "由", "提高到", "新增", "完成", "建设", "改造", "学校", "（", "）", "、", "，", "；",
          "：", "。", " ", "\t", "\n"]
UNITS = ["县财政局", "县教体局", "各乡镇", "有关街道", "县水务局 徽矿集团", "相关县(市、区)政府", "等", "、", "，",
         " ", "\n", "（", "）"]
HEADERS = ["序号", "项目名称", "项目内容", "实事内容", "责任单位", "牵头单位", "配合单位", "协办单位", "完成时限",
           "时间节点", "分管县领导", "备注"]
WHITESPACE = re.compile(r"\s")
NUMBER = st.one_of(st.integers(min_value=0, max_value=99999).map(str), st.sampled_from(["0.5", "2.2", "两", "三十", "百分之九十"]))
# Quantities and dates as notices write them, so that targets and deadlines are found.
TARGET = st.tuples(st.sampled_from(["", "新增", "改造", "由", "约", "不少于"]), NUMBER,
                   st.sampled_from(["", "", "-8", "至5", "万", "亿", "余"]),
                   st.sampled_from(["个", "处", "人次", "元", "万元", "公里", "平方米", "%", "批次/千人"]),
                   st.sampled_from(["", "以上", "以内", "左右", "提高到16万元"])).map("".join)
DATE = st.tuples(st.sampled_from(["", "", "2021年", "次年"]), st.integers(min_value=0, max_value=14).map(str),
                 st.sampled_from(["月", "月底", "月上旬", "月中旬", "月20日", "月底前"])).map("".join)
PHRASE = st.one_of(TARGET, DATE, st.sampled_from(["第二季度", "上半年", "年底前", "年内"]), st.sampled_from(PIECES))


def _joined(pieces, max_size=30):
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


def _content(max_size=8):
    return st.lists(PHRASE, max_size=max_size).map("，".join)


@st.composite
def notices(draw):
    """Text laid out like a notice: a title naming the plan year, a header row, rows of odd cells."""
    year = draw(st.integers(min_value=2000, max_value=2060))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=2, max_size=6, unique=True))
    separator = draw(st.sampled_from(["\t", " | ", "\n\t"]))
    lines = [f"关于办好{year}年县政府民生实事项目的通知", draw(_joined(PIECES)), separator.join(header)]
    for seq in range(1, draw(st.integers(min_value=0, max_value=6)) + 1):
        cells = [str(seq) if name == "序号" else draw(_joined(UNITS, 12) if "单位" in name else _content())
                 for name in header]
        lines.append(separator.join(cells))
    lines += draw(st.lists(_content(), max_size=3))
    return "\n".join(lines)


def _parsed(data: bytes):
    try:
        return parse_bytes(data)
    except MszsError as exc:
        assert exc.kind != "error" and "\n" not in str(exc)
        return None


def _assert_invariants(notice) -> None:
    year = notice.notice.year
    for project in notice.projects:
        for task in project.tasks:
            for unit in task.lead_units + task.co_units:
                assert unit and not WHITESPACE.search(unit), unit
            for target in task.targets + [t for m in task.milestones for t in m.targets]:
                assert target.unit and not WHITESPACE.search(target.unit), target
                if target.value_max is not None:
                    assert target.value_max >= target.value, target
            dates = ([task.deadline] if task.deadline else []) + task.milestones
            # A year written in one step of a schedule carries on to the steps after it.
            written = any(WRITTEN_YEAR.search(fold_digits(dated.text)) for dated in dates)
            for dated in dates:
                if dated.date and year and not written:
                    assert year - 1 <= datetime.date.fromisoformat(dated.date).year <= year + 1, dated


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(notices())
def test_notice_shaped_text_keeps_its_invariants(text):
    notice = _parsed(text.encode("utf-8"))
    if notice is not None:
        _assert_invariants(notice)


@SETTINGS
@given(st.one_of(st.text(max_size=300), _joined(PIECES + UNITS + HEADERS, 80)))
def test_any_text_parses_or_is_refused(text):
    for encoding in ("utf-8", "gb18030", "utf-16"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:  # lone surrogates
            continue
        notice = _parsed(data)
        if notice is not None:
            _assert_invariants(notice)


@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_parse_or_are_refused(data):
    notice = _parsed(data)
    if notice is not None:
        _assert_invariants(notice)


def test_next_year_twice_in_a_schedule():
    """Found by these properties: a second 次年 was counted from the step before it."""
    text = "关于办好2000年县政府民生实事项目的通知\n\n项目名称\t完成时限\n建设学校\t次年3月，完成招标；次年6月，完工"
    task = parse_bytes(text.encode()).projects[0].tasks[0]
    assert [m.date for m in task.milestones] == ["2001-03-31", "2001-06-30"]
