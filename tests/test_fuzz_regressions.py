"""Inputs the fuzzer (fuzz/fuzz_readers.py) found crashing: each must now parse or fail as an MszsError.

A fixture's name says what it broke; fuzz/keep_crash.py writes them.
"""
from pathlib import Path

import pytest

from mszs.api import parse_bytes
from mszs.errors import MszsError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "fuzz"


@pytest.mark.parametrize("path", sorted(FIXTURES.iterdir()), ids=lambda path: path.name)
def test_fuzz_finding_parses_or_is_refused(path):
    try:
        parse_bytes(path.read_bytes(), path=str(path))
    except MszsError as exc:
        assert exc.kind != "error" and "\n" not in str(exc)
