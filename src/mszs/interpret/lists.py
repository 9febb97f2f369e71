"""List-style notices: projects written as enumerated paragraphs.

An item is a paragraph that names who is responsible, either in a clause at
its end (`N.内容（责任单位：…）`) or in labelled lines right after it
(`主办单位：…`, `协办单位：…`, `责任领导：…`). Enumerated paragraphs that name
nobody are headings; the nearest heading above an item is its section.
"""
from __future__ import annotations

import re

from mszs.document import Paragraph
from mszs.interpret.outline import Enumerated, enumerator, heading_text
from mszs.interpret.records import ProjectRecord, TaskRecord
from mszs.normalise.text import clean_text
from mszs.vocabulary import label_pattern, label_role

_LABELS = label_pattern()
LABEL_LINE = re.compile(rf"^\s*({_LABELS})\s*[:：]\s*(.*)$")
_LABEL_ANYWHERE = re.compile(rf"({_LABELS})\s*[:：]")
# `（责任单位：…）` at the end; the clause itself may hold parentheses (`县大气(水)污染防治指挥部`).
_CLAUSE_START = re.compile(rf"[（(【\[]\s*(?:{_LABELS})\s*[:：]")
_OPENERS, _CLOSERS = "（(【[", ("）", ")", "】", "]")
# `…。牵头单位：县教育局` at the end of an item, without parentheses.
_TRAILING_LABELS = re.compile(rf"(?<=[。；;，,])\s*((?:{_LABELS})\s*[:：].*)$")
# A project name before a colon: short, no sentence punctuation.
_NAME = re.compile(r"^([^，,。；;：:！？]{2,30}?)[:：](?!\s*$)")
_NOT_NAME_ENDINGS = ("如下", "以下", "包括", "主要有", "目标", "任务")
# A numbered line this long that ends mid-sentence was wrapped, not a heading.
MIN_WRAPPED_LENGTH = 15
_SENTENCE_ENDS = ("。", "；", ";", "：", ":", "！", "？", "）", ")")
# A short line that opens a list of projects, and headings that close it.
PROJECT_LIST_START = re.compile(r"民生实事|实事项目|为民办实事|民生项目|惠民实事|实事清单")
PROJECT_LIST_END = re.compile(r"要求|保障|措施|组织|督查|督导|考核|宣传|抄送|附件")


def read_list_items(paragraphs: list[Paragraph]) -> list[ProjectRecord]:
    paragraphs = _join_wrapped_items(paragraphs)
    projects: list[ProjectRecord] = []
    headings: dict[int, str] = {}
    current: TaskRecord | None = None
    for k, paragraph in enumerate(paragraphs):
        text = paragraph.text.strip()
        if _is_label_line(text):
            if current is not None:
                _add_clause(current, text)  # one line may hold several labels
            continue
        numbered = enumerator(text)
        body = numbered.body if numbered else text
        clause_at = _clause_start(body)
        followed_by_labels = _next_is_label(paragraphs, k)
        if clause_at is None and not followed_by_labels:
            current = None
            if numbered:
                headings = {lvl: t for lvl, t in headings.items() if lvl < numbered.level}
                headings[numbered.level] = heading_text(body)
            continue
        if numbered is None and clause_at is None and current is not None and not current.fields:
            current.content += text  # an item's text wrapped onto a second paragraph
            continue
        level = numbered.level if numbered else max(headings, default=-1) + 1
        section = next((headings[lvl] for lvl in sorted(headings, reverse=True) if lvl < level), None)
        name, content = _name_and_content(body[:clause_at] if clause_at is not None else body)
        current = TaskRecord(content=content, origin=paragraph.origin)
        if clause_at is not None:
            _add_clause(current, body[clause_at:])
        projects.append(ProjectRecord(seq=numbered.number if numbered else None, name=name, section=section,
                                      tasks=[current]))
    for project in projects:
        _settle_form_fields(project)
    return projects


def _settle_form_fields(project: ProjectRecord) -> None:
    """An item written as a form names its content (`建设内容：…`) and maybe its name in
    labelled lines: then the item's own line is the project's name."""
    task = project.tasks[0]
    name = task.fields.pop("name", None)
    content = task.fields.pop("content", None)
    if content:
        project.name = project.name or name or task.content or None
        task.content = content
    elif name:
        project.name = project.name or name


def _join_wrapped_items(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Text pasted from a PDF keeps its line breaks: an item cut off mid-sentence
    (`1.新建城区学校2所，新增学位` / `3800个。（责任单位：…）`) is joined again."""
    joined: list[Paragraph] = []
    for paragraph in paragraphs:
        previous = joined[-1] if joined else None
        if previous is not None and _wraps_into(previous.text, paragraph.text):
            joined[-1] = Paragraph(previous.text + paragraph.text.strip(), previous.origin)
        else:
            joined.append(paragraph)
    return joined


def _wraps_into(first: str, second: str) -> bool:
    numbered = enumerator(first)
    return (numbered is not None and len(numbered.body) >= MIN_WRAPPED_LENGTH
            and not first.rstrip().endswith(_SENTENCE_ENDS) and _clause_start(first) is None
            and enumerator(second) is None and not _is_label_line(second) and _clause_start(second) is not None)


def read_unlabelled_items(paragraphs: list[Paragraph]) -> list[ProjectRecord]:
    """A fallback for notices that list their projects without naming who is responsible:
    the most deeply numbered paragraphs after the line that opens the project list
    (`二、2024年民生实事项目`), up to a heading such as `三、保障措施`."""
    zone = _project_list_zone(paragraphs)
    levels = [numbered.level for _, numbered in zone if numbered]
    if len(levels) < 2:
        return []
    item_level = max(levels)
    projects: list[ProjectRecord] = []
    headings: dict[int, str] = {}
    for paragraph, numbered in zone:
        if numbered is None:
            continue
        if numbered.level < item_level:
            headings = {lvl: t for lvl, t in headings.items() if lvl < numbered.level}
            headings[numbered.level] = heading_text(numbered.body)
            continue
        name, content = _name_and_content(numbered.body)
        section = next((headings[lvl] for lvl in sorted(headings, reverse=True)), None)
        projects.append(ProjectRecord(seq=numbered.number, name=name, section=section,
                                      tasks=[TaskRecord(content=content, origin=paragraph.origin)]))
    return projects


def _project_list_zone(paragraphs: list[Paragraph]) -> list[tuple[Paragraph, Enumerated | None]]:
    openers = [k for k, p in enumerate(paragraphs)
               if len(p.text) <= 40 and PROJECT_LIST_START.search(p.text) and not re.search(r"[，,。；;]|关于", p.text)]
    if not openers:
        return []
    zone = []
    for paragraph in paragraphs[openers[-1] + 1:]:
        numbered = enumerator(paragraph.text)
        title = heading_text(numbered.body) if numbered else paragraph.text
        if len(title) <= 12 and PROJECT_LIST_END.search(title) or paragraph.text.startswith("抄送"):
            break
        zone.append((paragraph, numbered))
    return zone


def _next_is_label(paragraphs: list[Paragraph], k: int) -> bool:
    return k + 1 < len(paragraphs) and _is_label_line(paragraphs[k + 1].text)


def _is_label_line(text: str) -> bool:
    """`牵头单位：…`, or a responsibility clause standing alone under its item (`（责任单位：…）`)."""
    text = text.strip()
    return bool(LABEL_LINE.match(text)) or _clause_start(text) == 0


def _clause_start(text: str) -> int | None:
    """Where a trailing responsibility clause starts, or None."""
    stripped = text.rstrip("。.；; \t")
    for match in reversed(list(_CLAUSE_START.finditer(stripped))):
        if stripped.endswith(_CLOSERS) and _balanced_to_end(stripped, match.start()):
            return match.start()
    trailing = _TRAILING_LABELS.search(stripped)
    return trailing.start(1) if trailing else None


def _balanced_to_end(text: str, start: int) -> bool:
    depth = 0
    for k in range(start, len(text)):
        if text[k] in _OPENERS:
            depth += 1
        elif text[k] in _CLOSERS:
            depth -= 1
            if depth == 0:
                return k == len(text) - 1
    return False


def _add_clause(task: TaskRecord, clause: str) -> None:
    clause = clause.strip().rstrip("。.；; ")
    if clause[:1] in _OPENERS and clause[-1:] in _CLOSERS:
        clause = clause[1:-1]
    parts = _LABEL_ANYWHERE.split(clause)
    # parts: [before, label, value, label, value, …]
    for label, value in zip(parts[1::2], parts[2::2]):
        _add_labelled(task, label, value.strip().rstrip("；;，,"))


def _add_labelled(task: TaskRecord, label: str, value: str) -> None:
    role = label_role(label)
    if role:
        task.add(role, value)


def _name_and_content(body: str) -> tuple[str | None, str]:
    body = body.strip()
    match = _NAME.match(body)
    if match and not match.group(1).endswith(_NOT_NAME_ENDINGS):
        return clean_text(match.group(1)), body[match.end():].strip()
    return None, body
