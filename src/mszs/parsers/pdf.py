"""PDF notices, read with pdfplumber page by page.

Ruled tables are found from their lines; a cell merged over rows or columns
appears once in the PDF, so the grid positions it covers get a copy of its
text with ``merged_from`` pointing at it. Text outside the tables becomes
paragraphs. A PDF knows lines, not paragraphs: a line runs on into the next
when the next line's first word would not have fitted after it (in a cell,
likewise against the cell's right edge), so a paragraph or a cell line
wrapped by the layout comes back whole. Page numbers and running headers are
dropped; fake-bold doubled characters are removed. Tables continued on the
next page are joined by the clean-up (``mszs.parsers.cleanup``).
"""
from __future__ import annotations

import bisect
import io
import itertools
import logging
import re
import zlib
from collections import Counter
from typing import Iterable, NamedTuple

from mszs.document import Cell, Document, Origin, Paragraph, Row, Table
from mszs.errors import EncryptedInput, NeedsOcr, TooLarge, UnreadableInput
from mszs.parsers.cleanup import ideographs, is_glyph_twin, is_page_number
from mszs.vocabulary import UNIT_ROLES, column_roles, is_header_row

# Longer PDFs are reports or archives, not one notice; each page takes a good part of a second.
MAX_PAGES = 1000
# pdfminer inflates a compressed stream whole, with no limit of its own: a stream that would
# inflate past this is refused first. Real content streams are kilobytes, scanned pages megabytes.
MAX_STREAM_BYTES = 256 * 1024 * 1024
_INFLATE_CHUNK = 16 * 1024 * 1024
# A dense page of text holds a few thousand characters; past this a page is built to exhaust memory.
MAX_PAGE_CHARACTERS = 200_000
# What delimits a content stream's (literal strings), nested or not, and its <hex strings>.
_STRING_EVENT = re.compile(rb"\\.|[()]|<[0-9A-Fa-f\s]*>", re.S)
_MAX_LAYERS = 8  # of /FlateDecode on one stream: real files have one
# A PDF holds objects (`4 0 obj`); a file that has none after its header (megabytes of padding)
# is refused at once instead of being scanned line by line by pdfminer's repair.
_OBJECT_END = re.compile(rb"\d+\s+\d+\s+obj$")
_OBJECT_NUMBERS = 40  # bytes before `obj` that hold its numbers
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3,
                  "join_tolerance": 3, "intersection_tolerance": 3}
# Characters closer than this (in points) belong to one word; CJK glyphs abut, so
# no spaces appear inside Chinese text, while a real space is wider.
X_TOLERANCE = 2.5
Y_TOLERANCE = 3
# Top and bottom share of the page where running headers and page numbers live.
MARGIN_SHARE = 0.1
# How many body lines must reach a point for it to count as the right edge of the text.
RIGHT_EDGE_LINES = 3
# A step down this many line pitches or more leaves a paragraph's spacing between two lines.
PARAGRAPH_STEP = 1.3
# Columns whose lines may each hold one name.
LIST_ROLES = (*UNIT_ROLES, "leaders")
_NAME_END = re.compile(r"[局委办院会队站所司心府团部厅处室馆行社厂场]$")
_NAME_START = re.compile(r"^(县|市|区|省|各|有关|相关|中国|国家)")
# What parts the names of a list (、，; or a space), and the longest name looked for in one.
_NAME_SEPARATOR = re.compile(r"[、，,；;\s]+")
_NAME_LENGTH = 24
_CID = re.compile(r"\(cid:\d+\)")
_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")
# Punctuation that may not start a line: the character before it moves down with it.
_NO_LINE_START = set("，。、；：？！）》」』%．,.;:?!)")
_NO_LINE_END = set("（《「『(")
_QUOTES = set("“”‘’\"'")
_SENTENCE_END = tuple("。！？；!?;")
_DATE_START = re.compile(r"^((\d{4}年)?\d{1,2}月|[一二三四五六七八九十]{1,2}月)")
_BEFORE_DATE = re.compile(r"[\d年于至到在]$")
_ENUMERATOR = re.compile(r"^(\d{1,3}[.、．](?!\d)|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）])")


# pdfminer logs a warning per character for some fonts (Chromium's lack a FontBBox): with a
# handler of its own they stay off a terminal's stderr unless the application configures logging.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def read_pdf(data: bytes, ocr: str = "auto") -> Document:
    """``ocr``: "auto" reads the pages without text by OCR (when the extra is installed),
    "always" every page, "never" none."""
    return read_layout((_recognised(page, data, ocr) for page in _open_pages(data)), "pdf", ocr)


def read_layout(sources: Iterable, fmt: str, ocr: str = "auto") -> Document:
    """Paragraphs and tables from pages: pdfplumber's, or a PositionedPage of OCR'd or OFD text."""
    pages = [_read_page(page) for page in sources]
    warnings = _text_layer_warnings(pages, fmt, ocr)
    furniture = _running_lines(pages)
    for page in pages:
        page["items"] = [item for item in page["items"]
                         if not isinstance(item, dict) or not _is_furniture(item, page, furniture)]
    right = _right_edge(pages)
    pitch = line_pitch([[item for item in page["items"] if isinstance(item, dict)] for page in pages])
    listed = _listed_names(item for page in pages for item in page["items"] if isinstance(item, _Grid))
    blocks: list = []
    lines: list[dict] = []  # body lines waiting to be joined into paragraphs
    previous = None  # (Table, _Grid, column roles) of the last block when it is a table
    for page in pages:
        for item in page["items"]:
            if isinstance(item, dict):
                lines.append(item)
                previous = None
                continue
            blocks.extend(_paragraphs(lines, right, pitch))
            lines = []
            roles = _column_roles(item, previous)
            table = _table(item, sum(isinstance(b, Table) for b in blocks), page["number"], roles, listed)
            if previous and _carry_split_row(previous, table, item, listed):
                # The rest of the row went back to its row; this page's table goes on after it.
                previous = (previous[0], item, roles)
                if not table.rows or _only_repeated_header(table, previous[0]):
                    continue
            blocks.append(table)
            previous = (table, item, roles)
    blocks.extend(_paragraphs(lines, right, pitch))
    unsure = [(page["number"], text, confidence) for page in pages for text, confidence in page["unsure"]]
    return Document(blocks=blocks, format=fmt, warnings=warnings, ocr=any(p["recognised"] for p in pages),
                    unsure=unsure)


def _recognised(page, data: bytes, ocr: str):
    """The page, or what OCR reads on its image: under "auto" when it has images and no text
    (and OCR is installed), under "always" every page."""
    from mszs.parsers import ocr as scans

    if ocr == "never" or (ocr == "auto" and (page.chars or not page.images or not scans.available())):
        return page
    scans.require(ocr, "a scanned PDF")
    return scans.recognise_pdf_page(data, page.page_number)


def _open_pages(data: bytes):
    """Each page, closed again once read so its caches are released."""
    _check_streams(data)
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedInput("the PDF is encrypted with a password; save an unprotected copy") from exc
        raise UnreadableInput(f"a damaged PDF ({cause or type(cause).__name__})") from exc
    with pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise TooLarge(f"the PDF has {len(pdf.pages):,} pages, over the {MAX_PAGES:,} a notice may have")
        for page in pdf.pages:
            _check_page_text(page)
            try:
                yield page
            finally:
                page.close()


def _check_streams(data: bytes) -> None:
    if not _has_object(data):
        raise UnreadableInput("a damaged PDF (no objects after its header)")
    for start in _stream_starts(data):
        end = data.find(b"endstream", start)
        if _inflated_size(memoryview(data)[start:end if end >= 0 else len(data)]) > MAX_STREAM_BYTES:
            raise TooLarge(f"the PDF has a stream that would inflate past {MAX_STREAM_BYTES:,} bytes (a zip bomb?)")


def _check_page_text(page) -> None:
    """Refuse a page whose content shows more characters than a page can hold, before pdfminer
    builds an object of a kilobyte or more for each (3,000,000 in one Tj took 4 GB)."""
    from pdfminer.pdftypes import resolve1

    shown = sum(_shown_bytes(resolve1(stream).get_data()) for stream in page.page_obj.contents)
    if shown > MAX_PAGE_CHARACTERS:
        raise TooLarge(f"page {page.page_number} of the PDF shows {shown:,} characters, over the "
                       f"{MAX_PAGE_CHARACTERS:,} a page may hold")


def _shown_bytes(data: bytes) -> int:
    """The bytes inside the strings of a content stream: a bound on the characters it shows.
    Literal strings may nest (``(a(b)c)``) and escape parentheses (``\\)``)."""
    total = depth = start = 0
    for event in _STRING_EVENT.finditer(data):
        token = event.group()
        if token == b"(":
            start = event.end() if depth == 0 else start
            depth += 1
        elif token == b")" and depth:
            depth -= 1
            total += 0 if depth else event.start() - start
        elif token[:1] == b"<" and depth == 0:
            total += len(token) // 2
    return total + (len(data) - start if depth else 0)


# Both searches go by bytes.find, which skips megabytes in milliseconds; a regular expression
# starting with \d or a lookbehind tries every position and takes seconds on 200 MB of padding.

def _has_object(data: bytes) -> bool:
    at = data.find(b"obj")
    while at >= 0:
        if _OBJECT_END.search(data, max(0, at - _OBJECT_NUMBERS), at + 3):
            return True
        at = data.find(b"obj", at + 3)
    return False


def _stream_starts(data: bytes):
    """Where the data of each ``stream`` begins (after ``stream`` and its line end)."""
    at = data.find(b"stream")
    while at >= 0:
        after = at + len(b"stream")
        line_end = b"\r\n" if data.startswith(b"\r\n", after) else b"\n"
        if data[max(0, at - 3):at] != b"end" and data.startswith(line_end, after):
            yield after + len(line_end)
        at = data.find(b"stream", after)


def _inflated_size(stream) -> int:
    """How much a zlib stream inflates to, every layer counted (``/Filter [/FlateDecode
    /FlateDecode]`` turns a megabyte into a gigabyte, and pdfminer holds each layer whole),
    a chunk at a time up to just past the limit."""
    total = [0]
    layer = _inflate([stream], total)
    for _ in range(_MAX_LAYERS - 1):
        first = next(layer, b"")
        if not _is_zlib(first):
            break
        layer = _inflate(itertools.chain([first], layer), total)
    for _ in layer:  # the innermost layer pulls the outer ones through
        pass
    return total[0]


def _inflate(chunks, total: list[int]):
    """Inflate zlib data arriving in ``chunks``, a chunk at a time, adding the sizes to ``total[0]``;
    stops past the limit, and at data that is not zlib (an image, an encrypted stream) or is
    damaged: pdfminer decides about those."""
    inflater = zlib.decompressobj()
    try:
        for data in chunks:
            while data:
                out = inflater.decompress(data, _INFLATE_CHUNK)
                data = inflater.unconsumed_tail
                if not out:
                    break
                total[0] += len(out)
                yield out
                if total[0] > MAX_STREAM_BYTES:
                    return
    except zlib.error:
        return


def _is_zlib(data: bytes) -> bool:
    """Whether ``data`` starts with a zlib header (deflate, a header checksum divisible by 31)."""
    return len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0


# --- one page ------------------------------------------------------------------------------------

def _read_page(page) -> dict:
    """Lines outside tables and the tables of one page, top to bottom."""
    clean = page.dedupe_chars() if _has_doubled_chars(page.chars) else page
    _read_glyph_twins_as_ideographs(clean.chars)
    cuts = _open_table_ends(clean.edges)
    found = clean.find_tables(dict(TABLE_SETTINGS, explicit_horizontal_lines=cuts))
    boxes = [t.bbox for t in found]
    chars = [c for c in clean.chars if c["upright"] and _box_of(c, boxes) is None]
    items: list = [dict(line, page=page.page_number) for line in _lines(chars)]
    items += [_Grid(table, clean.chars, cuts) for table in found]
    items.sort(key=lambda item: item["top"] if isinstance(item, dict) else item.bbox[1])
    return {
        "number": page.page_number,
        "height": float(page.height),
        "width": float(page.width),
        "items": items,
        "chars": len(page.chars),
        "cid": sum(len(_CID.findall(c["text"])) for c in page.chars),
        "scanned": not page.chars and bool(page.images),
        "unsure": list(getattr(page, "unsure", ())),
        "recognised": getattr(page, "recognised", False),
    }


def _open_table_ends(edges: list[dict]) -> list[dict]:
    """Rules closing a table where the page cut it: a browser leaves a row split by the page
    break without its bottom border (and the rest of it without a top one), so the column
    rules run out where no horizontal rule meets them, and no cell would close. A rule is
    ``bare`` where no border at all was drawn, the row itself cut; a cell spanning rows
    across the break leaves a gap in a border drawn under the others."""
    snap = TABLE_SETTINGS["snap_tolerance"]
    rules = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] > snap]
    ends: dict[float, list[float]] = {}
    for edge in edges:
        if edge["orientation"] == "v":
            for y in (edge["top"], edge["bottom"]):
                ends.setdefault(round(y), []).append(edge["x0"])
    closing = []
    for y, xs in ends.items():
        x0, x1 = min(xs), max(xs)
        level = [r for r in rules if abs(r["top"] - y) <= snap and r["x1"] > x0 and r["x0"] < x1]
        if len(xs) > 1 and not _ruled(x0, x1, level):
            closing.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0,
                            "orientation": "h", "object_type": "line", "bare": not level})
    return closing


def _ruled(x0: float, x1: float, rules: list[dict]) -> bool:
    """Whether horizontal rules, one or several end to end (a border per cell), run from x0 to x1."""
    snap = TABLE_SETTINGS["snap_tolerance"]
    reached = x0
    for rule in sorted(rules, key=lambda r: r["x0"]):
        if rule["x0"] > reached + snap:
            return False
        reached = max(reached, rule["x1"])
    return reached >= x1 - snap


def _read_glyph_twins_as_ideographs(chars: list[dict]) -> None:
    """Give the characters a font mapped to their look-alikes (⾼ for 高) their own code points,
    before header words are looked for."""
    for char in chars:
        if is_glyph_twin(char["text"]):
            char["text"] = ideographs(char["text"])


def _has_doubled_chars(chars: list[dict]) -> bool:
    """Whether a character is printed twice within a point of itself (fake bold): only then is
    dedupe_chars worth its cost, a fifth of the time of reading a page."""
    seen: dict[str, set[complex]] = {}  # each text's places, as x + yj (exact: whole points)
    for char in chars:
        place = complex(round(char["x0"]), round(char["top"]))
        places = seen.setdefault(char["text"], set())
        if not places.isdisjoint(map(place.__add__, _NEIGHBOURS)):  # (the nine places looked up in C)
            return True
        places.add(place)
    return False


_NEIGHBOURS = [complex(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]


def _inside(char: dict, box) -> bool:
    return _box_of(char, (box,)) is not None


def _box_of(char: dict, boxes) -> tuple | None:
    """The first of the boxes holding the character's centre (its centre reckoned once, the boxes
    tested inline: a call for each character and box cost more than the test)."""
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    for box in boxes:
        if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            return box
    return None


def _lines(chars: list[dict]) -> list[dict]:
    """The text lines of these characters, each kept as little as the joining needs: its text,
    box, whether it broke at a space, and the width of its first unbreakable piece (``lead``).
    pdfplumber's character dicts are dropped with the page: kept, they were most of the memory."""
    from pdfplumber.utils.text import chars_to_textmap

    if not chars:
        return []
    textmap = chars_to_textmap(chars, x_tolerance=X_TOLERANCE, y_tolerance=Y_TOLERANCE)
    blanks = sorted((c["top"], c["x0"]) for c in chars if not c["text"].strip())
    lines = []
    for line in textmap.extract_text_lines(strip=False):
        inked = [c for c in line["chars"] if c["text"].strip()]
        if inked:
            x1 = max(c["x1"] for c in inked)
            lines.append({"text": line["text"].strip(), "x0": inked[0]["x0"], "x1": x1, "top": line["top"],
                          "bottom": line["bottom"], "spaced": _ends_in_blank(line, x1, blanks),
                          "lead": _first_word_width(inked)})
    return lines


def _ends_in_blank(line: dict, x1: float, blanks: list[tuple[float, float]]) -> bool:
    """Whether the layout broke the line at a space, so that 县水务局 徽矿集团 stays two names.

    The space is looked for among the blank characters (``(top, x0)``, sorted) just after
    the line's last inked one: the text of a line leaves it out, and the content stream
    may hold it anywhere."""
    if line["text"] != line["text"].rstrip():
        return True
    start = bisect.bisect_left(blanks, (line["top"] - Y_TOLERANCE,))
    end = bisect.bisect_right(blanks, (line["top"] + Y_TOLERANCE, float("inf")))
    return any(x1 - X_TOLERANCE <= x0 <= x1 + X_TOLERANCE for _, x0 in blanks[start:end])


def _text_layer_warnings(pages: list[dict], fmt: str = "pdf", ocr: str = "auto") -> list[str]:
    """Raise NeedsOcr when the file has no readable text; warn about pages that lack some."""
    from mszs.parsers.ocr import missing_hint

    chars = sum(p["chars"] for p in pages)
    cid = sum(p["cid"] for p in pages)
    if not chars and any(p["recognised"] for p in pages):
        raise UnreadableInput(f"OCR found no text on the {fmt.upper()}'s page images")
    if not chars:
        raise NeedsOcr(f"the {fmt.upper()} has no text layer (a scanned image?); OCR is needed to read it: "
                       f"{missing_hint(ocr)}")
    if cid * 2 > chars:
        raise NeedsOcr(f"the {fmt.upper()}'s fonts have no character map (text comes out as (cid:NNN)); "
                       f"OCR is needed: {missing_hint(ocr, undecodable=True)}")
    warnings = [f"page {p['number']} has no text layer (a scan?); its content is missing; OCR is needed: "
                f"{missing_hint(ocr)}" for p in pages if p["scanned"]]
    if cid:
        warnings.append(f"{cid} characters could not be decoded (a font without a character map); they read as (cid:NNN)")
    return warnings


# --- page furniture ----------------------------------------------------------------------------------

def _running_lines(pages: list[dict]) -> set[str]:
    """Texts printed in the top or bottom margin of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    seen = Counter()
    for page in pages:
        seen.update({_furniture_key(line["text"]) for line in page["items"]
                     if isinstance(line, dict) and _in_margin(line, page)})
    return {text for text, count in seen.items() if count * 2 > len(pages)}


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+|\s+", "", text)


def _in_margin(line: dict, page: dict) -> bool:
    return line["bottom"] < page["height"] * MARGIN_SHARE or line["top"] > page["height"] * (1 - MARGIN_SHARE)


def _is_furniture(line: dict, page: dict, running: set[str]) -> bool:
    if not _in_margin(line, page):
        return False
    return is_page_number(line["text"]) or _furniture_key(line["text"]) in running


# --- paragraphs --------------------------------------------------------------------------------------

def _right_edge(pages: list[dict]) -> float:
    """Where body lines end when the layout wraps them: as far as several lines reach (one
    line may overshoot: a date placed by spaces, a symbol hung in the margin), or the page
    width less the left margin when fewer lines are that long."""
    lines = [item for page in pages for item in page["items"] if isinstance(item, dict)]
    if not lines:
        return 0.0
    mirrored = max(page["width"] for page in pages) - min(line["x0"] for line in lines)
    reached = sorted((line["x1"] for line in lines), reverse=True)
    return max(mirrored, reached[min(RIGHT_EDGE_LINES, len(reached)) - 1])


def _paragraphs(lines: list[dict], right: float, pitch: float | None) -> list[Paragraph]:
    return [Paragraph(text, Origin(page=first["page"])) for text, first in _joined(lines, right, pitch)]


def line_pitch(groups: list[list[dict]]) -> float | None:
    """The distance from one line to the next inside a paragraph: the smallest that recurs.

    Where paragraphs are spaced apart, a larger step down starts a new one.
    """
    steps = sorted(b["top"] - a["top"] for lines in groups for a, b in zip(lines, lines[1:]) if b["top"] > a["top"])
    return next((step for step, following in zip(steps, steps[1:]) if following - step < 0.5), None)


def _joined(lines: list[dict], right: float, pitch: float | None,
            names: frozenset[str] | None = None) -> list[tuple[str, dict]]:
    """Lines run together where the layout wrapped them: (text, first line) per paragraph.

    ``names``, for a list of names, holds the names the document lists (``_listed_names``):
    there a full line may also end a name where the next begins (``_names_apart``).
    """
    out: list[tuple[str, dict]] = []
    previous = None
    for k, line in enumerate(lines):
        if previous is not None and _wrapped(previous, line, right, pitch) \
                and not (names is not None and _names_apart(out[-1][0], lines, k, names)):
            text, first = out[-1]
            out[-1] = (_concat(text, line["text"], previous["spaced"]), first)
        else:
            out.append((line["text"], line))
        previous = line
    return out


def _names_apart(text: str, lines: list[dict], start: int, listed: frozenset[str]) -> bool:
    """In a list of names, whether a full line ending ``text`` ends one name and ``lines[start]``
    starts another: the text ends like a name (…局) and the line starts like one (县…), or the
    names on either side of the break are each listed on their own elsewhere in the document,
    and not as one (县水务局 | 徽矿集团). A layout that wraps a line at the space between two
    names drops the space, so only the names themselves tell."""
    tail = text[-_NAME_LENGTH - 1:]  # no name reaches further back: a long cell costs no more
    if _NAME_END.search(tail) and _NAME_START.match(lines[start]["text"]):
        return True
    before = _NAME_SEPARATOR.split(tail)[-1]
    if before not in listed:
        return False
    after = _first_name(lines, start)
    return after in listed and before + after not in listed


def _first_name(lines: list[dict], start: int) -> str:
    """The text of the lines from ``start`` on, up to its first separator, as far as a name may reach."""
    text = ""
    for line in lines[start:start + _NAME_LENGTH]:  # a line holds a character at least
        text += line["text"]
        if len(text) > _NAME_LENGTH or _NAME_SEPARATOR.search(line["text"]):
            break
    return _NAME_SEPARATOR.split(text, maxsplit=1)[0]


def _listed_names(grids: Iterable[_Grid]) -> frozenset[str]:
    """The names the document's tables list between separators (县水务局 in …、县水务局、…).
    A name may run over a line end (县水|务局) where the line does not end like a name: two
    names a lost space ran together (县水务局|徽矿集团) are not taken for one. A page break
    may have cut a cell at the top of a table (its first row, or the one under a repeated
    header) and one at its foot whose text fills it to the bottom: their first and last
    pieces are no evidence."""
    snap = TABLE_SETTINGS["snap_tolerance"]
    listed = set()
    for grid in grids:
        second_row_end = grid.rows[min(1, len(grid.rows) - 1)].bbox[3]
        for box, lines in grid.lines.items():
            if not lines:
                continue
            last = lines[-1]
            at_top = box[1] < second_row_end - snap
            at_foot = box[3] > grid.bbox[3] - snap and box[3] - last["bottom"] < last["bottom"] - last["top"]
            pieces = _NAME_SEPARATOR.split("\0".join(line["text"] for line in lines))  # \0: a line end
            # int(): OCR gives numpy coordinates, whose comparisons cannot index a list
            for piece in pieces[int(at_top):len(pieces) - int(at_foot)]:
                *wrapped, _ = parts = piece.split("\0")
                name = "".join(parts)
                if len(name) <= _NAME_LENGTH and _NAME_END.search(name) \
                        and not any(_NAME_END.search(part) for part in wrapped):
                    listed.add(name)
    return frozenset(listed)


def _wrapped(line: dict, following: dict, right: float, pitch: float | None = None) -> bool:
    """Whether ``following`` continues ``line``: its first word would not have fitted after it.

    Layout engines leave up to about a character of room at the end of a wrapped
    line, so a line that ends a sentence needs clearly less room to count as wrapped.
    A line starting with an enumerator (``16.``, ``三、``, ``（二）``), or with a date
    (``7月底，…``) unless the line before leads into one (``…2021年``, ``…于``),
    starts a paragraph.
    """
    if pitch and following["top"] - line["top"] > pitch * PARAGRAPH_STEP:
        return False
    if line["spaced"]:
        return True  # the layout broke the line at a space
    ends_sentence = line["text"].rstrip("”’\"'").endswith(_SENTENCE_END)
    if _ENUMERATOR.match(following["text"]):
        return False
    if _DATE_START.match(following["text"]) and not _BEFORE_DATE.search(line["text"]):
        return False
    room = right - line["x1"]
    width = following["lead"]
    if room < width:
        return True
    return room < width + 1.5 and not ends_sentence


def _first_word_width(chars: list[dict]) -> float:
    """Width of what cannot be broken at the start of a line of inked characters: one CJK
    character with the punctuation that may not start a line, a Latin word, or anything glued
    by quotes."""
    end = 0
    while end + 1 < len(chars) and _glued(chars[end], chars[end + 1]):
        end += 1
    return chars[end]["x1"] - chars[0]["x0"]


def _glued(char: dict, following: dict) -> bool:
    a, b = char["text"], following["text"]
    if b in _NO_LINE_START or a in _NO_LINE_END or b in _QUOTES or a in _QUOTES:
        return True
    if not _CJK.match(a) and not a.isalnum() and a not in _NO_LINE_START:
        return True  # a symbol such as + or # stays with what follows
    return not _CJK.match(a) and not _CJK.match(b) and following["x0"] - char["x1"] < X_TOLERANCE


def _concat(text: str, more: str, spaced: bool = False) -> str:
    """Join a wrapped line: no space between CJK unless the line broke at one, one between Latin words."""
    if not spaced and (_CJK.match(text[-1:]) or _CJK.match(more[:1]) or text.endswith("-")):
        return text + more
    return text + " " + more


# --- tables ------------------------------------------------------------------------------------------

class _Band(NamedTuple):
    """A row or column of a table: its box and the boxes of its cells (None where a merged cell
    starting elsewhere covers it)."""

    bbox: tuple
    cells: tuple


class _Grid:
    """A table's geometry with the lines of each cell, rejoined where the cell wrapped them.

    Plain tuples, not pdfplumber's objects, which hold on to the page and its characters."""

    def __init__(self, table, chars: list[dict], cuts: list[dict] = ()):
        self.bbox = tuple(table.bbox)
        # Whether the page cut the table above or below (its rule there was added by _open_table_ends).
        snap = TABLE_SETTINGS["snap_tolerance"]
        self.cut_above = any(cut["bare"] and abs(cut["top"] - self.bbox[1]) <= snap for cut in cuts)
        self.cut_below = any(cut["bare"] and abs(cut["top"] - self.bbox[3]) <= snap for cut in cuts)
        self.rows = [_Band(tuple(row.bbox), tuple(row.cells)) for row in table.rows]
        self.columns = [_Band(tuple(column.bbox), tuple(column.cells)) for column in table.columns]
        boxes = [cell for row in table.rows for cell in row.cells if cell]
        inside: dict = {box: [] for box in boxes}
        for char in chars:
            box = _box_of(char, boxes) if _box_of(char, (self.bbox,)) else None  # (most are outside a small table)
            if box is not None and char["upright"]:
                inside[box].append(char)
        self.lines = {box: _lines(cell_chars) for box, cell_chars in inside.items()}
        self.pitch = line_pitch(list(self.lines.values()))
        # The furthest any line reaches in the cells ending at each right border.
        self.reached: dict[int, float] = {}
        for box, lines in self.lines.items():
            for line in lines:
                self.reached[round(box[2])] = max(self.reached.get(round(box[2]), 0.0), line["x1"])

    def text(self, box, names: frozenset[str] | None = None) -> str:
        """The cell's text, wrapped lines joined; ``names``, the names the document lists, for a
        cell listing names."""
        return "\n".join(text for text, _ in _joined(self.lines[box], self.right(box), self.pitch, names))

    def right(self, box) -> float:
        """Where the cell's text ends: its right border less the padding seen on the left, or
        the furthest a line in the column reaches when that is less by under a character (the
        padding on the right was wider)."""
        lines = self.lines[box]
        if not lines:
            return box[2]
        border = box[2] - max(min(line["x0"] for line in lines) - box[0], 0)
        reached = self.reached[round(box[2])]
        character = min(line["bottom"] - line["top"] for line in lines)
        return reached if border - character < reached < border else border

    def covering(self, r: int, c: int):
        """The cell box over grid position (r, c), whichever row and column it starts in."""
        row_box = self.rows[r].bbox
        column_box = self.columns[c].bbox
        point = {"x0": (column_box[0] + column_box[2]) / 2, "x1": (column_box[0] + column_box[2]) / 2,
                 "top": (row_box[1] + row_box[3]) / 2, "bottom": (row_box[1] + row_box[3]) / 2}
        return next((box for box in self.lines if _inside(point, box)), None)

    def start(self, box) -> tuple[int, int]:
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row.cells):
                if cell == box:
                    return r, c
        return 0, 0


def _carry_split_row(previous: tuple, table: Table, grid: _Grid, listed: frozenset[str]) -> bool:
    """Move the rest of a row the page break split back into the row it belongs to.

    A table the page cut below (no border closes it) goes on with the rest of its last row
    in the first row of a table the page cut above. Where the page left the borders, the
    first row of a continued table, after any repeated header, is the rest when it reads so
    (``_looks_carried``); when it is a row of its own, a merged cell it starts may still
    carry on the previous page's (``_continue_cut_spans``).
    """
    last_table, last_grid, roles = previous
    if last_table.rows[-1].origin.page >= table.origin.page:
        return False
    cut = last_grid.cut_below and grid.cut_above
    skip = 0 if cut else 1 if _only_repeated_header(Table(table.rows[:1]), last_table) else 0
    if not cut and len(table.rows) <= skip:
        return False
    if not cut and not _looks_carried(previous, table, grid, skip):
        _continue_cut_spans(previous, table, grid, skip, listed)
        return False
    rest, last = table.rows[skip], last_table.rows[-1]
    for c, cell in enumerate(rest.cells):
        if not cell.text.strip():
            continue
        above = last.cells[c]
        if not above.text:
            text = cell.text
        elif _wraps_into(last_grid, grid, skip, c, listed if c < len(roles) and roles[c] in LIST_ROLES else None):
            text = _concat(above.text, cell.text)
        else:
            text = above.text + "\n" + cell.text
        for copy in _copies(last_table, _source(above)):
            copy.text = text
    _continue_spans(table, skip, last)
    del table.rows[skip]
    return True


def _source(cell: Cell) -> Origin:
    """Where a cell's text starts: its own origin, or that of the merged cell it is part of."""
    return cell.merged_from or cell.origin


def _copies(table: Table, source: Origin) -> list[Cell]:
    """The cells of ``table`` that show the merged cell starting at ``source``."""
    return [cell for row in table.rows for cell in row.cells if _source(cell) == source]


def _continue_spans(table: Table, row: int, last: Row) -> None:
    """The cells below ``table``'s ``row`` that a merged cell starting in it spans (a project
    name spanning its tasks) are that cell in ``last``, the row the page break split: they show
    its whole text (大力扶持就 and 业创业 as 大力扶持就业创业) and point to where it starts."""
    continued = {}
    for above, cell in zip(last.cells, table.rows[row].cells):
        continued.setdefault(_source(cell), above)
    for below in table.rows[row + 1:]:
        for cell in below.cells:
            above = continued.get(cell.merged_from)
            if above is not None:
                cell.text, cell.merged_from = above.text, _source(above)


def _looks_carried(previous: tuple, table: Table, grid: _Grid, row: int) -> bool:
    """Whether ``table``'s ``row``, under a rule, still reads as the rest of the previous
    table's last row: its first column empty, and text in one column only, or every filled
    cell carrying on a wrapped line, or one cell (not a list of names) carrying on a sentence
    cut mid-way (a name broken over the page, 大力扶持就|业创业). A merged cell spanning the
    rows below says nothing of the row: it goes on over the next rows whether the row is
    carried on or starts a new task under the same name."""
    last_table, last_grid, roles = previous
    rest, last = table.rows[row], last_table.rows[-1]
    if rest.cells[0].text.strip() or len(rest.cells) != len(last.cells):
        return False
    filled = [c for c, cell in enumerate(rest.cells) if cell.text.strip()]
    own = [c for c in filled if c not in _spanning(grid, row)]
    wrapped = [c for c in own if _wraps_into(last_grid, grid, row, c)]
    return len(filled) == 1 or wrapped == own or any(
        not (c < len(roles) and roles[c] in LIST_ROLES) and not last.cells[c].text.endswith(_SENTENCE_END)
        for c in wrapped)


def _spanning(grid: _Grid, row: int) -> set[int]:
    """The columns where a merged cell starting in ``grid``'s ``row`` spans rows below it: it
    reaches past where the next row starts."""
    if row + 1 >= len(grid.rows):
        return set()
    next_top = grid.rows[row + 1].bbox[1] + TABLE_SETTINGS["snap_tolerance"]
    return {c for c, box in enumerate(grid.rows[row].cells) if box and box[3] > next_top}


def _continue_cut_spans(previous: tuple, table: Table, grid: _Grid, row: int, listed: frozenset[str]) -> None:
    """A continued table whose ``row`` starts a new row in the group of the previous page's last
    (its first column empty: the merged cell there goes on), under a merged cell that carries on
    the text the page cut (实施教育扩|优提质): that cell, above and below the break, shows the
    whole text, and the rows it spans point to where it starts."""
    last_table, last_grid, roles = previous
    first, last = table.rows[row], last_table.rows[-1]
    if first.cells[0].text.strip() or len(first.cells) != len(last.cells):
        return
    for c in _spanning(grid, row):
        above, cell = last.cells[c], first.cells[c]
        names = listed if c < len(roles) and roles[c] in LIST_ROLES else None
        if not cell.text.strip() or not _wraps_into(last_grid, grid, row, c, names):
            continue
        text = _concat(above.text, cell.text)
        for copy in _copies(last_table, _source(above)):
            copy.text = text
        for copy in _copies(table, _source(cell)):
            copy.text, copy.merged_from = text, _source(above)


def _only_repeated_header(table: Table, previous: Table) -> bool:
    return len(table.rows) == 1 and _squash(table.rows[0].texts) == _squash(previous.rows[0].texts)


def _wraps_into(last_grid: _Grid, grid: _Grid, row: int, column: int, names: frozenset[str] | None = None) -> bool:
    """Whether the cell at ``column`` of ``grid``'s ``row`` carries on the last row of ``last_grid``
    (``names``: the names the document lists, in a column listing names)."""
    above = last_grid.rows[-1].cells[column]
    below = grid.rows[row].cells[column]
    if not above or not below or not last_grid.lines[above] or not grid.lines[below]:
        return False
    last, first = last_grid.lines[above][-1], grid.lines[below][0]
    # Across the page break only the widths tell.
    return _wrapped(last, first, last_grid.right(above)) and not (
        names is not None and _names_apart(last_grid.text(above, names), grid.lines[below], 0, names))


def _squash(texts: list[str]) -> list[str]:
    return [re.sub(r"\s+", "", t) for t in texts]


def _column_roles(grid: _Grid, previous) -> list[str | None]:
    """What each column holds, from the header row, or the previous page's when it is not repeated."""
    header = [grid.text(box) if box else "" for box in grid.rows[0].cells]
    if is_header_row(header):
        return column_roles(header)
    if previous and len(previous[2]) == len(header):
        return previous[2]
    return [None] * len(header)


def _table(grid: _Grid, index: int, page: int, roles: list[str | None], listed: frozenset[str]) -> Table:
    """The grid as rows of cells; ``listed``: the names the document lists."""
    rows = []
    for r, row in enumerate(grid.rows):
        cells = []
        for c, box in enumerate(row.cells):
            origin = Origin(page=page, table=index, row=r, column=c)
            start = (r, c) if box else None
            if box is None:
                box = grid.covering(r, c)
                start = grid.start(box) if box else None
            if box is None:
                cells.append(Cell("", origin))
                continue
            text = grid.text(box, names=listed if roles[start[1]] in LIST_ROLES else None)
            source = None if start == (r, c) else Origin(page=page, table=index, row=start[0], column=start[1])
            cells.append(Cell(text, origin, source))
        rows.append(Row(cells, Origin(page=page, table=index, row=r)))
    return Table(rows, Origin(page=page, table=index))
