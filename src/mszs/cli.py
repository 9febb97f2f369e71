"""The ``mszs`` command line: a thin layer over :mod:`mszs.api`."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from mszs import __version__
from mszs.errors import MszsError

app = typer.Typer(
    help="Parse Chinese 民生实事 notices (text, Word, PDF, HTML) into structured JSON.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


def _version(value: bool):
    if value:
        typer.echo(f"mszs {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                           help="Print the version and exit."),
):
    """mszs reads a notice and prints its projects, tasks, units, targets and dates."""


@app.command()
def parse(
    file: Path = typer.Argument(..., help="The notice: .txt, .docx, .doc, .pdf or .html (format read from the bytes)."),
    format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    max_bytes: int = typer.Option(200 * 1024 * 1024, "--max-bytes", help="Refuse files larger than this."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of a failure."),
):
    """Parse one notice and print it in the contract's JSON."""
    from mszs.api import parse as parse_file
    from mszs.emit import to_json, to_jsonl

    try:
        notice = parse_file(file, max_bytes=max_bytes)
    except MszsError as exc:
        _fail(file, exc, debug)
    except Exception as exc:  # a bug, not bad input: still one line unless --debug
        _fail(file, exc, debug, internal=True)
    text = to_json(notice) + "\n" if format is OutputFormat.json else to_jsonl(notice)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command()
def schema():
    """Print the JSON Schema of the output."""
    from mszs.schemas import Notice

    typer.echo(json.dumps(Notice.model_json_schema(), ensure_ascii=False, indent=2))


def _fail(file: Path, exc: Exception, debug: bool, internal: bool = False):
    if debug:
        raise exc
    reason = str(exc) or type(exc).__name__
    if internal:
        reason = f"internal error ({type(exc).__name__}: {reason}); rerun with --debug and report it"
    typer.echo(f"mszs: {file}: {reason}", err=True)
    raise typer.Exit(1)
