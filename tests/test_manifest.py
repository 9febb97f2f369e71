"""files.csv, the manifest of a batch: every input path once, and --resume that reads it."""
import csv
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from mszs import batch
from mszs.batch import run
from mszs.emit.tables import FILES_COLUMNS
from mszs.manifest import read_fingerprints

SAMPLES = Path(__file__).parent.parent / "samples"
TEXTS = sorted((SAMPLES / "notices").glob("*.txt"))


@pytest.fixture
def inputs(tmp_path) -> Path:
    """Three notices, two copies of the first, a broken file and a copy of it."""
    folder = tmp_path / "in"
    (folder / "copies").mkdir(parents=True)
    for i, text in enumerate(TEXTS[:3]):
        shutil.copyfile(text, folder / f"{i}.txt")
    shutil.copyfile(TEXTS[0], folder / "copies" / "a.txt")
    shutil.copyfile(TEXTS[0], folder / "copies" / "b.txt")
    (folder / "broken.txt").write_bytes(bytes(300))
    (folder / "copies" / "broken.txt").write_bytes(bytes(300))
    return folder


def read_manifest(out: Path) -> dict[str, dict]:
    with open(out / "files.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert tuple(rows[0]) == FILES_COLUMNS
    paths = [row["path"] for row in rows]
    assert paths == sorted(paths) and len(set(paths)) == len(paths), "one row per path, sorted"
    return {row["path"]: row for row in rows}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_input_path_has_one_row_copies_included(inputs, tmp_path):
    out = tmp_path / "out"
    summary = run([inputs], out, workers=2)
    assert (summary.parsed, summary.failed, summary.skipped) == (3, 2, 2)
    rows = read_manifest(out)
    assert set(rows) == {str(p) for p in inputs.rglob("*.txt")}
    assert {path: row["status"] for path, row in rows.items()} == {
        str(inputs / "0.txt"): "parsed", str(inputs / "1.txt"): "parsed", str(inputs / "2.txt"): "parsed",
        str(inputs / "broken.txt"): "failed",
        str(inputs / "copies" / "a.txt"): "copy", str(inputs / "copies" / "b.txt"): "copy",
        str(inputs / "copies" / "broken.txt"): "copy",
    }
    for path, row in rows.items():
        info = os.stat(path)
        assert (row["sha256"], int(row["size"]), int(row["mtime_ns"])) == (
            sha256(Path(path)), info.st_size, info.st_mtime_ns)
    first, copy = rows[str(inputs / "0.txt")], rows[str(inputs / "copies" / "b.txt")]
    assert (copy["notice_id"], copy["json"], copy["kind"]) == (first["sha256"][:16], f"json/{first['sha256']}.json", "")
    assert (first["notice_id"], first["json"]) == (copy["notice_id"], copy["json"])
    assert (out / copy["json"]).exists()
    assert float(first["seconds"]) > 0 and copy["seconds"] == ""
    broken, broken_copy = rows[str(inputs / "broken.txt")], rows[str(inputs / "copies" / "broken.txt")]
    assert (broken_copy["kind"], broken_copy["notice_id"], broken_copy["json"]) == (broken["kind"], "", "")
    assert broken_copy["message"] == broken["message"] != ""

def test_resume_hashes_only_the_files_that_changed(inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run([inputs], out, workers=2)
    hashed = []
    real = batch._fingerprint

    def counting(path, max_bytes):
        hashed.append(str(path))
        return real(path, max_bytes)

    monkeypatch.setattr(batch, "_fingerprint", counting)
    summary = run([inputs], out, workers=2, resume=True)
    assert hashed == [], "nothing changed: every sha256 comes from the manifest"
    assert (summary.parsed, summary.failed, summary.skipped) == (0, 2, 5)  # the failed file is tried again
    assert {row["status"] for row in read_manifest(out).values()} == {"skipped", "copy", "failed"}

    hashed.clear()
    changed = inputs / "1.txt"
    data = changed.read_bytes()
    changed.write_bytes(TEXTS[3].read_bytes())  # new bytes, new modification time
    summary = run([inputs], out, workers=2, resume=True)
    assert str(changed) in hashed and str(inputs / "2.txt") not in hashed
    assert summary.parsed == 1
    assert read_manifest(out)[str(changed)]["sha256"] == sha256(changed) != hashlib.sha256(data).hexdigest()


def test_resume_after_a_kill_reads_the_rows_written_so_far(inputs, tmp_path):
    out = tmp_path / "out"
    run([inputs], out, workers=1)
    manifest = (out / "files.csv").read_text(encoding="utf-8")
    cut = manifest[: manifest.index("\n", manifest.index("\n") + 1) + 20]  # the header, a row, and a part of one
    (out / "files.csv").write_text(cut, encoding="utf-8")
    known = read_fingerprints(out / "files.csv")
    assert len(known) == 1
    summary = run([inputs], out, workers=1, resume=True)
    assert summary.skipped == 5 and len(read_manifest(out)) == 7


def test_no_manifest_or_a_foreign_file_means_no_fingerprints(tmp_path):
    assert read_fingerprints(tmp_path / "files.csv") == {}
    (tmp_path / "files.csv").write_text("path,sha256\nx,y\n", encoding="utf-8")
    assert read_fingerprints(tmp_path / "files.csv") == {}
