"""Date expressions of deadlines and schedules, resolved against the plan year.

Contract rules: a bare month or 月底/月末 → last day of the month; 上旬/初 → the
10th; 中旬 → the 20th; 下旬 → last day; 年底/年内 → 12-31; quarters → quarter
end; 上半年 → 06-30, 下半年 → 12-31; 次年 → plan year + 1; a written year wins.
"""
from __future__ import annotations

import calendar
import datetime
import functools
import re
from dataclasses import dataclass
from typing import Iterator

from mszs.normalise.numbers import parse_number
from mszs.normalise.text import fold_digits
from mszs.patterns import LazyPattern


@dataclass(frozen=True)
class ParsedDate:
    text: str
    date: datetime.date
    precision: str  # day | dekad | month | quarter | half | year


# Years written relative to the plan year (the 年 follows).
RELATIVE_YEARS = {"次": 1, "明": 1, "翌": 1, "今": 0, "当": 0, "本": 0, "同": 0}

# Part of a month → (day, precision); None as day means the month's last day.
MONTH_PARTS = {
    "上旬": (10, "dekad"),
    "初": (10, "dekad"),
    "中旬": (20, "dekad"),
    "中": (20, "dekad"),
    "下旬": (None, "dekad"),
    "底": (None, "month"),
    "末": (None, "month"),
}

HALVES = {"上半年": (6, "half"), "下半年": (12, "half")}

QUARTERS = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}

# What may follow 年 to name the end of a year (年底, 2022年末, 年内).
YEAR_ENDS = ("底", "末", "终", "内")

# Words that may precede a date at the start of a line (到2022年底, 截至6月).
LEAD_INS = ("截止到", "截至", "截止", "到", "至", "于", "在")

# Phrases of things done on a cycle rather than by a date.
RECURRING = ("逐月", "每月", "按月", "月度", "逐季", "每季", "按季", "季度性",
             "每年", "逐年", "每半年", "每周", "每日", "每天", "定期", "常态化")

_YEAR = (rf"(?:(?P<year>(?:19|20)\d\d|[〇零一二三四五六七八九]{{4}})\s*年"
         rf"|(?P<rel>[{''.join(RELATIVE_YEARS)}])年"
         rf"|(?P<whole>全)年"
         rf"|年(?=[{''.join(YEAR_ENDS)}]))")
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月份?"
_DAY = r"(?P<day>[0-3]?\d|[一二三]?十?[一二三四五六七八九十])\s*[日号]"
_PART = "|".join(sorted(MONTH_PARTS, key=len, reverse=True))

# Written with digits and dots or dashes: 2023.12, 2023-12-31, 2023/6/30.
_NUMERIC = r"(?P<nyear>(?:19|20)\d\d)(?P<sep>[./-])(?P<nmonth>1[0-2]|0?[1-9])(?:(?P=sep)(?P<nday>[0-3]?\d))?(?![\d.])"

# How a date may start (never with a space), looked at first: the pattern's parts are all optional,
# and trying them at every character of a long text to match nothing cost microseconds each. Digits
# start a date only with 年, 月 or 季 after them or a dot, dash or slash (2023.12), not in `1，1，…`,
# and only where no digit is before them (else a run of 10^5 digits is read four at a time);
# a Chinese numeral starts a year, a month or a quarter only with a numeral, 月 or 季 after it, 第
# only a quarter (not `第一，`), 之 and 以 only 之前 and 以前.
_NUMERALS = "〇零一二三四五六七八九十"
_DATE_START = (rf"(?<![\d.])\d{{1,4}}(?:\s*[年月季]|[./-])|[{_NUMERALS}][{_NUMERALS}\s月季]|[{''.join(RELATIVE_YEARS)}全]年|年[{''.join(YEAR_ENDS)}]"
               rf"|[{''.join(half[0] for half in HALVES)}]半年|第[{''.join(QUARTERS)}]\s*季|[{''.join(YEAR_ENDS)}前]|[之以]前")

# One optional year, then a month (with day or part), a half, a quarter or the
# year's end; a bare year (2022年) is a date too. 前/之前 after it belongs to it.
_DATE = LazyPattern(
    rf"(?={_DATE_START})(?<![\d.])(?:{_NUMERIC}|(?:{_YEAR}\s*)?"
    rf"(?:{_MONTH}(?:\s*{_DAY}|(?P<part>{_PART}))?"
    rf"|(?P<half>{'|'.join(HALVES)})"
    rf"|第?(?P<quarter>[{''.join(QUARTERS)}])\s*季度"
    rf"|(?P<yend>[{''.join(YEAR_ENDS)}]))?)"
    r"(?:\s*(?:之前|以前|前))?"
)
_RECURRING = LazyPattern("|".join(RECURRING))


def _resolve_year(match: re.Match, year: int | None) -> int | None:
    if match.group("year"):
        return parse_number(match.group("year"))
    if match.group("rel"):
        return None if year is None else year + RELATIVE_YEARS[match.group("rel")]
    return year


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_is_date(match: re.Match) -> bool:
    """A Chinese-numeral month needs a year, day, part or 份/前 beside it
    (一月一村一场电影 is not January)."""
    if match.group("month").isdigit():
        return True
    return bool(match.group("year") or match.group("rel") or match.group("day") or match.group("part")
                or match.group(0).rstrip().endswith(("份", "前")))


def _numeric_date(match: re.Match) -> tuple[datetime.date, str] | None:
    year, month = int(match.group("nyear")), int(match.group("nmonth"))
    if not match.group("nday"):
        return datetime.date(year, month, _last_day(year, month)), "month"
    day = int(match.group("nday"))
    if not 1 <= day <= _last_day(year, month):
        return None
    return datetime.date(year, month, day), "day"


def _to_date(match: re.Match, year: int | None) -> tuple[datetime.date, str] | None:
    if match.group("nyear"):
        return _numeric_date(match)
    has_year = match.group("year") or match.group("rel") or match.group("whole") or match.group("yend")
    if not (has_year or match.group("month") or match.group("half") or match.group("quarter")):
        return None
    resolved = _resolve_year(match, year)
    if not isinstance(resolved, int) or not 1900 <= resolved <= 2100:
        return None
    if match.group("month"):
        if not _month_is_date(match):
            return None
        month = parse_number(match.group("month"))
        if match.group("day"):
            day = parse_number(match.group("day"))
            if not isinstance(day, int) or not 1 <= day <= _last_day(resolved, month):
                return None
            return datetime.date(resolved, month, day), "day"
        day, precision = MONTH_PARTS[match.group("part")] if match.group("part") else (None, "month")
        return datetime.date(resolved, month, day or _last_day(resolved, month)), precision
    if match.group("half"):
        month, precision = HALVES[match.group("half")]
        return datetime.date(resolved, month, _last_day(resolved, month)), precision
    if match.group("quarter"):
        month = QUARTERS[match.group("quarter")]
        return datetime.date(resolved, month, _last_day(resolved, month)), "quarter"
    return datetime.date(resolved, 12, 31), "year"


class _Groups(dict):
    """A date match's groups by name, and 0 for the whole match, read as from the match."""
    group = dict.__getitem__


@functools.lru_cache(maxsize=4096)  # a schedule repeats its dates, a hostile cell 50,000 times
def _parsed(printed: str, matched: str, groups: tuple[str | None, ...], year: int | None) -> ParsedDate | None:
    """The date a match of _DATE gives (``printed``: its text before digits were folded): what
    _to_date makes of its groups, which are all it reads."""
    named = _Groups({name: groups[index - 1] for name, index in _DATE.groupindex.items()})
    named[0] = matched
    resolved = _to_date(named, year)
    return ParsedDate(printed, *resolved) if resolved else None


def _parsed_match(match: re.Match, printed: str, year: int | None) -> ParsedDate | None:
    return _parsed(printed, match.group(), match.groups(), year)


def date_matches(text: str, year: int | None) -> Iterator[tuple[re.Match, ParsedDate]]:
    """Every resolvable date expression in text, in order (on digit-folded text)."""
    folded = fold_digits(text or "")
    for match in _DATE.finditer(folded):
        start, end = match.span()
        if start == end:  # the pattern's parts are all optional: nothing here
            continue
        parsed = _parsed_match(match, text[start:end], year)
        if parsed:
            yield match, parsed


@functools.lru_cache(maxsize=4096)  # asked of every piece of a schedule line, which repeat in long cells
def leading_date(text: str, year: int | None) -> ParsedDate | None:
    """The date a line starts with: "3月底，开工建设" "2022年底前" "第三季度，…"."""
    stripped = (text or "").lstrip()
    if stripped.startswith(LEAD_INS):  # most lines have none: one test, not one per word
        word = next(word for word in LEAD_INS if stripped.startswith(word))
        stripped = stripped[len(word):].lstrip()
    match = _DATE.match(fold_digits(stripped))
    return _parsed_match(match, stripped[:match.end()], year) if match else None


def find_date(text: str, year: int | None) -> ParsedDate | None:
    """The date expression that ends last (the governing one of a deadline cell)."""
    found = None
    for _, parsed in date_matches(text, year):
        found = parsed
    return found


def is_recurring(text: str) -> bool:
    """逐月按时兑付, 每季度开展…: done on a cycle, not by a date."""
    return bool(_RECURRING.search(text or ""))
