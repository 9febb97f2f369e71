"""``mszs batch --scheduler``: the same per-file work on a Dask cluster (extra ``mszs[dask]``).

The client lists the inputs and decides what to convert; the workers read the
files themselves (the bytes never pass through the client), hash them, parse
them with the same :func:`mszs.batch.convert_file` as local workers, and write
each JSON atomically under the same name as a local run. The client writes the
manifest and the combined tables. Paths must therefore mean the same on the
workers as on the client (a shared file system, paths given absolute), or be
fsspec URLs (:mod:`mszs.sources`) that every worker can read.

Work goes out in bounded waves (``WAVE`` tasks per worker thread in flight), so
the client's memory does not grow with the number of inputs. A worker lost
mid-run has its files retried on the others by the scheduler; a file whose
task was on two workers that died is recorded as ``crashed``: ``local:N`` sets
the scheduler so (``SCHEDULER_SETTINGS``); start a scheduler of your own with
``DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=1`` and
``DASK_DISTRIBUTED__SCHEDULER__WORKER_SATURATION=1.0``.

``--timeout`` does not apply on a cluster (nor, then, its per-page count for
files read by OCR): a Dask task cannot be stopped from outside its worker.
``--ocr`` goes to the workers with the other options of ``convert_file``, and
the pages they read by OCR come back in each outcome for the batch's pages/s.
"""
from __future__ import annotations

from contextlib import contextmanager
from itertools import islice
from typing import Callable, Iterable, Iterator

import dask
from distributed import Client, LocalCluster, as_completed
from distributed.client import FutureCancelledError
from distributed.scheduler import KilledWorker

from mszs.batch import _Outcome, fingerprint
from mszs.errors import MszsError
from mszs.manifest import FileRecord

WAVE = 8  # tasks in flight per worker thread: enough to keep every worker busy between answers
# A task whose worker dies is retried elsewhere once; dying with a second worker, it fails (KilledWorker).
# One task per worker thread at a time, so that a worker's death is blamed on the file it was reading alone.
SCHEDULER_SETTINGS = {"distributed.scheduler.allowed-failures": 1, "distributed.scheduler.worker-saturation": 1.0}


class DaskEngine:
    """Fingerprints and conversions as Dask tasks, for :func:`mszs.batch.run`."""

    def __init__(self, client: Client):
        self.client = client

    @classmethod
    @contextmanager
    def connect(cls, scheduler: str) -> Iterator[DaskEngine]:
        """``local:N`` starts a cluster of N worker processes on 127.0.0.1 for the run;
        anything else is the address of a running scheduler (``tcp://HOST:8786``)."""
        if not scheduler.startswith("local:"):
            try:
                client = Client(scheduler)
            except (OSError, TimeoutError, ValueError) as exc:
                raise ConnectionError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
            with client:
                yield cls(client)
            return
        workers = int(scheduler.removeprefix("local:"))
        with dask.config.set(SCHEDULER_SETTINGS):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                              dashboard_address=None) as cluster, Client(cluster) as client:
                yield cls(client)

    def fingerprints(self, records: list[FileRecord], max_bytes: int | None) -> Iterator[tuple]:
        """Yield ``(record, sha256 or MszsError)``, hashed by the workers."""
        for record, result in self._map(_fingerprint_task, records, max_bytes):
            if isinstance(result, _Outcome):  # the task itself failed
                result = MszsError(result.message, result.kind)
            yield record, result

    def convert(self, task: Callable, records: list[FileRecord]) -> Iterator[tuple[FileRecord, _Outcome]]:
        yield from self._map(task, records)

    def _map(self, function: Callable, records: Iterable[FileRecord], *args) -> Iterator[tuple]:
        """Yield ``(record, function(record.path, *args))`` as tasks finish, a bounded wave at a time;
        a task that failed gives an :class:`_Outcome` saying how."""
        waiting = iter(records)
        in_flight = {}
        finished = as_completed()

        def submit(count: int) -> None:
            for record in islice(waiting, count):
                future = self.client.submit(function, record.path, *args, pure=False)
                in_flight[future] = record
                finished.add(future)

        submit(WAVE * max(1, sum(self.client.nthreads().values())))
        for future in finished:
            record = in_flight.pop(future)
            yield record, _result(future)
            future.release()
            submit(1)


def _fingerprint_task(path: str, max_bytes: int | None) -> str | MszsError:
    try:
        return fingerprint(path, max_bytes)
    except MszsError as exc:
        return exc


def _result(future):
    try:
        return future.result()
    except KilledWorker:
        return _Outcome(kind="crashed", message="the worker processes died while reading this file")
    except FutureCancelledError:
        return _Outcome(kind="crashed", message="the task was cancelled by the cluster")
    except Exception as exc:  # noqa: BLE001 - a task's own failure, reported for its file
        return _Outcome(kind="internal", message=f"internal error ({type(exc).__name__}: {exc})")
