"""Parquet tables: the rows of the CSV tables, with declared types, read by pyarrow, pandas and DuckDB."""
import csv
import datetime
import re
import shutil
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from mszs.batch import run  # noqa: E402
from mszs.emit.parquet import SCHEMAS  # noqa: E402
from mszs.emit.tables import FILES_COLUMNS, TABLES  # noqa: E402

pytestmark = pytest.mark.dask

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    """A batch over the text and HTML samples, a copy and a broken file, as CSV and Parquet."""
    folder = tmp_path_factory.mktemp("in")
    for sample in [*SAMPLES.glob("notices/*.txt"), *SAMPLES.glob("html/*.html")]:
        shutil.copyfile(sample, folder / sample.name)
    shutil.copyfile(SAMPLES / "notices" / "000_cf055cc25e80d216.txt", folder / "copy.txt")
    (folder / "broken.txt").write_bytes(bytes(300))
    out = tmp_path_factory.mktemp("work") / "out"
    summary = run([folder], out, formats=["csv", "parquet"], workers=2)
    assert summary.parsed == 10 and summary.failed == 1
    return out


def csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as file:
        return list(csv.reader(file))


def as_csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_every_table_has_its_declared_types_and_the_csv_rows(out):
    for name, columns in {**TABLES, "files": FILES_COLUMNS}.items():
        table = pq.read_table(out / f"{name}.parquet")
        assert table.schema.equals(SCHEMAS[name]), name
        assert table.column_names == list(columns)
        rows = csv_rows(out / f"{name}.csv")
        assert rows[0] == list(columns)
        assert len(rows) - 1 == table.num_rows > 0, name
        if name == "files":
            continue  # files.csv and files.parquet are written apart: the seconds are compared below
        for parquet_row, csv_row in zip(table.to_pylist(), rows[1:]):
            cells = [as_csv_text(parquet_row[column]) for column in columns]
            # CSV writes floats as Python prints them; value columns hold whole numbers as floats here
            assert cells == [re.sub(r"\.0$", "", cell) for cell in csv_row], name
    types = SCHEMAS["tasks"]
    assert types.field("task_id").type == pa.string()
    assert types.field("deadline_date").type == pa.date32()
    assert SCHEMAS["targets"].field("value").type == pa.float64()
    assert SCHEMAS["files"].field("size").type == pa.int64()


def test_pandas_reads_dates_and_numbers_typed(out):
    pd = pytest.importorskip("pandas")
    tasks = pd.read_parquet(out / "tasks.parquet")
    dated = tasks["deadline_date"].dropna()
    assert len(dated) > 0 and all(isinstance(value, datetime.date) for value in dated)
    assert str(tasks["n_targets"].dtype) == "int32"
    targets = pd.read_parquet(out / "targets.parquet")
    assert str(targets["value"].dtype) == "float64"
    files = pd.read_parquet(out / "files.parquet")
    assert sorted(files["status"].unique()) == ["copy", "failed", "parsed"]
    assert len(files) == 12


def readme_sql() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```", text, flags=re.S)


def test_the_readme_duckdb_queries_run(out, monkeypatch):
    duckdb = pytest.importorskip("duckdb")
    queries = readme_sql()
    assert queries, "the README shows a DuckDB query"
    monkeypatch.chdir(out.parent)  # the README's paths are out/…
    results = [duckdb.sql(query).fetchall() for query in queries]
    assert all(results)
    lead_units = csv_rows(out / "units.csv")
    leads = sum(1 for row in lead_units[1:] if row[3] == "lead")
    assert leads > 0
    by_status = dict(duckdb.sql("SELECT status, count(*) FROM 'out/files.parquet' GROUP BY status").fetchall())
    assert by_status == {"parsed": 10, "failed": 1, "copy": 1}


def test_parse_writes_the_six_tables_of_one_notice(tmp_path):
    from typer.testing import CliRunner

    from mszs.cli import app

    notice = SAMPLES / "notices" / "000_cf055cc25e80d216.txt"
    result = CliRunner().invoke(app, ["parse", str(notice), "-f", "parquet", "-o", str(tmp_path / "tables")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == sorted(f"{name}.parquet" for name in TABLES)
    assert pq.read_table(tmp_path / "tables" / "notices.parquet").column("path").to_pylist() == [str(notice)]
    result = CliRunner().invoke(app, ["parse", str(notice), "-f", "parquet"])
    assert result.exit_code == 2 and "pass -o FOLDER" in result.output
