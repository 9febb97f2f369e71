"""What start-up imports: `mszs --version` loads no parser, and parsing a text notice loads none of
the libraries other formats need (nor cn2an for numerals under a hundred, nor the encoding
detector for UTF-8), nor pydantic: its JSON is written from the parser's plain notice. An import-graph test,
not a timing: benchmarks/cold_start.py times start-up."""
import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from mszs.normalise.numbers import parse_number

TEXT_NOTICE = Path(__file__).resolve().parent.parent / "samples" / "notices" / "000_cf055cc25e80d216.txt"
OTHER_FORMATS = ("pdfplumber", "pdfminer", "docx", "bs4", "lxml", "openpyxl")
OTHER_READERS = ("mszs.parsers.pdf", "mszs.parsers.ocr", "mszs.parsers.html", "mszs.parsers.docx", "mszs.parsers.ofd")


def _loaded_by_cli(*args: str) -> set[str]:
    """The top-level modules loaded by running the command line in a fresh interpreter."""
    code = (
        "import sys\n"
        "from mszs.cli import app\n"
        f"sys.argv = ['mszs', *{list(args)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules} | "
        "{name for name in sys.modules if name.startswith('mszs.')})), file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(run.stderr.split())


def test_version_loads_no_parser_and_no_pydantic():
    loaded = _loaded_by_cli("--version")
    assert not loaded & {*OTHER_FORMATS, "cn2an", "pydantic", "charset_normalizer", "mszs.parsers", "mszs.api"}


def test_parsing_a_text_notice_loads_no_other_format_no_cn2an_and_no_pydantic():
    loaded = _loaded_by_cli("parse", str(TEXT_NOTICE))
    assert "mszs.parsers.text" in loaded  # it did parse
    # A UTF-8 notice needs no encoding detector.
    assert not loaded & {*OTHER_FORMATS, "cn2an", *OTHER_READERS, "pydantic", "mszs.schemas", "charset_normalizer"}


def test_small_chinese_numerals_read_without_cn2an_as_cn2an_reads_them():
    cn2an = pytest.importorskip("cn2an")
    for size in (1, 2, 3):
        for numeral in map("".join, itertools.product("〇零一二两三四五六七八九十", repeat=size)):
            try:
                expected = cn2an.cn2an(numeral, "smart")
            except (ValueError, KeyError, IndexError):
                continue
            assert parse_number(numeral) == expected, numeral
