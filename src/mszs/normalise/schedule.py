"""A 完成时限 / 时间节点 / 进度安排 cell → deadline and milestones.

A cell holding one bare date or one step is the deadline. A cell holding
dated steps gives one milestone per step (its line as printed), grouped under
the enumerated sub-heading above it, and the deadline is the latest step.
Columns that each name a period give milestones, and a deadline only when the
latest closes the year. Undated lines that
are not headings are returned as unresolved for the caller to report.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from mszs.normalise.dates import RELATIVE_YEARS, ParsedDate, date_matches, find_date, leading_date
from mszs.normalise.targets import extract_targets
from mszs.normalise.text import clean_text
from mszs.output import Deadline, Milestone
from mszs.patterns import LazyPattern

# Enumerators that open a sub-heading: （一） (1) 一、 1、 1. ①
# (`1.3月底前` is 1. then 3月底前, as is `1.2021年7月`.)
_AFTER_NUMBER_POINT = r"(?=\d{4}年|\d{1,2}月|[^\d]|$)"
_ENUMERATOR = LazyPattern(
    rf"^\s*(?:[（(][一二三四五六七八九十\d]{{1,3}}[)）]|[一二三四五六七八九十]{{1,3}}[、.．]|\d{{1,2}}[、．]"
    rf"|\d{{1,2}}\.{_AFTER_NUMBER_POINT}|[①-⑳])\s*")

# A new step may start on the same line after ；/; or, once the step has its
# own date, after ，。 (6月底前完成招标，年底前竣工) — when a date follows.
_STEP_END = LazyPattern(r"(?<=[；;，,。])")
_CLAUSE_END = ("，", ",", "。")

# Numbered steps run together on one line: `1、6月1日投入试运营 2、11月底完成改造`, `1.2021年7月 2.2021年12月`.
_INLINE_NUMBER = LazyPattern(rf"(?:^|(?<=\s))(\d{{1,2}})[、.．]{_AFTER_NUMBER_POINT}")

# A 建设时间 cell holding a year alone (`2024`): the year is the deadline.
_BARE_YEAR = LazyPattern(r"^((?:19|20)\d\d)\s*年?(?:度|内|底)?$")

_RELATIVE_YEAR = LazyPattern(rf"[{''.join(RELATIVE_YEARS)}]年")

# What may stand beside a bare date without making it a step (2021年12月底前完成).
_FILLER = LazyPattern(r"[\s，,。.；;：:、（）()\-—–~～至到]|完成|全部|全面|结束|为止|止|截止|以内|内")


@dataclass
class Schedule:
    deadline: Deadline | None
    milestones: list[Milestone] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)


def split_steps(line: str, year: int | None) -> list[str]:
    """One line may hold several steps: "3月底，招标；6月底，开工；" → two.
    A step split off at a comma drops it: "6月底前完成招标，年底前竣工" → two."""
    steps: list[list[str]] = []  # the pieces of each step, joined at the end (adding to a string copies it)
    for piece in _STEP_END.split(line):
        if steps and not _starts_step(steps[-1], piece, year):
            steps[-1].append(piece)
        elif piece.strip():
            steps.append([piece])
    joined = ("".join(pieces) for pieces in steps)
    return [step.strip().rstrip("，,") for step in joined if step.strip()]


def _starts_step(previous: list[str], piece: str, year: int | None) -> bool:
    """Whether ``piece`` starts a step after the pieces of the step before it."""
    if not leading_date(piece, year):
        return False
    # 开工建设，9月底前完成 is one step: a comma splits only after a dated step. (A piece ends
    # with its mark, so the step ends as its last piece does.)
    return not previous[-1].endswith(_CLAUSE_END) or bool(_step_date("".join(previous), year))


def is_heading(line: str) -> bool:
    """An enumerated sub-heading: （一）打造人居环境示范村."""
    match = _ENUMERATOR.match(line)
    return bool(match and line[match.end():].strip())


def bare_date(text: str, year: int | None) -> ParsedDate | None:
    """The date a text says when it says nothing but a date (or a date range): the last one."""
    rest: list[str] = []  # the text between the dates, joined once (cutting each out copied the text)
    end, parsed = 0, None
    for match, parsed in date_matches(text, year):
        rest.append(text[end:match.start()])
        end = match.end()
    if parsed is None or _FILLER.sub("", "".join(rest) + text[end:]):
        return None
    return parsed


def _deadline(parsed: ParsedDate, text: str) -> Deadline:
    return Deadline(text=text, date=parsed.date.isoformat(), precision=parsed.precision)


def _milestone(text: str, parsed: ParsedDate, group: str | None) -> Milestone:
    return Milestone(text=text, date=parsed.date.isoformat(), precision=parsed.precision,
                     group=group, targets=extract_targets(text))


def _step_date(step: str, year: int | None) -> ParsedDate | None:
    match = _ENUMERATOR.match(step)
    body = step[match.end():] if match else step
    return leading_date(body, year) or (None if match else find_date(body, year))


def inline_steps(line: str) -> list[str]:
    """A line numbered 1, 2, 3… inside itself, as its steps without their numbers; any other line whole."""
    starts = []
    for match in _INLINE_NUMBER.finditer(line):
        if int(match.group(1)) == len(starts) + 1:
            starts.append(match)
    if len(starts) < 2 or starts[0].start() != 0:
        return [line]
    ends = [match.start() for match in starts[1:]] + [len(line)]
    return [line[match.end():end].strip() for match, end in zip(starts, ends)]


def read_schedule(text: str, year: int | None) -> Schedule:
    """A 完成时限 cell: one bare date or one step is the deadline (`9月投入使用`); several steps are
    milestones, the latest the deadline."""
    if not text or text.isspace():
        return Schedule(deadline=None)  # most tasks have no such cell: told before the lines are looked for
    lines = _lines(text)
    parsed = bare_date(lines[0], year) if len(lines) == 1 else None
    if parsed:
        return Schedule(deadline=_deadline(parsed, lines[0]))
    year_alone = _BARE_YEAR.match(lines[0]) if len(lines) == 1 else None
    if year_alone:
        return Schedule(deadline=Deadline(text=lines[0], date=f"{year_alone.group(1)}-12-31", precision="year"))
    milestones, unresolved = _dated_steps(lines, year)
    deadline = _latest(milestones)
    if len(milestones) == 1 and not unresolved and len(lines) == 1 and not _ENUMERATOR.match(lines[0]):
        milestones = []  # one step is no list of milestones, unless numbered as one
    return Schedule(deadline=deadline, milestones=milestones, unresolved=unresolved)


def read_period_steps(text: str, year: int | None) -> Schedule:
    """The cells of columns that each name a period (`一季度目标`, `二季度`): each is a milestone; the
    latest is the deadline only when it closes the year (a quarterly report's `一季度目标` is no deadline)."""
    if not text or text.isspace():
        return Schedule(deadline=None)
    milestones, unresolved = _dated_steps(_lines(text), year)
    latest = _latest(milestones)
    return Schedule(deadline=latest if latest and latest.date.endswith("-12-31") else None,
                    milestones=milestones, unresolved=unresolved)


def _lines(text: str) -> list[str]:
    lines = [clean_text(line) for line in (text or "").split("\n")]
    return [step for line in lines if line for step in inline_steps(line) if step]


def _dated_steps(lines: list[str], year: int | None) -> tuple[list[Milestone], list[str]]:
    milestones: list[Milestone] = []
    unresolved: list[str] = []
    group = None
    plan_year = year
    for line in lines:
        for step in split_steps(line, year):
            parsed = _step_date(step, year)
            if parsed and _RELATIVE_YEAR.search(parsed.text):
                parsed = _step_date(step, plan_year)  # 次年 counts from the plan year, however often written
            if parsed:
                milestones.append(_milestone(step, parsed, group))
                year = parsed.date.year  # the year of a step carries to the bare months after it
            elif is_heading(step):
                group = step
            else:
                unresolved.append(step)
    return milestones, unresolved


def _latest(milestones: list[Milestone]) -> Deadline | None:
    if not milestones:
        return None
    latest = max(reversed(milestones), key=lambda m: m.date)
    return Deadline(text=latest.text, date=latest.date, precision=latest.precision)
