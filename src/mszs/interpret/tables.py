"""Project tables, read by their header words.

A header row gives each column a role (see ``mszs.vocabulary``). Rows below
it are projects or continuation rows; a header repeated on a later page is
dropped, and a table with no header that has as many columns as the last one
read continues it (a table split over pages).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from mszs.document import Row, Table
from mszs.interpret.lists import labelled_parts
from mszs.interpret.outline import SUB_ITEM_MARKS, enumerator, heading_text, run_in_starts, seq_value
from mszs.interpret.records import ProjectRecord, TaskRecord
from mszs.normalise.text import clean_text
from mszs.patterns import LazyPattern
from mszs.vocabulary import TEXT_ROLES, header_role, is_header_row, label_role, period_header, with_content_column

# A table without header words this large is worth a warning: it may be a project table in words we do not know.
MIN_UNREAD_ROWS = 3
MIN_UNREAD_COLUMNS = 3
# Cells a continuation row shares with the row above when it leaves them empty.
SPANNABLE_ROLES = ("lead_units", "units", "co_units", "leaders", "deadline", "period_steps")
TASK_FIELD_ROLES = ("lead_units", "units", "co_units", "leaders", "deadline", "period_steps", "progress", "problems",
                    "next_steps", "remarks")
# The outline level of 1. 2. 3.: project numbers; 一、 and （一） above it number groups of them.
_ITEM_LEVEL = 2
# Columns the contract has no field for: unknown header words go to the remarks (with a warning),
# words known to name such a column (建设地点, 总投资) to the task's details; nothing read is lost.
_NO_FIELD_ROLES = (None, "other")
# Two prose cells of one field (一季度目标 beside 工作任务) are kept apart by ；, unless the first ends
# a sentence or a clause itself.
_PROSE_END = ("。", "；", ";", "！", "？", "!", "?", "，", ",")
# `一、教育卫生类（牵头领导：周明、韩立）`: a group row naming who answers for the projects below.
_GROUP_CLAUSE = LazyPattern(r"[（(]([^（）()]+)[)）]\s*$")
# `8月计划进度`: what is planned by a date, not the progress made.
_PLANNED = LazyPattern(r"计划")
_DATED_HEADER = LazyPattern(r"\d{1,2}\s*月|季度|半年|截至|\d{4}\s*年")
# A cell that is an amount alone (`15`, `2所`, `7699套`), and a measure a header names (`全年任务目标（个）`).
_BARE_AMOUNT = LazyPattern(r"^\d+(?:\.\d+)?\s*([\u4e00-\u9fff%]{0,3})$")
_HEADER_MEASURE = LazyPattern(r"[（(]\s*([\u4e00-\u9fff]{1,3})\s*[)）]\s*$")
_LABELLED = LazyPattern(r"^\s*([\u4e00-\u9fff]{2,8})\s*[:：]\s*(.+?)\s*$")


@dataclass
class _Section:
    """The group row in force: its heading and what it says of every project below it."""

    heading: str | None = None
    fields: dict[str, str] = field(default_factory=dict)


class _Columns:
    """Column index → role, from a header row, or several: in a two-row header
    (`责任单位` spanning `牵头单位 | 配合单位`) the lower, more specific word wins."""

    def __init__(self, headers: list[Row]):
        self.width = len(headers[0].cells)
        self.roles = [header_role(text) for text in headers[0].texts]
        self.names = [clean_text(text) for text in headers[0].texts]
        for header in headers[1:]:
            for k, text in enumerate(header.texts[:self.width]):
                self.roles[k] = header_role(text) or self.roles[k]
                self.names[k] = clean_text(text) or self.names[k]
        self.roles = with_content_column(self.roles, self.names)
        # `一季度目标`, `二季度`, `6月底`: a column of what is due by a date is a milestone column.
        self.periods = [period_header(name) if role in (None, "content", "deadline") or _PLANNED.search(name) else None
                        for role, name in zip(self.roles, self.names)]
        self.roles = ["period_steps" if period else role for role, period in zip(self.roles, self.periods)]
        # every row is asked for the cells of a dozen roles: each role's columns are found once
        self.columns: dict[str | None, list[int]] = {}
        for k, role in enumerate(self.roles):
            self.columns.setdefault(role, []).append(k)
        self.dated = {role: self._dated(role) for role in self.columns}

    def without_field(self) -> list[int]:
        """The named columns no contract field takes."""
        return [k for k, (role, name) in enumerate(zip(self.roles, self.names)) if role in _NO_FIELD_ROLES and name]

    def unknown(self) -> list[str]:
        """Header words of the columns whose role is unknown."""
        return [name for role, name in zip(self.roles, self.names) if role is None and name]

    def cells(self, row: Row, role: str) -> list[str]:
        """The row's cells of a role; a milestone column's cells led by its date (`一季度：…`)."""
        return [f"{self.periods[k]}：{row.cells[k].text.strip()}" if self.periods[k] and row.cells[k].text.strip()
                else row.cells[k].text for k in self.columns.get(role, ()) if k < len(row.cells)]

    def for_periods(self, role: str) -> bool:
        """Whether a role has several columns, each for a period (`1-6月完成情况`, `截至9月底进展`)."""
        return self.dated.get(role, False)

    def _dated(self, role: str | None) -> bool:
        periods = [_DATED_HEADER.search(self.names[k]) for k in self.columns[role]]
        return (len(periods) >= 2 and all(periods)
                and len({period.group(0) for period in periods}) == len(periods))  # not `1-8月完成情况`, `1-8月完成率`

    def first(self, row: Row, role: str) -> str:
        return next((t for t in self.cells(row, role) if t.strip()), "")

    def has(self, role: str) -> bool:
        return role in self.columns

    def role(self, column: int) -> str | None:
        """The role of a column; a cell beyond the header's width has none."""
        return self.roles[column] if column < len(self.roles) else None


@dataclass
class TablesRead:
    projects: list[ProjectRecord] = field(default_factory=list)
    unread_tables: list[Table] = field(default_factory=list)  # sizeable tables without header words
    unknown_columns: list[str] = field(default_factory=list)  # header words of columns read only as remarks


def read_tables(tables: list[Table]) -> TablesRead:
    """Projects from the tables with header words, and what was left unread or half read."""
    read = TablesRead()
    projects, unread = read.projects, read.unread_tables
    columns: _Columns | None = None
    section = _Section()
    for table in tables:
        if not table.rows:
            continue
        header_at = next((k for k, row in enumerate(table.rows[:3]) if is_header_row(row.texts)), None)
        if header_at is None and not (columns and len(table.rows[0].cells) == columns.width):
            if len(table.rows) >= MIN_UNREAD_ROWS and len(table.rows[0].cells) >= MIN_UNREAD_COLUMNS:
                unread.append(table)
            continue  # not a project table (layout, contacts…)
        rows = table.rows
        if header_at is not None:
            header_end = header_at + 1
            while header_end < len(rows) and is_header_row(rows[header_end].texts, partial=True):
                header_end += 1
            columns = _Columns(rows[header_at:header_end])
            read.unknown_columns += [name for name in columns.unknown() if name not in read.unknown_columns]
            rows = rows[header_end:]
        for row in rows:
            section = _read_row(row, columns, projects, section)
    return read


def _read_row(row: Row, columns: _Columns, projects: list[ProjectRecord], section: _Section) -> _Section:
    """Adds the row to ``projects``; returns the section in force after it."""
    texts = [t.strip() for t in row.texts]
    if not any(texts) or is_header_row(texts):
        return section
    banner = _banner(row, columns)
    if banner is not None:
        return _section(banner)
    seq, name = _seq_and_name(row, columns)
    category = _category(row, columns)
    current = projects[-1] if projects else None
    # Without a content column the name column holds each task's text, so an
    # unnumbered row with a new name is still a task of the project above.
    renamed = bool(name and name != current.name) if current else False
    if seq is None and columns.has("seq") and not columns.has("content"):
        renamed = False
    starts_project = current is None or (seq is not None and seq != current.seq) or renamed
    if starts_project:
        if not category and current is not None and columns.has("name"):
            category = current.category  # a 类别 cell spans the projects of its kind
        current = ProjectRecord(seq=seq, name=name or None, category=category or None, section=section.heading,
                                from_table=True)
        projects.append(current)
    task = _task(row, columns, name)
    if task:
        if current.tasks and not starts_project:
            _inherit_spanned(task, current.tasks[-1])
        for role, text in section.fields.items():
            task.fields.setdefault(role, text)
        current.tasks.extend(_sub_item_tasks(task))
    return section


def _sub_item_tasks(task: TaskRecord) -> list[TaskRecord]:
    """A content cell made of circled sub-items (`①完成区第二幼儿园…②完成宜春十中改造…`) holds one
    task each. A progress or other text cell numbered alike, or of one line per sub-item,
    gives each its own part; any other cell applies to all of them."""
    items = _sub_items(task.content)
    if len(items) < 2:
        return [task]
    parts = {role: _sub_items(text) or text.split("\n") for role, text in task.fields.items() if role in TEXT_ROLES}
    tasks = []
    for k, item in enumerate(items):
        fields = {role: parts[role][k] if len(parts.get(role, ())) == len(items) else text
                  for role, text in task.fields.items()}
        tasks.append(TaskRecord(content=item, fields=fields, origin=task.origin, details=task.details))
    return tasks


def _sub_items(text: str) -> list[str]:
    """The texts of the circled sub-items a cell consists of, marks dropped; [] when
    text stands before the first mark."""
    starts = run_in_starts(text, marks=SUB_ITEM_MARKS)
    if not starts or text[:starts[0]].strip():
        return []
    return [text[start + 1:end].strip() for start, end in zip(starts, [*starts[1:], len(text)])]


def _section(banner: str) -> _Section:
    """A group row's heading, and the labelled values of a clause at its end (`（牵头领导：周明）`)."""
    clause = _GROUP_CLAUSE.search(banner)
    fields = {}
    for part in re.split(r"[；;]", clause.group(1)) if clause else []:
        labelled = _LABELLED.match(part)
        role = label_role(labelled.group(1)) if labelled else None
        if role in TASK_FIELD_ROLES:
            fields[role] = labelled.group(2)
    if fields:
        banner = banner[:clause.start()].strip()
    return _Section(clean_text(banner) or None, fields)


def _inherit_spanned(task: TaskRecord, above: TaskRecord) -> None:
    """A continuation row whose content, unit, leader or deadline cell is empty sat under a
    cell spanning both rows (a rowspan lost on the way to text): it shares the value above."""
    task.content = task.content or above.content
    for role in SPANNABLE_ROLES:
        if not task.fields.get(role) and above.fields.get(role):
            task.fields[role] = above.fields[role]


def _banner(row: Row, columns: _Columns) -> str | None:
    """A row that groups the projects below it: one text spanning the table
    (`一、教育民生（3项）`), or a Chinese-numbered 序号 with a name and nothing else
    (`一 | 教育民生 | | |`) above rows numbered 1, 2, 3…"""
    texts = [t.strip() for t in row.texts]
    filled = {t for t in texts if t}
    if len(filled) == 1 and len(texts) >= 3:
        text = filled.pop()
        numbered = enumerator(text)
        if texts.count(text) >= 2 or texts[0] == text or (numbered and numbered.level < _ITEM_LEVEL):
            return heading_text(numbered.body if numbered else text)
    seq = columns.first(row, "seq").strip()
    label = columns.first(row, "name") or columns.first(row, "category")
    others = [t for k, t in enumerate(texts) if t and columns.role(k) not in ("seq", "name", "category")]
    if seq and not seq[0].isdigit() and seq_value(seq) is not None and label.strip() and not others:
        return clean_text(heading_text(label))
    return None


def _seq_and_name(row: Row, columns: _Columns) -> tuple[int | None, str]:
    """The row's 序号 and project name; without a 序号 column, a number leading the name
    (`1.城市提升项目`), or leading the content when no column names the project."""
    name = clean_text(columns.first(row, "name" if columns.has("name") else "category"))
    if columns.has("seq"):
        return seq_value(columns.first(row, "seq")), name
    if name:
        return _row_number(name)
    return _row_number(columns.first(row, "content").strip())[0], name


def _row_number(text: str) -> tuple[int | None, str]:
    """The item number leading a cell (`1.城市提升项目`) and the text after it."""
    numbered = enumerator(text)
    if numbered and numbered.level == _ITEM_LEVEL:
        return numbered.number, numbered.body.strip()
    return None, text


def _category(row: Row, columns: _Columns) -> str:
    # without a name column, a 项目类别 column names the project instead
    return clean_text(columns.first(row, "category")) if columns.has("name") else ""


def _task(row: Row, columns: _Columns, name: str) -> TaskRecord | None:
    content = _prose(columns.cells(row, "content"))
    if not columns.has("seq") and not name:
        content = _row_number(content)[1]
    amount = _amount_only(content, columns) if name else None
    task = TaskRecord(content=name if amount else content or name, origin=row.origin)
    task.add("targets", amount or "")
    texts = _text_cells(row, columns)
    for role in TASK_FIELD_ROLES:
        if role in TEXT_ROLES:
            task.add(role, _prose(texts[role] + (_unfielded(row, columns) if role == "remarks" else [])))
        else:
            for text in columns.cells(row, role):
                task.add(role, text)
    task.details = [(columns.names[k], row.cells[k].text.strip()) for k, role in enumerate(columns.roles)
                    if role == "other" and k < len(row.cells) and row.cells[k].text.strip()]
    if not task.content.strip() and not task.fields:
        return None
    return task


def _amount_only(content: str, columns: _Columns) -> str | None:
    """A content cell holding nothing but an amount (`15` under `全年任务目标（个）`) is the project's
    target, with the measure its header names; the name is then its text."""
    match = _BARE_AMOUNT.match(content.strip())
    if not match:
        return None
    header = next(name for name, role in zip(columns.names, columns.roles) if role == "content")
    measure = _HEADER_MEASURE.search(header)
    return content.strip() + (measure.group(1) if measure and not match.group(1) else "")


def _text_cells(row: Row, columns: _Columns) -> dict[str, list[str]]:
    """The row's progress, problems, next steps and remarks cells by field, the parts of a cell that
    labels them (`进展情况：…下步打算：…`) each in its own; of progress columns for several periods
    (`1-6月完成情况`, `1-9月完成情况`), the latest only."""
    texts: dict[str, list[str]] = {role: [] for role in TEXT_ROLES}
    for role in TEXT_ROLES:
        cells = columns.cells(row, role)
        if role == "progress" and columns.for_periods(role):
            cells = [next((t for t in reversed(cells) if t.strip()), "")]
        for cell in cells:
            for part_role, part in labelled_parts(cell, role):
                texts[part_role].append(part)
    return texts


def _unfielded(row: Row, columns: _Columns) -> list[str]:
    """The row's cells in columns whose header mszs does not know, as remarks, each as `header：text`;
    the cells of the one such column as they are (a status such as `进度评价`: `已完成`; the
    warning names the column)."""
    unfielded = [k for k in columns.without_field() if columns.roles[k] is None]
    bare = len(unfielded) == 1
    return [row.cells[k].text.strip() if bare else f"{columns.names[k]}：{row.cells[k].text.strip()}"
            for k in unfielded if k < len(row.cells) and row.cells[k].text.strip()]


def _prose(cells: list[str]) -> str:
    """The cells of one prose role, each ended by ；unless it ends a sentence itself."""
    texts = [t.strip() for t in cells if t.strip()]
    return "".join(t if t.endswith(_PROSE_END) or k == len(texts) - 1 else t + "；" for k, t in enumerate(texts))
