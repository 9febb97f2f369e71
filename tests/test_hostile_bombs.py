"""Memory and time bombs that pass the size limits: each is built in the test (some stand for
gigabytes), read within a memory cap, and must end in seconds with its result or its exact error.

The cap (the process's address space as it is now, plus 400 MB) makes a bomb that still takes
gigabytes fail as "needs more memory than the limit allows" instead of taking the machine, which
no case below expects. The times are loose bounds for a loaded machine, not benchmarks.

Decisions pinned here:
- DOCX spans (w:gridSpan, w:gridBefore) are cut to the table's grid (at least Word's 63 columns);
- a DOCX whose zip directory lies about a part's size is read as far as the claim, never further;
- all the tables of a document may expand to at most 100,000 grid cells, else ``too_large``;
- --max-memory (a worker's address space) turns what the readers do not foresee into ``too_large``.
"""
from __future__ import annotations

import resource
import time

import pytest
from typer.testing import CliRunner

import fixtures.hostile as hostile
from mszs.api import parse_bytes
from mszs.cli import app
from mszs.document import CellBudget
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
    from mszs.parsers import docx

    monkeypatch.setattr(docx, "MAX_GRID_COLUMNS", 10**9)  # as before spans were cut
    monkeypatch.setattr(docx, "MAX_DECLARED_COLUMNS", 10**9)
    monkeypatch.setattr(docx, "CellBudget", lambda: CellBudget(10**12))
    path = tmp_path / "span.docx"
    path.write_bytes(hostile.docx_grid_span(10**9))
    started = time.monotonic()
    result = runner.invoke(app, ["parse", str(path), "--max-memory", str(address_space() // 1024**2 + 300)])
    assert time.monotonic() - started < 60
    assert (result.exit_code, result.stderr) == (
        1, f"mszs: {path}: reading it needs more memory than the limit allows (--max-memory)\n")
