"""The ``mszs`` command line: a thin layer over :mod:`mszs.api`, :mod:`mszs.batch` and :mod:`mszs.emit`.

Heavy modules (openpyxl, rich, the batch machinery) are imported inside the
commands that need them, so ``mszs --version`` stays quick.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from mszs import __version__
from mszs.errors import MszsError

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
DEFAULT_TIMEOUT = 60.0
MAX_BYTES_HELP = "Refuse files larger than this many bytes."
EXCEL_HELP = "Start each CSV with a BOM so Excel reads the Chinese text correctly."
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
                                          "(format read from the bytes)."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o",
        help="Write here instead of stdout: a file, or for csv without --table a folder for the six tables.",
    ),
    table: Optional[TableName] = typer.Option(None, "--table", "-t", help="With csv: write only this table."),
    excel: bool = typer.Option(False, "--excel", help=EXCEL_HELP),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    ocr: OcrMode = _ocr_option(),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of a failure."),
):
    """Parse one notice and print it in the contract's JSON, or as tables (csv, xlsx)."""
    if format is OutputFormat.csv and not (table or output):
        raise typer.BadParameter("csv holds six tables: pass --table NAME, or -o FOLDER for all of them",
                                 param_hint="--format csv")
    if format is OutputFormat.xlsx and not output:
        raise typer.BadParameter("a workbook cannot go to the terminal: pass -o FILE.xlsx", param_hint="--format xlsx")
    notice = _read(file, max_bytes, debug, ocr)
    if format is OutputFormat.csv:
        from mszs.emit.tables import csv_encoding, write_csv, write_table

        if table is None:
            write_csv([notice], output, excel=excel)
        elif output is None:
            write_table([notice], table.value, sys.stdout)
        else:
            with open(output, "w", encoding=csv_encoding(excel), newline="") as out:
                write_table([notice], table.value, out)
    elif format is OutputFormat.xlsx:
        from mszs.emit.xlsx import write_xlsx

        write_xlsx([notice], output)
    else:
        from mszs.emit import to_json, to_jsonl

        text = to_json(notice) + "\n" if format is OutputFormat.json else to_jsonl(notice)
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)


@app.command()
def batch(
    inputs: List[str] = typer.Argument(..., help="Files, folders (searched recursively) and glob patterns."),
    outdir: Path = typer.Option(..., "--output", "-o", help="Folder for the outputs (created if missing)."),
    formats: List[OutputFormat] = typer.Option(
        [OutputFormat.json], "--format", "-f",
        help="Combined outputs to write besides one JSON per notice (always written): "
             "jsonl, csv, xlsx. Repeat for several.",
    ),
    excel: bool = typer.Option(False, "--excel", help=EXCEL_HELP),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1,
                                          help="Worker processes; by default one per CPU."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=0.001,
                                  help="Seconds one file may take (one page, for a file read by OCR); "
                                       "a worker stuck longer is stopped."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    resume: bool = typer.Option(False, "--resume", help="Skip inputs whose JSON is already in the output folder."),
    strict: bool = typer.Option(False, "--strict", help="Exit with 1 if any file failed."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
    ocr: OcrMode = _ocr_option(),
):
    """Convert many notices into a folder: failures go to errors.csv and the batch goes on."""
    from mszs.batch import ocr_rate, run

    try:
        summary = run(
            inputs, outdir, formats=[f.value for f in formats], workers=workers, timeout=timeout,
            max_bytes=max_bytes, resume=resume, excel=excel, progress=not quiet, ocr=ocr.value,
        )
    except FileNotFoundError as exc:
        raise typer.BadParameter(str(exc), param_hint="INPUTS") from exc
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

    invalid = 0
    for file in files:
        found = problems(file)
        for problem in found:
            typer.echo(f"{file}: {problem}")
        invalid += bool(found)
    typer.echo(f"mszs: {len(files) - invalid} valid, {invalid} invalid", err=True)
    if invalid:
        raise typer.Exit(1)


@app.command()
def show(
    file: Path = typer.Argument(..., help="The notice to look at."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", min=1, help=MAX_BYTES_HELP),
    ocr: OcrMode = _ocr_option(),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of a failure."),
):
    """Print a notice's projects and tasks as a table, for a quick look."""
    from mszs.emit.terminal import show as show_notice

    show_notice(_read(file, max_bytes, debug, ocr))


@app.command()
def schema():
    """Print the JSON Schema of the output."""
    from mszs.schemas import Notice

    typer.echo(json.dumps(Notice.model_json_schema(), ensure_ascii=False, indent=2))


def _read(file: Path, max_bytes: int, debug: bool, ocr: OcrMode):
    """Parse ``file`` or exit with its one-line reason."""
    from mszs.api import parse as parse_file

    try:
        return parse_file(file, max_bytes=max_bytes, ocr=ocr.value)
    except MszsError as exc:
        _fail(file, exc, debug)
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        _fail(file, exc, debug, internal=True)


def _fail(file: Path, exc: Exception, debug: bool, internal: bool = False):
    if debug:
        raise exc
    reason = str(exc) or type(exc).__name__
    if internal:
        reason = f"internal error ({type(exc).__name__}: {reason}); rerun with --debug and report it"
    typer.echo(f"mszs: {file}: {reason}", err=True)
    raise typer.Exit(1)
