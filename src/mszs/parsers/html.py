"""Notices saved from government websites, read with lxml.

The charset comes from the page's meta tag unless the bytes are valid UTF-8
(pages often declare gb2312 and are not), else from detection. The page is
built from lxml's parser events without what is not text (scripts, forms, the
head), noting what the later steps need; the 索引号/发布机构/成文日期 box becomes
``Document.metadata``. The page is then read in document order, the site's
furniture (navigation, breadcrumbs, share and print links, related links,
footers) skipped on the way: block elements become paragraphs (``Origin.line``
numbers them), a ``<br>`` starts a new one, and tables are either data tables,
read with rowspan and colspan expanded, or layout tables, whose cells are read
as the flow of the page.

The page is held in plain Python nodes (:class:`_Tag`: a name, its attributes,
and its strings and child tags in order), built as lxml's parser reads it, which
the steps after it read and change (a list item's number added, the metadata box
taken out): building BeautifulSoup's tree, as the reader once did, cost several
times what parsing the page did, and lxml's own tree stops at 256 levels where
its parser's events do not.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from lxml import etree

from mszs.document import Cell, CellBudget, Document, Origin, Paragraph, Row, Table
from mszs.parsers.cleanup import TRADITIONAL_WARNING, simplified
from mszs.parsers.encoding import decode_text
from mszs.parsers.noise import remove_noise
from mszs.vocabulary import is_header_row

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([a-z0-9_\-]+)", re.I)
_DROPPED_TAGS = ("script", "style", "noscript", "iframe", "form", "select", "button", "head", "nav", "footer",
                 "object", "embed", "svg", "input", "textarea", "map")
# class/id words of site furniture, matched as whole words of the attribute.
_FURNITURE_NAMES = re.compile(
    r"(^|[\s_\-])(nav|navbar|menu|breadcrumbs?|crumbs?|position|location|share|bdshare|footer|foot|"
    r"copyright|print|related|xglj|xgwz|toolbar|sidebar|search|login|topbar|dqwz|fenxiang)([\s_\-\d]|$)",
    re.I,
)
_FURNITURE_TEXT = re.compile(r"^\s*(当前位置|您的位置|您现在的位置|您当前所在位置|分享到|【?\s*打印本页|【?\s*关闭窗口|【\s*字体)")
_FURNITURE_WORD = re.compile("当前位置|您的位置|您现在的位置|您当前所在位置|分享到|打印本页|关闭窗口|字体")
_FURNITURE_MAX_CHARS = 200
_ENUMERATED = re.compile(r"^\s*(\d{1,3}\s*[.、．]|[（(]|[一二三四五六七八九十]{1,3}、)")
_BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
    "header", "main", "aside", "blockquote", "pre", "center", "address", "figure", "figcaption", "hr", "tr",
    "td", "th", "caption",
}
_BOX_LABELS = ("索引号", "发布机构", "发文机关", "成文日期", "发布日期", "发文字号", "文号", "公开方式", "组配分类",
               "主题分类", "废止日期", "有效性", "公开范围", "信息分类", "主题词", "生成日期", "体裁分类", "公开时限")
_BOX_LABEL = re.compile(
    "(" + "|".join(r"\s*".join(label) for label in sorted(_BOX_LABELS, key=len, reverse=True)) + r")\s*[:：]?"
)
_BOX_MAX_CHARS = 800
# A header cell is a few words; a longer cell (a layout table's cell can hold the whole page) is
# read this far only, which already tells that it names no column.
_HEADER_MAX_CHARS = 60
_STRING_BREAK = "\x00"  # between strings searched as one text: no pattern matches across it
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_CELL_TAGS = ("td", "th")
_SCRIPT_TAGS = ("script", "style")  # whose text is code, not page text
_BOX_HOLDERS = ("table", "div", "ul", "dl")  # the tags that may be the metadata box
_LAYOUT_CONTENT = ("table", "div", "h1", "h2", "h3", "ul", "ol")  # in a cell: the table places the page
_PAGE_TAGS = ("html", "body")
# Deeper than this, tags give up their structure and keep their text: real pages nest a few
# dozen levels, broken ones (thousands of unclosed <font>) or hostile ones far more, and the
# reader walks the tree recursively.
MAX_DEPTH = 200


def read_html(data: bytes) -> Document:
    text, encoding = decode_text(data, None if _is_utf8(data) else _declared_charset(data))
    converted = simplified(text)  # before box labels and header words are looked for
    text, noise = remove_noise(converted or text)
    page, survey = _read_page(text, MAX_DEPTH)
    _number_ordered_lists(survey.ordered_lists)
    metadata = _take_metadata_box(survey.box_candidates, survey.box_holders)
    flow = _Flow(survey.furniture_suspects)
    flow.walk(survey.body or page)
    flow.flush()
    document = Document(blocks=flow.blocks, format="html", encoding=encoding, metadata=metadata)
    if converted:
        document.warnings.append(TRADITIONAL_WARNING)
    document.warnings.extend(noise)
    return document


def _read_page(text: str, depth: int) -> tuple[_Tag, _Survey]:
    """The page as lxml's HTML parser reads it, built into :class:`_Tag` nodes as it goes (see
    :class:`_PageBuilder`); fed as UTF-8 bytes if lxml refuses the text as it is."""
    text = text.removeprefix("\ufeff")
    for markup in (text, text.encode("utf-8")):
        builder = _PageBuilder(depth)
        parser = etree.HTMLParser(target=builder, recover=True, encoding=None if markup is text else "utf-8")
        try:
            parser.feed(markup)
            parser.close()
        except (UnicodeDecodeError, LookupError, etree.ParserError):
            if markup is not text:
                raise
            continue
        break
    builder.survey.find_holders()
    return builder.page, builder.survey


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _declared_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:8192])
    return found.group(1).decode("ascii") if found else None


# --- the page, built as lxml parses it ---------------------------------------------------------------

class _Tag:
    """A tag of the page: its name, its attributes, and its contents, the strings and child tags
    in order (comments, processing instructions and the tags that are not page text left out)."""

    __slots__ = ("name", "attrs", "contents", "parent")

    def __init__(self, name: str, attrs: dict | None, parent: _Tag | None):
        self.name = name
        self.attrs = attrs
        self.parent = parent
        self.contents: list = []

    def get(self, name: str, default=None):
        return default if self.attrs is None else self.attrs.get(name, default)

    def parents(self):
        tag = self
        while tag is not None:
            yield tag
            tag = tag.parent


@dataclass
class _Survey:
    """What the walk over the page found for the steps after it."""

    body: _Tag | None = None  # the first <body>
    box_candidates: list = field(default_factory=list)  # tags that may hold the metadata box, in document order
    ordered_lists: list = field(default_factory=list)
    box_holders: set[int] = field(default_factory=set)  # ids of the tags whose text has a box label
    furniture_holders: set[int] = field(default_factory=set)  # … and of those whose text has a furniture word
    furniture_names: set[int] = field(default_factory=set)  # … and of those whose class or id names furniture
    strings: list[str] = field(default_factory=list)  # the page's strings, searched once the walk is done
    holders: list[_Tag] = field(default_factory=list)  # the tag holding each of them

    def find_holders(self) -> None:
        """Search the page's text once for each pattern (searching each string costs more than
        reading it), then note the tags around each string where it was found."""
        text = _STRING_BREAK.join(self.strings)
        starts = list(itertools.accumulate((len(s) + len(_STRING_BREAK) for s in self.strings), initial=0))
        for holders, pattern in ((self.box_holders, _BOX_LABEL), (self.furniture_holders, _FURNITURE_WORD)):
            for found in pattern.finditer(text):
                holder = self.holders[bisect.bisect_right(starts, found.start()) - 1]
                holders.update(id(tag) for tag in holder.parents())

    def note_tag(self, tag: _Tag) -> None:
        if tag.name in _BOX_HOLDERS:
            self.box_candidates.append(tag)
        elif tag.name == "ol":
            self.ordered_lists.append(tag)
        elif tag.name == "body" and self.body is None:
            self.body = tag
        if _names_furniture(tag):
            self.furniture_names.add(id(tag))

    def note_string(self, text: str, holder: _Tag) -> None:
        holder.contents.append(text)
        self.strings.append(text)
        self.holders.append(holder)

    @property
    def furniture_suspects(self) -> set[int]:
        """The tags the flow must test for furniture; no other tag can be."""
        return self.furniture_names | self.furniture_holders


class _PageBuilder:
    """lxml's parser target: the page's :class:`_Tag` nodes built from the parser's events, without
    comments and the tags that are not page text (scripts, forms, the head…), while what the later
    steps look for is noted. What lies under a tag at the depth limit becomes its text, a line per
    block or ``<br>``: the events come however deep the page nests (lxml's own tree stops at 256
    levels, 2,048 with ``huge_tree``), and the later steps, which recurse, get no deeper than the limit."""

    def __init__(self, depth: int):
        self.depth = depth
        self.survey = _Survey()
        self.page = _Tag("[document]", None, None)
        self.tag = self.page  # the innermost open tag
        self.level = 0  # of self.tag
        self.pending: list[str] = []  # text read since the last tag or comment
        self.dropped = 0  # tags open inside a tag that is not page text (0: none)
        self.deep: _Tag | None = None  # the tag at the depth limit, whose text is being read
        self.deep_open: list[str] = []  # the names of the tags open under it
        self.deep_lines: list[str] = []  # its text, a line per block or <br>
        self.deep_strings: list[str] = []  # its own strings, kept as they are while it holds no tag
        self.deep_holds_tags = False

    def start(self, name: str, attrs: dict) -> None:
        if self.pending:
            self.end_string()
        if self.dropped:
            self.dropped += 1
        elif self.deep is not None:
            self.deep_holds_tags = True
            self.deep_open.append(name)
            if name == "br" or name in _BLOCK_TAGS:
                self.deep_lines.append("")
        elif name in _DROPPED_TAGS:
            self.dropped = 1
        else:
            tag = _Tag(name, attrs if type(attrs) is dict else None, self.tag)  # lxml's empty mapping is slow
            self.tag.contents.append(tag)
            if self.level + 1 == self.depth:
                self.deep, self.deep_open, self.deep_lines, self.deep_strings = tag, [], [""], []
                self.deep_holds_tags = False
            else:
                self.survey.note_tag(tag)
                self.tag, self.level = tag, self.level + 1

    def end(self, name: str) -> None:
        if self.pending:
            self.end_string()
        if self.dropped:
            self.dropped -= 1
        elif self.deep_open:
            self.deep_open.pop()
        elif self.deep is not None:
            self.end_deep()
        elif self.tag is not self.page:
            self.tag, self.level = self.tag.parent, self.level - 1

    def data(self, text: str) -> None:
        self.pending.append(text)

    def comment(self, text: str) -> None:
        self.end_string()  # the strings on either side stay apart

    def pi(self, target: str, data: str | None = None) -> None:
        self.end_string()

    def close(self) -> _Tag:
        self.end_string()
        return self.page

    def end_string(self) -> None:
        if not self.pending:
            return
        text = "".join(self.pending) if len(self.pending) > 1 else self.pending[0]
        self.pending.clear()
        if self.dropped:
            return
        if self.deep is None:
            self.survey.note_string(text, self.tag)
        elif not self.deep_open:
            self.deep_strings.append(text)
            self.deep_lines[-1] += text
        elif self.deep_open[-1] not in _SCRIPT_TAGS:
            self.deep_lines[-1] += text

    def end_deep(self) -> None:
        tag, self.deep = self.deep, None
        if not self.deep_holds_tags:
            for text in self.deep_strings:
                self.survey.note_string(text, tag)
            return
        for line in self.deep_lines:
            if line.strip():
                self.survey.note_string(line, tag)
                tag.contents.append(_Tag("br", None, tag))


def _number_ordered_lists(ordered_lists: list) -> None:
    """`<ol><li>` items get the number a browser draws (`1.`), which the outline is read from,
    unless the item's text already starts with one."""
    for ordered in ordered_lists:
        try:
            number = int(ordered.get("start", 1))
        except ValueError:
            number = 1
        for item in _children(ordered, ("li",)):
            if not _ENUMERATED.match("".join(_leading_strings(item, 8)[0])):
                item.contents.insert(0, f"{number}.")
            number += 1


# --- the metadata box and the site's furniture --------------------------------------------------------

def _take_metadata_box(candidates: list, holders: set[int]) -> dict[str, str]:
    """Find the 索引号/发布机构/成文日期 box among the candidate tags holding its labels, remove
    it from the page, return its name → value pairs."""
    best, best_labels = None, 2
    for tag in candidates:
        if id(tag) not in holders:
            continue
        strings, whole = _leading_strings(tag, _BOX_MAX_CHARS)
        if not whole:
            continue
        labels = {re.sub(r"\s+", "", m) for m in _BOX_LABEL.findall("".join(strings))}
        if len(labels) >= best_labels:  # ties go to the innermost tag
            best, best_labels = tag, len(labels)
    if best is None:
        return {}
    pieces = _BOX_LABEL.split("\n".join(s.strip() for s in _strings(best) if s.strip()))[1:]
    best.parent.contents.remove(best)
    pairs = {}
    for label, value in zip(pieces[::2], pieces[1::2]):
        pairs[re.sub(r"\s+", "", label)] = _SPACES.sub(" ", value).strip(" :：")
    return pairs


def _leading_strings(tag, limit: int) -> tuple[list[str], bool]:
    """The tag's first strings, up to ``limit`` characters besides spaces, and whether they are all
    of them: a container's whole text is not read just to learn that it is long."""
    strings, size = [], 0
    for string in _strings(tag):
        size += sum(map(len, string.split()))  # str.translate takes ten times as long on Chinese text
        strings.append(string)
        if size > limit:
            return strings, False
    return strings, True


def _strings(tag: _Tag):
    """The strings under the tag, in document order."""
    stack = [iter(tag.contents)]
    while stack:
        for item in stack[-1]:
            if type(item) is str:
                yield item
            else:
                stack.append(iter(item.contents))
                break
        else:
            stack.pop()


def _joined(strings: list[str]) -> str:
    """The strings stripped, the blank ones left out, joined by spaces."""
    return " ".join(s.strip() for s in strings if s.strip())


def _is_furniture(tag) -> bool:
    """Navigation, breadcrumbs, share and print links…: by the tag's class or id, or by the
    short text of a block that starts with a furniture word."""
    if tag.name in _PAGE_TAGS:
        return False
    if _names_furniture(tag) and not _contains(tag, ("table",)):
        return True
    return tag.name in _BLOCK_TAGS and _is_furniture_text(tag)


def _names_furniture(tag) -> bool:
    attrs = tag.attrs
    if not attrs or ("class" not in attrs and "id" not in attrs):
        return False
    return bool(_FURNITURE_NAMES.search(" ".join([*attrs.get("class", "").split(), attrs.get("id", "")])))


def _is_furniture_text(tag) -> bool:
    strings, whole = _leading_strings(tag, _FURNITURE_MAX_CHARS)
    text = _joined(strings)
    return whole and len(text) <= _FURNITURE_MAX_CHARS and bool(_FURNITURE_TEXT.match(text))


def _contains(tag, names: tuple[str, ...]) -> bool:
    stack = [tag]
    while stack:
        for item in stack.pop().contents:
            if type(item) is _Tag:
                if item.name in names:
                    return True
                stack.append(item)
    return False


# --- the flow of the page -------------------------------------------------------------------------

class _Flow:
    """Blocks in reading order; inline text gathers into the current paragraph.

    The site's furniture is skipped as it is met, so that nothing inside it is looked at."""

    def __init__(self, furniture_suspects: set[int], nested: bool = False, budget: CellBudget | None = None):
        self.furniture_suspects = furniture_suspects  # ids of the tags that may be furniture
        self.budget = budget or CellBudget()  # of the whole page: cells in nested tables count too
        self.blocks: list = []
        self.lines: list[str] = []  # lines of the current paragraph
        self.paragraphs = 0
        self.tables = 0
        self.nested = nested  # inside a table cell: blocks are lines, and tables become lines too

    def walk(self, node) -> None:
        for child in node.contents:
            if type(child) is str:
                self.text(child)
            else:
                self.element(child)

    def element(self, tag) -> None:
        if self.is_furniture(tag):
            return
        if tag.name == "br":
            self.lines.append("")
        elif tag.name == "table":
            self.flush()
            self.table(tag)
        elif tag.name in _BLOCK_TAGS:
            self.flush()
            self.walk(tag)
            self.flush()
        else:
            self.walk(tag)

    def is_furniture(self, tag) -> bool:
        return id(tag) in self.furniture_suspects and _is_furniture(tag)

    def text(self, text: str) -> None:
        if not self.lines:
            self.lines.append("")
        self.lines[-1] += _SPACES.sub(" ", text)

    def flush(self) -> None:
        if not self.lines:
            return
        lines = [line.strip() for line in self.lines if line.strip()]
        self.lines = []
        if not lines:
            return
        if self.nested:
            self.blocks.extend(lines)  # a cell's lines: plain strings, no blocks to build
            return
        self.paragraphs += 1
        self.blocks.extend(Paragraph(line, Origin(line=self.paragraphs)) for line in lines)

    def table(self, tag) -> None:
        rows = self.table_cells(tag)
        if self.nested:
            for row in self.read_table(rows, 0).rows:
                self.blocks.append(" ".join(t for t in row.texts if t))
        elif is_layout_table(rows):
            for cell in (cell for cells in rows for cell in cells):
                self.flush()
                self.walk(cell)
                self.flush()
        else:
            self.blocks.append(self.read_table(rows, self.tables))
            self.tables += 1

    def table_cells(self, table) -> list[list]:
        """The ``<td>``/``<th>`` of each ``<tr>`` of this table (not of tables nested in it), furniture left out."""
        rows = []
        for section in [table, *_children(table, ("thead", "tbody", "tfoot"))]:
            if section is table or not self.is_furniture(section):
                for tr in _children(section, ("tr",)):
                    if not self.is_furniture(tr):
                        rows.append([td for td in _children(tr, _CELL_TAGS) if not self.is_furniture(td)])
        return rows

    def cell_text(self, td) -> str:
        """A cell's text with paragraphs, ``<br>`` and nested table rows as lines."""
        flow = _Flow(self.furniture_suspects, nested=True, budget=self.budget)
        flow.walk(td)
        flow.flush()
        return "\n".join(flow.blocks)

    def read_table(self, rows: list[list], index: int) -> Table:
        """Rows of cells with every rowspan and colspan expanded onto the grid."""
        grid: dict[tuple[int, int], Cell] = {}
        for r, tds in enumerate(rows):
            column = 0
            for td in tds:
                while (r, column) in grid:
                    column += 1
                origin = Origin(table=index, row=r, column=column)
                text = self.cell_text(td)
                rowspan = min(_span(td, "rowspan") or len(rows), len(rows) - r)  # rowspan="0": to the end
                colspan = _span(td, "colspan") or 1
                self.budget.spend(rowspan * colspan)
                grid[(r, column)] = Cell(text, origin)
                for dr in range(rowspan):
                    for dc in range(colspan):
                        if dr or dc:
                            at = Origin(table=index, row=r + dr, column=column + dc)
                            grid[(r + dr, column + dc)] = Cell(text, at, origin)
                column += colspan
        width = 1 + max((c for _, c in grid), default=-1)
        self.budget.spend(len(rows) * width - len(grid))  # the gaps filled with empty cells
        table = []
        for r in range(len(rows)):
            cells = [grid.get((r, c)) or Cell("", Origin(table=index, row=r, column=c)) for c in range(width)]
            if any(cell.text for cell in cells):
                table.append(Row(cells, Origin(table=index, row=r)))
        return Table(table, Origin(table=index))


def _children(tag, names: tuple[str, ...]) -> list:
    """The child tags of these names."""
    return [child for child in tag.contents if type(child) is _Tag and child.name in names]


def is_layout_table(rows: list[list]) -> bool:
    """A table (its rows of cells) that places the page rather than holding data.

    A table whose first rows name project columns is data, whatever it holds. Otherwise
    it is layout when it has one column, or a cell holds another table or block
    elements such as ``<div>`` and headings.
    """
    for cells in rows[:3]:
        if is_header_row([_joined(_leading_strings(td, _HEADER_MAX_CHARS)[0]) for td in cells]):
            return False
    if max(map(len, rows), default=0) <= 1:
        return True
    return any(_contains(cell, _LAYOUT_CONTENT) for cells in rows for cell in cells)


def _span(td, name: str) -> int | None:
    value = td.get(name)
    if value is None:
        return 1
    try:
        return max(0, min(int(str(value).strip() or 1), 1000))
    except ValueError:
        return 1
