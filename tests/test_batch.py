"""`mszs batch`: nothing lost, nothing half-written, the same bytes for the same inputs.

One archive is built per session: every sample (all formats), 200 copies of
the text notices under varied names and encodings, a few exact duplicates, a
few corrupt files and some files a folder walk must ignore.
"""
import csv
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mszs import batch
from mszs.api import parse
from mszs.batch import find_inputs, run
from mszs.errors import MszsError

SAMPLES = Path(__file__).parent.parent / "samples"
TEXTS = sorted((SAMPLES / "notices").glob("*.txt"))
QUICK_TEXTS = [TEXTS[i] for i in (0, 2)]  # the copies: the shorter notices keep the tests quick
COPIES = 200
CORRUPT = {
    "broken/empty.txt": b"",
    "broken/blank.txt": b" \r\n\t \n",
    "broken/noise.txt": bytes(5000),
    "broken/garbage.docx": bytes(range(256)) * 20,
    "broken/garbage.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 4,
}


def sample_files():
    # The scanned samples need OCR, minutes of it: tests/test_ocr.py reads a page of one.
    return sorted(p for p in SAMPLES.rglob("*") if p.suffix in batch.SUFFIXES and p.parent.name not in ("expected", "scan"))


def copy_name(i: int) -> str:
    return [
        f"copies/汶上县/{2021 + i % 3}/关于办好民生实事的通知 {i:03d}.txt",
        f"copies/plain/notice-{i}.TXT",
        f"copies/深 层/子 目录/第{i}号 notice.txt",
        f"copies/html-named/{i}.htm",  # text bytes under an HTML name: the format is read from the bytes
    ][i % 4]


def copy_bytes(i: int) -> bytes:
    text = QUICK_TEXTS[i % len(QUICK_TEXTS)].read_text(encoding="utf-8") + "\n" * (i + 1)  # distinct bytes, same notice
    if i % 50 == 7:
        return text.encode("gb18030")
    if i % 50 == 13:
        return text.encode("utf-16")
    if i % 10 == 3:
        return text.replace("\n", "\r\n").encode("utf-8")
    return text.encode("utf-8")


@pytest.fixture(scope="session")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    for sample in sample_files():
        target = root / "samples" / sample.relative_to(SAMPLES)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sample, target)
    for i in range(COPIES):
        target = root / copy_name(i)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(copy_bytes(i))
    for sample in sample_files()[:3]:
        (root / "duplicates").mkdir(exist_ok=True)
        shutil.copyfile(sample, root / "duplicates" / f"副本 {sample.name}")
    docx = sample_files_of(".docx")[0].read_bytes()
    pdf = sample_files_of(".pdf")[0].read_bytes()
    corrupt = dict(CORRUPT, **{"broken/truncated.docx": docx[: len(docx) // 2],
                               "broken/truncated.pdf": pdf[: len(pdf) // 3]})
    for name, data in corrupt.items():
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_bytes(data)
    (root / "copies" / ".hidden.txt").write_text("not taken", encoding="utf-8")
    (root / "copies" / "readme.md").write_text("not taken", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("not taken", encoding="utf-8")
    return root


def sample_files_of(suffix):
    found = [p for p in sample_files() if p.suffix == suffix]
    if not found:
        pytest.skip(f"no {suffix} sample yet")
    return found


def inputs_of(archive: Path) -> list[Path]:
    return sorted((p for p in archive.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(archive).parts) and p.suffix != ".md"), key=str)


@pytest.fixture(scope="session")
def converted(archive, tmp_path_factory):
    """One clean batch over the archive, every format."""
    out = tmp_path_factory.mktemp("out")
    summary = run([archive], out, formats=["jsonl", "csv", "xlsx"], workers=2)
    return summary, out


def read_errors(out: Path) -> dict[str, dict]:
    with open(out / "errors.csv", encoding="utf-8", newline="") as file:
        return {row["path"]: row for row in csv.DictReader(file)}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_input_is_converted_or_listed_as_failed(archive, converted):
    summary, out = converted
    inputs = inputs_of(archive)
    assert summary.total == len(inputs) >= COPIES + len(CORRUPT) + 2
    errors = read_errors(out)
    first_path_of = {}
    for path in inputs:
        first_path_of.setdefault(sha256(path), path)
    for path in inputs:
        if str(path) in errors:
            continue
        written = json.loads((out / "json" / f"{sha256(path)}.json").read_text(encoding="utf-8"))
        assert written["source"]["path"] == str(first_path_of[sha256(path)])
    duplicates = len(inputs) - len(first_path_of)
    failed_duplicates = sum(1 for p in inputs if str(p) in errors and first_path_of[sha256(p)] != p)
    assert summary.skipped == duplicates - failed_duplicates
    assert duplicates == 3
    assert summary.parsed == len(list((out / "json").glob("*.json")))
    assert summary.failed == len(errors)
    assert summary.parsed + summary.failed + summary.skipped == summary.total
    assert not summary.interrupted


def test_failures_carry_the_kind_and_message_of_parse(archive, converted):
    _, out = converted
    errors = read_errors(out)
    assert {str(archive / name) for name in CORRUPT} <= set(errors)
    assert str(archive / "broken/truncated.docx") in errors
    for path, row in errors.items():
        assert row["sha256"] == sha256(Path(path))
        try:
            parse(path)
        except MszsError as exc:
            assert (row["kind"], row["message"]) == (exc.kind, str(exc))
        except Exception as exc:  # a reader still missing or buggy: recorded, not fatal
            assert row["kind"] == "internal" and type(exc).__name__ in row["message"]
        else:
            pytest.fail(f"{path} parses in-process but failed in the batch: {row}")
    assert list(errors) == sorted(errors), "errors.csv is sorted by path"


def test_all_text_notices_and_copies_convert(archive, converted):
    _, out = converted
    errors = read_errors(out)
    for path in inputs_of(archive):
        if path.parts[-2] == "notices" or "copies" in path.parts:
            assert str(path) not in errors, errors.get(str(path))


def test_combined_outputs_hold_every_converted_notice(converted):
    import openpyxl
    import pandas as pd

    summary, out = converted
    notices = [json.loads(line) for line in (out / "notices.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(notices) == summary.parsed
    assert [n["source"]["path"] for n in notices] == sorted(n["source"]["path"] for n in notices)
    tasks = [t for n in notices for p in n["projects"] for t in p["tasks"]]
    expected = {
        "notices": len(notices),
        "projects": sum(len(n["projects"]) for n in notices),
        "tasks": len(tasks),
        "units": sum(len(t["lead_units"]) + len(t["co_units"]) for t in tasks),
        "targets": sum(len(t["targets"]) + sum(len(m["targets"]) for m in t["milestones"]) for t in tasks),
        "milestones": sum(len(t["milestones"]) for t in tasks),
    }
    assert expected["tasks"] > 0
    tables = {name: pd.read_csv(out / f"{name}.csv", keep_default_na=False, dtype=str) for name in expected}
    assert {name: len(frame) for name, frame in tables.items()} == expected
    # every row joins to its parents, one to one
    for child, parent, key in [("projects", "notices", "notice_id"), ("tasks", "projects", "project_id"),
                               ("units", "tasks", "task_id"), ("targets", "tasks", "task_id"),
                               ("milestones", "tasks", "task_id")]:
        joined = tables[child].merge(tables[parent][[key]], on=key, validate="many_to_one")
        assert len(joined) == len(tables[child]), (child, parent)
    workbook = openpyxl.load_workbook(out / "tables.xlsx", read_only=True)
    for name in expected:
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as file:
            rows = list(csv.reader(file))
        width = len(rows[0])  # a streamed sheet has no dimension: read-only rows stop at their last value
        cells = [["" if v is None else str(v) for v in row] + [""] * (width - len(row))
                 for row in workbook[name].iter_rows(values_only=True)]
        assert cells == rows, name


def test_ctrl_c_then_a_crash_then_resume_give_the_same_bytes(archive, converted, tmp_path):
    """Ctrl-C mid-batch (one worker), --resume killed by SIGKILL mid-batch, --resume to the
    end: every finished output kept whole, and the end result is byte for byte the clean batch's."""
    _, clean = converted
    out = tmp_path / "out"

    process = start_batch(archive, out, "--workers", "1")
    wait_for_outputs(process, out, 30)
    os.killpg(process.pid, signal.SIGINT)  # a terminal sends Ctrl-C to the whole process group
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr and "--resume" in stderr
    assert_group_gone(process.pid)
    assert not (out / "notices.csv").exists(), "combined outputs are not written from a partial batch"
    interrupted = assert_outputs_whole(out)

    process = start_batch(archive, out, "--workers", "2", "--resume")
    wait_for_outputs(process, out, len(interrupted) + 30)
    process.kill()
    process.communicate(timeout=30)  # returns once the workers, holding its pipes too, are gone
    assert_group_gone(process.pid)
    killed = assert_outputs_whole(out)
    assert interrupted < killed

    summary = run([archive], out, formats=["jsonl", "csv"], workers=2, resume=True)  # xlsx: see test_emit
    assert summary.skipped >= len(killed)
    assert summary.parsed + summary.skipped + summary.failed == summary.total
    assert_same_outputs(clean, out)  # including no temporary file left by the SIGKILL


def assert_outputs_whole(out: Path) -> set[str]:
    written = {path.name for path in (out / "json").glob("*.json")}
    for name in written:
        json.loads((out / "json" / name).read_text(encoding="utf-8"))
    return written


def start_batch(archive: Path, out: Path, *options: str) -> subprocess.Popen:
    command = [sys.executable, "-c", "from mszs.cli import app; app()", "batch", str(archive), "-o", str(out),
               "--format", "jsonl", "--format", "csv", "--format", "xlsx", *options]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def wait_for_outputs(process: subprocess.Popen, out: Path, count: int) -> None:
    deadline = time.monotonic() + 60
    while len(list((out / "json").glob("*.json"))) < count:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert process.poll() is None, "the batch finished before it could be stopped"


def assert_group_gone(pgid: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    pytest.fail("worker processes outlived the batch")


def assert_same_outputs(expected: Path, actual: Path) -> None:
    names = sorted(p.relative_to(actual) for p in actual.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(expected) for p in expected.rglob("*") if p.is_file() and p.suffix != ".xlsx")
    for name in names:
        if name == Path("files.csv"):
            assert manifest_facts(expected / name) == manifest_facts(actual / name)
        else:
            assert (expected / name).read_bytes() == (actual / name).read_bytes(), name


def manifest_facts(path: Path) -> list[dict]:
    """The rows of files.csv less what differs between equal runs: the seconds taken, and
    whether a converted file was converted in this run or skipped by --resume."""
    with open(path, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        del row["seconds"]
        row["status"] = row["status"].replace("skipped", "parsed")
    return rows


# --- timeouts, crashes and bugs in one file ----------------------------------


@pytest.fixture
def small(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(TEXTS[:3]):
        shutil.copyfile(text, folder / f"{i + 1}.txt")
    (folder / "0-stuck.txt").write_bytes(TEXTS[3].read_bytes())
    return folder


def parse_unless_stuck(action):
    def fake(path, **options):
        if "stuck" in Path(path).name:
            action()
        return parse(path, **options)

    return fake


def test_a_stuck_worker_is_stopped_and_the_batch_goes_on(small, tmp_path, monkeypatch):
    # Workers are forked, so they run the patched parse.
    monkeypatch.setattr(batch, "parse", parse_unless_stuck(lambda: time.sleep(3600)))
    started = time.monotonic()
    summary = run([small], tmp_path / "out", workers=1, timeout=0.5)
    assert time.monotonic() - started < 15
    assert (summary.parsed, summary.failed) == (3, 1)
    [failure] = summary.failures
    assert (failure.path, failure.kind) == (str(small / "0-stuck.txt"), "timeout")
    assert failure.message == "not finished after 0.5 s (--timeout); stopped"
    assert read_errors(tmp_path / "out")[failure.path]["kind"] == "timeout"


def test_a_worker_that_dies_is_replaced(small, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "parse", parse_unless_stuck(lambda: os.kill(os.getpid(), signal.SIGKILL)))
    summary = run([small], tmp_path / "out", workers=2)
    assert (summary.parsed, summary.failed) == (3, 1)
    assert summary.failures[0].kind == "crashed"
    assert "signal 9" in summary.failures[0].message


def test_a_bug_is_recorded_as_internal(small, tmp_path, monkeypatch):
    def bug():
        raise KeyError("oops")

    monkeypatch.setattr(batch, "parse", parse_unless_stuck(bug))
    summary = run([small], tmp_path / "out", workers=2)
    assert summary.failures[0].kind == "internal"
    assert summary.failures[0].message == "internal error (KeyError: 'oops')"


def test_an_output_that_cannot_be_written_is_a_failure(small, tmp_path, monkeypatch):
    def disk_full(path, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch, "write_text", disk_full)
    summary = run([small], tmp_path / "out", workers=2)
    assert summary.failed == 4
    assert {(f.kind, f.message) for f in summary.failures} == {
        ("unwritable", "cannot write the output: No space left on device")}


def test_unknown_format_is_refused_before_anything_is_written(small, tmp_path):
    with pytest.raises(ValueError, match="unknown format cvs: choose from json, jsonl, csv, xlsx"):
        run([small], tmp_path / "out", formats=["cvs"])
    assert not (tmp_path / "out").exists()


def test_max_bytes_refuses_without_reading(small, tmp_path):
    summary = run([small], tmp_path / "out", workers=1, max_bytes=1000)
    assert summary.failed == 4
    assert {failure.kind for failure in summary.failures} == {"too_large"}
    assert {failure.sha256 for failure in summary.failures} == {""}


def test_resume_skips_converted_and_retries_failed(small, tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(batch, "parse", parse_unless_stuck(lambda: os.kill(os.getpid(), signal.SIGKILL)))
    first = run([small], out, workers=2)
    assert (first.parsed, first.failed) == (3, 1)
    monkeypatch.undo()
    second = run([small], out, workers=2, resume=True)
    assert (second.parsed, second.failed, second.skipped) == (1, 0, 3)
    assert read_errors(out) == {}
    third = run([small], out, workers=2)  # without --resume everything is converted again
    assert third.parsed == 4


# --- inputs ------------------------------------------------------------------


def test_inputs_from_files_folders_and_globs(archive, tmp_path):
    expected = inputs_of(archive)
    out = archive / "out"  # inside the folder being searched: never taken as input
    out.mkdir()
    (out / "x.txt").write_text("old output", encoding="utf-8")
    assert find_inputs([archive], exclude=out) == expected
    shutil.rmtree(out)
    assert find_inputs([archive / "copies", archive / "copies" / "plain"]) == find_inputs([archive / "copies"])
    assert find_inputs([f"{archive}/copies/**/*.TXT", archive / "broken" / "empty.txt"]) == sorted(
        [*(archive / "copies" / "plain").glob("*.TXT"), archive / "broken" / "empty.txt"], key=str)
    readme = archive / "copies" / "readme.md"
    assert find_inputs([readme]) == [readme], "a file named on the command line is taken whatever its suffix"
    with pytest.raises(FileNotFoundError, match="no-such"):
        find_inputs([archive, tmp_path / "no-such*.txt"])


# --- progress ----------------------------------------------------------------


def test_progress_is_plain_lines_when_stderr_is_not_a_terminal(capsys):
    summary = batch.Summary(total=10, parsed=4, failed=1)
    lines = batch._PlainLines(summary, every=0)
    time.sleep(0.01)
    lines()
    err = capsys.readouterr().err
    assert err.startswith("mszs: 5/10 files (4 parsed, 1 failed, 0 skipped), ") and "files/s, about" in err


def test_progress_bar_on_a_terminal(small, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    run([small], tmp_path / "out", workers=2, progress=True)
    err = capsys.readouterr().err
    assert "4/4" in err and "files/s" in err and "4 parsed, 0 failed, 0 skipped" in err
