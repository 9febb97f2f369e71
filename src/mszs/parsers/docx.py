"""Word (.docx) notices, read at the level of the body XML.

The sizes in the zip directory are checked first and a zip bomb is refused
before any part is inflated; then the three parts read (the document, its
numbering and its styles, found by the package's relationships as Word and
python-docx find them) are inflated a chunk at a time, never past the size the
directory claims (a directory that lies costs nothing). The other parts
(settings, theme, fonts, images) are never inflated. XML declaring a DOCTYPE is
refused, and none is parsed with entities, DTDs or network access. Spans are cut to the table's grid and all
tables together may hold at most ``MAX_TABLE_CELLS`` grid cells.
Paragraphs and tables come in body order. In a table, a horizontally merged
cell (``w:gridSpan``) fills every grid column it covers and a vertically
merged one (``w:vMerge``) every row, each copy pointing at the merge origin
through ``Cell.merged_from``. Paragraphs inside a cell become lines; a table
nested in a cell becomes one line per nested row. Headers, footers and text
boxes are not the notice, unless the body has no text but its text boxes do.
"""
from __future__ import annotations

import functools
import io
import posixpath
import zipfile
import zlib

from mszs.document import Cell, CellBudget, Document, Origin, Paragraph, Row, Table, check_block_count
from mszs.errors import EncryptedInput, TooLarge, UnreadableInput
from mszs.parsers.docx_numbering import ListNumbering

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (W + t for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
# Subtrees whose text is not part of the paragraph it sits in.
_SKIPPED = {W + "txbxContent", W + "del", W + "instrText", W + "rPr", W + "pPr", MC + "Fallback"}
# What the package may inflate to, by its zip directory: the XML parts become trees several
# times their size, the rest (images) stays bytes. A long notice's XML is a few megabytes.
MAX_XML_BYTES = 16 * 1024 * 1024
MAX_PACKAGE_BYTES = 256 * 1024 * 1024
# Word's own limit on a table's columns: spans (w:gridSpan, w:gridBefore) are cut to it, or to the
# table's grid (w:tblGrid) when that declares more (up to a thousand), so a span of 50,000,000
# cannot build as many cells.
MAX_GRID_COLUMNS = 63
MAX_DECLARED_COLUMNS = 1000
# Where a part's DOCTYPE would be: before its root element, after at most a few comments.
PROLOGUE_BYTES = 64 * 1024
_INFLATE_CHUNK = 1024 * 1024


def read_docx(data: bytes) -> Document:
    document, numbering, styles = _open(data)
    body = _body(document)
    check_block_count(sum(1 for _ in body.iter(_P)), "paragraphs")
    blocks = _read_blocks(body, ListNumbering(numbering, styles))
    if not any(isinstance(b, Table) or b.text for b in blocks):
        blocks = [Paragraph(text, Origin(line=i + 1)) for i, text in enumerate(_text_box_lines(body))]
    return Document(blocks=blocks, format="docx")


def _open(data: bytes):
    """The document part's XML, its numbering's (None when it has none), and a function giving its
    styles' (None when it has none)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_package(archive)
            package = _Package(archive)
            main = package.related("", _OFFICE_DOCUMENT)
            if main is None or package.content_type(main) != _WORD_DOCUMENT:
                raise ValueError(f"not a Word document (its main part is {main} of type "
                                 f"{package.content_type(main) if main else None})")
            numbering, styles = (package.related(main, kind) for kind in (_NUMBERING, _STYLES))
            return (package.xml(main), package.xml(numbering) if numbering else None,
                    functools.partial(_xml, inflated_part(archive, styles)) if styles else lambda: None)
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, zlib.error, NotImplementedError) as exc:
        raise UnreadableInput(f"a damaged or incomplete Word file ({exc})") from exc


_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELATED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_OFFICE_DOCUMENT, _NUMBERING, _STYLES = (_RELATED + kind for kind in ("officeDocument", "numbering", "styles"))
_WORD_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _xml(data: bytes):
    """A part's XML, parsed as python-docx parses it: blank text between elements dropped, no entities."""
    from lxml import etree

    try:
        return etree.fromstring(data, etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:  # (the styles part is parsed only when needed, after the reading began)
        raise UnreadableInput(f"a damaged or incomplete Word file ({exc})") from exc


class _Package:
    """The parts of a Word package, by its relationships and content types (Open Packaging Conventions)."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        types = self.xml("[Content_Types].xml")
        self.defaults = {d.get("Extension", "").lower(): d.get("ContentType") for d in types.iter(_CONTENT_TYPES + "Default")}
        self.overrides = {o.get("PartName", "").lower(): o.get("ContentType") for o in types.iter(_CONTENT_TYPES + "Override")}

    def xml(self, name: str):
        return _xml(inflated_part(self.archive, name))

    def related(self, source: str, kind: str) -> str | None:
        """The part a relationship of ``source`` (a part's name, "" for the package) of this kind names."""
        folder, name = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", name + ".rels")
        if rels not in self.archive.NameToInfo:
            return None
        for relationship in self.xml(rels).iter(_RELATIONSHIPS + "Relationship"):
            if relationship.get("Type") == kind and relationship.get("TargetMode") != "External":
                target = relationship.get("Target", "")
                return posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
        return None

    def content_type(self, name: str) -> str | None:
        return self.overrides.get("/" + name.lower()) or self.defaults.get(posixpath.splitext(name)[1][1:].lower())


def check_package(archive: zipfile.ZipFile, label: str = "a Word file", producer: str = "Word") -> None:
    """Refuse, before anything inflates and parses every part: a package whose zip directory
    says it inflates past the limits, an encrypted part, and XML that declares a DOCTYPE.
    ``label`` names the file with its article (a Word file, an OFD), ``producer`` what writes it.
    """
    the = "the" + label[label.index(" "):]
    entries = archive.infolist()
    xml = [e for e in entries if e.filename.endswith((".xml", ".rels"))]
    for size, limit, what in ((sum(e.file_size for e in xml), MAX_XML_BYTES, "XML"),
                              (sum(e.file_size for e in entries), MAX_PACKAGE_BYTES, "parts")):
        if size > limit:
            raise TooLarge(f"{the}'s {what} would inflate to {size:,} bytes, "
                           f"over the limit of {limit:,} (a zip bomb?)")
    if any(e.flag_bits & 0x1 for e in entries):
        raise EncryptedInput(f"{the} is encrypted with a password; save an unprotected copy")
    for entry in xml:
        with archive.open(entry) as part:
            if b"<!DOCTYPE" in part.read(PROLOGUE_BYTES):
                raise UnreadableInput(f"{label} whose {entry.filename} declares a DOCTYPE, which {producer} never "
                                      "writes (entities are not expanded)")


def inflated_part(archive: zipfile.ZipFile, entry: zipfile.ZipInfo | str) -> bytes:
    """One part, inflated in chunks, so that no more than its claimed size is ever inflated
    (``ZipFile.read`` inflates a part whole before cutting it to that size)."""
    chunks = []
    with archive.open(entry) as part:
        while chunk := part.read(_INFLATE_CHUNK):
            chunks.append(chunk)
    return b"".join(chunks)


def _body(root):
    body = root.find(W + "body")
    if root.tag != W + "document" or body is None:
        raise UnreadableInput("a damaged Word file (its document has no body)")
    return body


def _read_blocks(body, numbering: ListNumbering) -> list:
    blocks: list = []
    budget = CellBudget()
    line = 0
    for element in _block_elements(body):
        if element.tag == _TBL:
            index = sum(isinstance(b, Table) for b in blocks)
            blocks.append(read_table(element, index, budget))
            continue
        line += 1
        # A soft line break in a body paragraph separates lines as in the text version.
        # Auto-numbering labels (一、 （一） 1.) carry the outline the interpreter reads.
        for text in (numbering.label(element) + paragraph_text(element)).split("\n"):
            if text.strip():
                blocks.append(Paragraph(text.strip(), Origin(line=line)))
    return blocks


def _block_elements(parent):
    """Body-level paragraphs and tables in order, looking inside content controls."""
    for child in parent:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_elements(content)


def paragraph_text(p) -> str:
    """The visible text of a ``w:p``: runs, tabs as spaces, line breaks as ``\\n``."""
    parts: list[str] = []
    _collect_text(p, parts)
    return "".join(parts)


def _collect_text(element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag in (W + "tab", W + "ptab"):
            parts.append(" ")
        elif tag in (W + "br", W + "cr"):
            if child.get(W + "type") != "page":
                parts.append("\n")
        else:
            _collect_text(child, parts)


def read_table(tbl, index: int, budget: CellBudget) -> Table:
    rows: list[Row] = []
    columns = _grid_columns(tbl)
    for tr in tbl.iter(_TR):
        if _owner_table(tr) is not tbl:
            continue
        before = min(_grid_before(tr), columns)
        budget.spend(before)
        cells: list[Cell] = [Cell("", Origin(table=index, row=len(rows), column=c)) for c in range(before)]
        for tc in tr.iterchildren(_TC):
            cells.extend(_grid_cells(tc, rows, len(rows), len(cells), index, columns, budget))
        rows.append(Row(cells, Origin(table=index, row=len(rows))))
    width = max((len(row.cells) for row in rows), default=0)
    budget.spend(sum(width - len(row.cells) for row in rows))
    for row in rows:
        row.cells += [Cell("", Origin(table=index, row=row.origin.row, column=c)) for c in range(len(row.cells), width)]
    return Table(rows, Origin(table=index))


def _owner_table(tr):
    parent = tr.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent


def _grid_columns(tbl) -> int:
    """How many grid columns a row of the table may fill."""
    grid = tbl.find(W + "tblGrid")
    declared = 0 if grid is None else len(grid.findall(W + "gridCol"))
    return max(MAX_GRID_COLUMNS, min(declared, MAX_DECLARED_COLUMNS))


def _grid_cells(tc, rows: list[Row], r: int, column: int, index: int, columns: int,
                budget: CellBudget) -> list[Cell]:
    """The cells one ``w:tc`` fills: one per grid column it spans, within the table's ``columns``."""
    origin = Origin(table=index, row=r, column=column)
    above = rows[-1].cells[column] if rows and column < len(rows[-1].cells) else None
    if _continues_vertical_merge(tc) and above is not None:
        text, source = above.text, above.merged_from or above.origin
    else:
        text, source = cell_text(tc, budget), None
    span = max(1, min(_grid_span(tc), columns - column))
    budget.spend(span)
    first = Cell(text, origin, source)
    spanned = [Cell(text, Origin(table=index, row=r, column=column + k), source or origin) for k in range(1, span)]
    return [first, *spanned]


def cell_text(tc, budget: CellBudget) -> str:
    """Paragraphs of a cell as lines; a nested table as one line per row."""
    lines: list[str] = []
    for element in _block_elements(tc):
        if element.tag == _P:
            lines.extend(paragraph_text(element).split("\n"))
        else:
            nested = read_table(element, 0, budget)
            lines.extend(" ".join(t for t in row.texts if t.strip()) for row in nested.rows)
    return "\n".join(line.strip() for line in lines if line.strip())


def _tc_property(tc, name: str):
    tc_pr = tc.find(W + "tcPr")
    return None if tc_pr is None else tc_pr.find(W + name)


def _grid_span(tc) -> int:
    span = _tc_property(tc, "gridSpan")
    try:
        return max(1, int(span.get(W + "val"))) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _continues_vertical_merge(tc) -> bool:
    merge = _tc_property(tc, "vMerge")
    return merge is not None and merge.get(W + "val", "continue") == "continue"


def _grid_before(tr) -> int:
    tr_pr = tr.find(W + "trPr")
    before = None if tr_pr is None else tr_pr.find(W + "gridBefore")
    try:
        return int(before.get(W + "val")) if before is not None else 0
    except (TypeError, ValueError):
        return 0


def _text_box_lines(body) -> list[str]:
    lines = []
    for box in body.iter(W + "txbxContent"):
        if any(a.tag == MC + "Fallback" for a in box.iterancestors()):
            continue
        for p in box.iter(_P):
            lines.extend(t.strip() for t in paragraph_text(p).split("\n") if t.strip())
    return lines
