"""Text rules on hostile cells of 10^5 characters: repeated separators, brackets, digits, labels,
enumeration marks. Each finishes (a quadratic rule would take minutes here: that is what
benchmarks/text_rules.py measures) and gives what it promises; the steps a cell costs are counted
as function calls, the same on any machine."""
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import mszs
from mszs.api import parse_bytes
from mszs.normalise.dates import date_matches, find_date
from mszs.normalise.schedule import read_schedule
from mszs.normalise.targets import MAX_TARGETS, extract_targets
from mszs.parsers import read_bytes
from mszs.normalise.units import SEPARATORS, split_list, split_people, split_units
from mszs.vocabulary import header_role

LONG = 100_000
# Numbers, enumerators and separators run together, as a broken cell holds them.
NUMBERED = ["1，", "、 ", "、1", "，1", "1、 ", "（1）", "一是", "：", "第一，", "1 "]
# Cells made only of quantities or dates, and a run of tabs (which a text notice separates cells with).
QUANTITIES = [("3个", 3, "个"), ("3.5万元", 35_000, "元")]
DATES = [("3月", "2021-03-31", "month"), ("2021年", "2021-12-31", "year")]
PIECES = ["、", "（", "）", "（县", "（一）", "一、", "1.", "1", "3个", "3.5万元", "2021年", "3月",
          "责任单位：", "局 ", " ", "\n", "\t", "“", "。", "各乡镇、", "县教体局"] + NUMBERED
MSZS = str(Path(mszs.__file__).parent)
MARKS = ["、", "、 ", " ", "\n", "，", "、，", "；\n", "\u3000、"]


def _long(piece: str, length: int = LONG) -> str:
    return (piece * (length // len(piece) + 1))[:length]


def _calls(function, *args, built_in: bool = True) -> int:
    """The calls of mszs's functions (and the built-in ones they call, unless told) that function(*args)
    makes; not those of the garbage collector's callbacks (hypothesis times collections)."""
    count = 0
    counted = ("call", "c_call") if built_in else ("call",)

    def profile(frame, event, arg):
        nonlocal count
        count += event in counted and frame.f_code.co_filename.startswith(MSZS)

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        function(*args)
    finally:
        sys.setprofile(previous)
    return count


def _notice(cell: str) -> bytes:
    """A text notice whose one project has the cell as its content, units and schedule."""
    return ("关于办好2021年民生实事项目的通知\n序号\t项目名称\t项目内容\t责任单位\t完成时限\n"
            f"1\t教育提升工程\t{cell}\t{cell}\t{cell}\n").encode("utf-8")


@pytest.mark.parametrize("piece", PIECES)
def test_units_of_a_hostile_cell_are_tidy_names_from_it(piece):
    text = _long(piece)
    for split in (split_units, split_list):
        names = split(text)
        assert all(name and name[0] not in SEPARATORS and name[-1] not in SEPARATORS for name in names)
        # 各 carried to a bare township noun is the only text a name may gain
        assert set("".join(names)) <= set(text) and len("".join(names)) <= len(text)


@pytest.mark.parametrize("piece", PIECES)
def test_people_of_a_hostile_cell(piece):
    assert all(name for name in split_people(_long(piece)))


@pytest.mark.parametrize("piece", PIECES)
def test_targets_of_a_hostile_cell_are_quantities_in_it(piece):
    text = _long(piece)
    targets = extract_targets(text)
    assert all(target.text in text for target in targets)
    if piece == "3个":
        assert len(targets) == MAX_TARGETS and all(target.value == 3 for target in targets)


@pytest.mark.parametrize("piece", PIECES)
def test_dates_of_a_hostile_cell_are_in_it(piece):
    text = _long(piece)
    assert all(parsed.text in text for _, parsed in date_matches(text, 2021))
    found = find_date(text, 2021)
    assert found is None or found.text in text


@pytest.mark.parametrize("piece", PIECES)
def test_a_hostile_cell_is_no_header_word(piece):
    assert header_role(_long(piece)) is None


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["县财政局", "牵头", "（牵头）", "等", "前"]), min_size=1, max_size=40),
       st.integers(min_value=100, max_value=1_000))
def test_mixtures_of_hostile_pieces(pieces, repeat):
    text = "".join(pieces) * repeat
    units = split_units(text)
    assert all(name and name[-1] not in SEPARATORS for name in units)
    assert all(target.text in text for target in extract_targets(text))
    assert all(parsed.text in text for _, parsed in date_matches(text, 2021))


@pytest.mark.parametrize("piece", MARKS)
def test_a_cell_of_marks_is_split_in_as_many_steps_at_any_length(piece):
    """Empty pieces in a row name no one: a few are kept, so 10^5 marks take as many steps of
    Python as 100 do (the built-in ones that cut the text grow with it)."""
    for split in (split_units, split_list):
        assert split(_long(piece)) == []
        assert _calls(split, _long(piece), built_in=False) <= _calls(split, _long(piece, 100), built_in=False)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(QUANTITIES), st.integers(min_value=1, max_value=3 * MAX_TARGETS))
def test_a_cell_of_quantities_gives_its_first_targets(quantity, count):
    piece, value, unit = quantity
    targets = extract_targets(piece * count)
    assert len(targets) == min(count, MAX_TARGETS)
    assert all((t.text, t.value, t.unit, t.comparator, t.kind) == (piece, value, unit, "=", "amount") for t in targets)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(DATES), st.integers(min_value=1, max_value=5_000))
def test_a_cell_of_dates_gives_every_date_and_the_last_as_its_deadline(date, count):
    piece, iso, precision = date
    text = piece * count
    assert [parsed.text for _, parsed in date_matches(text, 2021)] == [piece] * count
    assert (find_date(text, 2021).date.isoformat(), find_date(text, 2021).precision) == (iso, precision)
    schedule = read_schedule(text, 2021)
    assert (schedule.deadline.date, schedule.deadline.precision, schedule.milestones) == (iso, precision, [])


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=0, max_value=LONG), st.booleans())
def test_tabs_after_a_rows_last_text_are_no_columns(tabs, in_every_cell):
    """Blank cells past the header's width are dropped: the row is as wide as its header."""
    cells = "\t".join(["\t" * tabs] * 3) if in_every_cell else "\t" * tabs
    [table] = read_bytes(f"2021年民生实事项目\n序号\t项目名称\t项目内容\t责任单位\t完成时限\n1\t教育提升工程\t{cells}\n"
                         .encode()).tables
    assert [len(row.cells) for row in table.rows] == [5, 5]


@pytest.mark.parametrize("piece", [piece for piece, _, _ in QUANTITIES])
def test_whole_parse_of_a_cell_of_quantities_keeps_the_first_targets_and_says_so(piece):
    notice = parse_bytes(_notice(_long(piece)))
    [task] = [task for project in notice.projects for task in project.tasks]
    assert len(task.targets) == MAX_TARGETS
    assert sum(f"the first {MAX_TARGETS} are its targets" in warning for warning in notice.warnings) == 1


@pytest.mark.parametrize("date", DATES)
def test_whole_parse_of_a_cell_of_dates_has_the_last_as_its_deadline(date):
    piece, iso, precision = date
    [task] = [task for project in parse_bytes(_notice(_long(piece))).projects for task in project.tasks]
    assert (task.deadline.date, task.deadline.precision, task.milestones, task.targets) == (iso, precision, [], [])


def test_whole_parse_of_a_cell_of_tabs_is_one_task_of_the_row():
    [project] = parse_bytes(_notice("\t" * LONG)).projects
    assert (project.seq, project.name, [task.content for task in project.tasks]) == (1, "教育提升工程", ["教育提升工程"])


@pytest.mark.parametrize("piece", NUMBERED + [piece for piece, _, _ in QUANTITIES + DATES] + ["\t"])
def test_whole_parse_of_a_numbered_cell_takes_a_few_steps_a_character(piece):
    """The notice holds the cell three times; each character costs a few calls at most, and ten
    times the text ten times the calls (`1，` cost 29 a character when every piece of it was tried
    as a date, and `、 ` 22 when its 10^5 empty unit pieces were each tidied)."""
    parse_bytes(_notice("县教育局"))  # the patterns compiled and the caches of common words warm
    short, long = (_calls(parse_bytes, _notice(_long(piece, length))) for length in (LONG // 10, LONG))
    assert long < 8 * LONG
    assert long <= 10.5 * short


# Running text that lists projects in sentences: counts, listing words, fields of work, titles.
PROSE = ["、", "等3个项目", "A、B等2个项目。", "共确定10件实事，分别为", "；", "在城市建设方面，", "《A》", "3个项目。",
         "，即", "包括", "工程。", "1.A；"]


@pytest.mark.parametrize("piece", PROSE)
def test_whole_parse_of_hostile_running_text_takes_a_few_steps_a_character(piece):
    """A notice with no table and no numbered list is read for lists in its sentences; a line of
    10^5 such characters costs ten times the calls of 10^4 and a few calls a character."""
    def notice(length):
        return f"2021年民生实事项目\n{_long(piece, length)}\n".encode("utf-8")
    parse_bytes(notice(100))
    short, long = (_calls(parse_bytes, notice(length)) for length in (LONG // 10, LONG))
    assert long < 8 * LONG
    assert long <= 10.5 * short
