"""Notices that hold more than one list of the same projects.

When the body lists the projects and an attached table repeats them (often
with progress columns), projects come from the body (seq, name, section,
units) and each attached row becomes a task of the body project with the
same seq; the body's co-units (and any field the row leaves empty) apply to
every task of that project.
"""
from __future__ import annotations

from mszs.interpret.records import ProjectRecord, TaskRecord

# Fields a body item lends to the attached rows of the same project when a row has none.
INHERITED_FIELDS = ("lead_units", "units", "co_units", "leaders", "deadline", "period_steps")
# Share of the attached table's seqs that must appear in the body for the two to be one list.
MIN_SHARED_SEQS = 0.5


def merge_body_and_tables(body: list[ProjectRecord], tables: list[ProjectRecord]) -> list[ProjectRecord]:
    if not body or not tables:
        return body or tables
    body_seqs = [p.seq for p in body if p.seq is not None]
    by_seq = {p.seq: p for p in body if p.seq is not None}
    table_seqs = [p.seq for p in tables if p.seq is not None]
    shared = [s for s in table_seqs if s in by_seq]
    if (not table_seqs or len(shared) < MIN_SHARED_SEQS * len(table_seqs)
            or len(by_seq) < len(body) * MIN_SHARED_SEQS
            or len(by_seq) < len(body_seqs)):  # numbering restarts in each section: seqs name nothing
        return body + tables
    merged: dict[int, ProjectRecord] = {}
    leftovers = []
    for attached in tables:
        origin = by_seq.get(attached.seq)
        if origin is None:
            leftovers.append(attached)
            continue
        project = merged.setdefault(attached.seq, ProjectRecord(
            seq=origin.seq, name=origin.name or attached.name, category=origin.category or attached.category,
            section=origin.section, from_table=True))
        project.tasks.extend(_with_inherited(task, origin) for task in attached.tasks)
    result = [merged.get(p.seq, p) if p.seq is not None else p for p in body]
    return result + leftovers


def _with_inherited(task: TaskRecord, origin: ProjectRecord) -> TaskRecord:
    fields = dict(task.fields)
    for role in INHERITED_FIELDS:
        if not fields.get(role):
            values = [t.fields[role] for t in origin.tasks if t.fields.get(role)]
            if values:
                fields[role] = "\n".join(values)
    return TaskRecord(content=task.content, fields=fields, origin=task.origin)
