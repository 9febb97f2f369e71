"""What two parses of the same notice must share, field by field, whatever the format."""
import re

NOTICE_FIELDS = ("doc_number", "issuer", "title", "issue_date", "year", "region", "recipients", "attachments")


def squash(text) -> str:
    return re.sub(r"\s+", "", str(text or ""))


def comparable_fields(notice) -> dict:
    """Comparable fields of a parsed notice: name → value."""
    data = notice.model_dump(mode="json")
    fields = {f"notice.{name}": data["notice"][name] for name in NOTICE_FIELDS}
    fields["projects"] = [(p["seq"], squash(p["name"]), len(p["tasks"])) for p in data["projects"]]
    for project in data["projects"]:
        for t, task in enumerate(project["tasks"]):
            key = f"project {project['seq']} task {t + 1}"
            fields[f"{key} content"] = squash(task["content"])
            fields[f"{key} lead_units"] = task["lead_units"]
            fields[f"{key} co_units"] = task["co_units"]
            fields[f"{key} leaders"] = task["leaders"]
            fields[f"{key} deadline"] = (task["deadline"] or {}).get("date")
            fields[f"{key} milestones"] = [m["date"] for m in task["milestones"]]
            fields[f"{key} targets"] = sorted((t["value"], t["unit"]) for t in task["targets"])
    return fields


def differences(expected: dict, got: dict) -> list[str]:
    """Each field whose value differs: ``name: expected … got …``."""
    return [f"{name}: expected {value!r} got {got.get(name)!r}" for name, value in expected.items()
            if got.get(name) != value]
