"""Pydantic models of the output contract."""
from mszs.schemas.notice import (
    SCHEMA_VERSION,
    DatedText,
    Deadline,
    Detail,
    Milestone,
    Notice,
    NoticeInfo,
    Project,
    Source,
    Target,
    Task,
    TaskOrigin,
    from_output,
)

__all__ = [
    "SCHEMA_VERSION",
    "DatedText",
    "Deadline",
    "Detail",
    "Milestone",
    "Notice",
    "NoticeInfo",
    "Project",
    "Source",
    "Target",
    "Task",
    "TaskOrigin",
    "from_output",
]
