"""Writers: a parsed :class:`~mszs.schemas.Notice` out as JSON, JSON Lines and more."""
from __future__ import annotations

import json

from mszs.schemas import Notice


def to_json(notice: Notice, indent: int | None = 2) -> str:
    return json.dumps(notice.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def to_jsonl(notice: Notice) -> str:
    return to_json(notice, indent=None) + "\n"
