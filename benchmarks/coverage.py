"""How much of each real notice mszs reads, without anyone labelling it.

    python benchmarks/coverage.py                  # corpus/notices, a Markdown report on stdout
    python benchmarks/coverage.py DIR --worst 15   # another folder; the 15 worst rows only

Per notice: projects and tasks found; the share of tasks with units, with a
date (deadline or milestone), with targets; the share of the notice's Han
characters that ended in some field of the output (notice fields and every task
field; page chrome lowers it, so compare notices with each other, not with 1);
the header words and labels mszs met but could not place; and its warnings. A
notice with a list that reads as no projects shows 0 tasks and sorts to the top.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from mszs import parse
from mszs.errors import MszsError

_HAN = re.compile(r"[\u4e00-\u9fff]")
_UNKNOWN = re.compile(r"header words mszs does not know, kept in remarks: (.+)$")
TASK_TEXTS = ("content", "progress", "problems", "next_steps", "remarks")
NOTICE_TEXTS = ("doc_number", "issuer", "title", "region")


def coverage(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8", errors="replace")
    try:
        notice = parse(path)
    except MszsError as exc:
        return {"notice": path.stem, "error": str(exc)}
    tasks = [task for project in notice.projects for task in project.tasks]
    read = [getattr(notice.notice, f) or "" for f in NOTICE_TEXTS]
    read += [p.name or "" for p in notice.projects]
    for task in tasks:
        read += [getattr(task, f) or "" for f in TASK_TEXTS]
        read += task.lead_units + task.co_units + task.leaders
        read += [m.text for m in task.milestones] + ([task.deadline.text] if task.deadline else [])
    n = len(tasks) or 1
    unknown = [m.group(1) for w in notice.warnings for m in [_UNKNOWN.search(w)] if m]
    return {
        "notice": path.stem,
        "projects": len(notice.projects),
        "tasks": len(tasks),
        "units": sum(bool(t.lead_units or t.co_units) for t in tasks) / n,
        "dates": sum(bool(t.deadline or t.milestones) for t in tasks) / n,
        "targets": sum(bool(t.targets) for t in tasks) / n,
        "text read": min(1.0, len(_HAN.findall("".join(read))) / max(1, len(_HAN.findall(raw)))),
        "unknown": "、".join(unknown),
        "warnings": len(notice.warnings),
    }


def report(rows: list[dict], worst: int | None) -> str:
    ok = [r for r in rows if "error" not in r]
    total_tasks = sum(r["tasks"] for r in ok)
    weight = lambda key: sum(r[key] * r["tasks"] for r in ok) / max(1, total_tasks)  # noqa: E731
    lines = [
        f"{len(rows)} notices: {sum(r['projects'] for r in ok)} projects, {total_tasks} tasks; "
        f"{sum(1 for r in ok if r['tasks'] == 0)} read as no projects, {len(rows) - len(ok)} failed; "
        f"tasks with units {weight('units'):.0%}, dates {weight('dates'):.0%}, targets {weight('targets'):.0%}; "
        f"text read {sum(r['text read'] for r in ok) / max(1, len(ok)):.0%} (mean per notice)",
        "",
        "| notice | projects | tasks | units | dates | targets | text read | unknown headers | warnings |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    ordered = sorted(rows, key=lambda r: ("error" not in r, r.get("tasks", 0) > 0, r.get("text read", 0)))
    for r in ordered[:worst] if worst else ordered:
        if "error" in r:
            lines.append(f"| {r['notice']} | failed: {r['error']} | | | | | | | |")
            continue
        lines.append(f"| {r['notice']} | {r['projects']} | {r['tasks']} | {r['units']:.0%} | {r['dates']:.0%} | "
                     f"{r['targets']:.0%} | {r['text read']:.0%} | {r['unknown']} | {r['warnings']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=Path(__file__).parent.parent / "corpus" / "notices")
    parser.add_argument("--worst", type=int, help="only this many rows, worst first")
    args = parser.parse_args(argv)
    paths = sorted(p for p in args.folder.iterdir() if p.is_file() and not p.name.startswith("."))
    if not paths:
        sys.exit(f"no notices in {args.folder}")
    print(report([coverage(p) for p in paths], args.worst))


if __name__ == "__main__":
    main()
