"""The format-neutral document every reader produces and the interpreter reads.

A document is a flat sequence of blocks in reading order: paragraphs and
tables. Every block and cell carries an :class:`Origin` saying where in the
source it came from, so that an interpreted task can be traced back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Union

from mszs.errors import TooLarge

# Grid cells all the tables of one document may hold once spans are expanded: the longest real
# notices' tables hold a few thousand; spans built to blow up (colspan=1000 on every cell, a
# gridSpan of 50,000,000) would hold millions and take gigabytes.
MAX_TABLE_CELLS = 100_000
# Lines or paragraphs one document may have: the longest real notices have a few thousand; a file
# of millions of short lines (9 MB of them) costs a gigabyte and minutes to read and interpret.
MAX_BLOCKS = 50_000


class Origin(NamedTuple):
    """Where a piece of text came from. Unknown coordinates stay None.

    A named tuple: readers make one for every paragraph, row and cell, and a
    frozen dataclass takes twice as long to build."""

    line: int | None = None  # 1-based line in a text file
    page: int | None = None  # 1-based page (PDF)
    table: int | None = None  # 0-based table index within the document
    row: int | None = None  # 0-based row within the table
    column: int | None = None  # 0-based column within the row

    def describe(self) -> str:
        parts = [f"{name} {value}" for name, value in self._asdict().items() if value is not None]
        return ", ".join(parts) or "unknown"


@dataclass
class Paragraph:
    text: str
    origin: Origin = field(default_factory=Origin)


@dataclass
class Cell:
    """One table cell. Line breaks inside the cell are kept as ``\\n``.

    ``merged_from`` is set when the cell's text was copied from the origin of a
    horizontal or vertical merge (gridSpan/vMerge, colspan/rowspan).
    """

    text: str
    origin: Origin = field(default_factory=Origin)
    merged_from: Origin | None = None


@dataclass
class Row:
    cells: list[Cell]
    origin: Origin = field(default_factory=Origin)

    @property
    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells]


@dataclass
class Table:
    rows: list[Row]
    origin: Origin = field(default_factory=Origin)


Block = Union[Paragraph, Table]


@dataclass
class Document:
    """What a reader hands to the interpreter."""

    blocks: list[Block]
    format: str  # text | html | docx | pdf | doc | ofd | image
    ocr: bool = False  # some of the text was read by OCR from page images
    # Lines OCR read with low confidence: (page, text, confidence).
    unsure: list[tuple[int, str, float]] = field(default_factory=list)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    # Metadata a reader found outside the body (an HTML 发布机构 box, say): name → value.
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


class CellBudget:
    """What is left of :data:`MAX_TABLE_CELLS` while a reader expands a document's tables;
    spent before the cells are built, so a table too large is refused, not built."""

    def __init__(self, cells: int = MAX_TABLE_CELLS):
        self.limit = self.left = cells

    def spend(self, cells: int) -> None:
        self.left -= cells
        if self.left < 0:
            raise TooLarge(f"the tables expand to more than {self.limit:,} cells, far more than a notice has "
                           "(spans built to blow up?)")


def check_block_count(count: int, what: str) -> None:
    """Refuse a document of more than :data:`MAX_BLOCKS` lines or paragraphs."""
    if count > MAX_BLOCKS:
        raise TooLarge(f"{count:,} {what}, over the {MAX_BLOCKS:,} a notice may have")
