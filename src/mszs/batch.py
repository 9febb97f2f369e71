"""Convert many notices at once: the library side of ``mszs batch``.

    >>> from mszs.batch import run
    >>> summary = run(["archive/"], "out", formats=["csv"], workers=2)

Layout of the output folder:

    out/json/<sha256>.json   one JSON per distinct input (the contract's shape)
    out/errors.csv           path, sha256, kind, message of every input that failed
    out/files.csv            the manifest: every input path and what became of it (mszs.manifest)
    out/notices.jsonl        with format "jsonl": every notice, one per line
    out/<table>.csv          with format "csv": the tidy tables of mszs.emit.tables
    out/tables.xlsx          with format "xlsx": the same tables and the manifest, one sheet each
    out/<table>.parquet      with format "parquet": the same tables and the manifest, typed

Every file is written under a temporary name and renamed when complete, so a
crash or Ctrl-C never leaves half a file. The per-notice JSON files are what
``resume`` looks for and what the combined outputs are built from, so they are
written whatever the formats. Inputs with identical bytes are converted once
(the first path in sorted order); the others count as skipped, or as failed
with the same error when the first one failed.
"""
from __future__ import annotations

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

from mszs.api import DEFAULT_MAX_BYTES, DEFAULT_MAX_MEMORY, limit_memory, parse, parse_bytes
from mszs.children import die_with_parent
from mszs.emit import to_json, to_jsonl
from mszs.emit.files import replacing, write_text
from mszs.emit.tables import FILES_COLUMNS, CsvLog, write_csv
from mszs.errors import MszsError, UnreadableInput
from mszs.inputs import display_path, open_input
from mszs.manifest import COPY, FAILED, PARSED, SKIPPED, FileRecord, read_fingerprints
from mszs.parsers import ocr as scans
from mszs.parsers.libreoffice import sweep_stale_folders
from mszs.schemas import Notice
from mszs.sources import find_urls, fingerprint_url, is_url, read_url, stat_url

FORMATS = ("json", "jsonl", "csv", "xlsx", "parquet")
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
    seconds: float | None = None  # what parsing and writing took
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
    max_memory: int | None = DEFAULT_MAX_MEMORY,
    vocabulary: str | None = None,
    resume: bool = False,
    excel: bool = False,
    progress: bool = False,
    scheduler: str | None = None,
    ocr: str = "auto",
) -> Summary:
    """Convert every input into ``outdir``; a failure is recorded and the batch goes on.

    ``timeout`` is per file, and per page for a file read by OCR (``ocr`` as in
    :func:`mszs.api.parse`): the worker stuck on it is killed and replaced.
    ``max_memory`` caps each worker's address space: a file that needs more fails as too_large.
    ``progress`` shows counts, rate and ETA on stderr. Ctrl-C stops the batch
    with ``interrupted`` set; what was finished stays, and the combined outputs
    (jsonl, csv, xlsx, parquet) are left as they were. ``scheduler`` runs the
    files on a Dask cluster instead of local worker processes (see
    :mod:`mszs.cluster`: ``tcp://HOST:8786``, or ``local:N`` for N local workers).
    """
    started = time.monotonic()
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown format {', '.join(sorted(unknown))}: choose from {', '.join(FORMATS)}")
    _require_extras(formats, scheduler)
    outdir = Path(outdir)
    inputs = [os.fspath(given) for given in inputs]
    urls = [given for given in inputs if is_url(given)]
    paths = find_inputs([given for given in inputs if not is_url(given)], exclude=outdir)
    if urls:
        paths = sorted(paths + find_urls(urls, SUFFIXES), key=str)
    json_dir = outdir / "json"
    json_dir.mkdir(parents=True, exist_ok=True)
    for stale in json_dir.glob(".*.tmp"):  # left by a batch killed mid-write
        stale.unlink()
    sweep_stale_folders()  # LibreOffice's, left by a worker or batch killed outright
    known = read_fingerprints(outdir / "files.csv") if resume else {}
    summary = Summary(total=len(paths))
    records = list(_records(paths, known))
    del known
    convert = functools.partial(convert_file, json_dir=json_dir.resolve() if scheduler else json_dir,
                                max_bytes=max_bytes, max_memory=max_memory, vocabulary=vocabulary, ocr=ocr)
    with (
        _engine(scheduler, workers, timeout) as engine,
        _ErrorLog(outdir / "errors.csv", summary, excel) as errors,
        CsvLog(outdir / "files.csv", FILES_COLUMNS, excel=excel) as manifest,
        _progress_display(summary, progress) as display,
    ):
        def fail(record: FileRecord, kind: str, message: str, status: str = FAILED) -> None:
            record.status, record.kind, record.message = status, kind, message
            errors.add(Failure(display_path(record.path), record.sha256, kind, message))
            manifest.add(record.row())

        try:
            for record, found in engine.fingerprints([r for r in records if not r.sha256], max_bytes):
                if isinstance(found, MszsError):
                    fail(record, found.kind, str(found))
                    display()
                else:
                    record.sha256 = found
            jobs, copies = [], []
            first_of: dict[str, FileRecord] = {}
            for record in records:
                if record.status:  # failed before it could be read
                    continue
                if record.sha256 in first_of:
                    copies.append(record)
                    continue
                if record.sha256:
                    first_of[record.sha256] = record
                if resume and record.sha256 and (json_dir / f"{record.sha256}.json").exists():
                    record.status = SKIPPED
                    summary.skipped += 1
                    manifest.add(record.row())
                    display()
                else:
                    jobs.append(record)
            for record, outcome in engine.convert(convert, jobs):
                record.seconds = outcome.seconds
                summary.ocr_pages += outcome.ocr_pages
                if outcome.kind:
                    fail(record, outcome.kind, outcome.message)
                else:
                    record.sha256, record.status = outcome.sha256, PARSED
                    summary.parsed += 1
                    summary.warnings += outcome.warnings
                    manifest.add(record.row())
                display()
            # A copy shares the fate of the first file with its bytes: skipped if that converted, failed if not.
            for record in copies:
                first = first_of[record.sha256]
                if first.kind:
                    fail(record, first.kind, first.message, status=COPY)
                else:
                    record.status = COPY
                    summary.skipped += 1
                    manifest.add(record.row())
                display()
            shas = [record.sha256 for record in records if record.status in (PARSED, SKIPPED)]
            write_combined(shas, outdir, formats, excel=excel, files=records)
        except KeyboardInterrupt:
            summary.interrupted = True
        manifest.finish(record.row() for record in records if record.status)  # in path order
    summary.seconds = time.monotonic() - started
    return summary


def _require_extras(formats: Iterable[str], scheduler: str | None) -> None:
    """Import what the dask extra brings now, so that an ImportError comes before anything is written."""
    if "parquet" in formats:
        import mszs.emit.parquet  # noqa: F401
    if scheduler:
        import mszs.cluster  # noqa: F401


def _records(paths: list[Path], known: dict[str, tuple[int, int, str]]) -> Iterator[FileRecord]:
    """The record of each path, in order, the paths dropped from the list as they are taken: a
    record holds all that is needed of its path, and a million Paths weigh 300 MB."""
    paths.reverse()
    while paths:
        yield _seen(paths.pop(), known)


def _seen(path: Path, known: dict[str, tuple[int, int, str]]) -> FileRecord:
    """The record of an input before it is read: its size and time, and its sha256 when
    an earlier manifest has it with the same size and time."""
    record = FileRecord(str(path))
    try:
        if is_url(path):
            record.size, record.mtime_ns = stat_url(path)
        else:
            info = path.stat()
            record.size, record.mtime_ns = info.st_size, info.st_mtime_ns
    except OSError:
        return record  # the fingerprint says why
    size, mtime_ns, sha256 = known.get(record.path, (None, None, ""))
    if (size, mtime_ns) == (record.size, record.mtime_ns):
        record.sha256 = sha256
    return record


@contextmanager
def _engine(scheduler: str | None, workers: int | None, timeout: float):
    if scheduler is None:
        yield _LocalEngine(workers or default_workers(), timeout)
        return
    from mszs.cluster import DaskEngine

    with DaskEngine.connect(scheduler) as engine:
        yield engine


class _LocalEngine:
    """Files read in this process, converted in local worker processes."""

    def __init__(self, workers: int, timeout: float):
        self.workers = workers
        self.timeout = timeout

    def fingerprints(self, records: list[FileRecord], max_bytes: int | None) -> Iterator[tuple]:
        """Yield ``(record, sha256 or MszsError)``."""
        for record in records:
            try:
                yield record, fingerprint(record.path, max_bytes)
            except MszsError as exc:
                yield record, exc

    def convert(self, task: Callable, records: list[FileRecord]) -> Iterator[tuple[FileRecord, _Outcome]]:
        jobs = [(record, record.path) for record in records]
        with closing(_run_in_workers(task, jobs, self.workers, self.timeout)) as results:
            for (record, _), outcome in results:
                yield record, outcome


def find_inputs(inputs: Iterable[str | os.PathLike], *, exclude: str | os.PathLike | None = None) -> list[Path]:
    """The files to convert, sorted, each once.

    A folder gives every file below it with a known suffix (hidden ones
    skipped); a name that is not a file or folder is tried as a glob
    (``**`` recursive). Symlinks to folders are not followed below a folder or
    a glob, so a symlink loop cannot make the search endless; a file symlink
    that loops is kept, and fails as unreadable when it is opened. Files
    under ``exclude`` (the output folder) are left out.
    Raises FileNotFoundError for an input that matches nothing.
    """
    found: set[Path] = set()
    for given in inputs:
        given = os.fspath(given)
        if os.path.lexists(given):
            matches = [Path(given)]
        else:
            matches = _glob(given)
            if not matches:
                raise FileNotFoundError(f"no such file or folder, and no match for the pattern: {display_path(given)}")
        for match in matches:
            found.update(_files_under(match) if match.is_dir() else [match])
    if exclude is not None:
        excluded = os.path.realpath(exclude)
        # realpath, unlike Path.resolve, gives up quietly on a symlink loop
        found = {path for path in found if not Path(os.path.realpath(path)).is_relative_to(excluded)}
    return sorted(found, key=str)


def _glob(pattern: str) -> list[Path]:
    """The paths matching ``pattern`` (``**`` recursive, hidden names only when asked for),
    without following symlinks to folders: glob.glob follows them, round a loop for ever."""
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if glob.has_magic(part)), len(parts))
    base, rest = Path(*parts[:fixed]) if fixed else Path("."), parts[fixed:]
    if not rest:
        return [base] if os.path.lexists(base) else []
    hidden_asked = any(part.startswith(".") for part in rest)
    return [match for match in base.glob(str(Path(*rest)))
            if hidden_asked or not any(name.startswith(".") for name in match.relative_to(base).parts)]


def _files_under(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                yield Path(root, name)


def fingerprint(name: str, max_bytes: int | None) -> str:
    """The sha256 of a file named by a path or an fsspec URL (see :func:`_fingerprint`)."""
    return fingerprint_url(name, max_bytes) if is_url(name) else _fingerprint(Path(name), max_bytes)


def _fingerprint(path: Path, max_bytes: int | None) -> str:
    """The sha256 of the file, or "" for a file over ``max_bytes`` (left for the parser to refuse, unread).

    A FIFO, socket or device is refused here, unopened, instead of costing a worker its timeout.
    """
    with open_input(path) as file:
        try:
            if max_bytes is not None and os.fstat(file.fileno()).st_size > max_bytes:
                return ""
            digest = hashlib.sha256()
            while chunk := file.read(1 << 20):
                digest.update(chunk)
        except OSError as exc:
            raise UnreadableInput(f"cannot read the file: {exc.strerror or exc}") from exc
    return digest.hexdigest()


def convert_file(path: str | os.PathLike, *, json_dir: Path, max_bytes: int | None,
                 max_memory: int | None = None, vocabulary: str | None = None, ocr: str = "auto") -> _Outcome:
    """Parse one file and write ``json_dir/<sha256>.json``; runs in a worker process (local or
    on a cluster), whose memory it caps at ``max_memory`` bytes. The outcome counts the pages
    read by OCR, for the batch's pages/s."""
    limit_memory(max_memory)
    started, pages = time.perf_counter(), scans.pages_begun()
    outcome = _convert(path, json_dir, max_bytes, vocabulary, ocr)
    outcome.seconds = time.perf_counter() - started
    outcome.ocr_pages = scans.pages_begun() - pages
    return outcome


def _convert(path: str | os.PathLike, json_dir: Path, max_bytes: int | None, vocabulary: str | None,
             ocr: str) -> _Outcome:
    try:
        if is_url(path):
            notice = parse_bytes(read_url(path, max_bytes), path=path, vocabulary=vocabulary, ocr=ocr)
        else:
            notice = parse(path, max_bytes=max_bytes, vocabulary=vocabulary, ocr=ocr)
    except MszsError as exc:
        return _Outcome(kind=exc.kind, message=str(exc))
    except Exception as exc:  # a bug, not bad input: recorded, and the batch goes on
        return _Outcome(kind="internal", message=f"internal error ({type(exc).__name__}: {exc})")
    try:
        write_text(json_dir / f"{notice.source.sha256}.json", to_json(notice) + "\n")
    except OSError as exc:
        return _Outcome(kind="unwritable", message=f"cannot write the output: {exc.strerror or exc}")
    return _Outcome(sha256=notice.source.sha256, warnings=len(notice.warnings))


def write_combined(
    shas: list[str], outdir: Path, formats: Iterable[str], *, excel: bool = False,
    files: list[FileRecord] | None = None,
) -> None:
    """Write the jsonl, csv, xlsx and parquet outputs from ``outdir/json``, notices in the order
    given; ``files``, the records of the manifest, are the files table of xlsx and parquet
    (files.csv is the manifest itself)."""

    def file_rows():
        return None if files is None else (record.row() for record in files)

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

        write_xlsx(notices(), outdir / "tables.xlsx", files=file_rows())
    if "parquet" in formats:
        from mszs.emit.parquet import write_parquet

        write_parquet(notices(), outdir, files=file_rows())


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
    die_with_parent(parent_pid)
    # Ctrl-C goes to the whole process group: the parent decides, workers carry on until killed.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    scans.on_page(lambda number: conn.send(_PageStarted()))
    while True:
        try:
            path = conn.recv()
        except EOFError:  # the parent is gone
            return
        conn.send(task(path))


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
        self.log = CsvLog(path, ERROR_COLUMNS, excel=excel)
        self.summary = summary

    def __enter__(self):
        self.log.__enter__()
        return self

    def add(self, failure: Failure) -> None:
        self.summary.failed += 1
        self.summary.failures.append(failure)
        self.log.add(_error_row(failure))

    def __exit__(self, *exc_info):
        self.summary.failures.sort(key=lambda failure: failure.path)
        self.log.finish(_error_row(failure) for failure in self.summary.failures)


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
