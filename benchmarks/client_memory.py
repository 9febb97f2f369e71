"""Peak memory of the batch client over a simulated archive of 10^6 inputs.

The client's own work (listing, the records of every input, deduplication,
the manifest, the waves of work) is run on a generated listing of
``--files`` paths, each given a size and time as if stat had read them; the workers are simulated: each path's sha256 is made from
its name (one in ten a copy of another), and each conversion is answered at
once without parsing, so what is measured is the client's bookkeeping, the part
that grows with the size of the archive. Prints the peak resident set of the
process (the high-water mark, which includes the Python interpreter and mszs).

    python benchmarks/client_memory.py [--files 1000000]
"""
from __future__ import annotations

import argparse
import hashlib
import resource
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from mszs import batch
from mszs.batch import _Outcome


class SimulatedEngine:
    """Answers like a cluster's workers, without reading or parsing anything."""

    def fingerprints(self, records, max_bytes):
        for record in records:
            name = record.path.rsplit("/", 1)[-1]
            number = int(name.split(".")[0])
            yield record, hashlib.sha256(str(number - number % 10 if number % 10 == 9 else number).encode()).hexdigest()

    def convert(self, task, records):
        for record in records:
            yield record, _Outcome(sha256=record.sha256, warnings=1, seconds=0.02)


def listing(files: int) -> list[Path]:
    return [Path(f"/archive/{i // 10000 % 100:02d}/{i // 100 % 100:02d}/{i:07d}.docx") for i in range(files)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1_000_000)
    args = parser.parse_args()

    @contextmanager
    def simulated(*_):
        yield SimulatedEngine()

    batch.find_inputs = lambda inputs, exclude=None: listing(args.files)
    seen = batch._seen

    def stat_simulated(path, known):  # the listing's files do not exist: a size and time as stat gives them
        record = seen(path, known)
        record.size, record.mtime_ns = 20_000 + len(record.path) * 1_000, 1_700_000_000_000_000_000 + hash(record.path)
        return record

    batch._seen = stat_simulated
    batch._engine = simulated
    with tempfile.TemporaryDirectory() as temp:
        started = time.perf_counter()
        summary = batch.run(["/archive"], Path(temp) / "out")
        seconds = time.perf_counter() - started
        manifest = (Path(temp) / "out" / "files.csv").stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{summary.total:,} inputs ({summary.parsed:,} converted, {summary.skipped:,} copies) in {seconds:.1f} s; "
          f"files.csv {manifest / 1e6:.0f} MB; client peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
