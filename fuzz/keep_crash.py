"""Keep a crashing fuzz input as a regression fixture, as the bytes the parser saw.

    python fuzz/keep_crash.py docx fuzz/crashes/docx-crash-… document-without-body

writes tests/fixtures/fuzz/document-without-body.docx, which
tests/test_fuzz_regressions.py then parses.
"""
from __future__ import annotations

import sys
from pathlib import Path

from inputs import DOCX_TEMPLATE, as_parsed

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "fuzz"
SUFFIXES = {"text": ".txt", "html": ".html", "docx": ".docx"}


def main() -> None:
    reader, crash, name = sys.argv[1:4]
    data = as_parsed(reader, Path(crash).read_bytes(), DOCX_TEMPLATE.read_bytes())
    target = FIXTURES / f"{reader}-{name}{SUFFIXES[reader]}"
    target.write_bytes(data)
    print(target)


if __name__ == "__main__":
    main()
