"""The outline of a notice: enumeration marks, and the levels the document itself gives them.

Official documents number their levels 一、 → （一） → 1. → （1） → ①, but real
notices also write 第一，, 一是…二是…, 01, 1) and put a mark alone on its line.
:func:`enumerator` reads the mark at the start of one text and ranks it by
convention; :func:`number_paragraphs` reads a whole sequence of paragraphs,
keeps only the marks that count up as a run does, and gives each the level at
which the document nests it (a style first met inside another is deeper), so
a notice that puts 一是 under 1. or 1. directly under its title reads as
written. Levels never come from Word styles, so every format reads alike.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from mszs.document import Paragraph
from mszs.patterns import LazyPattern
from mszs.vocabulary import CIRCLED

_CN = "一二三四五六七八九十百零〇两"
# Words an item's mark may count with: `实事一：`, `项目2：`.
COUNTED_WORDS = ("民生实事", "实事", "项目", "任务", "事项", "工程")
_BULLETS = "☑✔✅√●■◆◇★☆▲△•▪□◎○►▶➢❖"


@dataclass(frozen=True)
class MarkStyle:
    """One way of writing an enumeration mark. ``rank`` is its conventional depth
    (一、 outermost); a style ranked 0 always opens a new top level."""

    name: str
    rank: int
    pattern: re.Pattern


# Tried in order; the first that matches names the style.
MARK_STYLES: tuple[MarkStyle, ...] = (
    MarkStyle("一、", 0, LazyPattern(rf"^\s*([{_CN}]{{1,4}})\s*(?:、|[.．](?!\d)|[ \u3000\t]+(?=[\u4e00-\u9fff]))\s*")),
    MarkStyle("第一", 0, LazyPattern(rf"^\s*第([{_CN}]{{1,3}})\s*[项件个]?\s*[，,、：:.．]\s*")),
    MarkStyle("（一）", 1, LazyPattern(rf"^\s*[（(]\s*([{_CN}]{{1,4}})\s*[)）]\s*[、.．]?\s*")),
    MarkStyle("1.", 2, LazyPattern(r"^\s*(\d{1,3})\s*[、.．](?!\d)\s*")),
    MarkStyle("实事一", 2, LazyPattern(rf"^\s*(?:{'|'.join(COUNTED_WORDS)})\s*([{_CN}]{{1,3}}|\d{{1,2}})\s*[：:、.．]\s*")),
    MarkStyle("之一", 0, LazyPattern(rf"^\s*之([{_CN}]{{1,3}})\s*[：:、.．]\s*")),  # `之一：“亮点工程”——…`
    MarkStyle("01", 2, LazyPattern(r"^\s*(0[1-9]|[1-9]\d)\s+(?=[\u4e00-\u9fff])(?![月日年号时个万亿元])")),
    MarkStyle("（1）", 3, LazyPattern(r"^\s*[（(]\s*(\d{1,3})\s*[)）]\s*[、.．]?\s*")),
    MarkStyle("1）", 3, LazyPattern(r"^\s*(\d{1,2})\s*[)）]\s*")),
    MarkStyle("①", 4, LazyPattern(rf"^\s*([{CIRCLED}])\s*[、.．]?\s*")),
    MarkStyle("一是", 5, LazyPattern(rf"^\s*([{_CN}]{{1,3}})是(?![否指])\s*")),
    # A bullet (`☑东蕾苑二期新建工程`) counts nothing: its items have no number.
    MarkStyle("●", 4, LazyPattern(rf"^\s*([{_BULLETS}])\s*")),
)
_STYLE_RANK = {style.name: style.rank for style in MARK_STYLES}
_BUILT_IN_STYLES = MARK_STYLES


@functools.cache
def _any_built_in_mark() -> re.Pattern:
    """Where any built-in mark starts a text: most texts have none, told by one pattern, not eleven."""
    return re.compile("|".join(f"(?:{style.pattern.pattern})" for style in _BUILT_IN_STYLES))


def add_mark_style(style: MarkStyle) -> None:
    """Teach the outline a mark of the user's (tried before mszs's own). Its pattern matches at a
    paragraph's start, its first group is the number (Arabic, Chinese or circled)."""
    global MARK_STYLES
    if style.pattern.groups < 1:
        raise ValueError(f"mark {style.name!r}: the pattern needs a group holding the number")
    MARK_STYLES = (style, *MARK_STYLES)
    _STYLE_RANK[style.name] = style.rank
    enumerator.cache_clear()
    bare_mark.cache_clear()
# A mark may skip this many numbers (an item dropped from a pasted page) and still continue its run.
MAX_SKIPPED = 1
# The highest number a top-level heading may have when it is the first of its style met.
MAX_FIRST_HEADING = 10
# `教育惠民（2项）`: a count of the items below, not words of the heading.
_COUNT_NOTE = LazyPattern(r"(?<!\s)\s*[（(]\s*(?:共\s*)?[\d一二三四五六七八九十]{1,3}\s*[项件个类条]\s*[)）]\s*$")
_FINAL_PUNCT = LazyPattern(r"[。.；;：:，,！!\s]+$")


@dataclass(frozen=True)
class Enumerated:
    level: int
    number: int | None
    body: str  # the text after the enumerator
    style: str = ""


@functools.lru_cache(maxsize=8192)  # each paragraph is asked about by several readers of the outline
def enumerator(text: str) -> Enumerated | None:
    """The leading enumerator of one text, if any, at its style's conventional rank."""
    match, style = _match(text)
    if match is None or match.end() >= len(text):
        return None
    return Enumerated(style.rank, enumerator_value(match.group(1)), text[match.end():], style.name)


@functools.lru_cache(maxsize=8192)  # asked of each paragraph twice: as itself, and as the line above the next
def bare_mark(text: str) -> bool:
    """`（一）` alone on its line: the item's text is on the next line."""
    match, _ = _match(text)
    return match is not None and not text[match.end():].strip()


def _match(text: str) -> tuple[re.Match | None, MarkStyle | None]:
    for style in MARK_STYLES:
        if style is _BUILT_IN_STYLES[0] and not _any_built_in_mark().match(text):
            break  # (the user's styles, tried first, are tried one by one)
        match = style.pattern.match(text)
        if match:
            return match, style
    return None, None


# Marks that number items inside one paragraph (`…涉及以下领域。一是…；二是…；三是…`): each
# stands at the start or after punctuation or a space.
_BEFORE_RUN_IN = r"(?:^|(?<=[\s。；;，,：:！？!?）)]))"
RUN_IN_MARKS: tuple[re.Pattern, ...] = (
    LazyPattern(rf"{_BEFORE_RUN_IN}([{_CN}]{{1,3}})是(?![否指])"),
    LazyPattern(rf"{_BEFORE_RUN_IN}第([{_CN}]{{1,3}})[，,、]"),
    LazyPattern(rf"{_BEFORE_RUN_IN}[（(]([{_CN}]{{1,3}})[)）]"),
    LazyPattern(rf"{_BEFORE_RUN_IN}[（(](\d{{1,2}})[)）]"),
    LazyPattern(rf"{_BEFORE_RUN_IN}(\d{{1,2}})[.、．](?!\d)"),
    LazyPattern(rf"([{CIRCLED}])"),
)


_SECOND_MARK = LazyPattern(r"二是|第二|[（(]二[)）]|[（(]2[)）]|(?<!\d)2[.、．]|②")


# Circled numbers number the sub-items of one project (`①完成区第二幼儿园…②完成宜春十中改造…`).
SUB_ITEM_MARKS = RUN_IN_MARKS[-1:]


def run_in_starts(text: str, first: int = 1, marks: tuple[re.Pattern, ...] = RUN_IN_MARKS) -> list[int]:
    """Where the items of the longest run numbered from ``first`` (1, 2, 3…) inside a text start."""
    if first == 1 and not (("二" in text or "2" in text or "②" in text) and _SECOND_MARK.search(text)):
        return []  # no run without its second item (most paragraphs hold none of its characters)
    best: list[int] = []
    for pattern in marks:
        starts: list[int] = []
        for match in pattern.finditer(text):
            if enumerator_value(match.group(1)) == first + len(starts):
                starts.append(match.start())
        if len(starts) > len(best):
            best = starts
    return best


def number_paragraphs(texts: list[str]) -> list[Enumerated | None]:
    """The enumerator of every paragraph, levelled as the document nests them.

    A mark counts only when it continues its style's run at that place: 1, or the
    next number (a skipped one forgiven), also where a notice numbers its items on
    across sections (`16.` under （一）, `17.` under （二）). A line that merely
    starts like a mark (`3、5月份…` after `1、`, `111.jpg`) is text."""
    marks: list[Enumerated | None] = []
    open_styles: list[str] = []  # outermost first
    last_number: dict[str, int] = {}  # a closed style keeps its last number: the next run may go on from it
    for text in texts:
        found = enumerator(text) or _mark_before_a_digit(text, last_number, open_styles)
        if found is None or not _continues_run(found, last_number):
            marks.append(None)
            continue
        level = _open(found.style, open_styles)
        if found.number is not None:
            last_number[found.style] = found.number
        marks.append(Enumerated(level, found.number, found.body, found.style))
    return marks


# `2.50个小区…` after `1.`: a decimal to the eye, but the run of `1.` marks says item 2.
_MARK_BEFORE_DIGIT = LazyPattern(r"^\s*(\d{1,3})[.．](?=\d)")
_DIGIT_STYLE = "1."


def _mark_before_a_digit(text: str, last_number: dict[str, int], open_styles: list[str]) -> Enumerated | None:
    """A `1.` mark glued to a number that starts the item, read as one only where it is the
    next item of an open run."""
    match = _MARK_BEFORE_DIGIT.match(text)
    if not match or _DIGIT_STYLE not in open_styles or int(match.group(1)) != last_number.get(_DIGIT_STYLE, -1) + 1:
        return None
    return Enumerated(_STYLE_RANK[_DIGIT_STYLE], int(match.group(1)), text[match.end():], _DIGIT_STYLE)


def _continues_run(mark: Enumerated, last_number: dict[str, int]) -> bool:
    if mark.number is None or mark.number == 1:
        return True
    last = last_number.get(mark.style)
    if last is None:  # a page may show a list from its second heading on (`二、进展情况`), not from 111.
        return mark.number <= (MAX_FIRST_HEADING if _STYLE_RANK[mark.style] == 0 else 1 + MAX_SKIPPED)
    return last < mark.number <= last + 1 + MAX_SKIPPED


def _open(style: str, open_styles: list[str]) -> int:
    """The level of a mark of this style, updating the open styles: a style open
    already closes the ones inside it; a new one nests inside the innermost, unless
    it is a top-level style (一、, 第一)."""
    if style in open_styles:
        del open_styles[open_styles.index(style) + 1:]
    else:
        if _STYLE_RANK[style] == 0:
            open_styles.clear()
        open_styles.append(style)
    return len(open_styles) - 1


def enumerator_value(token: str) -> int | None:
    """`12` → 12, `十二` → 12, `③` → 3; None when it is not a number."""
    token = token.strip()
    if token.isdecimal():  # not isdigit: ① is a digit to Python, and int() refuses it
        return int(token)
    if token in CIRCLED:
        return CIRCLED.index(token) + 1
    from mszs.normalise.numbers import parse_number

    value = parse_number(token)
    return int(value) if isinstance(value, (int, float)) and value == int(value) else None


def seq_value(cell: str) -> int | None:
    """A 序号 cell as an int: `1`, `1.`, `（一）`, `一`, `第3项`, `01`."""
    text = re.sub(r"\s+", "", cell or "")
    text = re.sub(r"^第|[项个件]$", "", text)
    text = text.strip("（()）.．、")
    if not text or len(text) > 4:
        return None
    return enumerator_value(text)


def heading_text(body: str) -> str:
    """A heading without its trailing sentence and final punctuation: `加强组织领导。各…` → `加强组织领导`."""
    head = re.split(r"[。！!]", body, maxsplit=1)[0]
    return _FINAL_PUNCT.sub("", head).strip()


def without_count_note(heading: str) -> str:
    """`县示范区管委会牵头工作（8项）` → `县示范区管委会牵头工作`: the heading's words without the count
    of the items below it (which stays in the section, as printed)."""
    return _COUNT_NOTE.sub("", heading)


# A page copied as one line keeps its paragraphs apart by spaces only: `…责任单位。 一、加快提振市场信心
# (一)全面促进消费增长。 1.把恢复和扩大消费…`. Such a line is long and holds several marks after spaces.
MIN_FLATTENED = 200
MIN_FLATTENED_MARKS = 3
_SPACES = LazyPattern(r"[ \u3000\t]+")
_MARK_LOOK = 12  # enough text after a space to read a mark from
# Styles too loose to trust after a space inside running text: `01 ` is any number, `一是` a clause.
_STYLES_NOT_AFTER_SPACE = ("01", "一是")
_MARK_PUNCTUATION = set("、.．)），,：:") | set(CIRCLED)


# Chinese puts no space after a full stop inside a paragraph: `…改善群众居住条件。 老旧小区改造工程。…`.
_SPACE_AFTER_SENTENCE = LazyPattern(r"(?<=[。！？!?])[ \u3000\t]+(?=[\u4e00-\u9fff“])")


def split_flattened(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs flattened into one line split again where a space precedes an enumeration mark,
    or, failing that, where a space follows a full stop."""
    split: list[Paragraph] = []
    for paragraph in paragraphs:
        text = paragraph.text
        cuts = [] if len(text) < MIN_FLATTENED else [
            space.end() for space in _SPACES.finditer(text) if _mark_after_space(text[space.end():space.end() + _MARK_LOOK])]
        if len(cuts) < MIN_FLATTENED_MARKS and len(text) >= MIN_FLATTENED:
            cuts = [space.end() for space in _SPACE_AFTER_SENTENCE.finditer(text)]
        if len(cuts) < MIN_FLATTENED_MARKS:
            split.append(paragraph)
            continue
        bounds = [0, *cuts, len(text)]
        split.extend(Paragraph(text[a:b].strip(), paragraph.origin) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip())
    return split


def _mark_after_space(text: str) -> bool:
    match, style = _match(text)
    return (match is not None and match.end() < len(text) and style.name not in _STYLES_NOT_AFTER_SPACE
            and any(c in _MARK_PUNCTUATION for c in match.group(0)))
