"""Inputs named by fsspec URLs: listed like folders, read by whoever converts them, resumed from files.csv."""
import csv
import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("fsspec")

from mszs import batch  # noqa: E402
from mszs.batch import run  # noqa: E402
from mszs.sources import find_urls, read_url  # noqa: E402

pytestmark = pytest.mark.dask

SAMPLES = Path(__file__).parent.parent / "samples"


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    texts = sorted((SAMPLES / "notices").glob("*.txt"))
    shutil.copyfile(texts[0], folder / "a.txt")
    shutil.copyfile(texts[1], folder / "sub" / "b.txt")
    shutil.copyfile(texts[0], folder / "sub" / "copy.txt")
    shutil.copyfile(SAMPLES / "html" / "000_cf055cc25e80d216.html", folder / "c.html")
    (folder / "notes.md").write_text("not a notice", encoding="utf-8")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    return folder


def test_a_folder_url_gives_its_notice_files(folder):
    url = folder.as_uri()
    assert find_urls([url], batch.SUFFIXES) == [f"{url}/a.txt", f"{url}/c.html", f"{url}/sub/b.txt",
                                                 f"{url}/sub/copy.txt"]
    assert find_urls([f"{url}/sub/*.txt"], batch.SUFFIXES) == [f"{url}/sub/b.txt", f"{url}/sub/copy.txt"]
    with pytest.raises(FileNotFoundError, match="no-such"):
        find_urls([f"{url}/no-such*.txt"], batch.SUFFIXES)


def test_read_url_applies_the_byte_limit(folder):
    url = (folder / "a.txt").as_uri()
    assert read_url(url, None) == (folder / "a.txt").read_bytes()
    with pytest.raises(Exception, match="over the limit of 100 bytes") as caught:
        read_url(url, 100)
    assert caught.value.kind == "too_large"


def test_a_batch_over_urls_gives_the_notices_of_the_same_files_as_paths(folder, tmp_path, monkeypatch):
    url = folder.as_uri()
    by_url = run([url], tmp_path / "by-url", formats=["jsonl"], workers=2)
    by_path = run([folder], tmp_path / "by-path", formats=["jsonl"], workers=2)
    assert (by_url.parsed, by_url.skipped, by_url.failed) == (by_path.parsed, by_path.skipped, by_path.failed) == (3, 1, 0)
    for name in sorted(p.name for p in (tmp_path / "by-path" / "json").glob("*.json")):
        notice_by_url = json.loads((tmp_path / "by-url" / "json" / name).read_text(encoding="utf-8"))
        notice_by_path = json.loads((tmp_path / "by-path" / "json" / name).read_text(encoding="utf-8"))
        assert notice_by_url["source"]["path"] == url + notice_by_path["source"]["path"].removeprefix(str(folder))
        notice_by_url["source"]["path"] = notice_by_path["source"]["path"]
        assert notice_by_url == notice_by_path
    with open(tmp_path / "by-url" / "files.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["path"] for row in rows] == find_urls([url], batch.SUFFIXES)
    assert all(row["size"] and row["mtime_ns"] for row in rows)

    read = []
    monkeypatch.setattr(batch, "fingerprint_url", lambda url, max_bytes: read.append(url))
    resumed = run([url], tmp_path / "by-url", workers=2, resume=True)
    assert (resumed.parsed, resumed.skipped) == (0, 4) and read == [], "sizes and times from files.csv"
