"""A notice as readable tables in the terminal (rich), for a quick look before converting."""
from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table

from mszs.schemas import Notice, Task


def render(notice: Notice) -> Group:
    """The notice's particulars, then one row per task under its project, then any warnings."""
    info = notice.notice
    facts = Table.grid(padding=(0, 2))
    for label, value in (
        ("title", info.title), ("issuer", info.issuer), ("doc number", info.doc_number),
        ("issued", info.issue_date), ("year", info.year), ("region", info.region),
        ("source", f"{notice.source.path} ({notice.source.format})"),
    ):
        if value is not None:
            facts.add_row(f"[bold]{label}[/]", str(value))
    parts = [Panel(facts, title="notice", title_align="left")]

    tasks = sum(len(project.tasks) for project in notice.projects)
    table = Table(title=f"{len(notice.projects)} projects, {tasks} tasks", show_lines=True, expand=True)
    table.add_column("#", no_wrap=True)
    for column, ratio in (("project", 2), ("task", 5), ("lead units", 2), ("co units", 2), ("targets", 2)):
        table.add_column(column, ratio=ratio, overflow="fold", min_width=len(column))
    table.add_column("deadline", min_width=10)
    for project in notice.projects:
        label = " / ".join(filter(None, (project.section, project.category, project.name))) or "—"
        for t, task in enumerate(project.tasks or [None]):
            first = t == 0
            table.add_row(
                str(project.seq or "") if first else "", label if first else "", *_task_cells(task),
            )
    parts.append(table)
    if notice.warnings:
        parts.append(Panel("\n".join(f"• {w}" for w in notice.warnings), title="warnings",
                           title_align="left", border_style="yellow"))
    return Group(*parts)


def _task_cells(task: Task | None) -> tuple[str, ...]:
    if task is None:
        return ("(no tasks)", "", "", "", "")
    deadline = task.deadline and (task.deadline.date or task.deadline.text)
    return (
        task.content, "\n".join(task.lead_units), "\n".join(task.co_units),
        "\n".join(target.text for target in task.targets), deadline or "",
    )


def show(notice: Notice, console: Console | None = None) -> None:
    (console or Console()).print(render(notice))
