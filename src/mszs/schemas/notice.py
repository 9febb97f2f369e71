"""The contract's output models (schema version 1).

Field names and meanings are fixed by CONTRACT.md; the extra fields here
(``precision``, ``metric``, ``origin``…) are additions other tools may ignore.
The parser builds the plain dataclasses of :mod:`mszs.output`, which have these
fields; :func:`from_output` makes the models of them.
"""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from mszs import output
from mszs.output import SCHEMA_VERSION, Comparator, Precision


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Source(_Model):
    path: str
    format: Literal["text", "html", "docx", "pdf", "doc", "ofd", "image"]
    sha256: str
    encoding: Optional[str] = None


class NoticeInfo(_Model):
    doc_number: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None
    issue_date: Optional[str] = None
    year: Optional[int] = None
    region: Optional[str] = None
    recipients: list[str] = Field(default_factory=list)
    cc: list[str] = Field(default_factory=list)
    attachments: list[str] = Field(default_factory=list)


class Target(_Model):
    text: str
    value: float | int
    unit: str
    comparator: Comparator = "="
    value_max: Optional[float | int] = None
    metric: Optional[str] = None  # what the number measures (新增学位3800个 → 新增学位)
    kind: Literal["amount", "change", "rate", "percent"] = "amount"
    value_from: Optional[float | int] = None  # 由8万元提高到16万元: value_from 80000


class DatedText(_Model):
    text: str
    date: Optional[str] = None  # ISO YYYY-MM-DD
    precision: Optional[Precision] = None


class Deadline(DatedText):
    pass


class Milestone(DatedText):
    group: Optional[str] = None  # the sub-heading the step sits under
    targets: list[Target] = Field(default_factory=list)  # interim targets


class Detail(_Model):
    """A cell of a column the contract has no field for (`建设地点`, `总投资（万元）`): its header and text."""

    label: str
    text: str


class TaskOrigin(_Model):
    """Where the task's row or item sits in the source (see Origin.describe)."""

    line: Optional[int] = None
    page: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None


class Task(_Model):
    content: str
    lead_units: list[str] = Field(default_factory=list)
    co_units: list[str] = Field(default_factory=list)
    leaders: list[str] = Field(default_factory=list)
    deadline: Optional[Deadline] = None
    milestones: list[Milestone] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    progress: Optional[str] = None
    problems: Optional[str] = None
    next_steps: Optional[str] = None
    remarks: Optional[str] = None
    details: list[Detail] = Field(default_factory=list)
    origin: Optional[TaskOrigin] = None


class Project(_Model):
    seq: Optional[int] = None
    name: Optional[str] = None
    category: Optional[str] = None
    section: Optional[str] = None
    tasks: list[Task] = Field(default_factory=list)


class Notice(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    notice: NoticeInfo = Field(default_factory=NoticeInfo)
    projects: list[Project] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


def from_output(notice: output.Notice) -> Notice:
    """The model of a notice as the parser built it, validated."""
    return Notice.model_validate(notice, from_attributes=True)
