"""Convert many notices at once: the library side of ``mszs batch``.

    >>> from mszs.batch import run
    >>> summary = run(["archive/"], "out", formats=["csv"], workers=2)

Layout of the output folder:

    out/json/<sha256>.json   one JSON per distinct input (the contract's shape)
    out/errors.csv           path, sha256, kind, message of every input that failed
    out/notices.jsonl        with format "jsonl": every notice, one per line
    out/<table>.csv          with format "csv": the tidy tables of mszs.emit.tables
    out/tables.xlsx          with format "xlsx": the same tables, one sheet each

Every file is written under a temporary name and renamed when complete, so a
crash or Ctrl-C never leaves half a file. The per-notice JSON files are what
``resume`` looks for and what the combined outputs are built from, so they are
written whatever the formats. Inputs with identical bytes are converted once
(the first path in sorted order); the others count as skipped, or as failed
with the same error when the first one failed.
"""
from __future__ import annotations

import ctypes
import functools
import glob
import hashlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable, Iterator

from mszs.api import DEFAULT_MAX_BYTES, parse
from mszs.emit import to_json, to_jsonl
from mszs.emit.files import replacing, write_text
from mszs.emit.tables import csv_encoding, csv_writer, write_csv, write_csv_file
from mszs.errors import MszsError, UnreadableInput
from mszs.schemas import Notice

FORMATS = ("json", "jsonl", "csv", "xlsx")
DEFAULT_TIMEOUT = 60.0
# Files taken from folders; files named on the command line or matched by a glob are taken whatever their name.
SUFFIXES = frozenset({".txt", ".text", ".htm", ".html", ".xhtml", ".shtml", ".docx", ".doc", ".pdf", ".ofd",
                      ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"})
ERROR_COLUMNS = ("path", "sha256", "kind", "message")


@dataclass
class Failure:
    path: str
    sha256: str
    kind: str
    message: str


@dataclass
class Summary:
    total: int = 0
    parsed: int = 0
    failed: int = 0
    skipped: int = 0
    warnings: int = 0
    ocr_pages: int = 0  # pages read by OCR
    interrupted: bool = False
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.parsed + self.failed + self.skipped


@dataclass
class _Outcome:
    """What a worker sends back for one file."""

    sha256: str = ""
    warnings: int = 0
    kind: str = ""  # empty when parsed
    message: str = ""
    ocr_pages: int = 0


@dataclass
class _PageStarted:
    """What a worker sends as OCR of a page begins: the file gets another ``timeout``."""


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(
    inputs: Iterable[str | os.PathLike],
    outdir: str | os.PathLike,
    *,
    formats: Iterable[str] = ("json",),
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    resume: bool = False,
    excel: bool = False,
    progress: bool = False,
    ocr: str = "auto",
) -> Summary:
    """Convert every input into ``outdir``; a failure is recorded and the batch goes on.

    ``timeout`` is per file, and per page for a file read by OCR (``ocr`` as in
    :func:`mszs.api.parse`): the worker stuck on it is killed and replaced.
    ``progress`` shows counts, rate and ETA on stderr. Ctrl-C stops the batch
    with ``interrupted`` set; what was finished stays, and the combined outputs
    (jsonl, csv, xlsx) are left as they were.
    """
    started = time.monotonic()
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown format {', '.join(sorted(unknown))}: choose from {', '.join(FORMATS)}")
    outdir = Path(outdir)
    paths = find_inputs(inputs, exclude=outdir)
    json_dir = outdir / "json"
    json_dir.mkdir(parents=True, exist_ok=True)
    for stale in json_dir.glob(".*.tmp"):  # left by a batch killed mid-write
        stale.unlink()
    summary = Summary(total=len(paths))
    converted: dict[int, str] = {}  # input position → sha256 of its JSON, for the combined outputs
    convert = functools.partial(convert_file, json_dir=json_dir, max_bytes=max_bytes, ocr=ocr)
    with _ErrorLog(outdir / "errors.csv", summary, excel) as errors, _progress_display(summary, progress) as display:
        try:
            jobs, duplicates = [], []
            seen: set[str] = set()
            for index, path in enumerate(paths):
                try:
                    sha256 = _fingerprint(path, max_bytes)
                except MszsError as exc:
                    errors.add(Failure(str(path), "", exc.kind, str(exc)))
                    display()
                    continue
                if sha256 in seen:
                    duplicates.append((path, sha256))
                    continue
                if resume and (json_dir / f"{sha256}.json").exists():
                    summary.skipped += 1
                    converted[index] = sha256
                else:
                    jobs.append((index, path, sha256))
                if sha256:
                    seen.add(sha256)
                display()
            with closing(_run_in_workers(convert, jobs, workers or default_workers(), timeout)) as results:
                for (index, path, sha256), outcome in results:
                    summary.ocr_pages += outcome.ocr_pages
                    if outcome.kind:
                        errors.add(Failure(str(path), sha256, outcome.kind, outcome.message))
                    else:
                        summary.parsed += 1
                        summary.warnings += outcome.warnings
                        converted[index] = outcome.sha256
                    display()
            # A copy shares the fate of the first file with its bytes: skipped if that converted, failed if not.
            failed = {failure.sha256: failure for failure in summary.failures if failure.sha256}
            for path, sha256 in duplicates:
                if sha256 in failed:
                    errors.add(Failure(str(path), sha256, failed[sha256].kind, failed[sha256].message))
                else:
                    summary.skipped += 1
                display()
            shas = [converted[index] for index in sorted(converted)]
            write_combined(shas, outdir, formats, excel=excel)
        except KeyboardInterrupt:
            summary.interrupted = True
    summary.seconds = time.monotonic() - started
    return summary


def find_inputs(inputs: Iterable[str | os.PathLike], *, exclude: str | os.PathLike | None = None) -> list[Path]:
    """The files to convert, sorted, each once.

    A folder gives every file below it with a known suffix (hidden ones
    skipped); a name that is not a file or folder is tried as a glob
    (``**`` recursive). Files under ``exclude`` (the output folder) are left out.
    Raises FileNotFoundError for an input that matches nothing.
    """
    found: set[Path] = set()
    for given in inputs:
        given = os.fspath(given)
        if os.path.lexists(given):
            matches = [given]
        else:
            matches = glob.glob(given, recursive=True)
            if not matches:
                raise FileNotFoundError(f"no such file or folder, and no match for the pattern: {given}")
        for match in matches:
            found.update(_files_under(Path(match)) if os.path.isdir(match) else [Path(match)])
    if exclude is not None:
        excluded = Path(exclude).resolve()
        found = {path for path in found if not path.resolve().is_relative_to(excluded)}
    return sorted(found, key=str)


def _files_under(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                yield Path(root, name)


def _fingerprint(path: Path, max_bytes: int | None) -> str:
    """The sha256 of the file, or "" for a file over ``max_bytes`` (left for the parser to refuse, unread)."""
    try:
        info = path.stat()
        if not path.is_file():
            raise UnreadableInput("not a regular file")
        if max_bytes is not None and info.st_size > max_bytes:
            return ""
        digest = hashlib.sha256()
        with open(path, "rb") as file:
            while chunk := file.read(1 << 20):
                digest.update(chunk)
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file: {exc.strerror or exc}") from exc
    return digest.hexdigest()


def convert_file(path: str | os.PathLike, *, json_dir: Path, max_bytes: int | None, ocr: str = "auto") -> _Outcome:
    """Parse one file and write ``json_dir/<sha256>.json``; runs in a worker process."""
    try:
        notice = parse(path, max_bytes=max_bytes, ocr=ocr)
    except MszsError as exc:
        return _Outcome(kind=exc.kind, message=str(exc))
    except Exception as exc:  # a bug, not bad input: recorded, and the batch goes on
        return _Outcome(kind="internal", message=f"internal error ({type(exc).__name__}: {exc})")
    try:
        write_text(json_dir / f"{notice.source.sha256}.json", to_json(notice) + "\n")
    except OSError as exc:
        return _Outcome(kind="unwritable", message=f"cannot write the output: {exc.strerror or exc}")
    return _Outcome(sha256=notice.source.sha256, warnings=len(notice.warnings))


def write_combined(shas: list[str], outdir: Path, formats: Iterable[str], *, excel: bool = False) -> None:
    """Write the jsonl, csv and xlsx outputs from ``outdir/json``, notices in the order given."""

    def notices():
        for sha in shas:
            yield Notice.model_validate_json((outdir / "json" / f"{sha}.json").read_bytes())

    formats = set(formats)
    if "jsonl" in formats:
        with replacing(outdir / "notices.jsonl") as temp, open(temp, "w", encoding="utf-8", newline="") as file:
            file.writelines(to_jsonl(notice) for notice in notices())
    if "csv" in formats:
        write_csv(notices(), outdir, excel=excel)
    if "xlsx" in formats:
        from mszs.emit.xlsx import write_xlsx

        write_xlsx(notices(), outdir / "tables.xlsx")


# --- worker processes -------------------------------------------------------


class _Worker:
    """A child process converting one file at a time, which can be killed and replaced."""

    def __init__(self, context, task: Callable, others: list[_Worker]):
        self.conn, child_end = context.Pipe()
        # A forked child inherits the parent's end of its own pipe and of every other
        # worker's: it closes them, or no worker would see end-of-file when the parent dies.
        parent_ends = [self.conn] + [worker.conn for worker in others]
        self.process = context.Process(target=_serve, args=(child_end, task, parent_ends, os.getpid()), daemon=True)
        self.process.start()
        child_end.close()
        self.job = None
        self.deadline = 0.0
        self.ocr_pages = 0

    def give(self, job, timeout: float) -> None:
        self.job = job
        self.deadline = time.monotonic() + timeout
        self.ocr_pages = 0
        self.conn.send(job[1])

    def outcome(self, timeout: float) -> _Outcome | None:
        """The outcome of the current job, or None while it is still running within its time."""
        while self.conn.poll():
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                break  # died mid-answer: reported below
            if not isinstance(message, _PageStarted):
                message.ocr_pages = self.ocr_pages
                return message
            self.ocr_pages += 1
            self.deadline = max(self.deadline, time.monotonic() + timeout)
        if not self.process.is_alive():
            code = self.process.exitcode
            how = f"signal {-code}" if code and code < 0 else f"exit code {code}"
            return _Outcome(kind="crashed", message=f"the worker process died ({how}) while reading this file",
                            ocr_pages=self.ocr_pages)
        if time.monotonic() >= self.deadline:
            per = f" per page, {self.ocr_pages} pages read by OCR" if self.ocr_pages else ""
            return _Outcome(kind="timeout", message=f"not finished after {timeout:g} s{per} (--timeout); stopped",
                            ocr_pages=self.ocr_pages)
        return None

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def _serve(conn, task: Callable, parent_ends: list, parent_pid: int) -> None:
    for end in parent_ends:
        end.close()
    _die_with_parent(parent_pid)
    # Ctrl-C goes to the whole process group: the parent decides, workers carry on until killed.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from mszs.parsers import ocr

    ocr.on_page(lambda number: conn.send(_PageStarted()))
    while True:
        try:
            path = conn.recv()
        except EOFError:  # the parent is gone
            return
        conn.send(task(path))


def _die_with_parent(parent_pid: int) -> None:
    """On Linux, have the kernel kill this worker when the parent dies (SIGKILL leaves no
    time to stop workers), even in the middle of a file it is stuck on."""
    if not sys.platform.startswith("linux"):
        return
    PR_SET_PDEATHSIG = 1
    ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # died before the line above
        os._exit(1)


def _run_in_workers(task: Callable, jobs: list, workers: int, timeout: float) -> Iterator[tuple]:
    """Yield ``(job, outcome)`` as jobs finish; a job's path is ``job[1]``.

    Each job gets ``timeout`` seconds in its worker; a worker that overruns or
    dies is replaced and the job reported as failed.
    """
    if not jobs:
        return
    # fork: workers start in milliseconds and share the parent's imported modules.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    queue = deque(jobs)
    pool: list[_Worker] = []
    try:
        for _ in range(min(workers, len(jobs))):
            pool.append(_Worker(context, task, pool))
        for worker in pool:
            worker.give(queue.popleft(), timeout)
        while any(worker.job for worker in pool):
            busy = [worker for worker in pool if worker.job]
            wait(
                [worker.conn for worker in busy] + [worker.process.sentinel for worker in busy],
                timeout=max(0.0, min(worker.deadline for worker in busy) - time.monotonic()),
            )
            for i, worker in enumerate(pool):
                outcome = worker.job and worker.outcome(timeout)
                if not outcome:
                    continue
                job, worker.job = worker.job, None
                if outcome.kind in ("timeout", "crashed"):
                    worker.stop()
                    pool[i] = worker = _Worker(context, task, pool)
                if queue:
                    worker.give(queue.popleft(), timeout)
                yield job, outcome
    finally:
        for worker in pool:
            worker.stop()


# --- errors.csv and progress ------------------------------------------------


class _ErrorLog:
    """errors.csv: appended and flushed as failures happen, so a crash keeps them;
    rewritten sorted by path at the end, so equal batches give equal files."""

    def __init__(self, path: Path, summary: Summary, excel: bool):
        self.path = path
        self.summary = summary
        self.excel = excel

    def __enter__(self):
        self.file = open(self.path, "w", encoding=csv_encoding(self.excel), newline="")
        self.writer = csv_writer(self.file)
        self.writer.writerow(ERROR_COLUMNS)
        self.file.flush()
        return self

    def add(self, failure: Failure) -> None:
        self.summary.failed += 1
        self.summary.failures.append(failure)
        self.writer.writerow(_error_row(failure))
        self.file.flush()

    def __exit__(self, *exc_info):
        self.file.close()
        self.summary.failures.sort(key=lambda failure: failure.path)
        rows = (_error_row(failure) for failure in self.summary.failures)
        write_csv_file(self.path, ERROR_COLUMNS, rows, excel=self.excel)


def _error_row(failure: Failure) -> tuple:
    return failure.path, failure.sha256, failure.kind, failure.message


def rates(summary: Summary, seconds: float) -> str:
    """Files per second, and pages per second read by OCR when there were any: OCR takes
    seconds a page, so files/s alone says little about a batch of scans."""
    text = f"{summary.done / max(seconds, 1e-9):.1f} files/s"
    return f"{text}, {ocr_rate(summary, seconds)}" if summary.ocr_pages else text


def ocr_rate(summary: Summary, seconds: float) -> str:
    return f"{summary.ocr_pages} pages by OCR at {summary.ocr_pages / max(seconds, 1e-9):.2f} pages/s"


@contextmanager
def _progress_display(summary: Summary, enabled: bool) -> Iterator[Callable[[], None]]:
    """Yield a function to call after each file: a rich bar on a terminal, a plain line
    every few seconds when stderr is a file or pipe, nothing when not ``enabled``."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:
        yield _PlainLines(summary)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (
        BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[counts]}"),
        TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
    )
    started = time.monotonic()
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("", total=summary.total, counts="", rate="")

        def update():
            counts = f"{summary.parsed} parsed, {summary.failed} failed, {summary.skipped} skipped"
            bar.update(task, completed=summary.done, counts=counts, rate=rates(summary, time.monotonic() - started))

        yield update


class _PlainLines:
    """One status line on stderr at most every ``every`` seconds."""

    def __init__(self, summary: Summary, every: float = 5.0):
        self.summary = summary
        self.every = every
        self.started = self.shown = time.monotonic()

    def __call__(self) -> None:
        now = time.monotonic()
        if now - self.shown < self.every:
            return
        self.shown = now
        s = self.summary
        rate = s.done / (now - self.started)
        left = (s.total - s.done) / rate if rate else 0
        print(
            f"mszs: {s.done}/{s.total} files ({s.parsed} parsed, {s.failed} failed, {s.skipped} skipped), "
            f"{rates(s, now - self.started)}, about {left:.0f} s left",
            file=sys.stderr, flush=True,
        )
