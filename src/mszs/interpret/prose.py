"""Projects listed inside running text: news reports, speeches and announcements of a
票决 that name their projects in sentences, with no table and no numbered list.

What makes a sentence a list is found from the sentence itself:

- a count that matches the items before it or after it: `共选出A、B、C等3个项目`,
  `共确定了10件为民实事。分别为A、…、J。`, `提前完成的8件实事包括：A；B；…`;
- names after a listing word in a sentence that names the projects
  (`…民生实事项目分别是A、B、C。`), counted or not;
- paragraphs by field of work, `在城市建设方面，A；B；C。`, each clause or sentence an item.
"""
from __future__ import annotations

import functools
import itertools
import re

from mszs.document import Paragraph
from mszs.interpret.lists import PROJECT_LIST_START, name_bare_items, split_progress
from mszs.interpret.outline import enumerator, enumerator_value
from mszs.interpret.records import ProjectRecord, TaskRecord
from mszs.normalise.targets import extract_targets
from mszs.patterns import LazyPattern
from mszs.vocabulary import LIST_WORDS, cached

_COUNT = r"(\d{1,3}|[一二两三四五六七八九十]{1,3})"
# `等5个项目`, `3项民生实事项目`, `等三个项目`, `共4个项目`, `12大项`: a count closing the list before it.
_COUNT_CLOSING = LazyPattern(rf"(等|共)?\s*{_COUNT}\s*(大项|[个项件])")
# `10件为民实事`, `十件实事`: a count that a listing word or the next sentence lists.
_COUNT_STATED = LazyPattern(rf"{_COUNT}\s*[个项件]")
# How far after a count the counted word may stand (`10个县列为民办实事方案`).
COUNTED_WORD_REACH = 12
_SENTENCE_END = LazyPattern(r"[。！？!?]")
_PAUSES = "，,：:；;"
_OPENING_BRACKETS, _CLOSING_BRACKETS = "（(【[《“‘「", "）)】]》”’」"
_BRACKETS = LazyPattern(f"[{re.escape(_OPENING_BRACKETS)}]")
# What a text of two items or more holds: a separator, a joiner or a title.
_LISTED = LazyPattern(r"[、；;《]|及|和")
_NUMERAL_CHARS = "0-9一二三四五六七八九十"
_NUMERALS = set("0123456789一二三四五六七八九十")
_TITLES = LazyPattern(r"(?:《[^《》]+》[、，,\s]*){2,}")
MIN_ITEMS = 3
# What a list's status opens with (`已完成任务`, `正在有序推进`, `实现了时间过半、进度过半`, `也在稳步推进当中`).
_TELLS_STATUS = LazyPattern(r"^(?:已|正在|均已|全部|基本|实现|也在|稳步|目前|仍在|尚未|未)")
MAX_GROUP_NAME = 15
# A name opening its item is short (`交通惠民工程，…`); a longer first clause says what is done
# (`实施城镇社区幸福养老提速工程，让老年人…`).
MAX_OPENING_NAME = 10
# Bounds that keep a hostile sentence (thousands of counts, one endless list) in linear time.
MAX_COUNTS_TRIED, MAX_LIST_CHARS = 20, 4000
MIN_COUNTED = 2
MIN_ITEM, MAX_NAME, MAX_ITEM = 2, 60, 300


def read_prose_lists(paragraphs: list[Paragraph]) -> list[ProjectRecord]:
    """The projects listed in sentences: counted lists, else names after a listing word,
    else paragraphs by field of work."""
    return _counted_lists(paragraphs) or _aspect_paragraphs(paragraphs)


def split_counted_items(projects: list[ProjectRecord]) -> list[ProjectRecord]:
    """Items that are groups, each listing its projects with a count (`一是城市配套提升类，包括A、B、
    …等6个项目；`), give way to those projects when at least half of the items are such groups."""
    groups = [_counted_lists([Paragraph(task.content, task.origin) for task in project.tasks]) for project in projects]
    if sum(map(bool, groups)) * 2 < len(projects):
        return projects
    for project, group in zip(projects, groups):
        category = _group_name(project.tasks[0].content)
        for found in group:
            found.category = category
    return [found for project, group in zip(projects, groups) for found in (group or [project])]


def _group_name(text: str) -> str | None:
    """`城市配套提升类，包括A、B…` → `城市配套提升类`: a short first clause names the group."""
    match = re.match(f"([^{_PAUSES}]{{1,{MAX_GROUP_NAME}}})[{_PAUSES}]", text.strip())
    return match.group(1) if match else None


def counted_instead(projects: list[ProjectRecord], paragraphs: list[Paragraph]) -> list[ProjectRecord]:
    """A numbered list whose items state no amount (a meeting's agenda: `1.听取和审议…报告`) gives way
    to lists whose counts of projects match their items elsewhere in the notice (`经过投票表决，分别确定：
    1.A；2.B；3.C等三个项目为…`), unless those name the same items."""
    if not projects or any(extract_targets(task.content) for project in projects for task in project.tasks):
        return projects
    counted = _counted_lists(paragraphs)
    texts = {text for project in projects for task in project.tasks for text in (project.name, task.content) if text}
    if not counted or any(task.content in texts for project in counted for task in project.tasks):
        return projects
    return counted


def _counted_lists(paragraphs: list[Paragraph]) -> list[ProjectRecord]:
    projects: list[ProjectRecord] = []
    seen: set[str] = set()
    previous = ""
    for paragraph, above in zip(paragraphs, [None, *paragraphs]):
        found = len(projects)
        for sentence, ended in _sentences(paragraph.text):
            lists = _closed_by_counts(sentence) or [(*_opened_list(sentence, previous, ended), "")]
            for items, names, status in lists:
                if not items or all(item in seen for item in items):
                    continue  # a list told again (`其中A、B2个项目已完工`)
                seen.update(items)
                projects.extend(_records(items, names, paragraph, status))
            previous = sentence
        if len(projects) == found and above is not None:
            items = _clauses_counted_above(paragraph.text, _stated_count(above.text))
            projects.extend(_records(items, False, paragraph))
    return projects


def _clauses_counted_above(text: str, count: int | None) -> list[str]:
    """A paragraph of clauses apart by `；`, as many as the paragraph above counted projects
    (`…要办的10件民生实事也已经确定…` / `今年，总投资13.6亿元的博兴水库将在年内开工建设；…`), or
    fewer when the page is cut short."""
    text = text.strip()
    if not count or _aspect().match(text):
        return []  # `在城市建设方面，A；B；C。` is read by its field of work
    ended = bool(_SENTENCE_END.search(text[-1:]))
    items = [item.strip(" \u3000。") for item in _split_outside_brackets(text, "；;")]
    if not (len(items) == count or (not ended and MIN_ITEMS <= len(items) < count)):
        return []
    return items if all(MIN_ITEM <= len(item) <= MAX_ITEM for item in items) else []


def _sentences(text: str) -> list[tuple[str, bool]]:
    """The sentences of a paragraph, each with whether a full stop ends it (a page cut short
    ends mid-sentence)."""
    parts = _SENTENCE_END.split(text)
    return [(part.strip(), k < len(parts) - 1) for k, part in enumerate(parts) if part.strip()]


def _closed_by_counts(sentence: str) -> list[tuple[list[str], bool, str]]:
    """Lists closed by a count of projects (`…A、B及C等3项民生实事项目`): the text before the count,
    from the nearest pause that is no `；` (`分别确定：1.A；2.B；3.C等三个项目`), or from the sentence's
    start, when its items number the count; with what the clause after the count says they
    have come to (`…等5个子项目已完成任务`)."""
    lists = []
    for match in itertools.islice(_COUNT_CLOSING.finditer(sentence), MAX_COUNTS_TRIED):
        count = enumerator_value(match.group(2))
        if not count or count < MIN_COUNTED or not (match.group(3) == "大项" or _names_projects(sentence[match.end():])):
            continue
        pause = _last_pause(sentence, match.start())
        for start in dict.fromkeys((pause + 1, 0)):
            if match.start() - start > MAX_LIST_CHARS:
                continue
            items, names = _items(_after_leading_word(sentence[start:match.start()]), count)
            if len(items) == count:
                lists.append((items, names, _status_after(sentence[match.end():])))
                break
    return lists


def _status_after(after: str) -> str:
    """`子项目已完成任务，…` → `已完成任务`: the rest of the count's clause when it tells progress."""
    clause = re.split(f"[{_PAUSES}。]", after, maxsplit=1)[0]
    end = 0  # past the counted words the clause opens with (`子项目`: `子项` and `项目` overlap)
    for at in range(min(len(clause), COUNTED_WORD_REACH)):
        word = _counted_word().match(clause, at)
        if word:
            end = max(end, word.end())
        elif at >= end:
            break
    status = clause[end:].strip()
    return status if end and _TELLS_STATUS.match(status) else ""


def _last_pause(sentence: str, end: int) -> int:
    """The nearest `，` or `：` before ``end``, within a list's reach; -1 when there is none."""
    reach = max(0, end - MAX_LIST_CHARS)
    return max(sentence.rfind("，", reach, end), sentence.rfind(",", reach, end), sentence.rfind("：", reach, end),
               sentence.rfind(":", reach, end))


def _opened_list(sentence: str, previous: str, ended: bool) -> tuple[list[str], bool]:
    """Items after a listing word (`分别为`, `包括`, `，即`): as many as a count before them states
    (in this sentence or the one before), or fewer where the page or the sentence says they are
    only some (a page cut short, items kept apart by `；`); uncounted, names after a listing word
    in a sentence that names the projects."""
    opening = _opening(sentence)
    if opening is None:
        return [], False
    before, listed = sentence[:opening[0]], sentence[opening[1]:].lstrip("：: ")
    count = _stated_count(before) or _stated_count(previous)
    if count:
        items, names = _items(listed, count)
        if len(items) == count or (MIN_ITEMS <= len(items) < count and (not ended or not names)):
            return items, names
        names = _names_before_a_clause(listed, count)
        if names:
            return names, True
    if PROJECT_LIST_START.search(before):
        items, names = _items(listed, 0)
        if len(items) >= MIN_ITEMS:
            return items, names
    return [], False


def _names_before_a_clause(listed: str, count: int) -> list[str]:
    """`5个项目包括A，B，C（…），D，E，估算总投资4.66亿元`: names apart by commas, as many as counted,
    then the sentence going on."""
    if re.search(r"[；;《]", listed):
        return []
    parts = [part.strip() for part in _split_outside_brackets(listed, "，,")]
    names = parts[:count]
    if len(parts) <= count or not all(MIN_ITEM <= len(name) <= MAX_NAME for name in names):
        return []
    return names


def _opening(sentence: str) -> tuple[int, int] | None:
    """Where the first listing word of a sentence starts and ends."""
    for match in _listing_word().finditer(sentence):
        if (len(match.group(0)) > 1 or (match.start() > 0 and sentence[match.start() - 1] in _PAUSES)
                or sentence[match.end():match.end() + 1] in ("：", ":")):
            return match.span()
    return None


def _stated_count(text: str) -> int | None:
    """The last count of projects a text states (`共确定了10件为民实事`)."""
    counts = [enumerator_value(m.group(1)) for m in _COUNT_STATED.finditer(text) if _names_projects(text[m.end():])]
    return counts[-1] if counts else None


def _names_projects(after: str) -> bool:
    clause = re.split(f"[{_PAUSES}]", after[:COUNTED_WORD_REACH], maxsplit=1)[0]
    return bool(_counted_word().search(clause))


def _after_leading_word(text: str) -> str:
    """`臧湾乡确定了全乡新农村整体建设、…` → `全乡新农村整体建设、…`: the words that lead into the first item."""
    first = _separator("、；;").split(text, maxsplit=1)[0]
    match = _leading_word().search(first)
    return text[match.end():].lstrip("：: ") if match else text


def _items(text: str, count: int) -> tuple[list[str], bool]:
    """The items of a list and whether they are names: titles in 《》 one after another, else
    parts apart by `；` when there are any (they may hold commas), else names apart by `、`,
    the last two perhaps joined by `及` or `和` (`A、B及C等3项`)."""
    text = _without_wrapping(text.strip())  # `围绕“A、B、…”十件惠民实事`
    if not _LISTED.search(text):
        return [], False
    if _TITLES.fullmatch(text + "、"):
        return re.findall(r"《([^《》]+)》", text), False
    items = _split_outside_brackets(text, "；;")
    names = not items[1:]
    if names:
        items = _split_outside_brackets(text, "、")
        if count and len(items) == count - 1:
            items = [*items[:-1], *_split_last_pair(items[-1])]
        names = True
    items = [_without_wrapping(item.strip(" \u3000：:，,")) for item in items]
    limit = MAX_NAME if names else MAX_ITEM
    if not all(MIN_ITEM <= len(item) <= limit for item in items) or (names and any(_is_clause(i) for i in items)):
        return [], False
    return items, names


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    """``text`` split at ``separators`` outside brackets and quotes; a `、` between numerals
    (`六、七组`) separates no items."""
    if not _BRACKETS.search(text):
        return _separator(separators).split(text)
    parts, depth, start = [], 0, 0
    for k, char in enumerate(text):
        if char in _OPENING_BRACKETS:
            depth += 1
        elif char in _CLOSING_BRACKETS:
            depth = max(depth - 1, 0)
        elif depth == 0 and char in separators and not _between_numerals(text, k):
            parts.append(text[start:k])
            start = k + 1
    parts.append(text[start:])
    return parts


@functools.cache
def _separator(separators: str) -> re.Pattern:
    return re.compile(f"(?<![{_NUMERAL_CHARS}])[{separators}]|[{separators}](?![{_NUMERAL_CHARS}])")


def _between_numerals(text: str, k: int) -> bool:
    return 0 < k < len(text) - 1 and text[k - 1] in _NUMERALS and text[k + 1] in _NUMERALS


def _split_last_pair(text: str) -> list[str]:
    for joiner in ("以及", "及", "和"):
        first, found, second = text.partition(joiner)
        if found and first and second:
            return [first, second]
    return [text]


def _without_wrapping(item: str) -> str:
    """`“城镇新增就业2000人以上”` → the words inside, when the quotes wrap the whole item."""
    if len(item) > 2 and item[0] in "“《" and item[-1] in "”》" and item.count(item[0]) == 1:
        return item[1:-1]
    return item


def _is_clause(item: str) -> bool:
    return bool(re.search(r"[，,。：:]", item))


def _records(items: list[str], names: bool, paragraph: Paragraph, status: str = "") -> list[ProjectRecord]:
    projects = []
    for item in items:
        numbered = enumerator(item)
        item = _without_wrapping(numbered.body.strip()) if numbered else item
        task = TaskRecord(content=item, origin=paragraph.origin)
        if not names:
            task.content, progress = split_progress(item)
            task.add("progress", progress)
        task.add("progress", status)
        projects.append(ProjectRecord(seq=numbered.number if numbered else None, name=item if names else None,
                                      tasks=[task]))
    if not names:
        _name_by_first_clause(projects)
        name_bare_items(projects)
    return projects


def _name_by_first_clause(projects: list[ProjectRecord]) -> None:
    """Items most of which open with a project's name and a pause (`低保暖心工程，为辖区431户…`,
    `深化“雪亮工程”，补齐…`): that clause names each of them, and the rest is their text."""
    split = [_first_clause_name().match(project.tasks[0].content) for project in projects]
    if sum(map(bool, split)) * 2 <= len(projects):
        return
    for project, match in zip(projects, split):
        if match:
            project.name, project.tasks[0].content = match.group(1), match.group(2)


@functools.cache
def _first_clause_name() -> re.Pattern:
    endings = "|".join(map(re.escape, LIST_WORDS["name_ending"]))
    return re.compile(rf"^([^，,：:；;。\d]{{2,{MAX_OPENING_NAME}}}?(?:{endings})”?)[，,：:]\s*(\S.*)$", re.S)


def _aspect_paragraphs(paragraphs: list[Paragraph]) -> list[ProjectRecord]:
    """`在城市建设方面，A；B；C。` / `医疗健康方面，实施…。`: at least two fields of work, each opening a
    paragraph or a sentence; their text is the items, one a sentence, or a clause apart by `；` when
    the text is one sentence, and the field is their section."""
    found = []
    announced = False  # a field of work right under `新增完成的16项具体工作包括：` is a list alone
    for previous, paragraph in zip([None, *paragraphs], paragraphs):
        text = paragraph.text.strip()
        opened = list(_aspect().finditer(text))
        if opened and previous is not None and _announces_list(previous.text):
            announced = True
        for match, following in zip(opened, [*opened[1:], None]):
            body = text[match.end():following.start() if following else len(text)]
            found.append((match.group(1), body, paragraph))
    if len(found) < MIN_COUNTED and not (found and announced):
        return []
    projects = []
    for section, body, paragraph in found:
        parts = [sentence for sentence in re.split(r"(?<=[。！？!?])", body) if sentence.strip()]
        if len(parts) == 1:
            parts = _split_outside_brackets(body, "；;")
        for part in (p.strip() for p in parts):
            if len(part) > MIN_ITEM:
                projects.append(ProjectRecord(section=section, tasks=[TaskRecord(content=part, origin=paragraph.origin)]))
    return projects


def _announces_list(text: str) -> bool:
    """A paragraph ending in a listing word and a colon after a count of projects (`…16项具体工作包括：`)."""
    text = text.strip()
    opening = _opening(text)
    return text.endswith(("：", ":")) and opening is not None and bool(_stated_count(text[:opening[0]]))


@cached
def _listing_word() -> re.Pattern:
    return _alternatives(LIST_WORDS["opening"])


@cached
def _leading_word() -> re.Pattern:
    return _alternatives(LIST_WORDS["leading"])


@cached
def _counted_word() -> re.Pattern:
    return _alternatives(LIST_WORDS["counted"])


@cached
def _aspect() -> re.Pattern:
    words = "|".join(map(re.escape, LIST_WORDS["aspect"]))
    return re.compile(rf"(?:^|(?<=[。！？!?]))\s*在?([\u4e00-\u9fff“”]{{2,20}}?(?:{words}))[，,：:]")


def _alternatives(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
