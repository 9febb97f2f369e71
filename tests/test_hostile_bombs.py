"""Memory and time bombs that pass the size limits: each is built in the test (some stand for
gigabytes), read within a memory cap, and must end in seconds with its result or its exact error.

The cap (the process's address space as it is now, plus 400 MB) makes a bomb that still takes
gigabytes fail as "needs more memory than the limit allows" instead of taking the machine, which
no case below expects. The times are loose bounds for a loaded machine, not benchmarks.

Decisions pinned here:
- DOCX spans (w:gridSpan, w:gridBefore) are cut to the table's grid (at least Word's 63 columns);
- a DOCX whose zip directory lies about a part's size is read as far as the claim, never further;
- all the tables of a document may expand to at most 100,000 grid cells, else ``too_large``;
- a document may have at most 50,000 lines or paragraphs, counted before reading where cheap
  (newlines of text, pieces of text before a tag in HTML, w:p in DOCX);
- a PDF page may show at most 200,000 characters, counted in its content before pdfminer builds them;
  every /FlateDecode layer of a stream counts toward its 256 MB; a PDF with no object is refused at once;
- --max-memory (a worker's address space) turns what the readers do not foresee into ``too_large``.
"""
from __future__ import annotations

import csv
import resource
import shutil
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import fixtures.hostile as hostile
from mszs.api import parse_bytes
from mszs.cli import app
from mszs.errors import MszsError

SAMPLE_PROJECTS = 10  # in samples/docx/000_cf055cc25e80d216.docx
CELLS = "the tables expand to more than 100,000 cells, far more than a notice has (spans built to blow up?)"
HEADROOM = 400 * 1024**2
runner = CliRunner()


def address_space() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def read_capped(data: bytes):
    """Parse ``data`` with the address space capped; the notice, or the error's (kind, message)."""
    resource.setrlimit(resource.RLIMIT_AS, (address_space() + HEADROOM, resource.getrlimit(resource.RLIMIT_AS)[1]))
    try:
        return parse_bytes(data)
    except MszsError as exc:
        return exc.kind, str(exc)


# name → (builder, seconds, the number of projects or the (kind, message) expected)
CASES = {
    "docx gridSpan 50,000,000": (hostile.docx_grid_span, 10, 1),
    "docx gridBefore 50,000,000": (hostile.docx_grid_before, 10, 0),
    "docx directory claims the real size, part inflates to 2 GiB": (hostile.docx_lying_sizes, 10, SAMPLE_PROJECTS),
    "html 300 cells rowspan=1000 colspan=1000": (hostile.html_spans, 15, ("too_large", CELLS)),
    "html 1,000 rows of 20 cells colspan=1000": (lambda: hostile.html_wide_rows(1000, 20, 1000), 15,
                                                 ("too_large", CELLS)),
    "docx 15 MB of paragraphs": (hostile.docx_many_paragraphs, 15,
                                 ("too_large", "416,666 paragraphs, over the 50,000 a notice may have")),
    "html 9.5 MB of paragraphs": (hostile.html_many_paragraphs, 10,
                                  ("too_large", "339,285 pieces of text in the page, over the 50,000 a notice may have")),
    "text 9 MB of short lines": (hostile.text_short_lines, 5,
                                 ("too_large", "4,500,001 lines of text, over the 50,000 a notice may have")),
    "text 9 MB on one line": (hostile.text_one_line, 15, 0),
    "pdf 3,000,000 characters in one Tj": (hostile.pdf_long_string, 10, (
        "too_large", "page 1 of the PDF shows 3,000,000 characters, over the 200,000 a page may hold")),
    "pdf /FlateDecode /FlateDecode around 1 GiB of spaces": (hostile.pdf_double_flate, 10, (
        "too_large", "the PDF has a stream that would inflate past 268,435,456 bytes (a zip bomb?)")),
    "pdf 190 MB of padding after its header": (hostile.pdf_padding, 10,
                                               ("unreadable", "a damaged PDF (no objects after its header)")),
}


@pytest.mark.parametrize("name", CASES)
def test_bomb_ends_in_seconds_within_the_memory_cap(name):
    build, seconds, expected = CASES[name]
    data = build()
    started = time.monotonic()
    result = read_capped(data)
    assert time.monotonic() - started < seconds
    assert (len(result.projects) if not isinstance(result, tuple) else result) == expected


def test_max_memory_turns_an_unforeseen_bomb_into_too_large(tmp_path, monkeypatch):
    from mszs.parsers import text

    def bomb(data: bytes):  # a reader that a file drives to 10 GB
        return [data * (10 * 1024**3 // len(data))]

    monkeypatch.setattr(text, "read_text", bomb)
    path = tmp_path / "notice.txt"
    path.write_bytes(b"x\n")
    result = runner.invoke(app, ["parse", str(path), "--max-memory", str(address_space() // 1024**2 + 300)])
    assert (result.exit_code, result.stderr) == (
        1, f"mszs: {path}: reading it needs more memory than the limit allows (--max-memory)\n")


def test_one_mixed_batch_of_every_bomb_loses_nothing(tmp_path):
    from test_hostile_paths import special_files

    folder = tmp_path / "in"
    folder.mkdir()
    samples = Path(hostile.SAMPLES)
    good = [samples / "notices" / "000_cf055cc25e80d216.txt", samples / "html" / "001_be0f0dff2b54a5e7.html",
            samples / "docx" / "002_22dbb4daa77c740a.docx", samples / "pdf" / "004_2795aed58e8eed1f.pdf"]
    for n, path in enumerate(good):
        shutil.copy(path, folder / f"good {n}{path.suffix}")
    suffixes = {"docx": ".docx", "html": ".html", "pdf": ".pdf", "text": ".txt"}
    expected = {}
    for n, (name, (build, _, result)) in enumerate(CASES.items()):
        path = folder / f"bomb {n}{suffixes[name.split()[0]]}"
        path.write_bytes(build())
        if isinstance(result, tuple):
            expected[path.name] = result[0]
    expected.update({name: kind for name, (kind, _) in special_files(folder).items()})
    parsed = len(good) + len(CASES) - sum(isinstance(result, tuple) for _, _, result in CASES.values())

    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out"), "-w", "2", "-q"])

    assert result.exit_code == 0, result.output
    with open(tmp_path / "out" / "errors.csv", encoding="utf-8", newline="") as errors:
        assert {Path(row["path"]).name: row["kind"] for row in csv.DictReader(errors)} == expected
    assert len(list((tmp_path / "out" / "json").glob("*.json"))) == parsed
    assert f": {parsed + len(expected)} files in " in result.stderr and f" {parsed} parsed, {len(expected)} failed" in result.stderr
