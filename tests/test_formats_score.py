"""Every sample format reads like its text version.

The samples under samples/{docx,html,pdf,doc,ofd} carry the same notices as
samples/notices/*.txt. Parsing each must give the same notice fields and the
same projects and tasks as the text version, field by field (a PDF cell line
wrapped at a space included: the space is found after the line's last character
even where the content stream holds it first). A drift in a reader, or an
interpreter rule that only holds for one format, shows up here.
"""
import shutil
from pathlib import Path

import pytest

from mszs.api import parse
from notice_fields import comparable_fields, differences

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TEXTS = sorted((SAMPLES / "notices").glob("*.txt"))
FORMATS = ("doc", "docx", "html", "pdf", "ofd")


@pytest.fixture(scope="module")
def text_fields():
    return {path.stem: comparable_fields(parse(path)) for path in TEXTS}


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_reads_like_text(fmt, text_fields):
    samples = sorted((SAMPLES / fmt).glob(f"*.{fmt}"))
    if fmt == "doc" and not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed")
    assert samples, f"no samples in samples/{fmt}"
    found = []
    for path in samples:
        expected, got = text_fields[path.stem], comparable_fields(parse(path))
        assert got["projects"] == expected["projects"], f"{path.name}: projects differ"
        found += [f"{path.name} {difference}" for difference in differences(expected, got)]
    assert not found, "\n".join(found)
