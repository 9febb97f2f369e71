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
from mszs.vocabulary import DOCUMENT_LABELS, ORG_SUFFIXES, header_role, label_role, label_words

_LABEL_WORDS = frozenset(label_words())
_LONGEST_LABEL = max(map(len, _LABEL_WORDS))
# The characters before a colon that may be a label (`牵头单位：`), or end with one (`县教育局配合单位：`).
_LABEL_RUN = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,16})\s*[:：]")
# A line that reads `label：value` whatever the label.
_ANY_LABEL_LINE = re.compile(r"^\s*([\u4e00-\u9fff]{2,8})\s*[:：]\s*\S")
# `（责任单位：…）` at the end; the clause itself may hold parentheses (`县大气(水)污染防治指挥部`).
_OPENERS, _CLOSERS = "（(【[", ("）", ")", "】", "]")
_OPENING_AT_END = re.compile(r"[（(【\[]\s*$")
# `…。牵头单位：县教育局` at the end of an item, without parentheses.
_AFTER_SENTENCE = re.compile(r"[。；;，,]\s*$")
# An item numbered inside a paragraph, after a space: ` 2.新增公共充电桩500个。`
_RUN_IN_ITEM = re.compile(r"(?<=\s)(\d{1,3})[.、．](?!\d)")
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
    paragraphs = _join_wrapped_items(_split_run_in_items(paragraphs))
    projects: list[ProjectRecord] = []
    headings: dict[int, str] = {}
    current: TaskRecord | None = None
    for k, paragraph in enumerate(paragraphs):
        text = paragraph.text.strip()
        if _is_label_line(text):
            if current is not None:
                _add_clause(current, text)  # one line may hold several labels
            continue
        if current is not None and _is_other_label_line(text):
            current.add("remarks", text)  # a label we cannot place keeps its words
            continue
        numbered = enumerator(text)
        body = numbered.body if numbered else text
        clause_at = _clause_start(body)
        if clause_at is None and numbered:
            clause_at = _glued_label_start(body)
        if clause_at is None and not _label_block_follows(paragraphs, k):
            if numbered is None and current is not None and current.fields and _reports_progress(projects[-1]):
                current.add("progress", text)
                continue
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


def _reports_progress(project: ProjectRecord) -> bool:
    """Under a heading such as `一、进展情况`, the text below an item tells its progress."""
    return bool(project.section) and header_role(project.section) == "progress"


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


def _split_run_in_items(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """A page whose line breaks were lost holds its items in one paragraph
    (`…监督。 1.新建… 牵头领导：… 2.改造… 责任单位：…`): one paragraph per item again."""
    split: list[Paragraph] = []
    for paragraph in paragraphs:
        starts = _run_in_item_starts(paragraph.text)
        pieces = [paragraph.text[a:b] for a, b in zip([0] + starts, starts + [len(paragraph.text)])]
        if len(starts) >= 2 and all(_labels(piece) for piece in pieces[1:]):
            split.extend(Paragraph(piece.strip(), paragraph.origin) for piece in pieces if piece.strip())
        else:
            split.append(paragraph)
    return split


def _run_in_item_starts(text: str) -> list[int]:
    """Where the items 1., 2., 3.… start after a space inside a text, numbered in order from 1."""
    starts = []
    for match in _RUN_IN_ITEM.finditer(text):
        if int(match.group(1)) == len(starts) + 1:
            starts.append(match.start())
    return starts


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
    """The paragraphs after the last line that opens the project list, up to a closing
    heading or, when the opener is numbered (`一、纳入民生实事项目管理的内容`), the next heading of its level."""
    openers = [k for k, p in enumerate(paragraphs) if _opens_project_list(p.text)]
    if not openers:
        return []
    opener = enumerator(paragraphs[openers[-1]].text)
    zone = []
    for paragraph in paragraphs[openers[-1] + 1:]:
        numbered = enumerator(paragraph.text)
        if opener and numbered and numbered.level <= opener.level:
            break
        title = heading_text(numbered.body) if numbered else paragraph.text
        if len(title) <= 12 and PROJECT_LIST_END.search(title) or paragraph.text.startswith("抄送"):
            break
        zone.append((paragraph, numbered))
    return zone


def _opens_project_list(text: str) -> bool:
    """A short line naming the projects, not a sentence, title or closing heading
    (`二、推进落实民生实事项目的具体要求`)."""
    return (len(text) <= 40 and bool(PROJECT_LIST_START.search(text)) and not re.search(r"[，,。；;]|关于", text)
            and not PROJECT_LIST_END.search(text))


def _label_block_follows(paragraphs: list[Paragraph], k: int) -> bool:
    """Whether the lines under paragraph k are labelled ones, at least one with a label we know."""
    for paragraph in paragraphs[k + 1:]:
        text = paragraph.text.strip()
        if _is_label_line(text):
            return True
        if not _is_other_label_line(text):
            return False
    return False


def _is_label_line(text: str) -> bool:
    """`牵头单位：…`, or a responsibility clause standing alone under its item (`（责任单位：…）`)."""
    text = text.strip()
    labels = _labels(text)
    return (bool(labels) and labels[0][0] == 0) or _clause_start(text) == 0


def _is_other_label_line(text: str) -> bool:
    """`项目编号：A-01`: a labelled line whose label we do not know, and not the notice's own (`附件：`)."""
    match = _ANY_LABEL_LINE.match(text)
    return bool(match) and match.group(1) not in DOCUMENT_LABELS


def _labels(text: str) -> list[tuple[int, int, str]]:
    """The labels in a text, as (where the label starts, where its value starts, the label)."""
    if "：" not in text and ":" not in text:
        return []
    found = []
    for match in _LABEL_RUN.finditer(text):
        run = match.group(1)
        at = _label_start(run)
        if at is not None:
            found.append((match.start(1) + at, match.end(), run[at:]))
    return found


def _label_start(run: str) -> int | None:
    """Where the label starts in the characters before a colon: at the start when they are a
    label, after a unit's name when a label word follows it without a break (`县教育局配合单位`)."""
    word = _label_word_ending(run)
    if word and word != run and run[:-len(word)].endswith(ORG_SUFFIXES):
        return len(run) - len(word)
    return 0 if label_role(run) else None


def _label_word_ending(text: str) -> str | None:
    """The longest label word the text ends with."""
    for size in range(min(len(text), _LONGEST_LABEL), 0, -1):
        if text[-size:] in _LABEL_WORDS:
            return text[-size:]
    return None


def _clause_start(text: str) -> int | None:
    """Where a trailing responsibility clause starts, or None."""
    stripped = text.rstrip("。.；; \t")
    labels = _labels(stripped)
    if stripped.endswith(_CLOSERS):
        for start, _, _ in reversed(labels):
            opener = _opening_before(stripped, start)
            if opener is not None and _balanced_to_end(stripped, opener):
                return opener
    return next((start for start, _, _ in labels if _AFTER_SENTENCE.search(stripped[:start])), None)


def _opening_before(text: str, at: int) -> int | None:
    """Where the bracket right before position ``at`` stands, if one does."""
    match = _OPENING_AT_END.search(text[:at])
    return match.start() if match else None


def _glued_label_start(body: str) -> int | None:
    """`城乡居民免费体检牵头责任部门：县卫健委`: a label glued to the item's name, which
    holds no punctuation; the name is what comes before the longest label word."""
    head = re.split(r"[:：]", body, maxsplit=1)[0]
    if head == body or re.search(r"[\s，,。；;！？、]", head):
        return None
    word = _label_word_ending(head)
    if word is None or len(head) - len(word) < 2:
        return None
    return len(head) - len(word)


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
    labels = _labels(clause)
    ends = [start for start, _, _ in labels[1:]] + [len(clause)]
    for (_, value_at, label), end in zip(labels, ends):
        _add_labelled(task, label, clause[value_at:end].strip().rstrip("；;，,"))


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
