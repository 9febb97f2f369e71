"""`mszs explain`: every line and cell of a notice with the role mszs gave it.

An analyst whose notice reads badly sees where: which lines became items, which
were headings (with the mark style and the level the outline gave them), which
were labels and for which field, which table rows were read as which task, and
which lines nothing took. What it shows is the interpreter's own result (tasks
carry the origin they came from), not a second reading.
"""
from __future__ import annotations

import re

from mszs.document import Origin, Paragraph, Table
from mszs.interpret import interpret
from mszs.interpret.lists import is_lone_label
from mszs.interpret.outline import number_paragraphs
from mszs.parsers import read_bytes
from mszs.vocabulary import column_roles, is_header_row, label_role

_LABEL = re.compile(r"^\s*([\u4e00-\u9fff]{2,12})\s*[:：]")
MAX_SHOWN = 60


def explain(data: bytes, ocr: str = "auto") -> list[str]:
    document = read_bytes(data, ocr=ocr)
    info, projects, warnings = interpret(document)
    items_at: dict[tuple, list[str]] = {}
    for p, project in enumerate(projects, 1):
        for t, task in enumerate(project.tasks, 1):
            origin = task.origin
            key = (origin.line, origin.page, origin.table, origin.row)
            items_at.setdefault(key, []).append(f"project {project.seq if project.seq is not None else p} task {t}")
    # A sentence that lists several projects (`共选出A、B、C等3个项目`) is all of their items.
    task_at = {key: f"item → {found[0]}" if len(found) == 1 else f"{len(found)} items → {found[0]} … {found[-1]}"
               for key, found in items_at.items()}
    paragraphs = document.paragraphs
    mark_of = {id(p): m for p, m in zip(paragraphs, number_paragraphs([p.text for p in paragraphs]))}
    notice_fields = {name: _squash(getattr(info, name)) for name in ("doc_number", "issuer", "title")}
    lines = []
    previous = ""
    for block in document.blocks:
        if isinstance(block, Paragraph):
            role = _notice_field(block.text, notice_fields) or _paragraph_role(block, mark_of.get(id(block)), task_at)
            if role == "text (not read)" and previous.startswith("label alone"):
                role = "value of the label above"
            elif role == "text (not read)" and previous.startswith(("item ", "text under")):
                role = "text under the item above"
            lines.append(_line(block.origin, role, block.text))
            previous = role
        else:
            lines.extend(_table_lines(block, task_at))
    lines.extend(f"warning: {w}" for w in document.warnings + warnings)
    return lines


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _notice_field(text: str, fields: dict[str, str]) -> str | None:
    """`notice: title` for a line that printed one of the notice's own fields (a title over lines too)."""
    squashed = _squash(text)
    if len(squashed) < 2:
        return None
    return next((f"notice: {name}" for name, value in fields.items() if value and squashed in value), None)


def _paragraph_role(paragraph: Paragraph, mark, task_at: dict) -> str:
    origin = paragraph.origin
    item = task_at.get((origin.line, origin.page, origin.table, origin.row))
    if item:
        return item
    if mark is not None:
        return f"heading {mark.style} (level {mark.level})"
    label = _LABEL.match(paragraph.text)
    if label:
        role = label_role(label.group(1))
        return f"label {label.group(1)} → {role}" if role else f"label {label.group(1)} (unknown)"
    if is_lone_label(paragraph.text):
        return f"label alone → {label_role(paragraph.text.strip())}"
    return "text (not read)"


def _table_lines(table: Table, task_at: dict) -> list[str]:
    lines = []
    for row in table.rows:
        texts = row.texts
        if is_header_row(texts) or is_header_row(texts, partial=True):
            roles = " | ".join(f"{t.strip()}→{role or '?'}" for t, role in zip(texts, column_roles(texts)) if t.strip())
            lines.append(_line(row.origin, "table header", roles))
            continue
        origin = row.origin
        role = task_at.get((origin.line, origin.page, origin.table, origin.row), "row (section, or not read)")
        lines.append(_line(origin, role, " | ".join(t.strip() for t in texts)))
    return lines


def _line(origin: Origin, role: str, text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    shown = text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"
    return f"{origin.describe():<24} {role:<30} {shown}"
