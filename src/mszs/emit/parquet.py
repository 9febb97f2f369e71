"""The tables as Parquet files, one per table, with explicit column types (pyarrow, extra ``mszs[dask]``).

The rows are those of :mod:`mszs.emit.tables`, so the files join exactly as the
CSV tables do; only the types differ: ids and text are strings, dates date32,
counts and positions int32, target values float64 (the exact text of each
target is its ``text`` column), the manifest's size and time int64. Rows are
written in row groups as they come, so a large run's memory stays flat.
"""
from __future__ import annotations

import datetime
from contextlib import ExitStack
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from mszs.emit.files import replacing
from mszs.emit.tables import FILES_COLUMNS, TABLES, table_rows
from mszs.schemas import Notice

ROW_GROUP = 50_000

_DATES = {"issue_date", "deadline_date", "date"}
_INTEGERS = {
    "year", "position", "seq", "n_projects", "n_tasks", "n_lead_units", "n_co_units", "n_targets",
    "n_milestones", "origin_line", "origin_page", "origin_table", "origin_row",
}
_FLOATS = {"value", "value_max", "value_from", "seconds"}
_LARGE_INTEGERS = {"size", "mtime_ns"}


def column_type(name: str) -> pa.DataType:
    """The Parquet type of a column of the tables, by its name (names mean one thing in every table)."""
    if name in _DATES:
        return pa.date32()
    if name in _INTEGERS:
        return pa.int32()
    if name in _FLOATS:
        return pa.float64()
    if name in _LARGE_INTEGERS:
        return pa.int64()
    return pa.string()


def schema(columns: Iterable[str]) -> pa.Schema:
    return pa.schema([pa.field(name, column_type(name)) for name in columns])


SCHEMAS: dict[str, pa.Schema] = {name: schema(columns) for name, columns in {**TABLES, "files": FILES_COLUMNS}.items()}


def write_parquet(
    notices: Iterable[Notice], folder: str | Path, *, files: Iterable[tuple] | None = None,
) -> list[Path]:
    """Write ``folder/<table>.parquet`` for the six tables, and ``files.parquet`` from the
    manifest's rows when ``files`` is given. Each file appears complete or not at all."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    names = list(TABLES) + (["files"] if files is not None else [])
    paths = {name: folder / f"{name}.parquet" for name in names}
    with ExitStack() as stack:
        tables = {name: _TableWriter(stack.enter_context(replacing(path)), SCHEMAS[name]) for name, path in paths.items()}
        for writer in tables.values():
            stack.callback(writer.close)
        for row in files or ():
            tables["files"].append(row)
        for notice in notices:
            for name, row in table_rows(notice):
                tables[name].append(row)
    return list(paths.values())


class _TableWriter:
    """One Parquet file, written a row group at a time."""

    def __init__(self, path: Path, schema: pa.Schema):
        self.writer = pq.ParquetWriter(path, schema, compression="zstd")
        self.schema = schema
        self.rows: list[tuple] = []

    def append(self, row: tuple) -> None:
        self.rows.append(row)
        if len(self.rows) >= ROW_GROUP:
            self._flush()

    def close(self) -> None:
        # Even an empty table gets its row group, so every file has the same layout.
        self._flush(always=True)
        self.writer.close()

    def _flush(self, always: bool = False) -> None:
        if not self.rows and not always:
            return
        columns = zip(*self.rows) if self.rows else [()] * len(self.schema)
        arrays = [pa.array(_values(values, field.type), type=field.type) for values, field in zip(columns, self.schema)]
        self.writer.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        self.rows = []


def _values(values: tuple, type: pa.DataType) -> list:
    """CSV-ready values as the column's type wants them: ISO dates as dates, empty text as null."""
    if type == pa.date32():
        return [datetime.date.fromisoformat(value) if value else None for value in values]
    if type == pa.string():
        return [value if value != "" else None for value in values]
    if pa.types.is_integer(type) or pa.types.is_floating(type):
        return [None if value is None or value == "" else value for value in values]
    return list(values)
