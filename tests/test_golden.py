"""Whole outputs of the sample notices, compared with the reviewed files in samples/expected/.

After a deliberate change of output, review the difference and rewrite them with
    MSZS_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""
import json
import os
from pathlib import Path

import pytest

from mszs import parse

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NOTICES = sorted((SAMPLES / "notices").glob("*.txt"))


def output_of(path: Path) -> dict:
    data = parse(path).model_dump(mode="json")
    data["source"]["path"] = path.name  # independent of where the tests run
    return data


@pytest.mark.parametrize("path", NOTICES, ids=[p.stem for p in NOTICES])
def test_sample_output_matches_expected(path):
    expected_path = SAMPLES / "expected" / f"{path.stem}.json"
    actual = output_of(path)
    if os.environ.get("MSZS_UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert actual == expected


def test_every_sample_has_expected_output():
    assert NOTICES, "no sample notices"
    assert {p.stem for p in NOTICES} <= {p.stem for p in (SAMPLES / "expected").glob("*.json")}
