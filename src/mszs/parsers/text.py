"""Plain-text notices, as pasted out of Word, PDF viewers and web pages.

Paragraphs are the non-empty lines. Tables come in these serialisations, each
found by a header row made of header words (see ``mszs.vocabulary``):

* tab-led cells: a Word table flattened one cell per line, each cell starting
  with a TAB and continuing on untabbed lines; the header's cell count gives
  the row width;
* tab-separated rows: one row per line, cells separated by TABs;
* pipe-separated rows: cells separated by ``|``; when the header ends with a
  pipe so does every row, and a row's text may wrap over lines (a Markdown
  table, whose lines start with ``|``, is read one row per line);
* space-separated rows: one row per line, cells apart by runs of spaces;
* one cell per line: a web table copied cell by cell, no separators at all,
  or each cell ending with `` |``.
"""
from __future__ import annotations

import csv
import functools
import io
import itertools
import re
from dataclasses import dataclass

from mszs.document import Cell, Document, Origin, Paragraph, Row, Table
from mszs.parsers.cell_stream import LIST_KINDS, best_shift, continuation_row, fit_rows, fit_score, kind_of, seq_number
from mszs.parsers.noise import remove_noise
from mszs.parsers.cleanup import TRADITIONAL_WARNING, simplified
from mszs.parsers.encoding import decode_text
from mszs import vocabulary
from mszs.patterns import LazyPattern
from mszs.vocabulary import ORG_SUFFIXES, PROJECT_ROLES, cached, column_roles, header_role, is_header_row

# Lines after which a flattened table cannot go on: 抄送/印发 footers and the like.
_TABLE_END = LazyPattern(
    r"^\s*(抄送|印发|主题词|附件[:：]|附件\s*\d{1,2}\s*$|[（(]此件.{0,6}[)）]"
    r"|【?(打印本页|关闭窗口|打印|关闭|分享到|扫一扫|上一篇|下一篇|相关链接|相关文件)】?[:：]?(\s|$)"
    r"|扫一扫在手机)"
)
# The date under a signature: a day, alone on its line.
_SIGNED_DATE = LazyPattern(r"^\s*((19|20)\d\d|[二〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
                          r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$")
# A signature line is short and no sentence.
MAX_SIGNATURE = 30
# How far a spreadsheet cell quoted over several lines may run before its quote counts as stray.
MAX_QUOTED_LINES = 50
# A Markdown table's rule under its header: `|---|:---:|`.
_RULE_LINE = LazyPattern(r"^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-{2,}:?)?\s*$")
# A cell of a web table copied one cell per line, each line ending with a pipe: `项目名称 |`.
_PIPED_CELL = LazyPattern(r"^[^|]+\|\s*$")
# Labels of a one-cell-per-line header: at most this long, this many, with none of these marks.
MAX_LABEL = 14
MAX_HEADER_CELLS = 30
# A cell of a table whose cells are apart by spaces may wrap over this many lines.
MAX_WRAPPED_LINES = 8
_SENTENCE_MARK = LazyPattern(r"[，,。；;：:！!？?]")
# Cells pasted from PDF or Word apart by runs of spaces or an ideographic space; or by
# single spaces, trusted only between header words led by 序号 and rows led by their 序号.
_HAN = LazyPattern(r"[\u4e00-\u9fff]")
_WIDE_GAP = LazyPattern(r"[ \u3000\u00a0]{2,}|\u3000")
_ANY_GAP = LazyPattern(r"[ \u3000\u00a0]+")
_ROW_NUMBER = LazyPattern(r"^(\d{1,3})[.、．]?$")
# A label naming only a period qualifies the label after it: `第二季度` / `完成情况`.
_PERIOD_LABEL = LazyPattern(r"^\s*(第?[一二三四1-4]季度|[上下]半年|全年|年度|((19|20)\d\d\s*年度?)?(\d{1,2}\s*[-—至~]\s*)?\d{1,2}\s*月份?)\s*$|^\s*(19|20)\d\d\s*年度?\s*$")
_SEQ_CELL = LazyPattern(r"^\s*(\d{1,3}|[一二三四五六七八九十]{1,3}|[（(][一二三四五六七八九十\d]{1,3}[)）])[.、．]?\s*$")
# A unit or a note under a header label: `(万元)`.
_BRACKETED_NOTE = LazyPattern(r"^\s*[（(][^（）()]{1,8}[)）]\s*$")
# A heading numbered `一、` or `（一）` between a header and its rows is a section, no column.
_HEADING_MARK = LazyPattern(r"^\s*([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])")


@dataclass
class _Line:
    number: int  # 1-based
    text: str

    @property
    def blank(self) -> bool:
        # A lone TAB is an empty cell of a flattened Word table, not a blank line.
        return not self.text.strip() and not self.text.startswith("\t")


def read_text(data: bytes) -> Document:
    text, encoding = decode_text(data)
    converted = simplified(text)  # before the tables are looked for by their header words
    text, noise = remove_noise(converted or text)
    document = Document(blocks=parse_lines(text), format="text", encoding=encoding)
    if converted:
        document.warnings.append(TRADITIONAL_WARNING)
    document.warnings.extend(noise)
    return document


def parse_lines(text: str) -> list:
    """Split decoded text into paragraphs and tables."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    lines = [_Line(i + 1, line.rstrip(" \u3000\u00a0")) for i, line in enumerate(text.split("\n"))]
    blocks: list = []
    i = 0
    table_count = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
            continue
        found = _read_table_at(lines, i, table_count)
        if found:
            table, i = found
            blocks.append(table)
            table_count += 1
            continue
        blocks.append(Paragraph(text=line.text.strip(), origin=Origin(line=line.number)))
        i += 1
    return blocks


def _read_table_at(lines: list[_Line], i: int, index: int):
    line = lines[i].text
    if "|" in line and is_header_row(_pipe_cells(line)):
        if line.lstrip().startswith("|"):  # a Markdown table: one row per line
            return _read_line_rows(lines, i, index, "|", _pipe_cells)
        return _read_pipe_table(lines, i, index)
    if "\t" in line.strip("\t") and is_header_row(line.strip().split("\t")):
        return _read_line_rows(lines, i, index, "\t", lambda text: text.split("\t"))
    if line.startswith("\t"):
        header = _leading_cells(lines, i)
        if is_header_row([c for c, _ in header]):
            return _read_tab_led_table(lines, i, len(header), index)
    gap = _spaced_header(line)
    if gap:
        return _read_spaced_table(lines, i, gap, index)
    piped = _PIPED_CELL.match(line) is not None
    found = _cell_per_line_header(lines, i, piped)
    if found:
        header, i = found
        return _read_cell_per_line_table(lines, i, header, index, piped)
    return None


# --- one row per line: tab-separated, or a Markdown table ----------------------

def _read_line_rows(lines, i, index, separator, split):
    rows = []
    width = len(split(lines[i].text.strip()))
    while i < len(lines):
        line = lines[i]
        if line.blank or _RULE_LINE.match(line.text):
            i += 1
            continue
        if separator not in line.text:
            break
        text = line.text
        quoted = _quoted_row(lines, i) if separator == "\t" and text.count('"') % 2 else None
        if quoted:
            text, i = quoted
            cells = next(csv.reader(io.StringIO(text), delimiter="\t"))
        else:
            cells = split(text)
            if len(cells) > width:  # blank cells past the header's width hold nothing: 10^5 tabs are no 10^5 columns
                cells = cells[:max(width, len(split(text.rstrip())))]
            i += 1
        cells += [""] * (width - len(cells))
        origin = Origin(line=line.number, table=index, row=len(rows))
        rows.append(Row([Cell(c.strip(), Origin(line=line.number, table=index, row=len(rows), column=k))
                         for k, c in enumerate(cells)], origin))
    return Table(rows, Origin(line=rows[0].origin.line, table=index)), i


def _quoted_row(lines, i):
    """A row copied from a spreadsheet whose quoted cell holds line breaks (`1\t"县财政局` …
    `县教育局"\t12月`): its lines up to the closing quote, and the index after them.
    A quote left open for more than MAX_QUOTED_LINES lines is a stray quote mark: None."""
    text = lines[i].text
    for k in range(i + 1, min(i + 1 + MAX_QUOTED_LINES, len(lines))):
        text += "\n" + lines[k].text
        if text.count('"') % 2 == 0:
            return text, k + 1
    return None


# --- tab-led cells -----------------------------------------------------------

def _leading_cells(lines, i):
    """The header cells of a tab-led table starting at i, as (text, line) pairs.

    A header word may wrap onto an untabbed line (`\t完成` then `时限`); the header
    ends at a blank line or at the first tab-led cell that is not a header word."""
    cells = []
    while i < len(lines) and lines[i].text.startswith("\t"):
        text, number = lines[i].text.strip(), lines[i].number
        i += 1
        while i < len(lines) and not lines[i].blank and not lines[i].text.startswith("\t"):
            text += lines[i].text.strip()
            i += 1
        if len(cells) >= 2 and not header_role(text):
            break
        cells.append((text, number))
    return cells


def _read_tab_led_table(lines, i, width, index):
    cells: list[tuple[list[str], int]] = []  # (lines of the cell, line number)
    blank_run = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            blank_run += 1
            i += 1
            continue
        row_complete = len(cells) % width == 0
        if line.text.startswith("\t"):
            cells.append(([line.text.strip()], line.number))
        elif row_complete and (blank_run >= 2 or _TABLE_END.match(line.text)):
            break
        elif cells and not _TABLE_END.match(line.text):
            cells[-1][0].append(line.text.strip())
        else:
            break
        blank_run = 0
        i += 1
    # A last row cut short keeps what it has; the interpreter sees empty cells.
    while len(cells) % width:
        cells.append(([""], cells[-1][1]))
    return _table_from_cells(cells, width, index), i


def _table_from_cells(cells, width, index):
    rows = []
    for start in range(0, len(cells), width):
        chunk = cells[start:start + width]
        number = chunk[0][1]
        rows.append(Row(
            [Cell("\n".join(t for t in text if t), Origin(line=n, table=index, row=len(rows), column=k))
             for k, (text, n) in enumerate(chunk)],
            Origin(line=number, table=index, row=len(rows)),
        ))
    return Table(rows, Origin(line=rows[0].origin.line, table=index))


# --- pipe-separated rows -------------------------------------------------------

def _pipe_cells(line: str) -> list[str]:
    line = line.strip()
    if line.endswith("|"):
        line = line[:-1]
    if line.startswith("|"):
        line = line[1:]
    return [c.strip() for c in line.split("|")]


def _read_pipe_table(lines, i, index):
    """Cells are the text between pipes. When the header line ends with a pipe, so does
    every row: a line that does not continues the row (its text wraps). Otherwise each
    line is a row."""
    header, body_start = _pipe_header(lines, i)
    end = _pipe_table_end(lines, body_start)
    terminated = lines[i].text.rstrip().endswith("|")
    rows = _pipe_rows(lines[body_start:end], len(header), terminated)
    roles = column_roles(header)
    rows = [_aligned_row(row, roles) for row in rows]
    cells = [[(text, lines[i].number) for text in header]] + rows
    return _table_from_rows(cells, index), end


def _pipe_header(lines, i):
    """The header cells of a pipe table at line i, and the index after the header.

    A header broken over two lines (`… | 1-6月完成情况 |` then `完成率 | 备注 | |`) is
    one header when the row after it has more cells than its first line."""
    cells = _pipe_cells(lines[i].text)
    following = [k for k in range(i + 1, min(i + 4, len(lines))) if not lines[k].blank][:2]
    if len(following) < 2 or not lines[i].text.rstrip().endswith("|") or "|" not in lines[following[0]].text:
        return cells, i + 1
    more = _pipe_cells(lines[following[0]].text)
    labels = [text for text in more if text]
    if (labels and not _SEQ_CELL.match(more[0]) and all(_is_label(text) for text in labels)
            and any(header_role(text) for text in labels)
            and len(_pipe_cells(lines[following[1]].text)) > len(cells)):
        return cells + more, following[0] + 1
    return cells, i + 1


def _pipe_table_end(lines, i):
    """The index after the last line of a pipe table whose rows start at i: lines without
    a pipe belong to it only between lines with one."""
    end = i
    while end < len(lines):
        if lines[end].blank or "|" in lines[end].text:
            end += 1
            continue
        following = next((l for l in itertools.islice(lines, end + 1, None) if not l.blank), None)
        if _TABLE_END.match(lines[end].text) or following is None or "|" not in following.text:
            break
        end += 1
    return end


def _pipe_rows(lines, width, terminated):
    """Rows of (text, line) cells. A terminated row that starts with its 序号 and is short
    goes on over the next line when that line completes it (a break right after a pipe)."""
    rows, pending = [], []
    for k, line in enumerate(lines):
        if line.blank:
            continue
        pending.append(line)
        if terminated and not line.text.rstrip().endswith("|"):
            continue
        cells = _split_pipe_row(pending)
        if terminated and _row_goes_on(cells, lines, k + 1, width):
            continue
        rows.append(cells)
        pending = []
    if pending:
        rows.append(_split_pipe_row(pending))
    return rows


def _split_pipe_row(lines):
    """The cells of a row's lines: the text between pipes, a cell's wrapped lines joined
    with a space, each cell with the line its text starts on."""
    cells, parts, first_line = [], [], None
    for line in lines:
        for k, part in enumerate(line.text.strip().split("|")):
            if k:
                cells.append((" ".join(parts), first_line or line.number))
                parts, first_line = [], None
            if part.strip():
                parts.append(part.strip())
                first_line = first_line or line.number
    if parts:
        cells.append((" ".join(parts), first_line))
    if cells and not cells[0][0] and lines[0].text.lstrip().startswith("|"):
        cells = cells[1:]  # a leading pipe opens the row; it closes no cell
    return cells


def _row_goes_on(cells, lines, k, width) -> bool:
    if not cells or len(cells) >= width or not _SEQ_CELL.match(cells[0][0]):
        return False
    following = next((line for line in lines[k:k + 3] if not line.blank), None)
    if following is None:
        return False
    more = _pipe_cells(following.text)
    return not _SEQ_CELL.match(more[0]) and len(cells) + len(more) <= width


def _aligned_row(cells, roles):
    """The row as wide as the header, a row short of cells moved right.

    A web table copied as text drops the cells a rowspan covers and pads the row at its
    end: a row that does not start with its 序号 and ends early lost cells on its left.
    How far it moves is told by what its cells look like (dates, units, people)."""
    width = len(roles)
    texts = [text for text, _ in cells]
    filled = len(texts)
    while filled and not texts[filled - 1]:
        filled -= 1
    short = filled < width and texts and texts[0] and not (roles[0] == "seq" and _SEQ_CELL.match(texts[0]))
    if short:
        lowest = _project_columns(roles) if roles[0] == "seq" else 0
        shift = best_shift(roles, texts[:filled], range(min(lowest, width - filled), width - filled + 1))
        cells = [("", cells[0][1])] * shift + cells[:filled]
    cells = cells[:max(width, filled)]
    return cells + [("", cells[-1][1] if cells else 0)] * (width - len(cells))


def _project_columns(roles) -> int:
    """How many leading columns hold project-level values (序号, 项目名称…) that a row may span."""
    spanned = 0
    for role in roles:
        if role not in PROJECT_ROLES:
            break
        spanned += 1
    return spanned


def _table_from_rows(rows, index):
    return Table([Row([Cell(text, Origin(line=number, table=index, row=r, column=c))
                       for c, (text, number) in enumerate(row)], Origin(line=row[0][1], table=index, row=r))
                  for r, row in enumerate(rows)], Origin(line=rows[0][0][1], table=index))


# --- cells apart by spaces ------------------------------------------------------

def _spaced_header(text: str):
    """The gap between the cells of a header line whose cells are apart by spaces, or None.

    Every label but one must be a header word: a paragraph with a double space is not a header."""
    if " " not in text.strip() and "\u3000" not in text or "\t" in text or "|" in text:
        return None
    for gap, least in ((_WIDE_GAP, 3), (_ANY_GAP, 4)):
        cells = _spaced_header_cells(text, gap)
        if len(cells) < least or (gap is _ANY_GAP and header_role(cells[0]) != "seq"):
            continue
        known = sum(1 for cell in cells if header_role(cell))
        if known >= least and known >= len(cells) - 1 and is_header_row(cells):
            return gap
    return None


def _spaced_header_cells(text: str, gap) -> list[str]:
    """A spaced header's cells; a piece with no word in it joins the next (`1-` + `8月实际完成情况`)."""
    cells: list[str] = []
    for piece in gap.split(text.strip()):
        if cells and not _HAN.search(cells[-1]):
            cells[-1] += piece
        else:
            cells.append(piece)
    return cells


def _read_spaced_table(lines, i, gap, index):
    """Rows are lines split at the header's gap. With a 序号 column a row starts at its
    number; a line between rows that holds one cell is a cell's wrapped text, one that
    holds more is a continuation row."""
    header = _spaced_header_cells(lines[i].text, gap)
    roles = column_roles(header)
    numbered = roles[0] == "seq"
    rows = [[(text, lines[i].number) for text in header]]
    starts = [_cell_starts(lines[i].text, gap)]
    expected = None
    k = i + 1
    while k < len(lines) and _spaced_line(lines[k]):
        cells = gap.split(lines[k].text.strip())
        number = _row_number(cells, expected) if numbered else None
        if number is not None or (not numbered and len(cells) > 1):
            expected = number + 1 if number is not None else None
        elif _is_heading_line(cells) and _spaced_row_follows(lines, _after_headings(lines, k), gap, expected, numbered):
            rows.append([(cells[0], lines[k].number)] + [("", lines[k].number)] * (len(header) - 1))
            starts.append(_cell_starts(lines[k].text, gap))
            k += 1
            continue
        elif len(rows) == 1 or not _spaced_row_follows(lines, _after_wrapped(lines, k, gap, expected if numbered else None),
                                                        gap, expected, numbered):
            break
        elif len(cells) == 1:
            _attach_wrapped(rows[-1], starts[-1], lines[k], roles)
            k += 1
            continue
        row = [(text, lines[k].number) for text in cells]
        rows.append(_aligned_row(_fold_surplus(row, len(header)), roles))
        starts.append(_cell_starts(lines[k].text, gap))
        k += 1
    if len(rows) == 1:
        return None
    return _table_from_rows(rows, index), k


def _after_wrapped(lines, k, gap, expected=None) -> int:
    """The first line after the run of one-cell lines from line k on (a cell wrapped over several:
    `区农业农村委` / `区林业局` / `区供销联社`), or of unnumbered rows of several cells in a numbered
    table (a project's second and third task), looking no further than a few."""
    end = min(len(lines), k + MAX_WRAPPED_LINES)
    while k < end and _spaced_line(lines[k]):
        cells = gap.split(lines[k].text.strip())
        if len(cells) > 1 and (expected is None or _row_number(cells, expected) is not None):
            break
        k += 1
    return k


def _is_heading_line(cells) -> bool:
    """A line that is one numbered heading (`一、经济社会发展主要预期目标`): a row grouping those below."""
    return len(cells) == 1 and bool(_HEADING_MARK.match(cells[0]))


def _after_headings(lines, k) -> int:
    """The first line after the heading lines from line k on (`二、重点工作` / `（一）以创建…`)."""
    while k < len(lines) and _spaced_line(lines[k]) and _is_heading_line(lines[k].text.split()):
        k += 1
    return k


def _spaced_line(line) -> bool:
    return not line.blank and not _TABLE_END.match(line.text) and "|" not in line.text and "\t" not in line.text


def _row_number(cells, expected):
    """The 序号 a line starts with when it is the next one (any number for the first row)."""
    match = _ROW_NUMBER.match(cells[0]) if len(cells) > 1 else None
    number = int(match.group(1)) if match else None
    return number if expected is None or number == expected else None


def _spaced_row_follows(lines, k, gap, expected, numbered) -> bool:
    """Whether the next line starts a row: a line between rows belongs to the table only then."""
    if k >= len(lines) or not _spaced_line(lines[k]):
        return False
    cells = gap.split(lines[k].text.strip())
    return _row_number(cells, expected) is not None if numbered else len(cells) > 1


def _cell_starts(text: str, gap) -> list[int]:
    indent = len(text) - len(text.lstrip())
    return [indent] + [indent + m.end() for m in gap.finditer(text.strip())]


def _attach_wrapped(row, starts, line, roles):
    """Add a wrapped line to a cell of the row above (never the 序号): the cell that starts
    nearest to it when the line is indented; a flush line, which tells no column, by what it
    holds: units to the unit column, other text to the cell the row's line lacked."""
    text = line.text.strip()
    indent = len(line.text) - len(line.text.lstrip())
    column = _column_by_kind(row, roles, text) if not indent else None
    if column is None:
        column = min(range(len(row)), key=lambda c: abs(starts[c] - indent) if c < len(starts) else len(line.text))
    if roles[column] == "seq" and len(row) > 1:
        column += 1
    before, number = row[column]
    row[column] = (before + "\n" + text if before else text, number)


def _column_by_kind(row, roles, text):
    kind = kind_of(text)
    if kind != "text":
        asking = [c for c, role in enumerate(roles) if LIST_KINDS.get(role) == kind]
        filled = [c for c in asking if row[c][0]]
        return filled[-1] if filled else (asking[0] if asking else None)
    filled = [c for c, (cell, _) in enumerate(row) if cell]
    return filled[-1] + 1 if filled and filled[-1] + 1 < len(row) else None


def _fold_surplus(row, width):
    """A row split into more cells than the header has (a cell holding spaces): the surplus joins the last cell."""
    if len(row) <= width:
        return row
    return row[:width - 1] + [(" ".join(text for text, _ in row[width - 1:]), row[width - 1][1])]


# --- one cell per line ------------------------------------------------------------

def _cell_text(line: _Line, piped: bool) -> str | None:
    """The cell a line of a one-cell-per-line table holds, or None when the line holds no such cell.

    Piped tables end every cell line with ``|`` and put a bare ``|`` between rows: that
    separator holds the empty string, which is skipped like a blank line."""
    text = line.text.strip()
    if piped:
        if not text.endswith("|"):
            return None
        text = text[:-1].strip()
        if "|" in text:
            return "" if not text.strip("|").strip() else None
        return text
    if "\t" in line.text or "|" in text:
        return None
    return text


def _cell_lines(lines, i, piped):
    """The non-empty cells from line i on, as (text, line number, index after the line),
    up to the first line that is not a cell."""
    while i < len(lines):
        if not lines[i].blank:
            text = _cell_text(lines[i], piped)
            if text is None:
                return
            if text:
                yield text, lines[i].number, i + 1
        i += 1


@functools.lru_cache(maxsize=4096)
def _is_label(text: str) -> bool:
    """Whether a line could be a column label: short, no sentence punctuation, not a number."""
    squashed = re.sub(r"\s", "", text)
    return (0 < len(squashed) <= MAX_LABEL and not _SENTENCE_MARK.search(text) and not _SEQ_CELL.match(text)
            and not _HEADING_MARK.match(text))


def _cell_per_line_header(lines, i, piped):
    """The header of a one-cell-per-line table starting at line i, as (cells, index after it), or None.

    The header is a run of label lines starting with a header word and holding at least
    three. A label wrapped over two lines (`责任` / `领导`) is one cell; a label no header
    word names (`当前进度`) is a column of its own when header words follow it, or when
    the first row's 序号 does. Two such labels in a row end the run."""
    first = _cell_text(lines[i], piped)
    if not first or not _starts_a_header(first):
        return None
    cells = _header_cells(_labels(lines, i, piped))
    if not cells or not header_role(cells[0][0]):
        return None
    known = [k for k, (text, _, _) in enumerate(cells) if header_role(text)]
    if not _first_row_follows(lines, cells[-1][2], piped) or header_role(cells[0][0]) != "seq":
        cells = cells[:known[-1] + 1]
    words = [text for text, _, _ in cells]
    if len(known) < 3 or not is_header_row(words):
        return None
    return _header_rows(lines, cells, piped), cells[-1][2]


def _header_rows(lines, cells, piped):
    """The header as rows of (text, line). A piped header whose labels a bare `|` splits into
    a longer upper run and a shorter lower one is two rows: the lower labels sit under the
    one upper label that spans them, repeated across them as a colspan would be."""
    header = [(text, number) for text, number, _ in cells]
    split = _header_split(lines, cells) if piped else None
    if split is None:
        return [header]
    upper, lower = header[:split], header[split:]
    span = _spanning(upper, lower)
    blank = [("", upper[0][1])]
    return [upper[:span] + upper[span:span + 1] * len(lower) + upper[span + 1:],
            blank * span + lower + blank * (len(upper) - span - 1)]


def _header_split(lines, cells):
    """Where a bare `|` between two header labels splits them, when it does once into
    an upper run and a shorter lower run of at least two labels."""
    splits = [k for k in range(1, len(cells))
              if any(_cell_text(line, True) == "" for line in lines[cells[k - 1][2]:cells[k][2] - 1])]
    if len(splits) != 1:
        return None
    split = splits[0]
    return split if 2 <= len(cells) - split < split else None


def _spanning(upper, lower) -> int:
    """The upper label spanning the lower ones: the last whose role is of their kind
    (`本月进展情况` over `在建形象进度`, `责任单位` over `牵头单位`), else the last."""
    kinds = {_role_kind(text) for text, _ in lower} - {None}
    spanning = [k for k, (text, _) in enumerate(upper) if k and _role_kind(text) in kinds]
    return spanning[-1] if spanning else len(upper) - 1


def _role_kind(text):
    role = header_role(text)
    return "units" if role in ("lead_units", "co_units", "units") else role


def _labels(lines, i, piped):
    """The label lines from line i on, as (text, line number, index after the line)."""
    for count, (text, number, after) in enumerate(_cell_lines(lines, i, piped)):
        if not _is_label(text) or count == MAX_HEADER_CELLS:
            return
        yield text, number, after


def _starts_a_header(text: str) -> bool:
    """Whether a line is a header word, or the start of one broken by a narrow column."""
    if len(text) > 2 * MAX_LABEL:  # letter-spaced labels (`目  标`) at most double in length
        return False
    return bool(header_role(text)) or re.sub(r"\s", "", text) in vocabulary.HEADER_WORD_STARTS


def _header_cells(labels):
    """Labels as header cells, a label wrapped onto the next line joined with it, up to
    the first two cells in a row that are no header words."""
    cells, pending = [], None
    for label in labels:
        if pending is None:
            pending = label
            continue
        if _wrapped(pending[0], label[0]):
            cells.append((pending[0] + "\n" + label[0], pending[1], label[2]))
            pending = None
        else:
            cells.append(pending)
            pending = label
        if _unknown_pair(cells):
            return cells[:-2]
    if pending is not None:
        cells.append(pending)
    return cells[:-2] if _unknown_pair(cells) else cells


def _unknown_pair(cells) -> bool:
    return len(cells) >= 2 and not header_role(cells[-1][0]) and not header_role(cells[-2][0])


# A run of short lines is looked at again from each of its lines: remember what was found.
@cached
def _wrapped(first: str, second: str) -> bool:
    """Whether two label lines are one header cell broken by a narrow column.

    They are when a header word runs across the break (`责任`+`领导`, `攻坚目标`+`任务`),
    when the first starts a header word and neither is one (`责任`+`科室`), or when the
    first only names a period (`第二季度`+`完成情况`), or when the second is a note in brackets
    (`总投资`+`(万元)`) or completes a label read by its head (`开工`+`时间`). Two header words of
    different roles stay two columns (`项目` then `内容`)."""
    if _PERIOD_LABEL.match(first) or (header_role(first) and _BRACKETED_NOTE.match(second)):
        return True  # `第二季度`+`完成情况`, `总投资`+`(万元)`
    first_role, second_role = header_role(first), header_role(second)
    if first_role and second_role and first_role != second_role:
        return False
    a, b = re.sub(r"\s", "", first), re.sub(r"\s", "", second)
    if not first_role and second_role and a.endswith(ORG_SUFFIXES) and header_role(a + b) == second_role:
        return True  # `区政府` + `分管领导`: whose leader the column names
    if _spans_a_header_word(a, b):
        return True
    # `开工`+`时间`: neither a header word alone, together one read by its head
    return not first_role and not second_role and (a in vocabulary.HEADER_WORD_STARTS or bool(header_role(a + b)))


def _spans_a_header_word(a: str, b: str) -> bool:
    joined = a + b
    return any(joined[start:end] in vocabulary.HEADER_WORD_SET
               for start in range(len(a)) for end in range(len(a) + 1, len(joined) + 1))


def _piped_rows(words, body, lone):
    """Rows of a piped table: a row between two bare `|` with a cell for every column is
    taken as it stands, and one short of cells without its 序号 lost them to rowspans on
    its left; any other run of cells is fitted to the columns by what it holds."""
    roles = column_roles(words)
    rows = []
    for run in _with_empty_cells(_runs(body), len(words), lone):
        if len(run) == len(words):
            rows.append(run)
        elif len(run) < len(words) and seq_number(run[0][0]) is None and _fits_aligned(run, roles):
            rows.append(_aligned_row(run, roles))
        elif len(run) < len(words) and seq_number(run[0][0]) is None and continuation_row(words, run):
            rows.append(continuation_row(words, run))
        else:
            rows.extend(fit_rows(words, run))
    return rows


def _runs(body):
    """The runs of cells between bare `|`, each with the line of the `|` that ends it."""
    runs, run = [], []
    for text, number in body + [("", None)]:
        if text:
            run.append((text, number))
        elif run:
            runs.append((run, number))
            run = []
    return runs


def _with_empty_cells(runs, width, lone):
    """The runs as rows. A lone `|` after a row short of cells, before cells that start no row,
    is an empty cell of that row (`慈化镇 |` / `|` / `已完工。 |`): what the row still lacks
    follows it, and the rest is a continuation row."""
    runs = list(runs)
    k = 0
    while k < len(runs):
        run, end = runs[k]
        following = runs[k + 1][0] if k + 1 < len(runs) else None
        starts = [n for n, (text, _) in enumerate(run) if seq_number(text) is not None]
        last_row = len(run) - starts[-1] if starts else width
        if (end in lone and following and last_row < width and seq_number(following[0][0]) is None
                and last_row + 1 + len(following) > width):
            taken = width - last_row - 1
            runs[k] = (run + [("", end)] + following[:taken], None)
            runs[k + 1] = (following[taken:], runs[k + 1][1])
        k += 1
    return [run for run, _ in runs if run]


def _signature_at(body, words):
    """Where a signature (`东湖区民政局` over `2022年12月20日`) follows the last row, or None.

    It does only when the last row is full without it: in a row short of cells those
    two lines are its unit and deadline."""
    dated = next((k for k in range(len(body) - 1, 0, -1) if _SIGNED_DATE.match(body[k][0])), None)
    if dated is None:
        return None
    signature = dated - 1
    text = body[signature][0]
    if len(text) > MAX_SIGNATURE or _SENTENCE_MARK.search(text):
        return None
    if header_role(words[0]) == "seq":
        starts = [k for k, (cell, _) in enumerate(body[:signature]) if seq_number(cell) is not None]
        filled = signature - starts[-1] if starts else 0
    else:
        filled = len(words) if signature and signature % len(words) == 0 else 0
    return signature if filled >= len(words) else None


def _fits_aligned(run, roles) -> bool:
    """Whether a short run moved right puts some unit, person or date under its column:
    without such a sign its place is no surer than what fitting by looks gives."""
    aligned = _aligned_row(run, roles)
    return fit_score(roles, [text for text, _ in aligned]) > 0


def _first_row_follows(lines, i, piped) -> bool:
    """Whether the next cell after line i is a first row's 序号 (`1`)."""
    following = next(_cell_lines(lines, i, piped), None)
    return following is not None and following[0].strip().rstrip(".、．") == "1"


def _read_cell_per_line_table(lines, i, header_rows, index, piped):
    width = len(header_rows[0])
    body = []
    while i < len(lines):
        line = lines[i]
        if not line.blank:
            if _TABLE_END.match(line.text):
                break
            text = _cell_text(line, piped) if piped else line.text.strip()
            if text is None:
                break
            if text or piped:  # a piped table's bare `|` ends a row
                body.append((text, line.number))
        i += 1
    words = [next(text for text, _ in reversed(column) if text) for column in zip(*header_rows)]
    signature = None if piped else _signature_at(body, words)
    if signature is not None:
        i = body[signature][1] - 1  # the signature and what follows it are paragraphs again
        body = body[:signature]
    lone = {number for text, number in body if not text and lines[number - 1].text.strip() == "|"}
    rows = header_rows + (_piped_rows(words, body, lone) if piped else fit_rows(words, body))
    flat = [([text], number) for row in rows for text, number in row]
    return _table_from_cells(flat, width, index), i
