"""The writers: JSON, tidy CSV tables joinable by ids, the XLSX workbook."""
import csv
import hashlib
import json
import time

import openpyxl
import pandas as pd
import pytest

from mszs.emit import to_json, to_jsonl
from mszs.emit.files import replacing, write_text
from mszs.emit.tables import TABLES, table_rows, write_csv, write_table
from mszs.emit.xlsx import write_xlsx
from mszs.schemas import Deadline, Milestone, Notice, NoticeInfo, Project, Source, Target, Task


def make_notice(name: str = "a") -> Notice:
    sha = hashlib.sha256(name.encode()).hexdigest()
    return Notice(
        source=Source(path=f"{name}.txt", format="text", sha256=sha, encoding="utf-8"),
        notice=NoticeInfo(title="关于办好2021年民生实事项目的通知", year=2021,
                          recipients=["各乡镇（街道）", "县政府各部门"]),
        projects=[
            Project(seq=1, name="农村人居环境整治", tasks=[
                Task(
                    content="完成65个行政村生活污水治理，投资16.4亿元",
                    lead_units=["县农业农村局"], co_units=["县财政局", "县水务局"], leaders=["任伟"],
                    deadline=Deadline(text="2021年12月", date="2021-12-31", precision="month"),
                    targets=[Target(text="65个", value=65, unit="个"),
                             Target(text="16.4亿元", value=1640000000, unit="元")],
                    milestones=[
                        Milestone(text="6月底完成30个", date="2021-06-30",
                                  targets=[Target(text="30个", value=30, unit="个")]),
                        Milestone(text="12月底全部完成", date="2021-12-31"),
                    ],
                ),
                Task(content="=SUM(A1) 不是公式\x0b", lead_units=["县住建局"]),
            ]),
            Project(seq=2, name="优质教育提升工程", tasks=[
                Task(content="新增学位3800个", lead_units=["县教体局"], co_units=["各乡镇", "各街道"],
                     targets=[Target(text="3800个", value=3800, unit="个", comparator=">=")]),
            ]),
            Project(seq=3, name="暂无任务"),
        ],
        warnings=["第3项没有责任单位"],
    )


def expected_counts(notices):
    tasks = [task for notice in notices for project in notice.projects for task in project.tasks]
    milestones = [m for task in tasks for m in task.milestones]
    return {
        "notices": len(notices),
        "projects": sum(len(notice.projects) for notice in notices),
        "tasks": len(tasks),
        "units": sum(len(task.lead_units) + len(task.co_units) for task in tasks),
        "targets": sum(len(task.targets) for task in tasks) + sum(len(m.targets) for m in milestones),
        "milestones": len(milestones),
    }


def test_json_round_trips():
    notice = make_notice()
    assert Notice.model_validate_json(to_json(notice)) == notice
    line = to_jsonl(notice)
    assert line.endswith("\n") and line.count("\n") == 1
    assert json.loads(line) == json.loads(to_json(notice))


def test_ids_follow_sha256_and_positions():
    notice = make_notice()
    rows = list(table_rows(notice))
    nid = notice.source.sha256[:16]
    ids = {name: [row[0] for table, row in rows if table == name] for name in TABLES}
    assert ids["notices"] == [nid]
    assert ids["projects"] == [f"{nid}-p1", f"{nid}-p2", f"{nid}-p3"]
    assert ids["tasks"] == [f"{nid}-p1-t1", f"{nid}-p1-t2", f"{nid}-p2-t1"]
    assert ids["milestones"] == [f"{nid}-p1-t1-m1", f"{nid}-p1-t1-m2"]
    targets = [row for table, row in rows if table == "targets"]
    assert [row[0] for row in targets] == [
        f"{nid}-p1-t1-x1", f"{nid}-p1-t1-x2", f"{nid}-p1-t1-m1-x1", f"{nid}-p2-t1-x1",
    ]
    assert targets[2][2] == f"{nid}-p1-t1-m1"  # an interim target names its milestone
    assert targets[0][2] is None
    assert all(len(row) == len(TABLES[table]) for table, row in rows)


def test_units_table_has_one_row_per_task_unit_and_role():
    rows = [row for table, row in table_rows(make_notice()) if table == "units"]
    roles = [(row[0][-6:], row[3], row[4], row[5]) for row in rows]
    assert roles == [
        ("-p1-t1", "lead", 1, "县农业农村局"), ("-p1-t1", "co", 1, "县财政局"), ("-p1-t1", "co", 2, "县水务局"),
        ("-p1-t2", "lead", 1, "县住建局"),
        ("-p2-t1", "lead", 1, "县教体局"), ("-p2-t1", "co", 1, "各乡镇"), ("-p2-t1", "co", 2, "各街道"),
    ]


def load_csv_tables(folder):
    return {name: pd.read_csv(folder / f"{name}.csv", dtype={"seq": "Int64"}) for name in TABLES}


def test_csv_tables_load_with_pandas_and_join_back(tmp_path):
    notices = [make_notice("a"), make_notice("b")]
    write_csv(notices, tmp_path)
    tables = load_csv_tables(tmp_path)
    assert {name: len(frame) for name, frame in tables.items()} == expected_counts(notices)
    for name, frame in tables.items():
        assert tuple(frame.columns) == TABLES[name]

    tasks = tables["tasks"].merge(tables["projects"], on=["project_id", "notice_id"], validate="many_to_one",
                                  suffixes=("", "_project"))
    assert len(tasks) == len(tables["tasks"])
    units = tables["units"].merge(tables["tasks"], on="task_id", validate="many_to_one")
    assert len(units) == len(tables["units"])
    per_task = tables["units"].groupby(["task_id", "role"]).size().unstack(fill_value=0)
    counted = tables["tasks"].set_index("task_id")[["n_lead_units", "n_co_units"]]
    joined = counted.join(per_task).fillna(0)
    assert (joined["n_lead_units"] == joined["lead"]).all() and (joined["n_co_units"] == joined["co"]).all()
    targets = tables["targets"].merge(tables["tasks"], on="task_id", validate="many_to_one")
    assert targets["value"].tolist() == [65, 1640000000, 30, 3800] * 2
    assert tables["notices"]["recipients"][0].split("；") == ["各乡镇（街道）", "县政府各部门"]


def test_csv_excel_option_writes_a_bom_and_escapes_formulas(tmp_path):
    write_csv([make_notice()], tmp_path / "plain")
    write_csv([make_notice()], tmp_path / "excel", excel=True)
    plain = (tmp_path / "plain" / "tasks.csv").read_bytes()
    excel = (tmp_path / "excel" / "tasks.csv").read_bytes()
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert excel.startswith(b"\xef\xbb\xbf")
    assert excel[3:] == plain.replace(b"=SUM(A1)", b"'=SUM(A1)")
    assert not list(tmp_path.glob("*/.*")), "no temporary files left behind"


def test_write_table_writes_one_table(tmp_path):
    path = tmp_path / "units.csv"
    with open(path, "w", encoding="utf-8", newline="") as file:
        write_table([make_notice()], "units", file)
    assert pd.read_csv(path)["unit"].tolist()[:2] == ["县农业农村局", "县财政局"]


def test_xlsx_holds_the_csv_rows(tmp_path):
    notices = [make_notice("a"), make_notice("b")]
    write_csv(notices, tmp_path)
    write_xlsx(notices, tmp_path / "tables.xlsx")
    workbook = openpyxl.load_workbook(tmp_path / "tables.xlsx")
    assert workbook.sheetnames == list(TABLES)
    for name in TABLES:
        sheet = workbook[name]
        assert sheet.freeze_panes == "A2"
        assert all(sheet.column_dimensions[letter].width for letter in "ABC")
        rows = [[("" if v is None else str(v)) for v in row] for row in sheet.iter_rows(values_only=True)]
        with open(tmp_path / f"{name}.csv", encoding="utf-8") as file:
            expected = list(csv.reader(file))
        # XLSX drops the control characters Excel refuses; nothing else differs.
        assert rows == [[cell.replace("\x0b", "") for cell in row] for row in expected]
    tasks = workbook["tasks"]
    assert tasks["E3"].value == "=SUM(A1) 不是公式" and tasks["E3"].data_type == "s"
    assert tasks.column_dimensions["E"].width > tasks.column_dimensions["D"].width


def test_xlsx_bytes_do_not_depend_on_the_time(tmp_path, monkeypatch):
    write_xlsx([make_notice()], tmp_path / "first.xlsx")
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 86400 * 400)
    write_xlsx([make_notice()], tmp_path / "second.xlsx")
    assert (tmp_path / "first.xlsx").read_bytes() == (tmp_path / "second.xlsx").read_bytes()


def test_replacing_leaves_the_old_file_when_writing_fails(tmp_path):
    path = tmp_path / "out.json"
    write_text(path, "old")
    with pytest.raises(RuntimeError):
        with replacing(path) as temp:
            temp.write_text("half")
            raise RuntimeError("crash")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
