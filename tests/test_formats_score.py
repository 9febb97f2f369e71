"""Every sample format reads like its text version.

The samples under samples/{docx,html,pdf,doc,ofd} carry the same notices as
samples/notices/*.txt. Parsing each must give the same notice fields and the
same projects and tasks as the text version, field by field (a PDF cell line
wrapped at a space included: the space is found after the line's last character
even where the content stream holds it first). A drift in a reader, or an
interpreter rule that only holds for one format, shows up here.
"""
import re
import shutil
from pathlib import Path

import pytest

from mszs.api import parse

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEXTS = sorted((SAMPLES / "notices").glob("*.txt"))
NOTICE_FIELDS = ("doc_number", "issuer", "title", "issue_date", "year", "region", "recipients", "attachments")
FORMATS = ("doc", "docx", "html", "pdf", "ofd")


def _squash(text) -> str:
    return re.sub(r"\s+", "", str(text or ""))


def _fields(notice) -> dict:
    """Comparable fields of a parsed notice: name → value."""
    data = notice.model_dump(mode="json")
    fields = {f"notice.{name}": data["notice"][name] for name in NOTICE_FIELDS}
    fields["projects"] = [(p["seq"], _squash(p["name"]), len(p["tasks"])) for p in data["projects"]]
    for p, project in enumerate(data["projects"]):
        for t, task in enumerate(project["tasks"]):
            key = f"project {project['seq']} task {t + 1}"
            fields[f"{key} content"] = _squash(task["content"])
            fields[f"{key} lead_units"] = task["lead_units"]
            fields[f"{key} co_units"] = task["co_units"]
            fields[f"{key} leaders"] = task["leaders"]
            fields[f"{key} deadline"] = (task["deadline"] or {}).get("date")
            fields[f"{key} milestones"] = [m["date"] for m in task["milestones"]]
            fields[f"{key} targets"] = sorted((t["value"], t["unit"]) for t in task["targets"])
    return fields


@pytest.fixture(scope="module")
def text_fields():
    return {path.stem: _fields(parse(path)) for path in TEXTS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_reads_like_text(fmt, text_fields):
    samples = sorted((SAMPLES / fmt).glob(f"*.{fmt}"))
    if fmt == "doc" and not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed")
    assert samples, f"no samples in samples/{fmt}"
    compared, differences = 0, []
    for path in samples:
        expected, got = text_fields[path.stem], _fields(parse(path))
        assert got["projects"] == expected["projects"], f"{path.name}: projects differ"
        for name, value in expected.items():
            compared += 1
            if got.get(name) != value:
                differences.append(f"{path.name} {name}: text {value!r} {fmt} {got.get(name)!r}")
    assert compared and not differences, "\n".join(differences)
