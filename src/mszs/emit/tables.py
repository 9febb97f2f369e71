"""Tidy tables of notices: one row per notice, project, task, unit, target and milestone.

Every row carries the ids of the rows it belongs to, so the tables join back
together. Ids are built from the notice's sha256 and positions (1-based) in
the JSON, so the same input bytes always give the same ids:

    notice     562aea7a7b48eea9                  (first 16 hex digits of sha256)
    project    562aea7a7b48eea9-p1
    task       562aea7a7b48eea9-p1-t2
    milestone  562aea7a7b48eea9-p1-t2-m1
    target     562aea7a7b48eea9-p1-t2-x3         (a task's target)
               562aea7a7b48eea9-p1-t2-m1-x1      (an interim target of a milestone)
"""
from __future__ import annotations

import csv
from contextlib import ExitStack
from pathlib import Path
from typing import Iterable, Iterator

from mszs.emit.files import replacing
from mszs.schemas import Detail, Notice, Target

# What Excel reads as the start of a formula (OWASP's list): with ``excel`` such a cell is
# written after a ' , which Excel shows as text and hides.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Lists of names in one cell (recipients, leaders…) are joined with this: the
# contract splits names at it, so no name contains it.
NAME_SEPARATOR = "；"

TABLES: dict[str, tuple[str, ...]] = {
    "notices": (
        "notice_id", "path", "format", "sha256", "encoding", "doc_number", "issuer", "title",
        "issue_date", "year", "region", "recipients", "cc", "attachments",
        "n_projects", "n_tasks", "warnings",
    ),
    "projects": ("project_id", "notice_id", "position", "seq", "name", "category", "section", "n_tasks"),
    "tasks": (
        "task_id", "project_id", "notice_id", "position", "content", "leaders",
        "deadline_text", "deadline_date", "deadline_precision",
        "progress", "problems", "next_steps", "remarks", "details",
        "n_lead_units", "n_co_units", "n_targets", "n_milestones",
        "origin_line", "origin_page", "origin_table", "origin_row",
    ),
    "units": ("task_id", "project_id", "notice_id", "role", "position", "unit"),
    "targets": (
        "target_id", "task_id", "milestone_id", "project_id", "notice_id", "position", "text",
        "value", "value_max", "value_from", "unit", "comparator", "metric", "kind",
    ),
    "milestones": (
        "milestone_id", "task_id", "project_id", "notice_id", "position", "text", "date",
        "precision", "group", "n_targets",
    ),
}

# The manifest of a batch (mszs.manifest): one row per input path, copies included.
FILES_COLUMNS = ("path", "size", "mtime_ns", "sha256", "status", "kind", "message", "notice_id", "json", "seconds")


def notice_id(notice: Notice) -> str:
    return sha256_notice_id(notice.source.sha256)


def sha256_notice_id(sha256: str) -> str:
    return sha256[:16]


def table_rows(notice: Notice) -> Iterator[tuple[str, tuple]]:
    """Yield ``(table name, row)`` for every row the notice contributes, in JSON order."""
    nid = notice_id(notice)
    info = notice.notice
    yield "notices", (
        nid, notice.source.path, notice.source.format, notice.source.sha256, notice.source.encoding,
        info.doc_number, info.issuer, info.title, info.issue_date, info.year, info.region,
        _names(info.recipients), _names(info.cc), _names(info.attachments),
        len(notice.projects), sum(len(p.tasks) for p in notice.projects), "\n".join(notice.warnings),
    )
    for p, project in enumerate(notice.projects, 1):
        pid = f"{nid}-p{p}"
        yield "projects", (
            pid, nid, p, project.seq, project.name, project.category, project.section, len(project.tasks),
        )
        for t, task in enumerate(project.tasks, 1):
            tid = f"{pid}-t{t}"
            deadline = task.deadline
            origin = task.origin
            yield "tasks", (
                tid, pid, nid, t, task.content, _names(task.leaders),
                deadline and deadline.text, deadline and deadline.date, deadline and deadline.precision,
                task.progress, task.problems, task.next_steps, task.remarks, _details(task.details),
                len(task.lead_units), len(task.co_units), len(task.targets), len(task.milestones),
                origin and origin.line, origin and origin.page, origin and origin.table, origin and origin.row,
            )
            for role, units in (("lead", task.lead_units), ("co", task.co_units)):
                for u, unit in enumerate(units, 1):
                    yield "units", (tid, pid, nid, role, u, unit)
            yield from _target_rows(task.targets, tid, None, pid, nid)
            for m, milestone in enumerate(task.milestones, 1):
                mid = f"{tid}-m{m}"
                yield "milestones", (
                    mid, tid, pid, nid, m, milestone.text, milestone.date, milestone.precision,
                    milestone.group, len(milestone.targets),
                )
                yield from _target_rows(milestone.targets, tid, mid, pid, nid)


def _target_rows(targets: list[Target], tid: str, mid: str | None, pid: str, nid: str):
    for x, target in enumerate(targets, 1):
        yield "targets", (
            f"{mid or tid}-x{x}", tid, mid, pid, nid, x, target.text,
            target.value, target.value_max, target.value_from, target.unit, target.comparator,
            target.metric, target.kind,
        )


def _names(names: list[str]) -> str:
    return NAME_SEPARATOR.join(names)


def _details(details: list[Detail]) -> str:
    """`建设地点：纸坊街道；年度投资金额（万元）：300`"""
    return NAME_SEPARATOR.join(f"{detail.label}：{detail.text}" for detail in details)


def write_csv(notices: Iterable[Notice], folder: str | Path, *, excel: bool = False) -> list[Path]:
    """Write the six tables as ``folder/<table>.csv``; ``excel`` adds a BOM so Excel reads UTF-8.

    Each file appears complete or not at all.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"{name}.csv" for name in TABLES}
    with ExitStack() as stack:
        writers = {}
        for name, path in paths.items():
            temp = stack.enter_context(replacing(path))
            file = stack.enter_context(open(temp, "w", encoding=csv_encoding(excel), newline=""))
            writers[name] = csv_writer(file, excel=excel)
            writers[name].writerow(TABLES[name])
        for notice in notices:
            for name, row in table_rows(notice):
                writers[name].writerow(row)
    return list(paths.values())


def write_csv_file(path: str | Path, columns: Iterable[str], rows: Iterable[tuple], *, excel: bool = False) -> None:
    """Write one CSV file atomically."""
    with replacing(path) as temp, open(temp, "w", encoding=csv_encoding(excel), newline="") as file:
        writer = csv_writer(file, excel=excel)
        writer.writerow(columns)
        writer.writerows(rows)


class CsvLog:
    """A CSV file appended and flushed row by row, so that a crash keeps what was written;
    ``finish`` replaces it with the final rows (sorted, say), so that equal runs give equal files."""

    def __init__(self, path: str | Path, columns: Iterable[str], *, excel: bool = False):
        self.path = Path(path)
        self.columns = tuple(columns)
        self.excel = excel

    def __enter__(self):
        self.file = open(self.path, "w", encoding=csv_encoding(self.excel), newline="")
        self.writer = csv_writer(self.file, excel=self.excel)
        self.add(self.columns)
        return self

    def add(self, row: Iterable) -> None:
        self.writer.writerow(row)
        self.file.flush()

    def finish(self, rows: Iterable[tuple]) -> None:
        self.file.close()
        write_csv_file(self.path, self.columns, rows, excel=self.excel)

    def __exit__(self, *exc_info):
        self.file.close()


def csv_writer(file, *, excel: bool = False):
    """The CSV dialect of every table mszs writes: comma, minimal quoting, LF line ends.

    With ``excel``, a text cell that Excel would run as a formula (``=HYPERLINK(…)``,
    ``@SUM(…)``, ``=cmd|'/C calc'!A0``) starts with a ``'``: CSV has no way to say "text",
    and opening a notice must not run what its author wrote. Numbers are left alone.
    """
    writer = csv.writer(file, lineterminator="\n")
    return _FormulaEscaping(writer) if excel else writer


class _FormulaEscaping:
    """A csv writer that escapes formula starts in text cells."""

    def __init__(self, writer):
        self.writer = writer

    def writerow(self, row: Iterable) -> None:
        self.writer.writerow([escape_formula(value) for value in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def escape_formula(value):
    """``value`` with a leading ``'`` when it is text Excel would read as a formula."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def csv_encoding(excel: bool) -> str:
    return "utf-8-sig" if excel else "utf-8"


def write_table(notices: Iterable[Notice], name: str, file, *, excel: bool = False) -> None:
    """Write one table as CSV to an open text file (stdout, for a pipe)."""
    writer = csv_writer(file, excel=excel)
    writer.writerow(TABLES[name])
    for notice in notices:
        writer.writerows(row for table, row in table_rows(notice) if table == name)
