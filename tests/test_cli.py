"""The command line, through typer's CliRunner."""
import csv
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from mszs import api, batch, cli
from mszs.cli import app
from mszs.emit.tables import TABLES
from mszs.parsers import OCR_MODES

SAMPLES = Path(__file__).parent.parent / "samples"
NOTICE = SAMPLES / "notices" / "000_cf055cc25e80d216.txt"
runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(arg) for arg in args])


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("mszs ")


def test_version_does_not_load_the_batch_or_writer_modules():
    code = "import sys; from mszs.cli import app; print(sorted(m for m in sys.modules if m.startswith(('mszs.api', 'mszs.batch', 'mszs.emit', 'openpyxl', 'rich'))))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_cli_defaults_are_the_library_defaults():
    assert cli.DEFAULT_MAX_BYTES == api.DEFAULT_MAX_BYTES
    assert cli.DEFAULT_MAX_MEMORY_MIB * 1024**2 == api.DEFAULT_MAX_MEMORY
    assert cli.DEFAULT_TIMEOUT == batch.DEFAULT_TIMEOUT
    assert [t.value for t in cli.TableName] == list(TABLES)
    assert tuple(mode.value for mode in cli.OcrMode) == OCR_MODES


def test_parse_json_and_jsonl():
    result = invoke("parse", NOTICE)
    assert result.exit_code == 0, result.output
    notice = json.loads(result.stdout)
    assert notice["source"]["path"] == str(NOTICE)
    result = invoke("parse", NOTICE, "--format", "jsonl")
    assert result.stdout.count("\n") == 1 and json.loads(result.stdout) == notice


def test_parse_csv_one_table_to_stdout():
    result = invoke("parse", NOTICE, "-f", "csv", "--table", "projects")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == TABLES["projects"]
    notice = json.loads(invoke("parse", NOTICE).stdout)
    assert len(rows) == 1 + len(notice["projects"])


def test_parse_csv_all_tables_to_a_folder(tmp_path):
    result = invoke("parse", NOTICE, "-f", "csv", "-o", tmp_path / "tables", "--excel")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == sorted(f"{name}.csv" for name in TABLES)
    assert (tmp_path / "tables" / "units.csv").read_bytes().startswith(b"\xef\xbb\xbftask_id,")


def test_parse_csv_one_table_to_a_file(tmp_path):
    result = invoke("parse", NOTICE, "-f", "csv", "-t", "units", "-o", tmp_path / "units.csv")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "units.csv").read_text(encoding="utf-8").startswith("task_id,project_id,notice_id,role")


def test_parse_xlsx(tmp_path):
    result = invoke("parse", NOTICE, "-f", "xlsx", "-o", tmp_path / "notice.xlsx")
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(tmp_path / "notice.xlsx").sheetnames == list(TABLES)


@pytest.mark.parametrize("args, message", [
    (["-f", "csv"], "pass --table NAME, or -o FOLDER"),
    (["-f", "xlsx"], "pass -o FILE.xlsx"),
    (["-f", "csv", "-t", "nope"], "'nope' is not one of"),
])
def test_parse_usage_errors(args, message):
    result = invoke("parse", NOTICE, *args)
    assert result.exit_code == 2
    assert message in " ".join(result.output.replace("│", " ").split())


def test_parse_failure_is_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = invoke("parse", empty)
    assert result.exit_code == 1
    assert result.stderr == f"mszs: {empty}: the file is empty\n"
    result = invoke("parse", NOTICE, "--max-bytes", 100)
    assert result.exit_code == 1 and "over the limit of 100 (--max-bytes)" in result.stderr


def test_show_prints_projects_and_tasks():
    result = runner.invoke(app, ["show", str(NOTICE)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    notice = json.loads(invoke("parse", NOTICE).stdout)
    assert notice["notice"]["title"] in result.stdout
    assert f"{len(notice['projects'])} projects" in result.stdout
    for project in notice["projects"]:
        assert project["name"][:4] in result.stdout


def test_schema():
    result = invoke("schema")
    assert json.loads(result.stdout)["title"] == "Notice"


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    (folder / "子 目录").mkdir(parents=True)
    for i, text in enumerate(sorted((SAMPLES / "notices").glob("*.txt"))[:3]):
        (folder / "子 目录" / f"通知 {i}.txt").write_bytes(text.read_bytes())
    (folder / "broken.txt").write_bytes(bytes(300))
    return folder


def test_batch_summary_and_exit_codes(inputs, tmp_path):
    out = tmp_path / "out"
    result = invoke("batch", inputs, "-o", out, "-f", "csv", "-f", "jsonl", "-w", 2)
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("mszs: 4 files in ")
    assert ": 3 parsed, 1 failed, 0 skipped, " in result.stderr
    assert f"failures are listed in {out / 'errors.csv'}" in result.stderr
    assert {p.name for p in out.iterdir()} == {"json", "errors.csv", "files.csv", "notices.jsonl",
                                               *(f"{t}.csv" for t in TABLES)}

    result = invoke("batch", inputs, "-o", out, "--strict", "--resume")
    assert result.exit_code == 1
    assert ": 0 parsed, 1 failed, 3 skipped, " in result.stderr


def test_batch_glob_and_missing_input(inputs, tmp_path):
    result = invoke("batch", f"{inputs}/**/*.txt", "-o", tmp_path / "out", "--excel", "--strict")
    assert result.exit_code == 1
    assert (tmp_path / "out" / "errors.csv").read_bytes().startswith(b"\xef\xbb\xbfpath,sha256,kind,message\n")
    result = invoke("batch", inputs / "nothing-here", "-o", tmp_path / "out2")
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
    assert not (tmp_path / "out2").exists()


def test_batch_timeout_option(inputs, tmp_path, monkeypatch):
    real = batch.parse

    def slow(path, **options):
        if "broken" in str(path):
            time.sleep(60)
        return real(path, **options)

    monkeypatch.setattr(batch, "parse", slow)
    result = invoke("batch", inputs, "-o", tmp_path / "out", "--timeout", 0.3, "-q")
    assert result.exit_code == 0, result.output
    with open(tmp_path / "out" / "errors.csv", encoding="utf-8") as file:
        [row] = list(csv.DictReader(file))
    assert (row["path"], row["kind"]) == (str(inputs / "broken.txt"), "timeout")
    assert row["message"] == "not finished after 0.3 s (--timeout); stopped"


def test_parse_ocr_never_names_the_option_and_exits_1():
    scan = SAMPLES.parent / "tests" / "fixtures" / "ocr" / "table_page.jpg"
    result = runner.invoke(app, ["parse", str(scan), "--ocr", "never"])
    assert result.exit_code == 1
    assert result.stderr == f"mszs: {scan}: an image needs OCR to be read; OCR was turned off (--ocr never)\n"


def test_parse_and_show_read_ofd():
    ofd = SAMPLES / "ofd" / "002_22dbb4daa77c740a.ofd"
    result = runner.invoke(app, ["parse", str(ofd), "--format", "jsonl"])
    assert result.exit_code == 0
    notice = json.loads(result.stdout)
    assert notice["source"]["format"] == "ofd" and notice["notice"]["doc_number"] == "微政发〔2024〕2号"
    assert "微政发〔2024〕2号" in runner.invoke(app, ["show", str(ofd)]).stdout


def test_batch_scheduler_local_needs_a_worker_count(inputs, tmp_path):
    result = invoke("batch", inputs, "-o", tmp_path / "out", "--scheduler", "local:many")
    assert result.exit_code == 2
    assert "local:many" in result.output and "--scheduler" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("options", [["--scheduler", "local:2"], ["-f", "parquet"]])
def test_batch_without_the_dask_extra_says_what_to_install(inputs, tmp_path, monkeypatch, options):
    for module in ("distributed", "pyarrow"):
        monkeypatch.setitem(sys.modules, module, None)  # an import of it fails as if not installed
    for module in ("mszs.cluster", "mszs.emit.parquet"):
        monkeypatch.delitem(sys.modules, module, raising=False)
    result = invoke("batch", inputs, "-o", tmp_path / "out", *options)
    assert result.exit_code == 1
    assert "is missing: install the extra with pip install 'mszs[dask]'" in result.stderr
    assert not (tmp_path / "out").exists()
