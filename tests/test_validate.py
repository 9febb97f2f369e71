"""`mszs validate`: schema problems reported as where: what."""
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mszs.cli import app
from mszs.emit import to_json, to_jsonl
from mszs.emit.validate import problems, text_problems
from test_emit import make_notice


@pytest.fixture
def good():
    return json.loads(to_json(make_notice()))


def test_a_written_notice_is_valid(tmp_path, good):
    path = tmp_path / "a.json"
    path.write_text(to_json(make_notice()), encoding="utf-8")
    assert problems(path) == []


def test_problems_name_the_field_and_what_is_wrong(good):
    good["projects"][0]["seq"] = "一"
    good["projects"][0]["tasks"][0]["targets"][1]["value"] = "16.4亿"
    good["projects"][0]["tasks"][0]["deadline"]["date"] = 20211231
    good["projects"][0]["tasks"][1]["lead"] = ["县住建局"]
    del good["source"]["sha256"]
    assert text_problems(json.dumps(good, ensure_ascii=False)) == [
        "source.sha256: Field required",
        'projects[0].seq: Input should be a valid integer, unable to parse string as an integer (got "一")',
        "projects[0].tasks[0].deadline.date: Input should be a valid string (got 20211231)",
        # one problem for a value that fits neither member of float | int
        "projects[0].tasks[0].targets[1].value: Input should be a valid number, "
        'unable to parse string as a number (got "16.4亿")',
        "projects[0].tasks[1].lead: Extra inputs are not permitted",
    ]


def test_long_values_are_shortened(good):
    good["warnings"] = ["x" * 100, 5]
    [problem] = text_problems(json.dumps(good))
    assert problem == "warnings[1]: Input should be a valid string (got 5)"
    good["warnings"] = [["长" * 100]]
    [problem] = text_problems(json.dumps(good, ensure_ascii=False))
    assert problem == 'warnings[0]: Input should be a valid string (got ["' + "长" * 35 + "...)"


def test_not_json_gives_line_and_column():
    assert text_problems('{"schema_version": "1",\n  "source": }') == [
        "line 2 column 13: not JSON: Expecting value"
    ]
    assert text_problems("[]") == ["the document: Input should be a valid dictionary or instance of Notice (got [])"]


def test_jsonl_problems_name_the_line(tmp_path):
    path = tmp_path / "notices.jsonl"
    bad = json.loads(to_json(make_notice()))
    bad["schema_version"] = "2"
    path.write_text(to_jsonl(make_notice()) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    assert problems(path) == ["line 3, schema_version: Input should be '1' (got \"2\")"]


def test_unreadable_files(tmp_path):
    assert problems(tmp_path / "missing.json") == ["cannot open the file: No such file or directory"]
    os.mkfifo(tmp_path / "pipe.json")  # refused, not waited on
    assert problems(tmp_path / "pipe.json") == [
        "not a regular file but a named pipe (FIFO); mszs reads regular files only (- reads standard input)"]
    path = tmp_path / "gbk.json"
    path.write_bytes("{}".encode() + "中".encode("gbk"))
    assert problems(path) == ["byte 2: not UTF-8"]


def test_cli_exit_code_and_report(tmp_path):
    good = tmp_path / "good.json"
    good.write_text(to_json(make_notice()), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["validate", str(good)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["validate", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}: source: Field required" in result.stdout
    assert str(good) + ":" not in result.stdout
    assert "1 valid, 1 invalid" in result.stderr


def test_the_batch_outputs_of_the_samples_are_valid(tmp_path):
    from mszs.batch import run

    samples = sorted(Path(__file__).parent.parent.joinpath("samples", "notices").glob("*.txt"))
    run(samples, tmp_path, formats=["jsonl"], workers=2)
    for path in [tmp_path / "notices.jsonl", *sorted((tmp_path / "json").glob("*.json"))]:
        assert problems(path) == [], path
