"""`mszs batch --scheduler`: a Dask cluster of 2 worker processes on 127.0.0.1, started here.

The cluster's outputs are the bytes of a local run; a worker killed mid-run
loses no file; a file that kills two workers is recorded as crashed; a client
killed mid-run is finished by --resume.
"""
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

import cloudpickle  # noqa: E402  (comes with distributed)
import dask  # noqa: E402
from distributed import Client, LocalCluster  # noqa: E402
from distributed.diagnostics.plugin import WorkerPlugin  # noqa: E402

from mszs.batch import run  # noqa: E402
from mszs.cluster import SCHEDULER_SETTINGS  # noqa: E402

pytestmark = pytest.mark.dask

SAMPLES = Path(__file__).parent.parent / "samples"
FORMATS = ["jsonl", "csv", "xlsx", "parquet"]
COPIES = 40

# The worker plugin below is sent to the workers by value: they cannot import this test module.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """Text and HTML notices made distinct by trailing blank lines, two exact copies, a broken file."""
    root = tmp_path_factory.mktemp("archive")
    sources = sorted([*SAMPLES.glob("notices/*.txt"), *SAMPLES.glob("html/*.html")])
    for i in range(COPIES):
        source = sources[i % len(sources)]
        (root / f"{i % 3}").mkdir(exist_ok=True)
        (root / f"{i % 3}" / f"{i:03d}{source.suffix}").write_bytes(source.read_bytes() + b"\n" * (i + 1))
    shutil.copyfile(root / "0" / "000.html", root / "copy-a.html")
    shutil.copyfile(root / "0" / "009.txt", root / "copy-b.txt")
    (root / "broken.txt").write_bytes(bytes(300))
    return root


@pytest.fixture(scope="module")
def cluster():
    with dask.config.set(SCHEDULER_SETTINGS):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None) as cluster:
            yield cluster


@pytest.fixture(scope="module")
def local_run(archive, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("local")
    summary = run([archive], out, formats=FORMATS, workers=2)
    assert (summary.parsed, summary.failed, summary.skipped) == (COPIES, 1, 2)
    return out


def output_files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def without_timing(rows: list[dict], resumed: bool) -> list[dict]:
    """Rows of the files table less what differs between equal runs: the seconds taken, and
    after a resume, whether a notice was converted in this run or skipped as done."""
    for row in rows:
        assert row.pop("seconds", None) not in ("", None) or row["status"] != "parsed"
        if resumed:
            row["status"] = row["status"].replace("skipped", "parsed")
    return rows


def files_table(out: Path, name: str, resumed: bool) -> list[dict]:
    """The files table of one output: files.csv, files.parquet, or the files sheet of tables.xlsx."""
    if name == "files.csv":
        with open(out / name, encoding="utf-8", newline="") as file:
            return without_timing(list(csv.DictReader(file)), resumed)
    if name == "files.parquet":
        import pyarrow.parquet as pq

        return without_timing(pq.read_table(out / name).to_pylist(), resumed)
    import openpyxl

    rows = openpyxl.load_workbook(out / name, read_only=True)["files"].iter_rows(values_only=True)
    header = next(rows)
    return without_timing([dict(zip(header, row)) for row in rows], resumed)


def assert_same_outputs(expected: Path, actual: Path, resumed: bool = False) -> None:
    """Byte for byte, but for the files table, whose seconds differ from run to run."""
    want, got = output_files(expected), output_files(actual)
    assert sorted(got) == sorted(want)
    for name in want:
        if name in ("files.csv", "files.parquet", "tables.xlsx"):
            assert files_table(actual, name, resumed) == files_table(expected, name, resumed), name
        else:
            assert got[name] == want[name], name
    assert_same_sheets(expected / "tables.xlsx", actual / "tables.xlsx")


def assert_same_sheets(expected: Path, actual: Path) -> None:
    import openpyxl

    want, got = (openpyxl.load_workbook(path, read_only=True) for path in (expected, actual))
    assert got.sheetnames == want.sheetnames
    for name in want.sheetnames:
        if name != "files":
            assert list(got[name].iter_rows(values_only=True)) == list(want[name].iter_rows(values_only=True)), name


def test_a_local_cluster_gives_the_bytes_of_local_workers(archive, local_run, tmp_path):
    out = tmp_path / "out"
    summary = run([archive], out, formats=FORMATS, scheduler="local:2")
    assert (summary.parsed, summary.failed, summary.skipped) == (COPIES, 1, 2)
    assert_same_outputs(local_run, out)
    rows = files_table(out, "files.csv", resumed=False)
    assert len(rows) == summary.total == COPIES + 3, "every input path once, copies included"
    assert {row["status"] for row in rows} == {"parsed", "copy", "failed"}


def test_a_worker_killed_mid_run_loses_no_file(archive, local_run, cluster, tmp_path):
    out = tmp_path / "out"
    with Client(cluster) as client:
        pids = client.run(os.getpid)
    result = {}
    batch = threading.Thread(target=lambda: result.update(summary=run(
        [archive], out, formats=FORMATS, scheduler=cluster.scheduler_address)))
    batch.start()
    wait_for_json(out, 5, batch)
    os.kill(next(iter(pids.values())), signal.SIGKILL)
    batch.join(timeout=120)
    assert not batch.is_alive()
    summary = result["summary"]
    assert (summary.parsed, summary.failed, summary.skipped) == (COPIES, 1, 2)
    assert_same_outputs(local_run, out)


def test_a_client_killed_mid_run_is_finished_by_resume(archive, local_run, cluster, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-c", "from mszs.cli import app; app()", "batch", str(archive), "-o", str(out),
               "--scheduler", cluster.scheduler_address, "-q", *(f"--format={f}" for f in FORMATS)]
    client = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    wait_for_json(out, 5, client)
    client.kill()
    client.communicate(timeout=30)
    done = {p.name for p in (out / "json").glob("*.json")}
    assert 5 <= len(done) < COPIES

    summary = run([archive], out, formats=FORMATS, scheduler=cluster.scheduler_address, resume=True)
    assert summary.skipped >= len(done) + 2
    assert summary.parsed + summary.skipped + summary.failed == summary.total == COPIES + 3
    assert_same_outputs(local_run, out, resumed=True)


class KillOnPoison(WorkerPlugin):
    """Makes parsing a file named poison kill the worker process, as a native crash would."""

    name = "kill-on-poison"

    def setup(self, worker):
        import mszs.batch

        real = mszs.batch.parse

        def parse(path, **options):
            if "poison" in str(path):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(path, **options)

        mszs.batch.parse = parse


def test_a_file_that_kills_two_workers_is_recorded_as_crashed(cluster, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = sorted((SAMPLES / "notices").glob("*.txt"))
    for i, text in enumerate(texts[:3]):
        shutil.copyfile(text, folder / f"{i}.txt")
    shutil.copyfile(texts[3], folder / "poison.txt")
    with Client(cluster) as client:
        client.register_plugin(KillOnPoison())
        try:
            summary = run([folder], tmp_path / "out", scheduler=cluster.scheduler_address)
        finally:
            client.unregister_worker_plugin(KillOnPoison.name)
            client.restart()  # workers without the patched parse
    assert (summary.parsed, summary.failed) == (3, 1)
    [failure] = summary.failures
    assert (failure.path, failure.kind) == (str(folder / "poison.txt"), "crashed")


def wait_for_json(out: Path, count: int, running) -> None:
    deadline = time.monotonic() + 120
    while len(list((out / "json").glob("*.json"))) < count:
        alive = running.is_alive() if isinstance(running, threading.Thread) else running.poll() is None
        assert alive, "the batch ended before it could be disturbed"
        assert time.monotonic() < deadline
        time.sleep(0.02)


def test_a_scheduler_that_cannot_be_reached_is_one_line(tmp_path):
    from typer.testing import CliRunner

    from mszs.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copyfile(SAMPLES / "notices" / "000_cf055cc25e80d216.txt", folder / "a.txt")
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out"),
                                          "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.stderr.startswith("mszs: cannot reach the Dask scheduler at tcp://127.0.0.1:9: ")
    assert result.stderr.count("\n") == 1


def test_workers_read_url_inputs_themselves(cluster, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(sorted((SAMPLES / "notices").glob("*.txt"))[:3]):
        shutil.copyfile(text, folder / f"{i}.txt")
    shutil.copyfile(folder / "0.txt", folder / "copy.txt")
    local = run([folder.as_uri()], tmp_path / "local", formats=["jsonl", "csv"], workers=2)
    on_cluster = run([folder.as_uri()], tmp_path / "cluster", formats=["jsonl", "csv"],
                     scheduler=cluster.scheduler_address)
    assert (on_cluster.parsed, on_cluster.skipped) == (local.parsed, local.skipped) == (3, 1)
    want, got = output_files(tmp_path / "local"), output_files(tmp_path / "cluster")
    assert sorted(got) == sorted(want)
    for name in want:
        if name != "files.csv":
            assert got[name] == want[name], name
    assert files_table(tmp_path / "cluster", "files.csv", False) == files_table(tmp_path / "local", "files.csv", False)
    assert json.loads(got["notices.jsonl"].splitlines()[0])["source"]["path"].startswith("file://")
