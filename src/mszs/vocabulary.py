"""Words notices use, kept as data.

Header words of project tables map to the role their column plays; label words
of list-style notices (``牵头单位：…``) map to the same roles. Readers use the
header words to recognise a table in flattened text; the interpreter uses the
roles to read it.
"""
from __future__ import annotations

import functools
import re

from mszs.patterns import LazyPattern

# Circled numbers, ① to ⑳: enumeration marks, and the sub-items of one project in a cell.
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# role → header words (exact cell text after whitespace is removed). Order
# inside a list does not matter; longer words are tried first when matching.
# The same words are the labels of list-style notices (`牵头单位：…`), so a
# table and a list of one notice read alike.
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "seq": ("序号", "编号", "序列", "项目序号", "排序"),
    "name": (
        "项目名称", "实事名称", "实事项目", "民生实事项目", "项目", "事项", "名称", "工程名称",
        "实事项目名称", "民生实事名称", "民生实事", "工作事项", "任务名称", "重点工作",
    ),
    "category": ("项目类别", "类别", "领域", "项目分类", "分类", "类型"),
    "content": (
        "项目内容", "实事内容", "项目内容及工作目标", "项目内容及规模", "建设内容", "主要内容",
        "工作内容", "内容", "目标任务", "主要任务", "工作任务", "任务目标", "实施内容",
        "项目内容及目标", "建设内容及规模", "具体内容", "工作目标", "目标", "具体目标",
        "工作目标及内容", "主要目标", "任务内容", "年度目标", "年度目标任务", "实事内容及目标",
        "指标要求", "建设规模", "年度工作计划", "年度计划", "年度建设内容", "建设任务",
        "重点任务", "具体任务",
    ),
    "lead_units": (
        "实施主体", "主办单位", "牵头单位", "牵头部门", "主责单位", "牵头责任单位", "主体责任单位",
        "牵头领导单位", "牵头责任部门", "主办",
    ),
    # Plain responsibility: the lead units, unless a 牵头/主办 column or label names the
    # lead, in which case these are the units that carry the work out with it (co-units).
    "units": ("责任单位", "责任部门", "承办单位", "实施单位", "责任主体", "业主单位", "建设单位", "项目业主"),
    "co_units": (
        "协办单位", "配合单位", "配合部门", "协办部门", "协同单位", "参与单位", "责任配合单位",
        "协作单位", "协同责任单位", "协作部门", "协办",
    ),
    "leaders": ("分管县领导", "责任领导", "分管领导", "县级领导", "牵头领导", "分管区领导", "分管市领导", "包抓领导", "县级责任领导", "责任县领导", "联系领导", "责任人", "包保领导"),
    "deadline": ("完成时限", "完成时间", "时间节点", "时限要求", "完成期限", "时限", "计划完成时间", "进度安排", "推进计划", "时间安排", "进度计划", "节点安排", "进度要求", "完成节点", "时序进度",
                 "建设起止年限", "起止年限", "建设年限", "建设周期", "实施年限", "建设期限"),
    "remarks": ("备注", "说明"),
    "progress": ("落实进展情况", "进展情况", "工作进展", "完成情况", "推进情况", "进展", "目前进展", "截至目前进展情况", "落实情况", "实际完成", "完成进度"),
    "problems": ("存在问题", "存在的问题", "问题", "困难问题", "存在问题及困难"),
    "next_steps": ("下月工作计划", "下步工作计划", "下一步工作计划", "下步计划", "下步打算", "下一步计划", "下月计划", "下步工作"),
    # Columns the contract has no field for. Knowing them keeps a header row whole, so
    # the columns after them do not shift; `目标类型` (A类/B类) is no project category.
    "other": ("建设地点", "实施地点", "项目地点", "投资金额", "总投资", "资金来源", "目标类型", "是否达序",
              "累计完成投资", "计划投资", "年度计划投资", "完成投资", "累计投资", "前期手续", "建设性质",
              # when work starts is no deadline (`开工时间` beside `竣工时间`)
              "开工时间", "开工日期", "计划开工时间", "开工年月"),
}

# A header or label no list holds is read by its head, the word it ends with (Chinese names
# put the head last: `分管副县长` is a 县长, `工作推进举措` a 举措), qualified by the words before
# it (HEAD_QUALIFIERS). `情况` names a field only when qualified (`完成情况`, not `基本情况`).
HEAD_WORDS: dict[str, tuple[str, ...]] = {
    "units": ("分工",),
    "organisation": ("单位", "部门", "科室", "处室", "股室", "主体", "机构"),
    "leaders": ("领导", "责任人", "负责人", "县长", "区长", "市长", "书记"),
    "deadline": ("时限", "期限", "时间", "节点", "年限", "周期", "安排", "计划", "举措", "措施", "步骤"),
    "progress": ("进展", "进度", "成效", "完成率"),
    "problems": ("问题", "困难", "短板"),
    "next_steps": ("打算",),
    "content": ("目标", "内容", "规模", "标准"),
    "name": ("名称",),
    "other": ("地点", "地址", "金额", "投资", "资金", "来源"),
    "state": ("情况",),
}
# Heads that name a field only when qualified: `责任部门`, `完成情况`; not `县政府各部门`, `基本情况`.
QUALIFIED_HEADS = ("organisation", "state")
# role → (words before the head that give it, the head roles they qualify; empty: any head)
HEAD_QUALIFIERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "next_steps": (("下步", "下一步", "下月", "下阶段", "下季度", "今后"), ()),
    "problems": (("存在", "问题"), ("state",)),
    "progress": (("完成", "推进", "落实", "进展", "进度", "实施", "执行", "办理", "工作", "建设"), ("state",)),
    "co_units": (("协同", "协作", "配合", "协办", "协助", "参与"), ("organisation",)),
    "lead_units": (("牵头", "主办", "主责"), ("organisation",)),
    "units": (("责任", "承办", "实施", "办理", "主管", "负责", "业主", "建设", "归口", "督办"), ("organisation",)),
}
# A header cell longer than this is a sentence, whatever it ends with; one shorter is a bare
# head word, which a matrix's sub-headings use too (`进度`, `领导`).
MAX_HEADED = 10
MIN_HEADED = 3
# A header naming two columns' worth (`进展情况、存在问题及下一步打算`) is read by its first part.
_COMPOUND_SEPARATORS = LazyPattern(r"[、/／]|及|与|和")
MAX_COMPOUND_HEADER = 24
# Qualifiers that make a plain responsibility header name the lead or the co-units (`协同责任单位`).
UNIT_QUALIFIERS = {"co_units": ("协同", "协作", "配合", "协办", "协助"), "lead_units": ("牵头", "主办", "主责")}

# Roles a label of a list-style notice may take from the header words.
LABEL_ROLES = ("lead_units", "units", "co_units", "leaders", "deadline", "remarks", "progress", "problems", "next_steps")
# Labels only items written as forms use: `1.城区学校建设工程` then `建设内容：…`.
LABEL_WORDS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称", "实事名称"),
    "content": ("建设内容", "项目内容", "实事内容", "主要内容", "工作内容", "实施内容", "目标任务", "工作目标", "建设规模",
                "任务目标"),
}

# Labels of the notice itself, never of an item, though one may follow the last item's lines.
DOCUMENT_LABELS = (
    "附件", "抄送", "主送", "主题词", "关键词", "来源", "信息来源", "发布日期", "发布时间", "发布机构",
    "责任编辑", "文号", "索引号", "成文日期", "主题分类", "联系电话",
    # a web page's byline
    "最后编辑时间", "编辑时间", "更新时间", "作者", "阅读量", "访问量", "浏览次数", "点击数", "发布者",
)

# Titles of officials: a heading that names one leading what is under it (`一、袁家军省长主抓重点工作`),
# and the verbs it says so with.
LEADER_TITLES = ("省长", "市长", "县长", "区长", "州长", "旗长", "镇长", "乡长", "书记", "主任", "秘书长", "党组成员")
# What may stand between the name and the title (`张盈军区政府党组成员牵头重点工作`).
LEADER_TITLE_PREFIXES = ("省政府", "市政府", "县政府", "区政府", "省委", "市委", "县委", "区委")
LEADING_VERBS = ("主抓", "牵头", "负责", "分管", "领衔", "挂帅", "主管")

# Words of project lists written in running text (`共选出A、B等2个项目`, `…8件实事包括：A；B；…`).
LIST_WORDS: dict[str, tuple[str, ...]] = {
    # words after which a sentence lists what it counted; one character long, only after a pause or
    # before a colon (`，即A；B`, `10项重点建设项目为：A、B`)
    "opening": ("分别是", "分别为", "依次是", "依次为", "具体是", "具体为", "包括", "主要有", "主要是", "体现在", "如下", "即", "为", "是"),
    # words before the first item of a list that a count closes (`臧湾乡确定了A、B及C等3项`)
    "leading": ("选出", "确定了", "确定为", "确定", "票决出", "票决产生", "表决通过", "其中", "包括", "涵盖", "围绕", "对"),
    # what a count must name to count projects (`等5个项目`, `10件为民实事`), not places or people
    "counted": ("项目", "实事", "工程", "事项", "工作", "任务", "子项"),
    # a paragraph by field of work: `在城市建设方面，A；B。`
    "aspect": ("方面", "领域"),
    # what a project's name ends with when it opens its item before a comma (`低保暖心工程，为辖区…`)
    "name_ending": ("工程", "项目", "行动", "计划"),
}

# Words an organisation's name ends with. A line-wrapped piece that ends with
# none of them is a fragment of the next piece (`残疾人` + `联合会`).
ORG_SUFFIXES = (
    "局", "委", "办", "院", "会", "中心", "部", "公司", "集团", "所", "站", "队", "街道", "镇街",
    "乡镇", "镇", "乡", "村", "社区", "村居", "政府", "指挥部", "办公室", "管委会", "园", "区",
    "厅", "处", "科", "室", "行", "社", "馆", "台", "团", "校", "联", "专班", "分局", "大队",
    "支队", "组", "府", "署", "企业", "单位", "部门", "机构", "医院", "学校", "银行", "法院",
    "检察院", "景区", "街", "办事处", "各产业园", "联社", "协会", "商会", "工会", "妇联", "团委",
    "县委", "场", "股", "港", "厂", "矿", "段", "点", "所属单位",
)
# Columns whose value belongs to the whole project, so a continuation row may leave them empty.
PROJECT_ROLES = ("seq", "name", "category")
UNIT_ROLES = ("lead_units", "units", "co_units")
TEXT_ROLES = ("progress", "problems", "next_steps", "remarks")


_SQUASHED = LazyPattern(r"[\s\u3000:：*＊]+")
_LABELLED_VALUE = LazyPattern(r"[:：]\s*\S")
_SPACES = LazyPattern(r"\s+")


def _squash(text: str) -> str:
    return _SQUASHED.sub("", text)


def _header_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for role, words in HEADER_WORDS.items():
        for word in words:
            index.setdefault(word, role)
    return index


def _build_indexes() -> None:
    """The lookup tables derived from the word lists; built again when a user vocabulary extends them."""
    global _HEADER_INDEX, _HEAD_INDEX, _HEADS_LONGEST_FIRST, _LABEL_WORDS, _LONGEST_LABEL, _LABEL_LAST_CHARACTERS
    global HEADER_WORD_SET, HEADER_WORD_STARTS
    _HEADER_INDEX = _header_index()
    HEADER_WORD_SET = frozenset(re.sub(r"\s", "", word) for words in HEADER_WORDS.values() for word in words)
    # What a label broken by a narrow column may start with: the beginnings of header words (`责任`, `完成`).
    HEADER_WORD_STARTS = frozenset(word[:k] for word in HEADER_WORD_SET for k in range(2, len(word)))
    _HEAD_INDEX = {word: role for role, words in HEAD_WORDS.items() for word in words}
    _HEADS_LONGEST_FIRST = sorted(_HEAD_INDEX, key=len, reverse=True)
    _LABEL_WORDS = frozenset(label_words())
    _LONGEST_LABEL = max(map(len, _LABEL_WORDS))
    _LABEL_LAST_CHARACTERS = frozenset(word[-1] for word in _LABEL_WORDS)
    for clear in _CACHES:
        clear()


# The cache_clear of every function whose answers depend on the words (the readers' too).
_CACHES: list = []


def cached(function):
    """An lru_cache whose answers are forgotten when a user vocabulary changes the words."""
    function = functools.lru_cache(maxsize=4096)(function)
    _CACHES.append(function.cache_clear)
    return function


def extend(words: dict[str, dict[str, list[str]]]) -> None:
    """Add a user's words: ``{"header_words": {role: [...]}, "label_words": {...}, "head_words": {...},
    "list_words": {kind: [...]}}``.
    Words of a role mszs does not have are refused, so that a typo does not pass unseen."""
    tables = {"header_words": HEADER_WORDS, "label_words": LABEL_WORDS, "head_words": HEAD_WORDS, "list_words": LIST_WORDS}
    for table_name, table in tables.items():
        for role, added in (words.get(table_name) or {}).items():
            if role not in table:
                raise ValueError(f"{table_name}: no role {role!r} (roles: {', '.join(table)})")
            table[role] = (*added, *table[role])  # a user's word is tried before mszs's own
    _build_indexes()


@cached
def header_role(cell_text: str) -> str | None:
    """The role of a header cell, or None when the text is not a header word.

    Exact words match first; a cell naming two columns' worth (``进展情况、存在问题及下一步打算``,
    ``责任主体与协同单位``) is read by its first part; a cell such as ``责任单位（牵头）`` or
    ``2021年完成时限`` matches the longest header word it ends or starts with; then the cue words.
    """
    if _LABELLED_VALUE.search(cell_text):
        return None  # `牵头单位：县教育局` is a labelled value, not a header
    text = _squash(cell_text)
    text = _without_final_note(text).rstrip("%％") or text  # `总投资（万元）`, `1-8月实际完成率%`
    if not text or len(text) > MAX_COMPOUND_HEADER:
        return None
    return _HEADER_INDEX.get(text) or _compound_role(text) or _word_role(text) or _headed_role(text)


def _without_final_note(text: str) -> str:
    """`责任单位（牵头）` → `责任单位`: from the first opening bracket to a closing one that ends the
    text (as ``re.sub(r"[（(].*?[)）]$", "")`` would, which takes quadratic time on many brackets)."""
    if not text.endswith((")", "）")):
        return text
    opening = [at for at in (text.find("（", 0, len(text) - 1), text.find("(", 0, len(text) - 1)) if at >= 0]
    return text[:min(opening)] if opening else text


def _word_role(text: str) -> str | None:
    if len(text) > 14:
        return None
    if text in _HEADER_INDEX:
        return _HEADER_INDEX[text]
    word = _header_word_at_an_end(text)
    if not word:
        return None
    return _qualified(_HEADER_INDEX[word], text[:-len(word)] if text.endswith(word) else "")


def _header_word_at_an_end(text: str) -> str | None:
    """The longest header word of two characters or more, at most six short of the text,
    that the text ends or starts with; between two of one length, the one it ends with, as
    Chinese puts the head last (`项目进展` is a 进展)."""
    for size in range(len(text) - 1, max(1, len(text) - 7), -1):
        found = [word for word in (text[-size:], text[:size]) if word in _HEADER_INDEX]
        if found:
            return found[0]
    return None


def _compound_role(text: str) -> str | None:
    first = _COMPOUND_SEPARATORS.split(text, maxsplit=1)[0]
    return _word_role(first) if first != text else None


def _headed_role(text: str) -> str | None:
    if not MIN_HEADED <= len(text) <= MAX_HEADED:
        return None
    head = next((word for word in _HEADS_LONGEST_FIRST if text.endswith(word)), None)
    if head is None:
        return None
    head_role, before = _HEAD_INDEX[head], text[:-len(head)]
    for role, (qualifiers, heads) in HEAD_QUALIFIERS.items():
        if (not heads or head_role in heads) and any(q in before for q in qualifiers):
            return role
    return None if head_role in QUALIFIED_HEADS else head_role


def _qualified(role: str, before: str) -> str:
    """A plain responsibility word names the lead or the co-units when a qualifier stands before it."""
    if role != "units":
        return role
    return next((r for r, words in UNIT_QUALIFIERS.items() if any(w in before for w in words)), role)


# Roles a table column may hold its items' text under when no column is headed as content:
# a column headed `主要工作举措` or left unnamed then holds what each row is about.
_CONTENT_STAND_INS = (None, "deadline")
_TEXT_HOLDING_ROLES = ("content", "name")


def column_roles(header: list[str]) -> list[str | None]:
    """The roles of a table's columns from its header cells."""
    return with_content_column([header_role(text) for text in header], header)


def with_content_column(roles: list[str | None], header: list[str]) -> list[str | None]:
    """Roles in which some column holds the items' text. A header that names no content or
    name column still has one: the first column that may hold it, unnamed or named by a word
    that heads either the work or its steps (`主要工作举措`)."""
    if any(role in _TEXT_HOLDING_ROLES for role in roles):
        return roles
    stand_in = next((k for k, (role, text) in enumerate(zip(roles, header))
                     if role in _CONTENT_STAND_INS and text.strip() and not _word_role(_squash(text))), None)
    if stand_in is None:
        return roles
    return [*roles[:stand_in], "content", *roles[stand_in + 1:]]


# A header that is a period and at most the name of a goal (`一季度`, `二季度目标`, `6月底前`): its
# column holds what is due by then.
_PERIOD_HEADER = LazyPattern(r"^((?:第?[一二三四1-4]季度|[上下]半年|年[底中]|\d{1,2}月(?:底|末|份)?前?|"
                            r"\d{1,2}[-—至~]\d{1,2}月))(?:目标|任务|目标任务|计划|节点|进度|进度目标|工作目标|计划进度|计划目标)?$")


def period_header(header: str) -> str | None:
    """The period a column header names when it heads what is due by then (`一季度目标` → 一季度)."""
    match = _PERIOD_HEADER.match(_SPACES.sub("", header or ""))
    return match.group(1) if match else None


def is_header_row(cells: list[str], partial: bool = False) -> bool:
    """A row is a header when most of its non-empty cells are header words or periods (`一季度`)
    and it names units or content.

    ``partial`` accepts the lower row of a two-row header (`牵头单位 | 配合单位`), which
    may hold as few as one header word."""
    filled = [c for c in cells if c.strip()]
    known: list[str] = []
    unknown = 0
    for c in filled:
        role = header_role(c) or ("period_steps" if period_header(c) else None)
        if role:
            known.append(role)
            continue
        unknown += 1
        if partial or unknown * 3 > len(filled):  # over a third unknown: no header, whatever the other cells are
            return False
    if partial:
        return bool(known)
    # A header names different things; a row of project names all ending in 项目 names one.
    if len(known) < 2 or len(known) * 3 < len(filled) * 2 or len(set(known)) < 2:
        return False
    return any(r in ("content", "lead_units", "units", "name") for r in known)


@cached
def label_role(word: str) -> str | None:
    """The role of a label of a list-style notice: a form word, or a header word of a task's field."""
    text = _squash(word)
    if text in DOCUMENT_LABELS:
        return None  # `发布时间：` dates the page, not a project
    role = next((r for r, words in LABEL_WORDS.items() if text in words), None)
    if role:
        return role
    role = header_role(text)
    return role if role in LABEL_ROLES else None


def label_words() -> list[str]:
    """Every exact label word, longest first."""
    words = {w for ws in LABEL_WORDS.values() for w in ws}
    words |= {w for role in LABEL_ROLES for w in HEADER_WORDS[role]}
    return sorted(words, key=len, reverse=True)


def label_word_ending(text: str) -> str | None:
    """The longest label word the text ends with (none when no label word ends as it does)."""
    if text[-1:] not in _LABEL_LAST_CHARACTERS:
        return None
    for size in range(min(len(text), _LONGEST_LABEL), 0, -1):
        if text[-size:] in _LABEL_WORDS:
            return text[-size:]
    return None


_build_indexes()
