"""The six tables as one Excel workbook, one sheet per table (openpyxl, write-only)."""
from __future__ import annotations

import datetime
import shutil
import unicodedata
import zipfile
from pathlib import Path
from typing import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from mszs.emit.files import replacing
from mszs.emit.tables import FILES_COLUMNS, TABLES, table_rows
from mszs.schemas import Notice

# Column widths come from the header and the first rows of each sheet; a
# write-only sheet must have its widths before its first row is written.
SIZING_ROWS = 100
MAX_WIDTH = 60
# Every member of the zip gets this time, so equal tables give equal bytes.
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def write_xlsx(notices: Iterable[Notice], path: str | Path, *, files: Iterable[tuple] | None = None) -> Path:
    """Write the tables to ``path``: header row bold and frozen, columns sized to their text.

    ``files``, rows of a batch's manifest (mszs.manifest), adds them as a sheet ``files``.
    """
    path = Path(path)
    # The file is opened first: a path that cannot be written fails before openpyxl starts its sheets.
    with replacing(path) as temp, _FixedTimeZip(temp, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        workbook = Workbook(write_only=True)
        workbook.properties.creator = "mszs"
        workbook.properties.created = workbook.properties.modified = datetime.datetime(*_FIXED_TIME)
        sheets = {name: _Sheet(workbook.create_sheet(name), columns) for name, columns in TABLES.items()}
        if files is not None:
            sheets["files"] = _Sheet(workbook.create_sheet("files"), FILES_COLUMNS)
            for row in files:
                sheets["files"].append(row)
        for notice in notices:
            for name, row in table_rows(notice):
                sheets[name].append(row)
        for sheet in sheets.values():
            sheet.close()
        ExcelWriter(workbook, archive).save()
    return path


class _Sheet:
    """A write-only sheet that holds back its first rows until it knows its column widths."""

    def __init__(self, sheet, columns: tuple[str, ...]):
        self.sheet = sheet
        self.columns = columns
        self.held: list[tuple] | None = []
        sheet.freeze_panes = "A2"

    def append(self, row: tuple) -> None:
        if self.held is None:
            self.sheet.append(self._cells(row))
            return
        self.held.append(row)
        if len(self.held) >= SIZING_ROWS:
            self._flush()

    def close(self) -> None:
        if self.held is not None:
            self._flush()

    def _flush(self) -> None:
        for i, column in enumerate(self.columns):
            width = max([_width(column)] + [_width(row[i]) for row in self.held])
            self.sheet.column_dimensions[get_column_letter(i + 1)].width = min(width + 2, MAX_WIDTH)
        header = [WriteOnlyCell(self.sheet, column) for column in self.columns]
        for cell in header:
            cell.font = Font(bold=True)
        self.sheet.append(header)
        for row in self.held:
            self.sheet.append(self._cells(row))
        self.held = None

    def _cells(self, row: tuple) -> list:
        return [_cell(self.sheet, value) for value in row]


def _cell(sheet, value):
    """The value as openpyxl should store it: strings cleaned of characters Excel refuses,
    and never read as a formula."""
    if not isinstance(value, str):
        return value
    if not value:
        return None
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if not value.startswith("="):
        return value
    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"
    return cell


def _width(value) -> int:
    """Display width of the longest line: CJK characters take two columns."""
    if value is None:
        return 0
    lines = str(value).split("\n")
    return max(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in lines)


class _FixedTimeZip(zipfile.ZipFile):
    """A zip whose members all carry one fixed timestamp (openpyxl stamps the current time)."""

    def writestr(self, name, data, *args, **kwargs):
        super().writestr(_member(name), data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs):
        with open(filename, "rb") as source, self.open(_member(arcname or filename), "w") as target:
            shutil.copyfileobj(source, target)


def _member(name) -> zipfile.ZipInfo:
    if isinstance(name, zipfile.ZipInfo):
        return name
    info = zipfile.ZipInfo(str(name), date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    return info
