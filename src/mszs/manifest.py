"""The manifest of a batch, ``files.csv``: what happened to every input path.

One row per path the batch was given, copies included, sorted by path:

    path, size, mtime_ns   the input, its size and modification time when it was seen
    sha256                 of its bytes ("" when it could not be read or is over --max-bytes)
    status                 parsed; failed; copy (same bytes as an earlier path, which was
                           converted or failed for both); skipped (by --resume: its JSON was there)
    kind, message          why it failed (a copy of a failed file carries the same failure)
    notice_id, json        the notice it gave and its JSON, relative to the output folder
    seconds                what its conversion took in the worker

``--resume`` reads the manifest of the earlier run: a path whose size and
modification time have not changed keeps its recorded sha256 and is not read
again (the rule rsync and git use to tell a file unchanged).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from mszs.inputs import display_path
from mszs.emit.tables import FILES_COLUMNS, sha256_notice_id

PARSED, FAILED, COPY, SKIPPED = "parsed", "failed", "copy", "skipped"


@dataclass(slots=True)
class FileRecord:
    """One input path and what became of it."""

    path: str
    size: int | None = None
    mtime_ns: int | None = None
    sha256: str = ""
    status: str = ""
    kind: str = ""
    message: str = ""
    seconds: float | None = None

    def row(self) -> tuple:
        converted = bool(self.sha256) and not self.kind
        return (
            display_path(self.path), self.size, self.mtime_ns, self.sha256, self.status, self.kind, self.message,
            sha256_notice_id(self.sha256) if converted else None,
            f"json/{self.sha256}.json" if converted else None,
            None if self.seconds is None else round(self.seconds, 3),
        )


def read_fingerprints(path: str | Path) -> dict[str, tuple[int, int, str]]:
    """``path → (size, mtime_ns, sha256)`` from an earlier manifest; {} when there is none.

    A manifest cut short by a crash is read up to its last whole row.
    """
    known = {}
    try:
        file = open(path, encoding="utf-8-sig", newline="")
    except OSError:
        return known
    with file:
        rows = csv.reader(file)
        if next(rows, None) != list(FILES_COLUMNS):
            return known
        for row in rows:
            if len(row) == len(FILES_COLUMNS) and len(row[3]) == 64 and row[1].isdigit() and row[2].isdigit():
                known[row[0]] = (int(row[1]), int(row[2]), row[3])
    return known
