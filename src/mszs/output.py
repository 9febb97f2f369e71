"""The output as mszs builds it: plain dataclasses, the one definition of the output's fields.

Importing pydantic and building its models costs a command more than parsing a small notice
does, so the interpreter and the normalisers build these, ``mszs parse`` writes them as JSON
directly (:func:`mszs.emit.to_json`), and :func:`mszs.api.parse` validates them into the
library's models (:func:`mszs.schemas.from_output`). :mod:`mszs.schemas` makes each model from
the class of its name here (fields, order, defaults, docstring), so both give the same JSON.
A class's fields may name only the classes defined above it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

SCHEMA_VERSION = "1"

Comparator = Literal["=", ">=", "<=", "~"]
Precision = Literal["day", "dekad", "month", "quarter", "half", "year"]


@dataclass(kw_only=True, slots=True)
class Source:
    path: str
    format: Literal["text", "html", "docx", "pdf", "doc", "ofd", "image"]
    sha256: str
    encoding: Optional[str] = None


@dataclass(kw_only=True, slots=True)
class NoticeInfo:
    doc_number: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None
    issue_date: Optional[str] = None
    year: Optional[int] = None
    region: Optional[str] = None
    recipients: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Target:
    text: str
    value: float | int
    unit: str
    comparator: Comparator = "="
    value_max: Optional[float | int] = None
    metric: Optional[str] = None  # what the number measures (新增学位3800个 → 新增学位)
    kind: Literal["amount", "change", "rate", "percent"] = "amount"
    value_from: Optional[float | int] = None  # 由8万元提高到16万元: value_from 80000


@dataclass(kw_only=True, slots=True)
class DatedText:
    text: str
    date: Optional[str] = None  # ISO YYYY-MM-DD
    precision: Optional[Precision] = None


@dataclass(kw_only=True, slots=True)
class Deadline(DatedText):
    pass


@dataclass(kw_only=True, slots=True)
class Milestone(DatedText):
    group: Optional[str] = None  # the sub-heading the step sits under
    targets: list[Target] = field(default_factory=list)  # interim targets


@dataclass(kw_only=True, slots=True)
class Detail:
    """A cell of a column the contract has no field for (`建设地点`, `总投资（万元）`): its header and text."""

    label: str
    text: str


@dataclass(kw_only=True, slots=True)
class TaskOrigin:
    """Where the task's row or item sits in the source (see Origin.describe)."""

    line: Optional[int] = None
    page: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None


@dataclass(kw_only=True, slots=True)
class Task:
    content: str
    lead_units: list[str] = field(default_factory=list)
    co_units: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    deadline: Optional[Deadline] = None
    milestones: list[Milestone] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    progress: Optional[str] = None
    problems: Optional[str] = None
    next_steps: Optional[str] = None
    remarks: Optional[str] = None
    details: list[Detail] = field(default_factory=list)
    origin: Optional[TaskOrigin] = None


@dataclass(kw_only=True, slots=True)
class Project:
    seq: Optional[int] = None
    name: Optional[str] = None
    category: Optional[str] = None
    section: Optional[str] = None
    tasks: list[Task] = field(default_factory=list)


@dataclass(kw_only=True, slots=True)
class Notice:
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    notice: NoticeInfo = field(default_factory=NoticeInfo)
    projects: list[Project] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def as_data(value):
    """An instance of these classes, or a value of their fields, as JSON data: what its model's
    ``model_dump(mode="json")`` gives. (``dataclasses.asdict`` deep-copies every value on the way,
    which takes four times as long.)"""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, list):
        return [as_data(item) for item in value]
    return {name: as_data(getattr(value, name)) for name in value.__dataclass_fields__}
