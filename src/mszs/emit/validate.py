"""Check JSON output files against the schema, saying what is wrong where."""
from __future__ import annotations

import json
from pathlib import Path

from typing import get_args

from pydantic import BaseModel, ValidationError

from mszs.errors import MszsError
from mszs.inputs import open_input, read_input
from mszs.schemas import Notice


def problems(path: str | Path) -> list[str]:
    """What is wrong with a ``.json`` notice or a ``.jsonl`` file of notices; [] when valid.

    Each problem reads ``where: what``, where being a line of a JSON Lines
    file and a field path such as ``projects[0].tasks[2].deadline.date``.
    """
    path = Path(path)
    try:
        with open_input(path) as file:  # a regular file: a FIFO would hang here
            text = read_input(file, None).decode("utf-8-sig")
    except MszsError as exc:
        return [str(exc)]
    except UnicodeDecodeError as exc:
        return [f"byte {exc.start}: not UTF-8"]
    if path.suffix.lower() != ".jsonl":
        return text_problems(text)
    found = []
    for number, line in enumerate(text.split("\n"), 1):
        if line.strip():
            found += [f"line {number}, {problem}" for problem in text_problems(line)]
    return found


def text_problems(text: str) -> list[str]:
    """What is wrong with one notice given as JSON text; [] when valid."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [f"line {exc.lineno} column {exc.colno}: not JSON: {exc.msg}"]
    try:
        Notice.model_validate(data)
    except ValidationError as exc:
        found = {}  # a value failing every member of a union (float | int) is one problem
        for error in exc.errors():
            found.setdefault(_where(error["loc"]), f"{error['msg']}{_got(error)}")
        return [f"{where}: {what}" for where, what in found.items()]
    return []


def _where(loc: tuple) -> str:
    """``projects[0].tasks[2].deadline``, leaving out pydantic's names of union members."""
    model, where = Notice, ""
    for part in loc:
        if isinstance(part, int):
            where += f"[{part}]"
            continue
        if model is None:  # inside a scalar union: the part names a member type
            break
        where += f".{part}"
        field = model.model_fields.get(part)
        if field is None:  # a key the schema does not have
            break
        model = _model_in(field.annotation)
    return where.lstrip(".") or "the document"


def _model_in(annotation):
    """The model class inside ``Optional[X]`` or ``list[X]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, map(_model_in, get_args(annotation))), None)


def _got(error: dict) -> str:
    if error["type"] in ("missing", "extra_forbidden"):
        return ""
    shown = json.dumps(error.get("input"), ensure_ascii=False)
    return f" (got {shown if len(shown) <= 40 else shown[:37] + '...'})"
