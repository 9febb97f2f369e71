"""A page built from positioned text and ruling lines, for the PDF reader's layout code.

OCR (recognised lines with their boxes) and OFD (text objects placed by their
coordinates) know where each character sits but are no PDF. A
:class:`PositionedPage` holds the same things a pdfplumber page gives the PDF
reader (characters with their boxes, ruling lines as edges) and answers the
same calls, so that :func:`mszs.parsers.pdf.read_layout` joins its lines into
paragraphs and finds its tables exactly as it does for a text PDF.
Coordinates are in points, ``top`` measured down from the top of the page.
"""
from __future__ import annotations

from dataclasses import dataclass, field


def glyph(text: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    """One character as pdfplumber describes it."""
    return {"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "size": bottom - top, "upright": True,
            "object_type": "char", "fontname": "", "matrix": (1, 0, 0, 1, x0, bottom)}


def rule(x0: float, top: float, x1: float, bottom: float) -> dict:
    """A horizontal or vertical ruling line as a pdfplumber edge (``x0 == x1`` or ``top == bottom``)."""
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top, "orientation": "v" if x0 == x1 else "h", "object_type": "line"}


@dataclass
class PositionedPage:
    """The part of a pdfplumber page the PDF reader uses: chars in reading order, edges, tables."""

    page_number: int
    width: float
    height: float
    chars: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    images: list = field(default_factory=list)  # kept empty: what was an image is text now
    unsure: list[tuple[str, float]] = field(default_factory=list)  # lines OCR read with low confidence
    recognised: bool = False  # read by OCR from an image

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return 0, 0, self.width, self.height

    def find_tables(self, settings: dict):
        from pdfplumber.table import TableFinder, TableSettings

        return TableFinder(self, TableSettings.resolve(settings)).tables

    def dedupe_chars(self) -> PositionedPage:
        return self  # no glyph is printed twice: OCR reads it once, OFD places it once

    def close(self) -> None:
        pass


def in_reading_order(chars: list[dict], tolerance: float) -> list[dict]:
    """Characters sorted line by line, top to bottom, then left to right: lines are the runs of
    characters whose tops lie within ``tolerance`` of the line's first one."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: c["top"]):
        if lines and char["top"] - lines[-1][0]["top"] <= tolerance:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [char for line in lines for char in sorted(line, key=lambda c: c["x0"])]
