"""Parse time of each format against its library's floor, CLI start-up, and a 200-page PDF's peak memory.

    python benchmarks/readers.py              # everything (the 200-page PDF needs LibreOffice)
    python benchmarks/readers.py --no-long-pdf

Every time is the best of --repeat runs, in this one process, so the ratios
compare like with like. A format's reader ratio is mszs's reader (with its
clean-up: bytes to the format-neutral document) on every sample of that format
against what its library alone needs to give up the same text; the parse ratio
adds the interpreter and normalisers, the same work whatever the format:

- docx: python-docx loading the file and reading every paragraph and cell;
- html: BeautifulSoup parsing the page with lxml, the parser the reader uses,
  told the page's encoding (the one the reader found, worked out before the
  timing): left to itself it takes a gb2312 declaration at its word and gives
  up at the first character outside GB2312, reading none of one sample's text;
- pdf: pdfplumber opening the file and extracting the text and tables of every page.

Start-up is measured in fresh processes (benchmarks/cold_start.py); peak memory
in a fresh process per run, from the kernel's high-water mark of its resident set:
pdfplumber's floor, mszs's PDF reader (imports included: pdfplumber's and the
reader's), and the whole parse (adding the interpreter's imports, pydantic's among them).
"""
from __future__ import annotations

import argparse
import functools
import io
import shutil
import subprocess
import sys
import tempfile
import time
from copy import deepcopy
from pathlib import Path

from cold_start import cold_start

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TARGETS = {"docx": 1.5, "html": 1.5, "pdf": 1.3}
LONG_PDF_SOURCE = SAMPLES / "docx" / "003_e2b3581a32b51649.docx"  # one long project table
LONG_PDF_COPIES = 95  # of the table's rows: about 200 pages
LONG_PDF_MEMORY_TARGET = 1.5  # the reader's peak against pdfplumber's


def best(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        clear_caches()
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times)


def interleaved(functions: list, repeat: int) -> list[float]:
    """The best time of each function, run in turn in every round: a machine whose load changes
    during the run slows all of them alike, so their ratios hold."""
    times = [float("inf")] * len(functions)
    for _ in range(repeat):
        for k, function in enumerate(functions):
            times[k] = min(times[k], best(function, 1))
    return times


def clear_caches() -> None:
    """Forget what mszs's caches of texts remember (units, labels, enumerators…), so that parsing
    a file again costs what parsing a new one does. The caches of one loaded resource (OpenCC's
    converter, the OCR engine, a user's vocabulary) are kept, as a run of many files keeps them."""
    for name, module in list(sys.modules.items()):
        if name == "mszs" or name.startswith("mszs."):
            for value in list(vars(module).values()):
                info = getattr(value, "cache_info", None)
                if info is not None and info().maxsize not in (None, 1):
                    value.cache_clear()


# --- the libraries' floors ----------------------------------------------------------------------

def docx_floor(data: bytes) -> None:
    import docx

    document = docx.Document(io.BytesIO(data))
    for paragraph in document.paragraphs:
        paragraph.text
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                cell.text


def html_floor(data: bytes) -> None:
    from bs4 import BeautifulSoup

    BeautifulSoup(data, "lxml", from_encoding=page_encoding(data)).get_text()


@functools.lru_cache(maxsize=None)
def page_encoding(data: bytes) -> str:
    """The encoding mszs reads the page in (cached, so that only the first, untimed call reads it)."""
    from mszs.parsers import read_bytes

    return read_bytes(data).encoding


def pdf_floor(data: bytes) -> None:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
            page.close()


FLOORS = {"docx": docx_floor, "html": html_floor, "pdf": pdf_floor}


def mszs_read(data: bytes) -> None:
    """The reader alone, with its clean-up: bytes to mszs.document.Document."""
    from mszs.parsers import read_bytes

    read_bytes(data)


def mszs_parse(data: bytes) -> None:
    from mszs.api import parse_bytes

    parse_bytes(data)


# --- the measures -------------------------------------------------------------------------------

def format_ratios(repeat: int) -> list[str]:
    rows = ["| format | files | library floor | mszs reader | reader ratio | target | whole parse | parse ratio |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for fmt, floor in FLOORS.items():
        files = sorted((SAMPLES / fmt).glob(f"*.{fmt}"))
        datas = [path.read_bytes() for path in files]
        mszs_parse(datas[0]), floor(datas[0])  # imports warm
        floor_time, reader_time, parse_time = (sum(times) for times in zip(
            *(interleaved([lambda: floor(d), lambda: mszs_read(d), lambda: mszs_parse(d)], repeat) for d in datas)))
        rows.append(f"| {fmt} | {len(files)} | {floor_time * 1000:.0f} ms | {reader_time * 1000:.0f} ms "
                    f"| **{reader_time / floor_time:.2f}×** | ≤ {TARGETS[fmt]}× | {parse_time * 1000:.0f} ms "
                    f"| {parse_time / floor_time:.2f}× |")
    return rows


def text_parse(repeat: int) -> list[str]:
    rows = ["| text notice | bytes | parse in-process |", "| --- | --- | --- |"]
    for path in sorted((SAMPLES / "notices").glob("*.txt")):
        data = path.read_bytes()
        mszs_parse(data)
        rows.append(f"| {path.name} | {len(data):,} | {best(lambda: mszs_parse(data), repeat) * 1000:.1f} ms |")
    return rows


def peak_mb(code: str, path: Path) -> float:
    """Peak resident memory of a fresh Python running ``code`` on ``path``, in MB."""
    report = "; import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    done = subprocess.run([sys.executable, "-c", code + report, str(path)], check=True, capture_output=True,
                          text=True, cwd=ROOT)
    return int(done.stdout.split()[-1]) / 1024


def long_pdf(folder: Path) -> Path:
    """A notice of about 200 pages: the sample's project rows repeated, through LibreOffice."""
    import docx

    document = docx.Document(LONG_PDF_SOURCE)
    table = document.tables[0]._tbl
    rows = table.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tr")[1:]
    for _ in range(LONG_PDF_COPIES):
        for row in rows:
            table.append(deepcopy(row))
    source = folder / "long.docx"
    document.save(source)
    soffice = shutil.which("soffice") or sys.exit("the 200-page PDF needs LibreOffice (soffice)")
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)], check=True, capture_output=True)
    return folder / "long.pdf"


def long_pdf_memory() -> list[str]:
    with tempfile.TemporaryDirectory(prefix="mszs-bench-") as tmp:
        path = long_pdf(Path(tmp))
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        size = path.stat().st_size
        floor = peak_mb("import sys; sys.path.insert(0, 'benchmarks'); from readers import pdf_floor; "
                        "pdf_floor(open(sys.argv[1], 'rb').read())", path)
        reader = peak_mb("import sys; from mszs.parsers import read_bytes; read_bytes(open(sys.argv[1], 'rb').read())",
                         path)
        started = time.perf_counter()
        parse = peak_mb("import sys; from mszs.api import parse; parse(sys.argv[1])", path)
        seconds = time.perf_counter() - started
    return ["| PDF | pages | pdfplumber floor peak | mszs reader peak | reader ratio | target "
            "| mszs parse peak | parse ratio | mszs parse time |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
            f"| generated notice, {size / 1e6:.1f} MB | {pages} | {floor:.0f} MB | {reader:.0f} MB "
            f"| **{reader / floor:.2f}×** | ≤ {LONG_PDF_MEMORY_TARGET}× | {parse:.0f} MB | {parse / floor:.2f}× "
            f"| {seconds:.1f} s |"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-long-pdf", action="store_true", help="skip the 200-page PDF (needs LibreOffice)")
    args = parser.parse_args()
    sections = [format_ratios(args.repeat), text_parse(args.repeat * 4), cold_start(args.repeat)]
    if not args.no_long_pdf:
        sections.append(long_pdf_memory())
    print("\n\n".join("\n".join(rows) for rows in sections))


if __name__ == "__main__":
    main()
