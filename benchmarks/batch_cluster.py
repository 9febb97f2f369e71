"""Files/s of `mszs batch` on local workers and on a 2-worker Dask LocalCluster, and the cost of --resume.

Builds ``--files`` distinct notices (as ``batch_workers.py`` does: text and
HTML samples, each copy made distinct by trailing blank lines) and converts
them through the command line with ``--workers 1``, ``--workers 2`` and
``--scheduler local:2`` (the cluster's start, some 3 s, is counted, as a user
waits for it). Then it times ``--resume`` over the finished output twice: as
it is (sizes and times from files.csv, nothing read) and with files.csv
removed (every file hashed again, as before the manifest).

    python benchmarks/batch_cluster.py [--files 2000]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_workers import CLI, build_batch  # noqa: E402


def timed(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([*CLI, "batch", *args, "-q"], check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        inputs, out = Path(temp) / "in", Path(temp) / "out"
        build_batch(inputs, args.files)
        print(f"{args.files} files, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} before")
        for label, options in (("--workers 1", ["--workers", "1"]), ("--workers 2", ["--workers", "2"]),
                               ("--scheduler local:2", ["--scheduler", "local:2"])):
            shutil.rmtree(out, ignore_errors=True)
            seconds = timed(str(inputs), "-o", str(out), *options)
            print(f"  {label:22} {seconds:7.1f} s  {args.files / seconds:6.1f} files/s")
        resumed = timed(str(inputs), "-o", str(out), "--resume")
        (out / "files.csv").unlink()
        rehashed = timed(str(inputs), "-o", str(out), "--resume")
        print(f"  --resume, files.csv     {resumed:7.2f} s  (whole command)")
        print(f"  --resume, hashing all   {rehashed:7.2f} s")


if __name__ == "__main__":
    main()
