"""Rows from a table copied off a web page one cell per paragraph.

Nothing separates the cells or the rows, and a cell may have been split into
several paragraphs (one per unit), or be missing because a rowspan covered
it. Rows start at their 序号 (1, 2, 3… or 一, 二, 三… in order). A row with
exactly one paragraph per column is taken as it stands: position is then
surer than looks (`王 林`, `区城投`). In any other row each paragraph goes to
the next column that accepts what it looks like: a list of units stays in its
unit column, a date goes to the deadline column, and text that finds no
column left starts a continuation row.
"""
from __future__ import annotations

import re

from mszs.normalise.numbers import parse_number
from mszs.patterns import LazyPattern
from mszs.vocabulary import CIRCLED, ORG_SUFFIXES, PROJECT_ROLES, TEXT_ROLES, column_roles

# What a paragraph looks like, by the column roles that accept it.
LIST_KINDS = {"lead_units": "unit", "units": "unit", "co_units": "unit", "leaders": "person", "deadline": "date"}
_DATE = LazyPattern(r"^((19|20)\d\d\s*年)?\s*(\d{1,2}\s*月|年底|年内|年中|全年|上半年|下半年|第?[一二三四1-4]\s*季度|长期|持续)"
                   r"|^(19|20)\d\d\s*[.．/-]\s*\d{1,2}(\D|$)")
# A count with its measure word (`新建口袋公园3处`) ends like a unit (处, 所) but is none.
_COUNT_AT_END = LazyPattern(r"\d\s*[\u4e00-\u9fa5]$")
# A name, letter-spaced as Word pads a two-character one (`王  林`) or not.
_PERSON = LazyPattern(r"^[\u4e00-\u9fa5](?:[ \u3000]*[\u4e00-\u9fa5]){1,3}$")
# A cell that starts with its row's number, the rest of the row's first column after it.
_NUMBERED_CELL = LazyPattern(r"^\s*(\d{1,3})[.、．]\s*\S")
_HEADING_CELL = LazyPattern(r"^\s*([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])\s*\S")
_SEQ = LazyPattern(r"^\s*(\d{1,3}|[一二三四五六七八九十]{1,3})[.、．]?\s*$")
# A cell listing several units (`区发展改革局、区工业和信息化局、沈阳近海经济区管委会`) is one of units
# when each of them is.
_UNIT_LIST_SEPARATOR = LazyPattern(r"[、，,；;]")
MAX_UNIT_NAME = 25
_SUB_ITEM = LazyPattern(f"^[{CIRCLED}]")
_TRAILING = LazyPattern(r"(?<![、，,；;。.\s])[、，,；;。.\s]+$|等$")  # lookbehind: linear on long runs


def kind_of(text: str) -> str:
    """`date`, `unit`, `person` or `text`."""
    if len(text) <= 30 and _DATE.match(text):
        return "date"
    if all(_names_a_unit(part) for part in _UNIT_LIST_SEPARATOR.split(_TRAILING.sub("", text))):
        return "unit"
    if _PERSON.match(text):
        return "person"
    return "text"


def _names_a_unit(text: str) -> bool:
    bare = re.sub(r"[（(][^（）()]*[)）]$", "", text.strip())
    return (0 < len(bare) <= MAX_UNIT_NAME and not re.search(r"[，,。；;]", bare) and bare.endswith(ORG_SUFFIXES)
            and not _COUNT_AT_END.search(bare))


def fit_rows(header: list[str], cells: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """Rows of (text, line) cells, each as wide as the header. Cells of one column
    split over several paragraphs are joined with line breaks."""
    roles = column_roles(header)
    if roles[0] == "seq":
        groups = _groups_by_seq(cells)
    elif any(_NUMBERED_CELL.match(text) for text, _ in cells):
        groups = _groups_by_numbered_cell(cells)
    else:
        return [cells[k:k + len(header)] for k in range(0, len(cells), len(header))]
    rows: list[list[tuple[str, int]]] = []
    for group in groups:
        rows.extend(_fit_group(roles, group))
    return rows


def _groups_by_seq(cells):
    """Split the stream where the next 序号 (previous + 1, or 1 again) stands. A table
    cut out of a longer one starts at whatever number its first cell holds. Arabic and
    Chinese numbers count apart: 一、二 number groups of rows numbered 1, 2, 3."""
    groups, expected = [], {}
    for text, line in cells:
        number = seq_number(text)
        style = number and text.strip()[0].isdigit()
        if number and (not groups or number in (expected.get(style, number), 1)):
            groups.append([(text, line)])
            expected[style] = number + 1
        elif groups:
            groups[-1].append((text, line))
        else:
            groups.append([("", line), (text, line)])
    return groups


def _groups_by_numbered_cell(cells):
    """Split the stream of a table with no 序号 column where a cell starts with the next
    number (`1.主动对接…`, `2.大力发展…`); a heading numbered `一、` between rows is a row alone."""
    groups, expected = [], 1
    for text, line in cells:
        numbered = _NUMBERED_CELL.match(text)
        if _HEADING_CELL.match(text):
            groups.append([(text, line)])
            groups.append([])
        elif numbered and int(numbered.group(1)) in (expected, 1):
            groups.append([(text, line)])
            expected = int(numbered.group(1)) + 1
        elif groups:
            groups[-1].append((text, line))
        else:
            groups.append([(text, line)])
    return [group for group in groups if group]


def seq_number(text: str) -> int | None:
    """The 序号 a cell holds alone (`3`, `3.`, `三`), or None."""
    match = _SEQ.match(text)
    if not match:
        return None
    digits = match.group(1)
    return int(digits) if digits.isdigit() else parse_number(digits)


def _fit_group(roles, group):
    width = len(roles)
    if len(group) == width and group[0][0]:
        return [group]
    continued_from = _continuation_column(roles)
    rows = []
    row: list[list[tuple[str, int]]] = [[] for _ in roles]
    row[0] = [group[0]]
    col = 1
    for text, line in group[1:]:
        kind = kind_of(text)
        if col > 1 and _takes_more(roles[col - 1], kind) and not _better_ahead(roles, col, kind):
            row[col - 1].append((text, line))
            continue
        if col > 1 and (_next_sub_item(row[col - 1], text) or _part_per_sub_item(row, roles, col - 1, kind)):
            row[col - 1].append((text, line))
            continue
        target = _target_column(roles, row, col, kind)
        if target is None:
            rows.append(row)
            row = [[] for _ in roles]
            target = next((c for c in range(continued_from, width) if _accepts(roles[c], kind)), continued_from)
        row[target].append((text, line))
        col = target + 1
    rows.append(row)
    return [[_join(cell, group[0][1]) for cell in r] for r in rows]


def _target_column(roles, row, col, kind) -> int | None:
    """The first column from col on that accepts the kind; a second column of a role the row
    has filled already (`主要任务` then `全年目标任务`, one cell printed for both) gives way
    to a later column asking for exactly this kind (a leader's name under `分管领导`)."""
    for c in range(col, len(roles)):
        if not _accepts(roles[c], kind):
            continue
        filled_already = any(roles[k] == roles[c] and row[k] for k in range(c))
        if filled_already and kind != "text" and _better_ahead(roles, c + 1, kind):
            continue
        return c
    return None


def _next_sub_item(cell, text) -> bool:
    """Whether text goes on the circled sub-items of the cell (`②…` under `①…`)."""
    return bool(cell) and bool(_SUB_ITEM.match(cell[-1][0])) and text[:1] == _next_circled(cell[-1][0])


def _part_per_sub_item(row, roles, col, kind) -> bool:
    """Whether a text line belongs to the text cell before it, one line for each circled sub-item
    of the content cell (the progress of `①…②…③…` told on three lines)."""
    if kind != "text" or roles[col] not in TEXT_ROLES or "content" not in roles:
        return False
    content = row[roles.index("content")]
    sub_items = sum(1 for text, _ in content if _SUB_ITEM.match(text))
    return len(row[col]) < sub_items


def _next_circled(text: str) -> str:
    at = CIRCLED.find(text[:1])
    return CIRCLED[at + 1] if 0 <= at < len(CIRCLED) - 1 else ""


def continuation_row(header: list[str], cells: list[tuple[str, int]]) -> list[tuple[str, int]] | None:
    """Cells below a full row, placed from the content column on by what they look like;
    None when one of them finds no column."""
    roles = column_roles(header)
    row: list[list[tuple[str, int]]] = [[] for _ in roles]
    col = _continuation_column(roles)
    for text, line in cells:
        target = next((c for c in range(col, len(roles)) if _accepts(roles[c], kind_of(text))), None)
        if target is None:
            return None
        row[target].append((text, line))
        col = target + 1
    return [_join(cell, cells[0][1]) for cell in row]


def best_shift(roles, texts, shifts) -> int:
    """Of the given shifts, how far right to move a row's leading cells so that they best
    fit their columns: units under units, dates under deadlines. Ties go to the smallest."""
    return max(shifts, key=lambda shift: (fit_score(roles[shift:], texts), -shift))


def fit_score(roles, texts) -> int:
    """How well texts sit under columns of these roles: +1 for each unit, person or date
    under a column asking for it, -1 for each under one asking for another kind."""
    score = 0
    for role, text in zip(roles, texts):
        if not text:
            continue
        expected, kind = LIST_KINDS.get(role), kind_of(text)
        if expected:
            score += 1 if expected == kind else -1
        elif kind == "unit":
            score -= 1  # a unit outside every unit column
    return score


def _continuation_column(roles) -> int:
    """Where a continuation row's text starts: the content column, else the name column."""
    for role in ("content", "name"):
        if role in roles:
            return roles.index(role)
    return next((k for k, role in enumerate(roles) if role not in PROJECT_ROLES), 1)


def _accepts(role, kind) -> bool:
    if role == "seq":
        return False
    expected = LIST_KINDS.get(role)
    return expected is None or expected == kind


def _takes_more(role, kind) -> bool:
    return LIST_KINDS.get(role) == kind


def _better_ahead(roles, col, kind) -> bool:
    """Whether a later column asks for exactly this kind (a second unit column, say)."""
    return any(LIST_KINDS.get(role) == kind for role in roles[col:])


def _join(cell, fallback_line):
    if not cell:
        return ("", fallback_line)
    return ("\n".join(text for text, _ in cell), cell[0][1])
