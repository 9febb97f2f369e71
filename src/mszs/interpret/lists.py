"""List-style notices: projects written as enumerated paragraphs.

An item is a paragraph that names who is responsible, either in a clause at
its end (`N.内容（责任单位：…）`) or in labelled lines right after it
(`主办单位：…`, `协办单位：…`, `责任领导：…`). Enumerated paragraphs that name
nobody are headings; the nearest heading above an item is its section.
"""
from __future__ import annotations

import functools
import re

from mszs.document import Paragraph
from mszs.interpret.outline import (Enumerated, bare_mark, enumerator, enumerator_value, heading_text, number_paragraphs,
                                    run_in_starts, without_count_note)
from mszs.interpret.records import ProjectRecord, TaskRecord
from mszs.normalise.targets import extract_targets
from mszs.normalise.text import clean_text
from mszs.normalise.units import is_unit_list, says_first_leads, units_by_verb
from mszs.patterns import LazyPattern
from mszs.vocabulary import (DOCUMENT_LABELS, HEADER_WORDS, LEADER_TITLE_PREFIXES, LEADER_TITLES, LEADING_VERBS, ORG_SUFFIXES,
                             TEXT_ROLES, UNIT_ROLES, cached, header_role, label_role, label_word_ending)

_UNIT_AND_PEOPLE_ROLES = (*UNIT_ROLES, "leaders")
# The fields a form's first label names when the form is an item of its own.
_FORM_OPENING_ROLES = ("content", "name")
# The characters before a colon that may be a label (`牵头单位：`), or end with one (`县教育局配合单位：`).
_LABEL_RUN = LazyPattern(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,16})\s*[:：]")
# A line that reads `label：value` whatever the label.
_ANY_LABEL_LINE = LazyPattern(r"^\s*([\u4e00-\u9fff]{2,8})\s*[:：]\s*\S")
# `（责任单位：…）` at the end; the clause itself may hold parentheses (`县大气(水)污染防治指挥部`).
_OPENERS, _CLOSERS = "（(【[〔", ("）", ")", "】", "]", "〕")
_BRACKET = LazyPattern(r"[（(【\[〔）)】\]〕]")
# `其他有关部门配合`: a note on everyone else, naming no unit.
_OTHERS = ("其他", "其余")
# A bracket holding no other that closes a sentence: with the full stop or semicolon right after it
# (a bracket inside a name, `乡镇卫生院(社区卫生服务中心)提档升级`, has none), or a comma.
_INNER_BRACKET = LazyPattern(r"[（(]([^（）()]{2,300})[)）](?:([。；;，,])|$)")
# A clause naming units closes with one of these; `[了解我站]` is a web page's link.
_UNIT_CLAUSE_CLOSERS = ("）", ")", "〕", "】")
_OPENING_AT_END = LazyPattern(r"[（(【\[〔]\s*$")
# `…。牵头单位：县教育局` at the end of an item, without parentheses.
_AFTER_SENTENCE = LazyPattern(r"[。；;，,]\s*$")
# Items numbered inside one paragraph with no label among them: this many make a list.
MIN_RUN_IN_ITEMS = 3
MIN_NAMED = 3
MAX_HEADING_NAME = 12  # a name that heads its paragraph before a colon
_BARE_NUMBER = LazyPattern(r"^\d{1,3}$")
_NAMED_PARAGRAPH = LazyPattern(rf"^([\u4e00-\u9fff]{{{MIN_NAMED},{MAX_HEADING_NAME}}})[：:](.+)$")
# `“婚姻登记跨区通办”项目，我市于3月22日起…`: a quoted name, perhaps called a project, then a pause.
_QUOTED_NAME_PARAGRAPH = LazyPattern(r"^“([^“”]{2,40})”(?:项目|工程)?[，,：:](.+)$")
_HEADLINE_PARAGRAPH = LazyPattern(r"^([^，,。；;：:、！？!?]{2,40})[。！!](.+)$")
# How many items an opening line says follow: `实施民生实事项目8项`, `十件实事`.
_STATED_COUNT = LazyPattern(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[项件个]")
# A list found without a line that opens it counts when a third of its items state an amount.
MIN_QUANTIFIED_SHARE = (1, 3)
_AMOUNT = LazyPattern(r"\d|[一二两三四五六七八九十百千万]+[个所座条处家项名人户套张万亿公里平方米]")
# A project name before a colon, or a quoted one before a dash (`“亮点工程”——…`): short, no sentence punctuation.
_NAME = LazyPattern(r"^([^，,。；;：:！？]{2,30}?)[:：](?!\s*$)|^(“[^“”，,。；;：:！？]{2,28}”)\s*——")
# A short first sentence without a pause, then the text: `提高养老金待遇。全面落实国家…` names the item.
_HEADLINE = LazyPattern(r"^([^，,。；;：:！？!?]{2,30})[。！!]")
# A headline of phrases apart by `、` names its item when they are this short (`稳企业、防风险`).
MAX_SLOGAN_PART = 6
_NOT_NAME_ENDINGS = ("如下", "以下", "包括", "主要有", "目标", "任务")
# A numbered line this long that ends mid-sentence was wrapped, not a heading.
MIN_WRAPPED_LENGTH = 15
_SENTENCE_ENDS = ("。", "；", ";", "：", ":", "！", "？", "）", ")")
# A short line that opens a list of projects (`十件实事` too), and headings that close it.
PROJECT_LIST_START = LazyPattern(r"民生实事|实事项目|为民办实事|民生项目|惠民实事|实事清单|[件项大]实事|民生工程|惠民工程|十大工程")
PROJECT_LIST_END = LazyPattern(r"要求|保障|措施|组织|督查|督导|考核|宣传|抄送|附件")
# A sentence ending in `：` opens the list when its last clause names the projects
# (`…表决确定…民生实事项目10项：`) or lists what it named (`…10项民生实事，依次为：`).
_LISTING_CLAUSE = LazyPattern(r"^(?:依次|分别)(?:为|是)$")
_SENTENCE_BREAK = LazyPattern(r"[。；;！!？?]")
_CLAUSE_BREAK = LazyPattern(r"[，,。；;！？!?]")
# An opener such as `…为民办实事工程情况报告`: the text under each item tells its progress.
_PROGRESS_REPORT = LazyPattern(r"进展|进度|情况报告|情况的报告|完成情况|落实情况|实施情况|项目情况$")
# A sentence or clause that opens with one of these tells progress (`截至6月30日，…全面完工`, `目前已顺利开工`).
_PROGRESS_OPENING = LazyPattern(r"^(?:截至|截止|目前|现已|现在|已经)")
# A short first sentence that says the work is done (`此项工作已完成`, `该项目已全面完工`).
_DONE_SENTENCE = LazyPattern(r"已(?:全面|全部|基本|顺利|提前|如期)?(?:完成|完工|建成|竣工|实现)")
# A clause of an item that tells what is done already (`，已新建62.675公里`), or the share of
# the plan done (`，为任务的116.3%`, `，占年度计划99%`), starts its progress.
_DONE = LazyPattern(r"已|目前|截至|现有|^(?:为|占)(?:全?年度?|年)?(?:任务|计划|目标)的?\s*\d|^完成率")
# A heading item (`1.完善医疗卫生服务`) takes the paragraphs below it as its text.
MAX_HEADING_ITEM = 30
MAX_LONE_LABEL = 10
MAX_UNMARKED_HEADING = 12
# A topic over the lines of its items (`居住`, `教育`, `公共服务`).
MIN_TOPIC, MAX_TOPIC = 2, 6
MIN_BODY = 10


def read_list_items(paragraphs: list[Paragraph]) -> list[ProjectRecord]:
    paragraphs = _join_wrapped_items(_split_run_in_items(_join_bare_marks(_join_lone_labels(paragraphs))))
    paragraphs, forms = _split_repeated_forms(paragraphs)
    marks = number_paragraphs([p.text for p in paragraphs])
    projects: list[ProjectRecord] = []
    headings: dict[int, str] = {}
    current: TaskRecord | None = None
    for k, paragraph in enumerate(paragraphs):
        text = paragraph.text.strip()
        if k + 1 < len(paragraphs) and id(paragraphs[k + 1]) in forms and id(paragraph) not in forms:
            current = None  # the line above items written as forms is their heading, not an item
            continue
        if _is_label_line(text):
            if id(paragraph) in forms or _opens_a_form(text, current):  # `任务目标：… 进展情况：…`
                current = TaskRecord(content="", origin=paragraph.origin)
                section = next((headings[lvl] for lvl in sorted(headings, reverse=True)), None)
                projects.append(ProjectRecord(section=section, tasks=[current]))
            if current is not None:
                _add_clause(current, text)  # one line may hold several labels
            continue
        if current is not None and _is_other_label_line(text):
            _add_other_label(current, text)
            continue
        numbered = marks[k]
        body = numbered.body if numbered else text
        segments = _unit_bracket_segments(body)
        if len(segments) >= 2:  # tasks run on in one paragraph, each closed by its units
            level = numbered.level if numbered else max(headings, default=-1) + 1
            section = next((headings[lvl] for lvl in sorted(headings, reverse=True) if lvl < level), None)
            name, first = _name_and_content(segments[0][0], headline=numbered is not None)
            tasks = [TaskRecord(content=text, origin=paragraph.origin) for text, _ in [(first, ""), *segments[1:]]]
            for task, (_, units) in zip(tasks, segments):
                task.add("units", units)
            projects.append(ProjectRecord(seq=numbered.number if numbered else None, name=name, section=section,
                                          tasks=tasks))
            current = tasks[-1]
            continue
        clause_at = _clause_start(body)
        if clause_at is None and numbered:
            clause_at = _glued_label_start(body)
        if clause_at is None and numbered is None and current is not None and current.fields and (
                _PROGRESS_OPENING.match(text)):
            current.add("progress", text)  # `截至去年12月底，…` below an item, even above the next one's labels
            continue
        if clause_at is None and not _label_block_follows(paragraphs, k):
            if (numbered is None and current is not None and current.fields
                    and (_reports_progress(projects[-1].section) or _tells_progress(text))):
                current.add("progress", text)  # `此项工作已完成。截至2019年12月底，…` below the item
                continue
            current = None
            if numbered:
                headings = {lvl: t for lvl, t in headings.items() if lvl < numbered.level}
                headings[numbered.level] = heading_text(body)
            continue
        if numbered is None and clause_at is None and current is not None and not current.fields:
            current.content += text  # an item's text wrapped onto a second paragraph
            continue
        name = None
        if numbered is None and _named_by_heading_above(paragraphs, marks, k):
            numbered = marks[k - 1]
            name = headings.pop(numbered.level)
        level = numbered.level if numbered else max(headings, default=-1) + 1
        section = next((headings[lvl] for lvl in sorted(headings, reverse=True) if lvl < level), None)
        own_name, content = _name_and_content(body[:clause_at].rstrip("，, ") if clause_at is not None else body,
                                              headline=marks[k] is not None)
        name = name or own_name
        current = TaskRecord(content=content, origin=paragraph.origin)
        if clause_at is not None:
            clause, tail = _clause_and_tail(body[clause_at:])
            _add_clause(current, clause)
            current.add("progress" if _reports_progress(section) else "remarks", tail)
        projects.append(ProjectRecord(seq=numbered.number if numbered else None, name=name, section=section,
                                      tasks=[current]))
    for project in projects:
        _settle_form_fields(project)
    _units_from_sections(projects)
    name_bare_items(projects)
    return projects


def _split_repeated_forms(paragraphs: list[Paragraph]) -> tuple[list[Paragraph], set[int]]:
    """A paragraph of items written as forms one after another (`任务目标：… 进展情况：… 任务目标：…
    进展情况：…`): one paragraph per item, split where the label the paragraph opens with comes
    again; with the ids of those items."""
    split: list[Paragraph] = []
    forms: set[int] = set()
    for paragraph in paragraphs:
        labels = _labels(paragraph.text)
        first = labels[0][2] if labels and labels[0][0] == 0 else None
        starts = [start for start, _, label in labels if label == first]
        if len(starts) < 2 or label_role(first) not in _FORM_OPENING_ROLES:
            split.append(paragraph)
            continue
        pieces = [Paragraph(paragraph.text[a:b].strip(), paragraph.origin)
                  for a, b in zip(starts, [*starts[1:], len(paragraph.text)])]
        split.extend(pieces)
        forms.update(id(piece) for piece in pieces)
    return split, forms


def _opens_a_form(text: str, current: TaskRecord | None) -> bool:
    """Whether a labelled line opens an item of its own: it names an item's text or name
    (`任务目标：…`) that the open item has already, or, with no item open, beside another label."""
    labels = _labels(text)
    role = label_role(labels[0][2]) if labels else None
    if role not in _FORM_OPENING_ROLES:
        return False
    return role in current.fields if current is not None else len(labels) >= 2


def _named_by_heading_above(paragraphs: list[Paragraph], marks: list[Enumerated | None], k: int) -> bool:
    """`1.改善看病就医条件` / `开通预约挂号平台。…` / `责任单位：…`: a bare numbered heading right above
    an item is its name when it holds no other item, that is when the next heading or item after
    the item's labelled lines is numbered at its level or above."""
    above = marks[k - 1] if k else None
    if above is None or not _is_bare_heading(above.body) or not _is_body(paragraphs[k].text):
        return False
    after = k + 1
    while after < len(paragraphs) and (_is_label_line(paragraphs[after].text) or _is_other_label_line(paragraphs[after].text)):
        after += 1
    if after == len(paragraphs):
        return True
    numbered = marks[after]
    return numbered is not None and numbered.level <= above.level


def reports_progress(title: str | None) -> bool:
    """Whether a notice's title says it reports progress (`…建设项目1-6月进展情况的通报`)."""
    return bool(title) and bool(_PROGRESS_REPORT.search(title))


def _reports_progress(section: str | None) -> bool:
    """Under a heading such as `一、进展情况`, the text below an item tells its progress."""
    return bool(section) and header_role(section) == "progress"


def _tells_progress(text: str) -> bool:
    """Whether a paragraph opens by telling what is done: `截至6月底，…`, `此项工作已完成。…`."""
    first = _SENTENCE_BREAK.split(text, maxsplit=1)[0]
    return bool(_PROGRESS_OPENING.match(text) or (len(first) <= MAX_HEADING_ITEM and _DONE_SENTENCE.search(first)))


def _clause_and_tail(clause: str) -> tuple[str, str]:
    """`牵头单位：市水利局。其中，…进度较慢的为东城县。`: units end at the full stop after them;
    the sentences after it are the item's own text. A text label (`任务目标：…。…`) runs to the end."""
    labels = _labels(clause)
    if not labels or clause[:1] in _OPENERS or label_role(labels[-1][2]) not in _UNIT_AND_PEOPLE_ROLES:
        return clause, ""
    stop = clause.find("。", labels[-1][1])
    if stop < 0:
        return clause, ""
    return clause[:stop], clause[stop + 1:].strip()


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
    """A paragraph that numbers its items inside it (`…监督。 1.新建… 牵头领导：… 2.改造… 责任单位：…`,
    `…涉及以下领域。一是…；二是…；三是…`): one paragraph per item, the text before them on its own,
    or, when a line break cut the list (`五是加大` / `医疗卫生投入；六是…`), joined to the last item.
    Items without labels are split only when no label follows them all (one clause for every item
    keeps the paragraph whole)."""
    split: list[Paragraph] = []
    items_so_far = 0  # items of the run the paragraph before ended with
    for paragraph in paragraphs:
        text = paragraph.text
        continued = run_in_starts(text, items_so_far + 1) if items_so_far else []
        starts = continued or run_in_starts(text)
        pieces = [text[a:b] for a, b in zip([0] + starts, starts + [len(text)])]
        labelled = [bool(_labels(piece)) or _clause_start(piece) is not None for piece in pieces[1:]]
        enough = len(starts) >= (1 if continued else MIN_RUN_IN_ITEMS)
        if (len(starts) >= 2 or continued) and (all(labelled) or (enough and not any(labelled))):
            if continued and pieces[0].strip():
                split[-1] = Paragraph(split[-1].text + pieces[0].strip().rstrip("；;，,"), split[-1].origin)
                pieces = pieces[1:]
            pieces = [*pieces[:-1], *_last_item_and_after(pieces)]
            split.extend(Paragraph(piece.strip().rstrip("；;，,"), paragraph.origin) for piece in pieces if piece.strip())
            items_so_far = items_so_far + len(starts) if continued else len(starts)
        else:
            split.append(paragraph)
            items_so_far = 0
    return split


def _last_item_and_after(pieces: list[str]) -> list[str]:
    """The last item of a run kept apart by `；` ends at its full stop: what follows closes the
    paragraph (`十是大力推进…综合治理工作。在做好以上实事的同时，…`), a paragraph of its own."""
    items = pieces[1:-1]
    last = pieces[-1]
    stop = last.find("。")
    if not items or not all(item.rstrip().endswith(("；", ";")) for item in items) or not 0 < stop < len(last.rstrip()) - 1:
        return [last]
    return [last[:stop + 1], last[stop + 1:]]


def _join_lone_labels(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """`责任单位` alone on its line labels the line below it (`县民政局`); a run of such
    lines is a table's header, not labels."""
    joined: list[Paragraph] = []
    k = 0
    while k < len(paragraphs):
        paragraph = paragraphs[k]
        value = paragraphs[k + 1].text.strip() if k + 1 < len(paragraphs) else ""
        if (is_lone_label(paragraph.text) and value and not is_lone_label(value)
                and not (joined and is_lone_label(joined[-1].text)) and enumerator(value) is None):
            joined.append(Paragraph(f"{paragraph.text.strip()}：{value}", paragraph.origin))
            k += 2
        else:
            joined.append(paragraph)
            k += 1
    return joined


def is_lone_label(text: str) -> bool:
    """`责任单位` alone on its line: a label word, no punctuation, short."""
    text = text.strip()
    return (2 <= len(text) <= MAX_LONE_LABEL and not re.search(r"[:：，,。；;]", text)
            and label_role(text) is not None)


def _join_bare_marks(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """`（一）` alone on its line numbers the paragraph after it; so does a number alone (`1` /
    `新增7069张公办养老床位`) that counts on from the last such number."""
    joined: list[Paragraph] = []
    last_bare_number = 0
    for paragraph in paragraphs:
        previous = joined[-1] if joined else None
        mark = previous.text.strip() if previous is not None and not bare_mark(paragraph.text) else ""
        if mark and bare_mark(mark):
            joined[-1] = Paragraph(mark + paragraph.text.strip(), previous.origin)
        elif _BARE_NUMBER.match(mark) and int(mark) in (1, last_bare_number + 1):
            last_bare_number = int(mark)
            joined[-1] = Paragraph(f"{mark}.{paragraph.text.strip()}", previous.origin)
        else:
            joined.append(paragraph)
    return joined


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


def read_unlabelled_items(paragraphs: list[Paragraph], progress_report: bool = False) -> list[ProjectRecord]:
    """A fallback for notices that list their projects without naming who is responsible:
    the most deeply numbered paragraphs after the line that opens the project list
    (`二、2024年民生实事项目`, `…为民办好十件实事：`), up to a heading such as `三、保障措施`
    or a list numbered from 1 again. A notice with no such line offers every numbered list
    it holds (apart at closing headings and restarts), and the one whose items state the most
    amounts is taken: not the requirements before an attached list of tasks. Failing all
    of those, names one per line without marks right under an opening line, then a run of
    paragraphs each opened by a name and a colon. In a progress report (``progress_report``, or
    an opening line that says so) the text of each item tells its progress."""
    openers = [k for k, p in enumerate(paragraphs) if _opens_project_list(p.text)]
    for start in [*reversed(openers), None]:  # a page may print its heading below the body
        opener, zones = _project_list_zones(paragraphs, start)
        progress = progress_report or bool(_PROGRESS_REPORT.search(opener))
        lists = [found for zone in zones for found in _numbered_lists(zone, progress)]
        if start is None:
            lists = [found for found in lists if _quantified(found)]  # numbered requirements are no projects
        chosen = lists[0] if start is not None and lists else max(lists, key=lambda f: (_amounts(f), len(f)), default=[])
        if chosen:
            _units_from_sections(chosen)
            name_bare_items(chosen)
            return chosen
    return _unmarked_names(paragraphs, openers) or _named_paragraphs(paragraphs) or _lines_under_topics(paragraphs)


def name_bare_items(projects: list[ProjectRecord]) -> None:
    """A list of nothing but names (`3.丁家坝安置区二期建设；`, `四、全区公路危涵消除改造项目；`):
    no item a sentence or an amount to deliver. Each names its project as well as being its text."""
    names = [_bare_name(project) for project in projects]
    if len(names) < 2 or not all(names):
        return
    for project, name in zip(projects, names):
        project.name = name


def _bare_name(project: ProjectRecord) -> str | None:
    if project.name is not None or len(project.tasks) != 1:
        return None
    text = project.tasks[0].content.strip().rstrip("。；;，,")
    # a name may hold numbers (`S220四共轴线建设`, `2024年民宅改造工程`), not an amount to deliver
    return text if len(text) >= MIN_NAMED and _is_bare_heading(text) and not extract_targets(text) else None


def _units_from_sections(projects: list[ProjectRecord]) -> None:
    """A section heading that names who leads what is under it gives those units (`一、县示范区管委会牵头工作`)
    or that official (`一、袁家军省长主抓重点工作`) to the items under it that name none."""
    for project in projects:
        heading = without_count_note(project.section or "")
        leader = _leader_in_heading(heading)
        for task in project.tasks if heading else ():
            if units_by_verb(heading) and not any(role in task.fields for role in UNIT_ROLES):
                task.add("units", heading)
            if leader and "leaders" not in task.fields:
                task.add("leaders", leader)


@cached
def _leader_in_heading(heading: str) -> str | None:
    """`袁家军省长主抓重点工作` → `袁家军`: a name, an official's title, a verb saying they lead."""
    match = _leader_heading().match(heading)
    return match.group(1) if match else None


@functools.cache
def _leader_heading() -> re.Pattern:
    titles, verbs, prefixes = "|".join(LEADER_TITLES), "|".join(LEADING_VERBS), "|".join(LEADER_TITLE_PREFIXES)
    return re.compile(rf"^([\u4e00-\u9fff]{{2,3}}?)(?:同志)?(?:{prefixes})?(?:常务)?副?(?:{titles})(?:{verbs})")


def _numbered_lists(zone: list[tuple[Paragraph, Enumerated | None]], progress: bool) -> list[list[ProjectRecord]]:
    """The lists of items in a zone, items being its most deeply numbered paragraphs; a list
    numbered from 1 again starts another."""
    levels = [numbered.level for _, numbered in zone if numbered]
    if len(levels) < 2:
        return []
    item_level = max(levels)
    parent_level, parents = _mixed_level(zone, item_level)
    group: ProjectRecord | None = None  # a project whose tasks are the items under its numbered heading
    lists: list[list[ProjectRecord]] = [[]]
    headings: dict[float, str] = {}  # level → heading; an unmarked one sits half a level above the items
    last_number: int | None = None
    heading_item: ProjectRecord | None = None  # an item that is a bare heading, waiting for its text
    unmarked: str | None = None  # the paragraph without a mark right before the next item
    text_below: dict[int, list[Paragraph]] = {}  # id of an item → the paragraphs it took below it
    task_below: TaskRecord | None = None  # a project's task, numbered under it, waiting for its text
    for paragraph, numbered in zone:
        if numbered is None:
            if task_below is not None and _is_body(paragraph.text):
                task_below.content += paragraph.text.strip()  # `（一）新增学位2.7万个` / `建设花溪区…等教育项目25个，…`
                text_below.setdefault(id(group), [])
            elif heading_item is not None and _is_body(paragraph.text):
                _add_body(heading_item, paragraph.text.strip(), progress)
                text_below.setdefault(id(heading_item), []).append(paragraph)
            elif progress and lists[-1] and _PROGRESS_OPENING.match(paragraph.text.strip()):
                lists[-1][-1].tasks[0].add("progress", paragraph.text.strip())  # `截至6月30日，…` below an item
            else:
                heading_item = None
                unmarked = paragraph.text.strip()  # perhaps a heading without a mark over the items below
            continue
        heading_item = task_below = None
        if numbered.level == item_level and unmarked and _is_unmarked_heading(unmarked):
            headings = {lvl: t for lvl, t in headings.items() if lvl < item_level}
            headings[item_level - 0.5] = unmarked  # `已完工项目` between `☑…` items
        unmarked = None
        section = next((headings[lvl] for lvl in sorted(headings, reverse=True) if lvl < numbered.level), None)
        if numbered.level == parent_level:
            group = None
            if id(paragraph) in parents:  # `（五）中心城区畅通工程建设。` over `1.…` `2.…`: one project
                group = ProjectRecord(seq=numbered.number, name=heading_text(numbered.body), section=section)
                lists[-1].append(group)
                continue
        elif numbered.level < item_level:
            headings = {lvl: t for lvl, t in headings.items() if lvl < numbered.level}
            headings[numbered.level] = heading_text(numbered.body)
            last_number = None
            continue
        elif group is not None:
            task_below = TaskRecord(content=numbered.body.strip(), origin=paragraph.origin)
            group.tasks.append(task_below)
            continue
        if parent_level is None and last_number is not None and numbered.number is not None and numbered.number <= last_number:
            lists.append([])  # another list
            headings = {}
        last_number = numbered.number
        name, content = _name_and_content(numbered.body)
        task = TaskRecord(content=content, origin=paragraph.origin)
        if progress:
            before, done = split_progress(content, _PROGRESS_OPENING)
            if not done and name and numbered.body.startswith(name) and _HEADLINE.match(numbered.body):
                before, done = name, content  # `1.银川市妇幼保健院新建产科大楼项目。正在进行基础降水…`
            task.content = before
            task.add("progress", done)
        section = next((headings[lvl] for lvl in sorted(headings, reverse=True) if lvl < numbered.level), None)
        lists[-1].append(ProjectRecord(seq=numbered.number, name=name, section=section, tasks=[task]))
        # A list of headings with their text below starts so: a last item `十是扩大…服务面。`
        # after items that took no text below them takes none either.
        headed = len(lists[-1]) == 1 or id(lists[-1][0]) in text_below
        if name is None and _is_bare_heading(content) and headed:
            heading_item = lists[-1][-1]
    if not progress and parent_level is None:
        lists = [_lines_under_headings(found, text_below) for found in lists]
    return [found for found in lists if len(found) >= 2]


def _lines_under_headings(projects: list[ProjectRecord], text_below: dict[int, list[Paragraph]]) -> list[ProjectRecord]:
    """A list of short headings each over several lines of one sentence (`一    生态环境` / `完成…工程。` /
    `启动…工程。`) lists its items on those lines, the headings being their sections."""
    below = [text_below.get(id(project), []) for project in projects]
    if not all(len(lines) >= 2 and all(_one_sentence(p.text) for p in lines) for lines in below):
        return projects
    return [ProjectRecord(name=None, section=project.name, tasks=[TaskRecord(content=p.text.strip(), origin=p.origin)])
            for project, lines in zip(projects, below) for p in lines]


def _one_sentence(text: str) -> bool:
    return len(_SENTENCE_BREAK.findall(text.strip().rstrip("。；;！!"))) == 0


def _mixed_level(zone: list[tuple[Paragraph, Enumerated | None]], item_level: int) -> tuple[int | None, set[int]]:
    """Where the items' parents are themselves items: at the level just above the items, some
    paragraphs hold their own text and no items (`（一）城区教育基础设施建设。全市新改扩建…`) and
    others hold items (`（五）中心城区畅通工程建设。1.…2.…`). That level, and the ids of the paragraphs
    on it that hold items; (None, empty) for an outline of plain headings over items."""
    above = [numbered.level for _, numbered in zone if numbered and numbered.level < item_level]
    if not above:
        return None, set()
    level = max(above)
    parents, leaves = set(), 0
    for k, (paragraph, numbered) in enumerate(zone):
        if not numbered or numbered.level != level or _ANY_LABEL_LINE.match(numbered.body):
            continue  # `• 发文字号：…` is the page's box, not an item
        following = next((mark for _, mark in zone[k + 1:] if mark), None)
        if following is not None and following.level > level:
            parents.add(id(paragraph))
        elif not _is_bare_heading(numbered.body) or (_AMOUNT.search(numbered.body) and _text_below(zone, k)):
            leaves += 1  # `二、贵阳贵安完成城镇新增就业15万人。` over its text: a project, not a topic
    return (level, parents) if parents and leaves else (None, set())


def _text_below(zone: list[tuple[Paragraph, Enumerated | None]], k: int) -> bool:
    return k + 1 < len(zone) and zone[k + 1][1] is None and _is_body(zone[k + 1][0].text)


def _lines_under_topics(paragraphs: list[Paragraph]) -> list[ProjectRecord]:
    """Topics alone on their lines, without marks, each over lines of text (`居住` / `实施一批城市更新
    项目，…` / `健全弹性供暖机制…` / `教育` / …): the longest run of at least three such topics gives one
    item a line, the topic its section."""
    best: list[ProjectRecord] = []
    run: list[ProjectRecord] = []
    topic: str | None = None
    topics = 0
    for paragraph in [*paragraphs, Paragraph("")]:
        text = paragraph.text.strip()
        if topic is not None and _is_body(text) and enumerator(text) is None:
            run.append(ProjectRecord(section=topic, tasks=[TaskRecord(content=text, origin=paragraph.origin)]))
            continue
        if _is_topic(text) and (topic is None or run and run[-1].section == topic):
            topic, topics = text, topics + 1
            continue
        if topics >= MIN_RUN_IN_ITEMS and len(run) > len(best):
            best = run
        run, topic, topics = [], (text if _is_topic(text) else None), int(_is_topic(text))
    return best


def _is_topic(text: str) -> bool:
    return MIN_TOPIC <= len(text) <= MAX_TOPIC and _is_bare_heading(text) and not _AMOUNT.search(text) and not enumerator(text)


def _unmarked_names(paragraphs: list[Paragraph], openers: list[int]) -> list[ProjectRecord]:
    """Names one per line, with no marks, right under a line that opens the list
    (`2014年十大实事一览表` / `强化路网建设缓解交通拥堵` / `加强雾霾治理改善空气质量` / …), up to the
    next such line: a page may list several places' names, each under its own. Where openers
    state how many (`2026年实施民生实事项目8项`), only theirs are lists, of that many names."""
    runs = [(_stated_count(paragraphs[start].text), _bare_line_run(paragraphs[start + 1:end]), start)
            for start, end in zip(openers, [*openers[1:], len(paragraphs)])]
    sections: list[str | None]
    if any(count and len(run) >= count for count, run, _ in runs):
        counted = [(run[:count], start) for count, run, start in runs if count and len(run) >= count]
        runs = [run for run, _ in counted]
        sections = _places_above(paragraphs, counted) if len(counted) >= 2 else [None] * len(counted)
    else:
        runs = [run for _, run, _ in runs if len(run) >= MIN_RUN_IN_ITEMS]
        sections = [None] * len(runs)
    return [ProjectRecord(name=p.text.strip(), section=section, tasks=[TaskRecord(content=p.text.strip(), origin=p.origin)])
            for run, section in zip(runs, sections) for p in run]


def _places_above(paragraphs: list[Paragraph], counted: list[tuple[list[Paragraph], int]]) -> list[str | None]:
    """A page listing several places' projects (`新城区` / `新城区人民政府` / `2026年实施民生实事项目8项` /
    names…): each list's section is the first of the short lines right above its opening line."""
    sections, after_previous = [], 0
    for run, start in counted:
        above = []
        for paragraph in reversed(paragraphs[after_previous:start]):
            if not _is_unmarked_heading(paragraph.text.strip()):
                break
            above.append(paragraph.text.strip())
        sections.append(above[-1] if above else None)
        after_previous = start + 1 + len(run)
    return sections


def _named_paragraphs(paragraphs: list[Paragraph]) -> list[ProjectRecord]:
    """The longest run of paragraphs each opened by a name: a short one and a colon that no label
    word is (`生态环境改善工程：包括城区空气质量改善…等10项。`, `出行便利工程：…`), a short first
    sentence without a pause (`棚户区改造工程。新开工11万套…`), or a quoted name (`“老旧小区改造”项目，…`).
    A short line without a pause inside the run is the section of the items below it (`10个项目超额
    完成9月份节点目标`). Under a line that opens a progress report (`主要进度如下：`), the short
    sentence is the item and the rest its progress."""
    best: list[ProjectRecord] = []
    run: list[ProjectRecord] = []
    opener, section = "", None
    for paragraph in [*paragraphs, Paragraph("")]:
        text = paragraph.text.strip()
        name, body, headline = _opening_name(text)
        if name and len(body) >= MIN_BODY:
            task = TaskRecord(content=body, origin=paragraph.origin)
            if headline and _PROGRESS_REPORT.search(opener):
                task.content = text[:len(name) + 1]
                task.add("progress", body)
                name = None
            run.append(ProjectRecord(name=name, section=section, tasks=[task]))
            continue
        if text and _is_bare_heading(text) and not text.endswith("。"):
            section = text
            continue
        if len(run) >= MIN_RUN_IN_ITEMS and len(run) > len(best):
            best = run
        run, section = [], None
        opener = text
    return best


def _opening_name(text: str) -> tuple[str | None, str, bool]:
    """The name a paragraph opens with, the text after it, and whether a full stop ends the name."""
    match = _NAMED_PARAGRAPH.match(text)
    if match and not label_role(match.group(1)) and match.group(1) not in DOCUMENT_LABELS:
        return match.group(1), match.group(2).strip(), False
    match = _HEADLINE_PARAGRAPH.match(text)
    if match and len(match.group(1)) >= MIN_NAMED:
        return match.group(1), match.group(2).strip(), True
    match = _QUOTED_NAME_PARAGRAPH.match(text)
    if match:
        return match.group(1), match.group(2).strip(), False
    return None, text, False


def _bare_line_run(paragraphs: list[Paragraph]) -> list[Paragraph]:
    run = []
    for paragraph in paragraphs:
        text = paragraph.text.strip()
        if enumerator(text) is not None or not _is_bare_heading(text) or len(text) < MIN_NAMED:
            break
        run.append(paragraph)
    return run


def _stated_count(text: str) -> int | None:
    match = _STATED_COUNT.search(text)
    return enumerator_value(match.group(1)) if match else None


def _amounts(projects: list[ProjectRecord]) -> int:
    """How many items state an amount, in their text or, in a progress report, in their progress."""
    return sum(bool(_AMOUNT.search(task.content) or _AMOUNT.search(task.fields.get("progress", "")))
               for project in projects for task in project.tasks)


def _quantified(projects: list[ProjectRecord]) -> bool:
    """Whether enough items of a list found without an opening line state amounts to deliver."""
    return _amounts(projects) * MIN_QUANTIFIED_SHARE[1] >= len(projects) * MIN_QUANTIFIED_SHARE[0] > 0


def _is_bare_heading(text: str) -> bool:
    """A short phrase, ended by a full stop or not (`二、优化生育支持政策。`)."""
    text = text.rstrip("。")
    return len(text) <= MAX_HEADING_ITEM and not re.search(r"[，,。；;：:！？!?]", text)


def _is_unmarked_heading(text: str) -> bool:
    """A short line without a pause or an amount (`已完工项目`, `已启动实施项目`)."""
    return MIN_NAMED <= len(text) <= MAX_UNMARKED_HEADING and _is_bare_heading(text) and not _AMOUNT.search(text)


def _is_body(text: str) -> bool:
    """Text under a heading item, not the notice's closing lines (`现予公告。`, a signature, a date)."""
    text = text.strip()
    return len(text) >= MIN_BODY and bool(re.search(r"[，,。；;]", text) or _AMOUNT.search(text))


def _add_body(item: ProjectRecord, text: str, progress: bool) -> None:
    """The heading is the item's name and the text below it its content, or, in a progress
    report, the heading names the item and stays its content, and the text is the progress."""
    task = item.tasks[0]
    named = _without_progress_word(task.content.rstrip("。"))
    if progress and not named:
        item.name = item.name or task.content.rstrip("。")
        task.add("progress", text)
    elif named and item.name is None:
        # `一、X项目完成情况` over what was done: X names it, and what is done already is progress
        item.name = named
        task.content, done = split_progress(text)
        task.add("progress", done)
    elif item.name is None:
        item.name, task.content = task.content.rstrip("。"), text
    else:
        task.content += text


def _without_progress_word(heading: str) -> str | None:
    """`“书香大陈”文化健身公园建设项目完成情况` → the project's name, without the word for its progress."""
    word = next((w for w in HEADER_WORDS["progress"] if heading.endswith(w)), None)
    return heading[:-len(word)] if word and len(heading) - len(word) >= MIN_NAMED else None


def split_progress(text: str, tells_progress: LazyPattern = _DONE) -> tuple[str, str]:
    """An item's text and its progress, from the first later sentence or clause that tells it:
    `新建市政燃气管网60公里，已新建62.675公里`, or, with ``_PROGRESS_OPENING``, `…进行综合治理。截止目前，…`."""
    at = 0
    for part in re.split(r"(?<=[。；;，,])", text):
        if at and tells_progress.search(part.strip()):
            return text[:at].rstrip("，, "), text[at:].strip()
        at += len(part)
    return text, ""


def _project_list_zones(paragraphs: list[Paragraph],
                        start: int | None) -> tuple[str, list[list[tuple[Paragraph, Enumerated | None]]]]:
    """The line at ``start`` that opens the project list and the paragraphs after it up to a
    closing heading or, when the opener is numbered (`一、纳入民生实事项目管理的内容`), the next heading
    of its level: one zone. Without an opener (``start`` None) the whole notice is cut into zones
    at its closing headings (`三、保障措施`, `附件1`)."""
    paragraphs = _join_bare_marks(_split_run_in_items(paragraphs[start or 0:]))
    marks = number_paragraphs([p.text for p in paragraphs])
    if start is not None:
        opener_text, opener = paragraphs[0].text, marks[0]
        paragraphs, marks = paragraphs[1:], marks[1:]
    else:
        opener_text, opener = "", None
    zones: list[list[tuple[Paragraph, Enumerated | None]]] = [[]]
    previous: Enumerated | None = None
    for paragraph, numbered in zip(paragraphs, marks):
        if opener and numbered and numbered.level <= opener.level:
            break
        title = heading_text(numbered.body) if numbered else paragraph.text
        closes = len(title) <= 12 and PROJECT_LIST_END.search(title) and not _next_item(previous, numbered)
        if paragraph.text.startswith("抄送") or (closes and opener):
            break
        if closes:
            zones.append([])
            previous = None
            continue
        zones[-1].append((paragraph, numbered))
        previous = numbered or previous
    return opener_text, [zone for zone in zones if zone]


def _next_item(previous: Enumerated | None, numbered: Enumerated | None) -> bool:
    """`2、提升农村供水保障` right after `1、…` is an item, whatever its words."""
    return (previous is not None and numbered is not None and numbered.level == previous.level
            and previous.number is not None and numbered.number == previous.number + 1)


def _opens_project_list(text: str) -> bool:
    """A short line naming the projects, not a sentence, title or closing heading
    (`二、推进落实民生实事项目的具体要求`); or a sentence introducing them."""
    text = text.strip()
    if text.endswith((":", "：", "——")):  # `…敞出了“十大工程”的盘子——`
        return _introduces_projects(text)
    return (len(text) <= 40 and bool(PROJECT_LIST_START.search(text)) and not re.search(r"[，,。；;]|关于", text)
            and not PROJECT_LIST_END.search(text))


def _introduces_projects(text: str) -> bool:
    """`…表决确定区人民政府2021年民生实事项目8项：`, `…10项民生实事，依次为：`; not
    `为确保民生实事如期完成，现将有关事项通知如下：`."""
    sentence = re.split(r"[。；;！？!?]", text.rstrip(":：— "))[-1]
    clause = _CLAUSE_BREAK.split(sentence)[-1].strip()
    named = PROJECT_LIST_START.search(clause) or (_LISTING_CLAUSE.match(clause) and PROJECT_LIST_START.search(sentence))
    return bool(named) and not PROJECT_LIST_END.search(sentence)


def _label_block_follows(paragraphs: list[Paragraph], k: int) -> bool:
    """Whether the lines under paragraph k are labelled ones, at least one with a label we know."""
    for j in range(k + 1, len(paragraphs)):  # not paragraphs[k + 1:]: a copy per paragraph is quadratic
        text = paragraphs[j].text.strip()
        if _is_label_line(text):
            return True
        if not _is_other_label_line(text):
            return False
    return False


@cached  # asked of a line as itself, as the line after an item and as the line after a wrapped one
def _is_label_line(text: str) -> bool:
    """`牵头单位：…`, or a responsibility clause standing alone under its item (`（责任单位：…）`)."""
    text = text.strip()
    labels = _labels(text)
    return (bool(labels) and labels[0][0] == 0) or _clause_start(text) == 0


def _is_other_label_line(text: str) -> bool:
    """`项目编号：A-01`: a labelled line whose label we do not know, and not the notice's own (`附件：`)."""
    match = _ANY_LABEL_LINE.match(text)
    return bool(match) and match.group(1) not in DOCUMENT_LABELS and enumerator(text) is None


@cached  # the readers of the list ask about each line several times
def _labels(text: str) -> tuple[tuple[int, int, str], ...]:
    """The labels in a text, as (where the label starts, where its value starts, the label)."""
    if "：" not in text and ":" not in text:
        return ()
    found = []
    for match in _LABEL_RUN.finditer(text):
        run = match.group(1)
        at = _label_start(run)
        if at is not None:
            found.append((match.start(1) + at, match.end(), run[at:]))
    return tuple(found)


def _label_start(run: str) -> int | None:
    """Where the label starts in the characters before a colon: at the start when they are a
    label, after a unit's name when a label word follows it without a break (`县教育局配合单位`)."""
    word = label_word_ending(run)
    if word and word != run and run[:-len(word)].endswith(ORG_SUFFIXES):
        return len(run) - len(word)
    return 0 if label_role(run) else None


@cached
def _clause_start(text: str) -> int | None:
    """Where a trailing responsibility clause starts, or None."""
    stripped = text.rstrip("。.；; \t")
    labels = _labels(text)  # the same as the stripped text's (a label ends at a colon), and asked already
    bracket = _final_bracket(stripped) if stripped.endswith(_UNIT_CLAUSE_CLOSERS) else None
    if bracket is not None and not labels and _names_units(stripped[bracket + 1:-1]):
        return bracket
    if stripped.endswith(_CLOSERS):
        for start, _, _ in reversed(labels):
            opener = _opening_before(stripped, start)
            if opener is not None and _balanced_to_end(stripped, opener):
                return opener
    return next((start for start, _, _ in labels if _AFTER_SENTENCE.search(stripped[:start])), None)


def _unit_bracket_segments(body: str) -> list[tuple[str, str]]:
    """A paragraph of tasks run on, each closed by a bracket naming its units (`…政策体系（分管副省长、
    协管副秘书长负责，省科技厅牵头。…下同）。在高端装备…设备更新（…省科技厅、省发改委等负责。列第一位
    的为牵头部门…）。推进…`): (text, units) for each, the text after the last bracket a task of its
    own; [] unless two brackets or more name units."""
    if body.count("（") + body.count("(") < 2:
        return []  # the common case, told without a search
    segments, start = [], 0
    for bracket in _INNER_BRACKET.finditer(body):
        units = _bracket_units(bracket.group(1))
        if units and bracket.group(2) in ("，", ",") and not _names_by_verb(bracket.group(1)):
            continue  # before a comma only a bracket saying who does what ends a task (`…（…等负责…），建设…`)
        if units:
            segments.append((body[start:bracket.start()].strip("。；;，, "), units))
            start = bracket.end()
    if len(segments) < 2 or any(len(text) < MIN_NAMED for text, _ in segments):
        return []  # `…学校食堂(餐厅)。（责任单位：市教育局）`: one task, a bracket inside its text
    tail = body[start:].strip("。；;，, ")
    return segments + ([(tail, "")] if len(tail) >= MIN_BODY else [])


def _names_by_verb(inside: str) -> bool:
    return any(units_by_verb(part) for part in re.split(r"[，,；;。]", inside))


def _bracket_units(inside: str) -> str:
    """The clauses of a bracket that name units by their verbs or list them (`省科技厅牵头`), with a
    note that the first listed leads; leaders by office (`分管副省长…负责`) and other notes left out."""
    parts = [part.strip() for part in re.split(r"[，,；;。]", inside) if part.strip() and not part.strip().startswith(_OTHERS)]
    kept = [_plain_units(part) for part in parts if units_by_verb(part) or is_unit_list(part)]
    notes = [f"（{part}）" for part in parts if says_first_leads(f"（{part}）")]
    return "，".join(kept) + "".join(notes) if kept else ""


def _plain_units(part: str) -> str:
    """`省科技厅、省发改委等负责` → `省科技厅、省发改委等`: units plainly responsible are a plain list (the
    first leads where the notice says so); a clause with a verb of its own role (`省科技厅牵头`) stays."""
    by_verb = units_by_verb(part)
    return by_verb[0] if by_verb and part.endswith("负责") and not by_verb[1] else part


def _names_units(text: str) -> bool:
    return bool(units_by_verb(text)) or is_unit_list(text)


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
    word = label_word_ending(head)
    if word is None or len(head) - len(word) < 2:
        return None
    return len(head) - len(word)


def _final_bracket(text: str) -> int | None:
    """Where the bracket that closes at the text's end opens, brackets inside it kept whole
    (`…增长11%左右。（省发改委负责）`, `（市发改委、农委、人保局，各市(县)、区政府）`); None when it
    opens nowhere."""
    openings: list[int] = []
    start = None
    for bracket in _BRACKET.finditer(text):  # the brackets only, not every character
        if bracket.group() in _OPENERS:
            openings.append(bracket.start())
        elif openings:
            start = openings.pop()
            if bracket.end() == len(text) and not openings:
                return start
    return None


def _balanced_to_end(text: str, start: int) -> bool:
    depth = 0
    for bracket in _BRACKET.finditer(text, start):  # the brackets only, not every character
        if bracket.group() in _OPENERS:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return bracket.end() == len(text)
    return False


def _add_clause(task: TaskRecord, clause: str) -> None:
    clause = clause.strip().rstrip("。.；; ")
    if clause[:1] in _OPENERS and clause[-1:] in _CLOSERS:
        clause = clause[1:-1]
    labels = _labels(clause)
    if not labels and _names_units(clause):
        task.add("units", clause)  # `（省财政厅主办，省国税局协办）`, `（区人社局、区财政局）`
    ends = [start for start, _, _ in labels[1:]] + [len(clause)]
    for (_, value_at, label), end in zip(labels, ends):
        _add_labelled(task, label, clause[value_at:end].strip().rstrip("；;，,"))


def labelled_parts(text: str, role: str) -> list[tuple[str, str]]:
    """A progress cell that labels its parts (`进展情况：…。下步打算：…`) as (field, text) pairs: a part
    whose label names another field goes to that field, up to the next such label. A label of the
    cell's own field is dropped where it opens the cell and kept as text inside it (`2、社区老年人食堂
    进展情况：…` lists progress by item)."""
    labels = [label for label in _labels(text) if label_role(label[2]) in TEXT_ROLES
              and (label[0] == 0 or label_role(label[2]) != role)]
    if not labels:
        return [(role, text)]
    ends = [start for start, _, _ in labels[1:]] + [len(text)]
    return [(role, text[:labels[0][0]]),
            *((label_role(label), text[value_at:end]) for (_, value_at, label), end in zip(labels, ends))]


def _add_other_label(task: TaskRecord, line: str) -> None:
    """A labelled line no field takes: a detail when its label names a column the contract has
    no field for (`建设地点：城关镇`), else the remarks keep its words (`项目编号：A-01`)."""
    label, value = re.split(r"[:：]", line, maxsplit=1)
    if header_role(label) == "other":
        task.details.append((clean_text(label), value.strip()))
    else:
        task.add("remarks", line)


def _add_labelled(task: TaskRecord, label: str, value: str) -> None:
    role = label_role(label)
    if role:
        task.add(role, value)


def _listing_sentence(sentence: str) -> bool:
    return any(len(part) > MAX_SLOGAN_PART for part in sentence.split("、")[1:] or ())


def _name_and_content(body: str, headline: bool = True) -> tuple[str | None, str]:
    """The item's name, when it gives one (`名称：…`, or a numbered item's short first sentence), and its text."""
    body = body.strip()
    match = _NAME.match(body)
    name = match and (match.group(1) or match.group(2))
    if name and label_role(name) == "name":
        return None, body[match.end():].strip()  # `01 项目名称：城区学校建设`
    if name and not name.endswith(_NOT_NAME_ENDINGS):
        return clean_text(name), body[match.end():].strip()
    first = _HEADLINE.match(body) if headline else None
    if first and _listing_sentence(first.group(1)):
        first = None  # `开工建设市一中新校区、市实验幼儿园新园。` lists what is done; `稳企业、防风险。` is a name
    if first and len(body) - first.end() >= MIN_BODY and not extract_targets(first.group(1)):
        # `提高养老金待遇。全面落实…`; a first sentence with an amount to deliver is the item's text
        # (`实施118条市政道路建设。其中…`)
        return clean_text(first.group(1)), body[first.end():].strip()
    return None, body
