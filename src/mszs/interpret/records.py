"""What the interpreter finds before normalisation: raw text by role."""
from __future__ import annotations

from dataclasses import dataclass, field

from mszs.document import Origin


@dataclass
class TaskRecord:
    content: str
    # role (lead_units, units, co_units, leaders, deadline, period_steps, targets, progress, problems, next_steps,
    # remarks) → raw text
    fields: dict[str, str] = field(default_factory=dict)
    origin: Origin = field(default_factory=Origin)
    # (header, text) of the row's cells in columns the contract has no field for (建设地点, 总投资)
    details: list[tuple[str, str]] = field(default_factory=list)

    def add(self, role: str, text: str) -> None:
        text = text.strip()
        if text:
            self.fields[role] = f"{self.fields[role]}\n{text}" if self.fields.get(role) else text


@dataclass
class ProjectRecord:
    seq: int | None = None
    name: str | None = None
    category: str | None = None
    section: str | None = None
    tasks: list[TaskRecord] = field(default_factory=list)
    from_table: bool = False
