"""The ``mszs`` command line: a thin layer over :mod:`mszs.api`, :mod:`mszs.batch` and :mod:`mszs.emit`.

Heavy modules (openpyxl, rich, the batch machinery) are imported inside the
commands that need them, so ``mszs --version`` stays quick.
"""
from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from mszs import __version__
from mszs.errors import MszsError

# The command line uses no pydantic plugin: without this, building the output models scans every
# installed distribution's entry points for one, which costs more the more packages are installed.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

app = typer.Typer(
    help="Parse Chinese 民生实事 notices (text, Word, PDF, HTML, OFD, scans) into structured JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"
    parquet = "parquet"


class OcrMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class TableName(str, Enum):
    notices = "notices"
    projects = "projects"
    tasks = "tasks"
    units = "units"
    targets = "targets"
    milestones = "milestones"


# The library's defaults (mszs.api.DEFAULT_MAX_BYTES, mszs.batch.DEFAULT_TIMEOUT), written
# out rather than imported so that `mszs --version` does not load the parser; a test pins them equal.
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_MEMORY_MIB = 2048
DEFAULT_TIMEOUT = 60.0
MAX_BYTES_HELP = "Refuse files larger than this many bytes."
MAX_MEMORY_HELP = ("Memory (MiB of address space) one file may take to read; a file needing more fails "
                   "as too_large. 0: no limit.")
VOCAB_HELP = "A vocabulary file (TOML) of header words, labels, marks and noise mszs does not know."
EXCEL_HELP = ("For Excel: start each CSV with a BOM so Excel reads the Chinese text correctly, and put a ' "
              "before a cell starting with = + - @, a tab or a carriage return, so Excel never runs it as a formula.")
OCR_HELP = ("Read scanned pages and images by OCR (needs the ocr extra): auto, only pages without text; "
            "always, every page; never.")


def _ocr_option():
    return typer.Option(OcrMode.auto, "--ocr", help=OCR_HELP)


def _version(value: bool):
    if value:
        typer.echo(f"mszs {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
):
    """mszs reads a notice and prints its projects, tasks, units, targets and dates."""


@app.command()
def parse(
    file: Path = typer.Argument(..., help="The notice: .txt, .docx, .doc, .pdf, .html, .ofd or a scanned image "
                                          "(format read from the bytes); - reads standard input."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o",
        help="Write here instead of stdout: a file, or for csv without --table and for parquet "
             "a folder for the six tables.",
    ),
    table: Optional[TableName] = typer.Option(None, "--table", "-t", help="With csv: write only this table."),
    excel: bool = typer.Option(False, "--excel", help=EXCEL_HELP),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    max_memory: int = typer.Option(DEFAULT_MAX_MEMORY_MIB, "--max-memory", min=0, help=MAX_MEMORY_HELP),
    vocab: Optional[Path] = typer.Option(None, "--vocab", help=VOCAB_HELP),
    ocr: OcrMode = _ocr_option(),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of a failure."),
):
    """Parse one notice and print it in the contract's JSON, or as tables (csv, xlsx)."""
    if format is OutputFormat.csv and not (table or output):
        raise typer.BadParameter("csv holds six tables: pass --table NAME, or -o FOLDER for all of them",
                                 param_hint="--format csv")
    if format is OutputFormat.xlsx and not output:
        raise typer.BadParameter("a workbook cannot go to the terminal: pass -o FILE.xlsx", param_hint="--format xlsx")
    if format is OutputFormat.parquet and not output:
        raise typer.BadParameter("parquet holds six tables: pass -o FOLDER", param_hint="--format parquet")
    _load_vocabulary(vocab)
    notice = _read(file, max_bytes, max_memory, debug, ocr)
    try:
        _write(notice, format, output, table, excel)
    except OSError as exc:
        _fail_output(output, exc, debug)


def _write(notice, format: OutputFormat, output: Optional[Path], table: Optional[TableName], excel: bool) -> None:
    """Write ``notice`` as :func:`_read` gives it: JSON straight from it, tables from its model."""
    if format in (OutputFormat.json, OutputFormat.jsonl):
        from mszs.emit import to_json, to_jsonl

        text = to_json(notice) + "\n" if format is OutputFormat.json else to_jsonl(notice)
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return
    from mszs.schemas import from_output

    notice = from_output(notice)
    if format is OutputFormat.csv:
        from mszs.emit.tables import csv_encoding, write_csv, write_table

        if table is None:
            write_csv([notice], output, excel=excel)
        elif output is None:
            write_table([notice], table.value, sys.stdout, excel=excel)
        else:
            with open(output, "w", encoding=csv_encoding(excel), newline="") as out:
                write_table([notice], table.value, out, excel=excel)
    elif format is OutputFormat.xlsx:
        from mszs.emit.xlsx import write_xlsx

        write_xlsx([notice], output)
    else:
        from mszs.emit.parquet import write_parquet

        write_parquet([notice], output)


def _scheduler_address(value: Optional[str]) -> Optional[str]:
    if value and value.startswith("local:") and not value.removeprefix("local:").isdigit():
        raise typer.BadParameter(f"{value}: local:N takes a number of workers (local:4)")
    return value


@app.command()
def batch(
    inputs: List[str] = typer.Argument(..., help="Files, folders (searched recursively) and glob patterns."),
    outdir: Path = typer.Option(..., "--output", "-o", help="Folder for the outputs (created if missing)."),
    formats: List[OutputFormat] = typer.Option(
        [OutputFormat.json], "--format", "-f",
        help="Combined outputs to write besides one JSON per notice and files.csv (always written): "
             "jsonl, csv, xlsx, parquet. Repeat for several.",
    ),
    excel: bool = typer.Option(False, "--excel", help=EXCEL_HELP),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                          help="Worker processes; by default one per CPU."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=0.001,
                                  help="Seconds one file may take (one page, for a file read by OCR); "
                                       "a worker stuck longer is stopped."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    max_memory: int = typer.Option(DEFAULT_MAX_MEMORY_MIB, "--max-memory", min=0,
                                   help=MAX_MEMORY_HELP.replace("one file", "each worker")),
    resume: bool = typer.Option(
        False, "--resume",
        help="Skip inputs whose JSON is already in the output folder; files whose size and time "
             "files.csv records unchanged are not read again.",
    ),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler",
        callback=_scheduler_address,
        help="Run on a Dask cluster (needs the dask extra): tcp://HOST:8786, or local:N for "
             "N local worker processes.",
    ),
    vocab: Optional[Path] = typer.Option(None, "--vocab", help=VOCAB_HELP),
    strict: bool = typer.Option(False, "--strict", help="Exit with 1 if any file failed."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
    ocr: OcrMode = _ocr_option(),
):
    """Convert many notices into a folder: failures go to errors.csv and the batch goes on."""
    from mszs.batch import ocr_rate, run

    _load_vocabulary(vocab)
    try:
        summary = run(
            inputs, outdir, formats=[f.value for f in formats], workers=workers, timeout=timeout,
            max_bytes=max_bytes, max_memory=_memory_bytes(max_memory), resume=resume, excel=excel,
            progress=not quiet, scheduler=scheduler, vocabulary=str(vocab) if vocab else None,
            ocr=ocr.value,
        )
    except FileNotFoundError as exc:
        if exc.errno is None:  # no input matched
            raise typer.BadParameter(str(exc), param_hint="INPUTS") from exc
        _fail_output(outdir, exc, False)
    except ConnectionError as exc:
        typer.echo(f"mszs: {exc}", err=True)
        raise typer.Exit(1) from exc
    except ImportError as exc:
        typer.echo(f"mszs: {exc.name or exc} is missing: install the extra with pip install 'mszs[dask]'", err=True)
        raise typer.Exit(1) from exc
    except OSError as exc:
        _fail_output(outdir, exc, False)
    counts = (f"{summary.parsed} parsed, {summary.failed} failed, {summary.skipped} skipped, "
              f"{summary.warnings} warnings")
    if summary.interrupted:
        typer.echo(f"mszs: interrupted after {summary.done} of {summary.total} files ({counts}); "
                   "finished outputs are kept, rerun with --resume to go on", err=True)
        raise typer.Exit(130)
    where = f"; failures are listed in {outdir / 'errors.csv'}" if summary.failed else ""
    scans = f" ({ocr_rate(summary, summary.seconds)})" if summary.ocr_pages else ""
    typer.echo(f"mszs: {summary.total} files in {summary.seconds:.1f} s{scans}: {counts}{where}", err=True)
    if strict and summary.failed:
        raise typer.Exit(1)


@app.command()
def validate(
    files: List[Path] = typer.Argument(..., help="JSON files written by mszs (.json, or .jsonl with one per line)."),
):
    """Check output files against the schema and say what is wrong where."""
    from mszs.emit.validate import problems
    from mszs.inputs import display_path

    invalid = 0
    for file in files:
        found = problems(file)
        for problem in found:
            typer.echo(f"{display_path(file)}: {problem}")
        invalid += bool(found)
    typer.echo(f"mszs: {len(files) - invalid} valid, {invalid} invalid", err=True)
    if invalid:
        raise typer.Exit(1)


@app.command()
def show(
    file: Path = typer.Argument(..., help="The notice to look at."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    max_memory: int = typer.Option(DEFAULT_MAX_MEMORY_MIB, "--max-memory", min=0, help=MAX_MEMORY_HELP),
    vocab: Optional[Path] = typer.Option(None, "--vocab", help=VOCAB_HELP),
    ocr: OcrMode = _ocr_option(),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of a failure."),
):
    """Print a notice's projects and tasks as a table, for a quick look."""
    from mszs.emit.terminal import show as show_notice
    from mszs.schemas import from_output

    _load_vocabulary(vocab)
    show_notice(from_output(_read(file, max_bytes, max_memory, debug, ocr)))


@app.command()
def explain(
    file: Path = typer.Argument(..., help="The notice to explain."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    vocab: Optional[Path] = typer.Option(None, "--vocab", help=VOCAB_HELP),
    ocr: OcrMode = _ocr_option(),
):
    """Print every line and cell of a notice with the role mszs gave it (item, heading, label →
    field, table header, ignored), to see why a notice reads as it does."""
    from mszs.explain import explain as explain_notice
    from mszs.inputs import open_input, read_input

    _load_vocabulary(vocab)
    try:
        with open_input(file) as handle:
            data = read_input(handle, max_bytes)
        lines = explain_notice(data, ocr=ocr.value)
    except MszsError as exc:
        _fail(file, exc, False)
    for line in lines:
        typer.echo(line)


@app.command()
def schema():
    """Print the JSON Schema of the output."""
    from mszs.schemas import Notice

    typer.echo(json.dumps(Notice.model_json_schema(), ensure_ascii=False, indent=2))


def _load_vocabulary(vocab: Optional[Path]) -> None:
    if vocab is None:
        return
    from mszs.user_vocabulary import VocabularyError, load_vocabulary

    try:
        load_vocabulary(str(vocab))
    except VocabularyError as exc:
        typer.echo(f"mszs: vocabulary {exc}", err=True)
        raise typer.Exit(1)


def _memory_bytes(mebibytes: int) -> int | None:
    return mebibytes * 1024**2 if mebibytes else None


def _read(file: Path, max_bytes: int, max_memory: int, debug: bool, ocr: OcrMode):
    """Parse ``file`` (``-``: standard input) within the limits, or exit with its one-line reason.
    The notice is the parser's own (:mod:`mszs.output`): its model needs pydantic, which takes
    longer to load than a small notice to parse, and JSON is written without it."""
    from mszs.api import limit_memory, read_file, read_notice
    from mszs.inputs import display_path, names_stdin, read_input

    limit_memory(_memory_bytes(max_memory))
    try:
        if str(file) == "-" or names_stdin(file):
            data = read_input(sys.stdin.buffer, max_bytes)
        else:
            data = read_file(file, max_bytes)
        return read_notice(data, path=display_path(file), ocr=ocr.value)
    except MszsError as exc:
        _fail(file, exc, debug)
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        _fail(file, exc, debug, internal=True)


def _fail(file: Path, exc: Exception, debug: bool, internal: bool = False):
    from mszs.inputs import display_path

    if debug:
        raise exc
    reason = str(exc) or type(exc).__name__
    if internal:
        reason = f"internal error ({type(exc).__name__}: {reason}); rerun with --debug and report it"
    typer.echo(f"mszs: {display_path(file)}: {reason}", err=True)
    raise typer.Exit(1)


def _fail_output(output: Optional[Path], exc: OSError, debug: bool):
    """One line for an output that cannot be written: a missing or read-only folder, a folder
    where a file was asked for, a path under a file."""
    from mszs.inputs import display_path

    if debug:
        raise exc
    where = output or exc.filename or "standard output"  # the path given, not a temporary file beside it
    typer.echo(f"mszs: {display_path(where)}: cannot write the output: {exc.strerror or exc}", err=True)
    raise typer.Exit(1)
