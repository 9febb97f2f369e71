"""A user's vocabulary teaches mszs words and marks it does not know; `mszs explain` shows roles.

Each test runs in a fresh process: a vocabulary extends mszs's own for the rest of the process."""
import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "vocab"
NOTICE = FIXTURES / "unknown_words.txt"


def mszs(*args):
    return subprocess.run([sys.executable, "-m", "mszs", *map(str, args)], capture_output=True, text=True)


def test_without_the_vocabulary_the_units_are_not_read():
    notice = json.loads(mszs("parse", NOTICE).stdout)
    assert not any(t["lead_units"] for p in notice["projects"] for t in p["tasks"])


def test_the_vocabulary_adds_header_words_marks_and_noise():
    notice = json.loads(mszs("parse", NOTICE, "--vocab", FIXTURES / "county.toml").stdout)
    tasks = [(p["seq"], t["content"], t["lead_units"], t["leaders"]) for p in notice["projects"] for t in p["tasks"]]
    assert tasks == [(1, "新建城区幼儿园2所，新增学位600个。", ["县教育局"], ["张三"]),
                     (2, "改造老旧小区12个。", ["县住建局"], ["李四"])]
    assert "removed 1 reporter line" in notice["warnings"]


def test_a_broken_vocabulary_is_one_line_and_exit_1(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[header_words]\nlead_unit = ["主抓单位"]\n', encoding="utf-8")
    result = mszs("parse", NOTICE, "--vocab", bad)
    assert result.returncode == 1
    assert result.stderr.startswith("mszs: vocabulary ") and "no role 'lead_unit'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_explain_shows_items_labels_and_unread_lines():
    out = mszs("explain", NOTICE, "--vocab", FIXTURES / "county.toml").stdout.splitlines()
    assert any("item → project 1 task 1" in line and "第1件" in line for line in out)
    assert any("label 挂点领导 → leaders" in line for line in out)
    plain = mszs("explain", NOTICE).stdout
    assert "label 主抓单位 (unknown)" in plain
