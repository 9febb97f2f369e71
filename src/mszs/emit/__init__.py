"""Writers: a parsed :class:`~mszs.schemas.Notice` out as JSON and JSON Lines.

The tidy tables are in :mod:`mszs.emit.tables` (CSV) and :mod:`mszs.emit.xlsx`
(Excel, imports openpyxl); :mod:`mszs.emit.files` writes files atomically.
"""
from __future__ import annotations

import json

from mszs.schemas import Notice


def to_json(notice: Notice, indent: int | None = 2) -> str:
    return json.dumps(notice.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def to_jsonl(notice: Notice) -> str:
    return to_json(notice, indent=None) + "\n"
