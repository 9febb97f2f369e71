"""Blocks → notice metadata and projects, then each field normalised."""
from __future__ import annotations


from mszs.document import Document, Paragraph
from mszs.interpret.lists import read_list_items, read_unlabelled_items, reports_progress
from mszs.interpret.merge import merge_body_and_tables
from mszs.interpret.metadata import read_metadata
from mszs.interpret.outline import split_flattened
from mszs.interpret.prose import counted_instead, read_prose_lists, split_counted_items
from mszs.interpret.records import ProjectRecord, TaskRecord
from mszs.interpret.tables import read_tables
from mszs.normalise.schedule import read_period_steps, read_schedule
from mszs.normalise.targets import MAX_TARGETS, extract_targets
from mszs.normalise.text import clean_text
from mszs.normalise.units import lead_and_co_units, says_first_leads, split_people
from mszs.output import Detail, NoticeInfo, Project, Task, TaskOrigin
from mszs.patterns import LazyPattern
from mszs.vocabulary import UNIT_ROLES


# What a heading over the whole list says (`二、实事内容及责任分工`, `2021年民生实事项目`), or a
# labelled line of the page taken for a heading (`机构名称：区政府办公室`). A heading of a part of
# the notice (`二、主要任务`, `三、部分项目进展情况`, `一、2021年经济社会发展主要预期目标`) stays the
# section of what is under it.
_LIST_TITLE = LazyPattern(r"实事|清单|分工|一览|[:：]")


def interpret(document: Document) -> tuple[NoticeInfo, list[Project], list[str]]:
    paragraphs = split_flattened([b for b in document.blocks if isinstance(b, Paragraph)])
    info = read_metadata([p.text for p in paragraphs], document.metadata)
    tables = read_tables(document.tables)
    records = merge_body_and_tables(read_list_items(paragraphs), tables.projects)
    warnings = [f"table at {t.origin.describe()} was not read: none of its first rows is a header of known words"
                for t in tables.unread_tables]
    if tables.unknown_columns:
        warnings.append(f"columns with header words mszs does not know, kept in remarks: {'、'.join(tables.unknown_columns)}")
    if not records:
        records = split_counted_items(read_unlabelled_items(paragraphs, reports_progress(info.title)))
        records = counted_instead(records, paragraphs)
        if records:
            warnings.append("no project table and no responsible units: projects read from the numbered list")
    if not records:
        records = read_prose_lists(paragraphs)
        if records:
            warnings.append("no project table or numbered list: projects read from lists in running text")
    _drop_shared_section(records)
    first_leads = _says_first_leads(records)
    projects = [_project(record, info.year, first_leads, warnings) for record in records]
    projects = [p for p in projects if p.tasks]
    warnings.extend(_unit_warnings(projects))
    warnings.extend(unsure_ocr_warnings(document.unsure, projects))
    return info, projects, warnings


def unsure_ocr_warnings(unsure: list[tuple[int, str, float]], projects: list[Project]) -> list[str]:
    """A line OCR read with low confidence, named with its page: on the task whose text holds
    it (a line of its own page), or on the notice when no task does."""
    warnings = []
    for page, text, confidence in unsure:
        key = _squashed(text)
        holder = next(((project, task) for project in projects for task in project.tasks
                       if task.origin and task.origin.page == page and key and key in _squashed(_task_text(task))),
                      None)
        where = f"{_task_label(holder[0], holder[1].content)} " if holder else ""
        warnings.append(f"{where}page {page}: OCR is unsure ({confidence:.2f}) of the line “{text}”")
    return warnings


def _task_text(task: Task) -> str:
    return " ".join([task.content, *task.lead_units, *task.co_units, *task.leaders, task.deadline.text if task.deadline else "",
                     task.progress or "", task.problems or "", task.next_steps or "", task.remarks or ""])


def _squashed(text: str) -> str:
    return "".join(text.split())


def _unit_warnings(projects: list[Project]) -> list[str]:
    if not projects:
        return ["no projects found: the notice has no project table or list of items with responsible units"]
    without = [p.seq if p.seq is not None else p.name for p in projects for t in p.tasks if not t.lead_units]
    # Only a few tasks without units is news; a notice that names no unit at all shows it plainly.
    if without and len(without) < sum(len(p.tasks) for p in projects):
        return [f"{len(without)} task(s) name no responsible unit (projects {', '.join(map(str, without))})"]
    return []


def _drop_shared_section(records: list[ProjectRecord]) -> None:
    """A heading that encloses every project and names the list (`2021年民生实事项目`) is its
    title, not a section; one that names a part of the work (`一、做大做强主导产业` over a
    page cut before `二、`) stays their section."""
    sections = {r.section for r in records}
    if len(sections) == 1 and len(records) > 1 and _names_the_list(next(iter(sections))):
        for record in records:
            record.section = None


def _names_the_list(heading: str | None) -> bool:
    return heading is None or bool(_LIST_TITLE.search(heading))


def _says_first_leads(records: list[ProjectRecord]) -> bool:
    """Whether the notice says, once for all its lists, that the unit listed first leads."""
    return any(says_first_leads(task.fields.get(role)) for record in records for task in record.tasks
               for role in UNIT_ROLES)


def _project(record: ProjectRecord, year: int | None, first_leads: bool, warnings: list[str]) -> Project:
    return Project(
        seq=record.seq,
        name=clean_text(record.name) or None,
        category=clean_text(record.category) or None,
        section=clean_text(record.section) or None,
        tasks=[_task(task, record, year, first_leads, warnings) for task in record.tasks],
    )


def _task(record: TaskRecord, project: ProjectRecord, year: int | None, first_leads: bool,
          warnings: list[str]) -> Task:
    fields = record.fields
    content = clean_text(record.content)
    schedule = read_schedule(fields.get("deadline", ""), year)
    periods = read_period_steps(fields.get("period_steps", ""), year)
    label = _task_label(project, content)
    for text in [*schedule.unresolved, *periods.unresolved]:
        warnings.append(f"{label}: no date in schedule line {text!r}")
    targets = extract_targets(content)
    if len(targets) == MAX_TARGETS:
        warnings.append(f"{label}: the text states {MAX_TARGETS} amounts or more; the first {MAX_TARGETS} are its targets")
    origin = record.origin
    lead_units, co_units = lead_and_co_units(fields.get("lead_units"), fields.get("units"), fields.get("co_units"),
                                             first_leads)
    return Task(
        content=content,
        lead_units=lead_units,
        co_units=co_units,
        leaders=split_people(fields.get("leaders")),
        deadline=schedule.deadline or periods.deadline,
        milestones=[*schedule.milestones, *periods.milestones],
        targets=targets + extract_targets(fields.get("targets", "")),
        progress=clean_text(fields.get("progress")) or None,
        problems=clean_text(fields.get("problems")) or None,
        next_steps=clean_text(fields.get("next_steps")) or None,
        remarks=clean_text(fields.get("remarks")) or None,
        details=[Detail(label=label, text=clean_text(text)) for label, text in record.details],
        origin=TaskOrigin(line=origin.line, page=origin.page, table=origin.table, row=origin.row),
    )


def _task_label(project: ProjectRecord, content: str) -> str:
    seq = f"project {project.seq}" if project.seq is not None else "project"
    return f"{seq} task {content[:20]!r}"
