"""Hostile paths and outputs: special files, symlink loops, names that are not UTF-8, standard
input, outputs that cannot be written, and CSV cells that Excel would run as formulas.

Decisions pinned here:
- only regular files are read: a FIFO, socket, device or folder is refused unopened as
  ``special_file`` (a FIFO would hang the reader, /dev/zero never ends);
- ``-`` (and /dev/stdin naming it) reads standard input, with --max-bytes counted while reading;
- symlinks to folders are not followed below a folder or a glob, so a loop cannot make the
  search endless; a file symlink loop is an ``unreadable`` error row;
- a name that is not UTF-8 is written with ``\\xNN`` escapes for its stray bytes;
- with --excel a text cell starting with = + - @, a tab or a carriage return gets a leading ';
  plain CSV, JSON and JSONL keep the text exact.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mszs.api import parse
from mszs.batch import find_inputs, run
from mszs.cli import app
from mszs.emit.tables import escape_formula, write_csv
from mszs.errors import MszsError

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "samples" / "notices" / "000_cf055cc25e80d216.txt"
SPECIAL = "; mszs reads regular files only (- reads standard input)"
LOOP = "cannot open the file: Too many levels of symbolic links"
MSZS = [sys.executable, "-c", "from mszs.cli import app; app(prog_name='mszs')"]
runner = CliRunner()


def special_files(folder: Path) -> dict[str, tuple[str, str]]:
    """Make a FIFO, a socket, a device symlink and a symlink loop in ``folder``:
    name → (kind, message) each must fail with."""
    os.mkfifo(folder / "pipe.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / "socket.txt"))
    listener.close()
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    return {
        "pipe.txt": ("special_file", "not a regular file but a named pipe (FIFO)" + SPECIAL),
        "socket.txt": ("special_file", "not a regular file but a socket" + SPECIAL),
        "zero.txt": ("special_file", "not a regular file but a character device" + SPECIAL),
        "loop-a.txt": ("unreadable", LOOP),
        "loop-b.txt": ("unreadable", LOOP),
    }


def test_special_files_are_refused_unopened(tmp_path):
    for name, (kind, message) in special_files(tmp_path).items():
        path = tmp_path / name
        started = time.monotonic()
        with pytest.raises(MszsError) as caught:
            parse(path)
        assert (caught.value.kind, str(caught.value)) == (kind, message)
        result = runner.invoke(app, ["parse", str(path)])
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"mszs: {path}: {message}\n")
        assert time.monotonic() - started < 5
    result = runner.invoke(app, ["parse", str(tmp_path)])
    assert result.stderr == f"mszs: {tmp_path}: not a regular file but a folder{SPECIAL}\n"


def test_standard_input_is_read_within_max_bytes():
    data = NOTICE.read_bytes()
    for name in ("-", "/dev/stdin"):
        result = subprocess.run([*MSZS, "parse", name], input=data, capture_output=True)
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["source"]["path"] == name
        assert len(json.loads(result.stdout)["projects"]) == len(parse(NOTICE).projects)
        result = subprocess.run([*MSZS, "parse", name, "--max-bytes", "1000"], input=data, capture_output=True)
        assert (result.returncode, result.stderr.decode()) == (
            1, f"mszs: {name}: the input goes on past the limit of 1,000 bytes (--max-bytes)\n")


def test_endless_standard_input_stops_at_max_bytes():
    with open("/dev/zero", "rb") as zeros:
        result = subprocess.run([*MSZS, "parse", "-", "--max-bytes", "5000000"],
                                stdin=zeros, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (
        1, "mszs: -: the input goes on past the limit of 5,000,000 bytes (--max-bytes)\n")


@pytest.mark.parametrize("args", [["-f", "json"], ["-f", "csv", "-t", "tasks"], ["-f", "xlsx"]])
def test_unwritable_outputs_are_one_line(args, tmp_path):
    outputs = {
        tmp_path / "missing" / "out": "No such file or directory",
        tmp_path: "Is a directory",
        NOTICE / "out": "Not a directory",
    }
    for output, reason in outputs.items():
        result = runner.invoke(app, ["parse", str(NOTICE), *args, "-o", str(output)])
        assert (result.exit_code, result.stdout) == (1, ""), result.output
        assert result.stderr == f"mszs: {output}: cannot write the output: {reason}\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_one_line(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir(mode=0o555)
    result = runner.invoke(app, ["parse", str(NOTICE), "-o", str(folder / "x.json")])
    assert (result.exit_code, result.stderr) == (1, f"mszs: {folder / 'x.json'}: cannot write the output: Permission denied\n")


def test_batch_output_under_a_file_is_one_line(tmp_path):
    for output, reason in ((NOTICE / "out", "Not a directory"), (NOTICE, "Not a directory")):
        result = runner.invoke(app, ["batch", str(NOTICE), "-o", str(output), "-q"])
        assert (result.exit_code, result.stdout) == (1, ""), result.output
        assert result.stderr.startswith(f"mszs: {output}") and result.stderr.endswith(f": cannot write the output: {reason}\n")
        assert result.stderr.count("\n") == 1


def test_glob_over_a_folder_symlink_loop_ends(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(NOTICE, folder / "sub" / "a.txt")
    (folder / "sub" / "back").symlink_to(folder)  # in/sub/back/sub/back/… for ever
    (folder / "sub" / ".hidden.txt").write_text("x", encoding="utf-8")
    expected = [folder / "sub" / "a.txt"]
    assert find_inputs([f"{folder}/**/*.txt"]) == expected
    assert find_inputs([folder]) == expected


def test_a_batch_of_special_files_and_odd_names_loses_nothing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    bad = special_files(folder)
    shutil.copy(NOTICE, folder / "good.txt")
    gbk_name = os.fsencode(folder) + b"/" + "关于".encode("gbk") + b".txt"
    with open(gbk_name, "wb") as file:
        file.write(NOTICE.read_bytes().replace("民生".encode(), "为民".encode()))
    (folder / "=HYPERLINK(1).txt").write_bytes(b"")
    shown_gbk = str(folder) + "/\\xb9\\xd8\\xd3\\xda.txt"

    started = time.monotonic()
    summary = run([folder], tmp_path / "out", workers=2, timeout=60, excel=True, formats=["csv", "jsonl"])
    assert time.monotonic() - started < 30  # special files do not wait for a timeout

    with open(tmp_path / "out" / "errors.csv", encoding="utf-8-sig", newline="") as errors:
        rows = {row["path"]: (row["kind"], row["message"]) for row in csv.DictReader(errors)}
    expected = {str(folder / name): failure for name, failure in bad.items()}
    expected[str(folder / "=HYPERLINK(1).txt")] = ("unreadable", "the file is empty")
    assert rows == expected
    assert (summary.parsed, summary.failed) == (2, len(expected))
    paths = {json.loads(line)["source"]["path"] for line in (tmp_path / "out" / "notices.jsonl").open(encoding="utf-8")}
    assert paths == {str(folder / "good.txt"), shown_gbk}


def test_csv_for_excel_escapes_formulas_and_plain_csv_keeps_them(tmp_path):
    attacks = ["=HYPERLINK(\"http://x\",\"点此\")", "@SUM(1+1)*cmd|' /C calc'!A0", "=cmd|'/C calc'!A0",
               "+1+1", "-2+3", "\t=1", "\r=1"]
    assert [escape_formula(a) for a in attacks] == ["'" + a for a in attacks]
    assert [escape_formula(v) for v in ("县财政局", "", None, -5, 3.5, "1=1")] == ["县财政局", "", None, -5, 3.5, "1=1"]
    text = NOTICE.read_text(encoding="utf-8")
    content = "全力攻坚“三小车辆”整治"
    assert content in text
    path = tmp_path / "notice.txt"
    path.write_text(text.replace(content, "=HYPERLINK(\"http://x\",\"点此\")", 1), encoding="utf-8")
    notice = parse(path)
    for excel in (False, True):
        write_csv([notice], tmp_path / str(excel), excel=excel)
    with open(tmp_path / "False" / "tasks.csv", encoding="utf-8", newline="") as plain, \
            open(tmp_path / "True" / "tasks.csv", encoding="utf-8-sig", newline="") as excel:
        plain_rows, excel_rows = list(csv.DictReader(plain)), list(csv.DictReader(excel))
    raw = [row["content"] for row in plain_rows if row["content"].startswith("=")]
    assert raw and [row["content"] for row in excel_rows if row["content"].startswith("'=")] == ["'" + c for c in raw]
    assert not [row for row in excel_rows for cell in row.values() if cell[:1] in ("=", "+", "@", "\t", "\r")]
    assert any(task.content.startswith("=HYPERLINK") for project in notice.projects for task in project.tasks)


def test_a_name_that_is_not_utf8_is_shown_escaped_by_parse(tmp_path):
    name = os.fsencode(tmp_path) + b"/" + "关于".encode("gbk") + b".txt"
    with open(name, "wb") as file:
        file.write(NOTICE.read_bytes())
    shown = f"{tmp_path}/\\xb9\\xd8\\xd3\\xda.txt"
    result = subprocess.run([*MSZS, "parse", os.fsdecode(name)], capture_output=True)
    assert result.returncode == 0
    assert json.loads(result.stdout.decode("utf-8"))["source"]["path"] == shown
    with open(name, "wb"):
        pass
    result = subprocess.run([*MSZS, "parse", os.fsdecode(name)], capture_output=True)
    assert (result.returncode, result.stderr.decode("utf-8")) == (1, f"mszs: {shown}: the file is empty\n")


def test_errors_csv_for_excel_escapes_a_file_named_like_a_formula(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("=HYPERLINK(1).txt").write_bytes(b"")
    run(["."], "out", workers=1, excel=True)
    with open("out/errors.csv", encoding="utf-8-sig", newline="") as errors:
        assert [row["path"] for row in csv.DictReader(errors)] == ["'=HYPERLINK(1).txt"]
    run(["."], "plain", workers=1)
    with open("plain/errors.csv", encoding="utf-8", newline="") as errors:
        assert [row["path"] for row in csv.DictReader(errors)] == ["=HYPERLINK(1).txt"]
