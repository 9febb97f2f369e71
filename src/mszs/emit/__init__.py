"""Writers: a parsed :class:`~mszs.schemas.Notice` out as JSON and JSON Lines.

The tidy tables are in :mod:`mszs.emit.tables` (CSV) and :mod:`mszs.emit.xlsx`
(Excel, imports openpyxl); :mod:`mszs.emit.files` writes files atomically.
"""
from __future__ import annotations

import json
from dataclasses import is_dataclass
from typing import TYPE_CHECKING

from mszs.output import as_data

if TYPE_CHECKING:
    from mszs import output
    from mszs.schemas import Notice


def to_json(notice: Notice | output.Notice, indent: int | None = 2) -> str:
    """The library's model of a notice, or the notice as the parser built it (the same JSON), as JSON."""
    data = as_data(notice) if is_dataclass(notice) else notice.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=indent)


def to_jsonl(notice: Notice | output.Notice) -> str:
    return to_json(notice, indent=None) + "\n"
