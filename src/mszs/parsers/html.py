"""Notices saved from government websites, read with BeautifulSoup (lxml).

The charset comes from the page's meta tag unless the bytes are valid UTF-8
(pages often declare gb2312 and are not), else from detection. The site's
furniture goes first: scripts, navigation, breadcrumbs, share and print links,
related links and footers. The 索引号/发布机构/成文日期 box becomes
``Document.metadata``. What is left is read in document order: block elements
become paragraphs (``Origin.line`` numbers them), a ``<br>`` starts a new one,
and tables are either data tables, read with rowspan and colspan expanded, or
layout tables, whose cells are read as the flow of the page.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from mszs.document import Cell, Document, Origin, Paragraph, Row, Table
from mszs.parsers.encoding import decode_text
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
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")
_CELL_TAGS = ("td", "th")
_NO_SPACES = {ord(c): None for c in " \t\r\n\f\u00a0"}
# Deeper than this, tags give up their structure and keep their text: real pages nest a few
# dozen levels, broken ones (thousands of unclosed <font>) or hostile ones far more, and the
# reader walks the tree recursively and measures each tag's text.
MAX_DEPTH = 200


def read_html(data: bytes) -> Document:
    text, encoding = decode_text(data, None if _is_utf8(data) else _declared_charset(data))
    soup = BeautifulSoup(text, "lxml")
    _prune(soup, MAX_DEPTH)
    box_holders, furniture_holders = _holders(soup, (_BOX_LABEL, _FURNITURE_WORD))
    metadata = _take_metadata_box(soup, box_holders)
    _drop_furniture(soup, furniture_holders)
    _number_ordered_lists(soup)
    flow = _Flow()
    flow.walk(soup.body or soup)
    flow.flush()
    return Document(blocks=flow.blocks, format="html", encoding=encoding, metadata=metadata)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _declared_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:8192])
    return found.group(1).decode("ascii") if found else None


def _prune(soup, depth: int) -> None:
    """In one walk: remove comments and the tags that are not page text (scripts, forms, the
    head…), and replace what lies under each tag at ``depth`` by its text, a line per block or ``<br>``."""
    hidden, deep, stack = [], [], [(soup, 0)]
    while stack:
        tag, level = stack.pop()
        for child in tag.contents:
            if isinstance(child, Comment) or (isinstance(child, Tag) and child.name in _DROPPED_TAGS):
                hidden.append(child)
            elif isinstance(child, Tag):
                if level + 1 == depth:
                    deep.append(child)
                else:
                    stack.append((child, level + 1))
    for node in hidden:
        node.extract()
    for tag in deep:
        if any(isinstance(child, Tag) for child in tag.contents):
            _flatten(soup, tag)


def _flatten(soup, tag) -> None:
    lines = _flat_lines(tag)
    tag.clear()
    for line in lines:
        tag.append(line)
        tag.append(soup.new_tag("br"))


def _flat_lines(tag) -> list[str]:
    lines = [""]
    for node in tag.descendants:
        if isinstance(node, Tag) and (node.name == "br" or node.name in _BLOCK_TAGS):
            lines.append("")
        elif type(node) is NavigableString:  # not a comment, script or style
            lines[-1] += str(node)
    return [line for line in lines if line.strip()]


# --- furniture and the metadata box -------------------------------------------------------------
# (plain walks over the tree: bs4's find_all matches each node through its filter machinery,
# which took longer than parsing the page)

def _take_metadata_box(soup, holders: set[int]) -> dict[str, str]:
    """Find the 索引号/发布机构/成文日期 box among the tags holding its labels, remove it from
    the page, return its name → value pairs."""
    best, best_labels = None, 2
    for tag in _tags(soup, ("table", "div", "ul", "dl")):
        if id(tag) not in holders:
            continue
        strings = _strings_within(tag, _BOX_MAX_CHARS)
        if strings is None:
            continue
        labels = {re.sub(r"\s+", "", m) for m in _BOX_LABEL.findall("".join(strings))}
        if len(labels) >= best_labels:  # ties go to the innermost tag
            best, best_labels = tag, len(labels)
    if best is None:
        return {}
    pieces = _BOX_LABEL.split("\n".join(best.stripped_strings))[1:]
    best.decompose()
    pairs = {}
    for label, value in zip(pieces[::2], pieces[1::2]):
        pairs[re.sub(r"\s+", "", label)] = _SPACES.sub(" ", value).strip(" :：")
    return pairs


def _tags(soup, names: tuple[str, ...]) -> list:
    return [node for node in soup.descendants if isinstance(node, Tag) and node.name in names]


def _strings_within(tag, limit: int) -> list[str] | None:
    """The tag's strings, or None once they hold more than ``limit`` characters besides spaces:
    a container's whole text is not read just to learn that it is long."""
    strings, size = [], 0
    for string in tag.strings:
        size += len(string.translate(_NO_SPACES))
        if size > limit:
            return None
        strings.append(string)
    return strings


def _drop_furniture(soup, marked: set[int]) -> None:
    """Remove the site's furniture, top down, never looking inside what was removed; only
    the ``marked`` tags (holding a furniture word) have their text read."""
    stack = [soup]
    while stack:
        tag = stack.pop()
        if tag.name not in ("[document]", "html", "body") and _is_furniture(tag, marked):
            tag.decompose()
        else:
            stack.extend(child for child in reversed(tag.contents) if isinstance(child, Tag))


def _holders(soup, patterns: tuple[re.Pattern, ...]) -> list[set[int]]:
    """For each pattern, the ids of the tags whose text matches it: only they need their text read."""
    holders: list[set[int]] = [set() for _ in patterns]
    for string in soup.strings:
        for found, pattern in zip(holders, patterns):
            if pattern.search(string):
                found.update(id(tag) for tag in string.parents)
    return holders


def _is_furniture(tag, marked: set[int]) -> bool:
    if "class" in tag.attrs or "id" in tag.attrs:
        names = " ".join([*tag.get("class", []), tag.get("id", "")])
        if _FURNITURE_NAMES.search(names) and not tag.find("table"):
            return True
    return tag.name in _BLOCK_TAGS and id(tag) in marked and _is_furniture_text(tag)


def _is_furniture_text(tag) -> bool:
    strings = _strings_within(tag, _FURNITURE_MAX_CHARS)
    if strings is None:
        return False
    text = " ".join(s.strip() for s in strings if s.strip())
    return len(text) <= _FURNITURE_MAX_CHARS and bool(_FURNITURE_TEXT.match(text))


def _number_ordered_lists(soup) -> None:
    """`<ol><li>` items get the number a browser draws (`1.`), which the outline is read from,
    unless the item's text already starts with one."""
    for ordered in _tags(soup, ("ol",)):
        try:
            number = int(ordered.get("start", 1))
        except ValueError:
            number = 1
        for item in _children(ordered, ("li",)):
            if not _ENUMERATED.match(item.get_text()[:8]):
                item.insert(0, NavigableString(f"{number}."))
            number += 1


# --- the flow of the page -------------------------------------------------------------------------

class _Flow:
    """Blocks in reading order; inline text gathers into the current paragraph."""

    def __init__(self, nested: bool = False):
        self.blocks: list = []
        self.lines: list[str] = []  # lines of the current paragraph
        self.paragraphs = 0
        self.tables = 0
        self.nested = nested  # inside a table cell: blocks are lines, and tables become lines too

    def walk(self, node) -> None:
        for child in node.children:
            if isinstance(child, Tag):
                self.element(child)
            elif isinstance(child, NavigableString):
                self.text(str(child))

    def element(self, tag) -> None:
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

    def text(self, text: str) -> None:
        if not self.lines:
            self.lines.append("")
        self.lines[-1] += _SPACES.sub(" ", text)

    def flush(self) -> None:
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
        if self.nested:
            for row in read_table(tag, 0).rows:
                self.blocks.append(" ".join(t for t in row.texts if t))
        elif is_layout_table(tag):
            for cell in _table_cells(tag):
                self.flush()
                self.walk(cell)
                self.flush()
        else:
            self.blocks.append(read_table(tag, self.tables))
            self.tables += 1


def cell_text(tag) -> str:
    """A cell's text with paragraphs, ``<br>`` and nested table rows as lines."""
    flow = _Flow(nested=True)
    flow.walk(tag)
    flow.flush()
    return "\n".join(flow.blocks)


# --- tables ------------------------------------------------------------------------------------------

def _children(tag, names: tuple[str, ...]) -> list:
    """The child tags of these names (find_all with recursive=False, without its filter machinery)."""
    return [child for child in tag.contents if isinstance(child, Tag) and child.name in names]


def _table_rows(table):
    """The ``<tr>`` of this table, not of tables nested in it."""
    for section in [table, *_children(table, ("thead", "tbody", "tfoot"))]:
        yield from _children(section, ("tr",))


def _table_cells(table):
    for tr in _table_rows(table):
        yield from _children(tr, _CELL_TAGS)


def is_layout_table(table) -> bool:
    """A table that places the page rather than holding data.

    A table whose first rows name project columns is data, whatever it holds. Otherwise
    it is layout when it has one column, or a cell holds another table or block
    elements such as ``<div>`` and headings.
    """
    rows = list(_table_rows(table))
    for tr in rows[:3]:
        if is_header_row([td.get_text(" ", strip=True) for td in _children(tr, _CELL_TAGS)]):
            return False
    if max((len(_children(tr, _CELL_TAGS)) for tr in rows), default=0) <= 1:
        return True
    return any(cell.find(("table", "div", "h1", "h2", "h3", "ul", "ol")) for cell in _table_cells(table))


def read_table(table, index: int) -> Table:
    """Rows of cells with every rowspan and colspan expanded onto the grid."""
    trs = list(_table_rows(table))
    grid: dict[tuple[int, int], Cell] = {}
    for r, tr in enumerate(trs):
        column = 0
        for td in _children(tr, _CELL_TAGS):
            while (r, column) in grid:
                column += 1
            origin = Origin(table=index, row=r, column=column)
            text = cell_text(td)
            rowspan = _span(td, "rowspan") or len(trs) - r  # rowspan="0": to the end of the table
            colspan = _span(td, "colspan") or 1
            for dr in range(min(rowspan, len(trs) - r)):
                for dc in range(colspan):
                    at = Origin(table=index, row=r + dr, column=column + dc)
                    grid[(r + dr, column + dc)] = Cell(text, at, None if (dr, dc) == (0, 0) else origin)
            column += colspan
    width = 1 + max((c for _, c in grid), default=-1)
    rows = []
    for r in range(len(trs)):
        cells = [grid.get((r, c)) or Cell("", Origin(table=index, row=r, column=c)) for c in range(width)]
        if any(cell.text for cell in cells):
            rows.append(Row(cells, Origin(table=index, row=r)))
    return Table(rows, Origin(table=index))


def _span(td, name: str) -> int | None:
    try:
        return max(0, min(int(str(td.get(name, "1")).strip() or 1), 1000))
    except ValueError:
        return 1
