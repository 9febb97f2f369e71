"""How much faster `mszs batch` is with two workers than with one.

Builds a 400-file batch from the text and HTML samples (each copy made
distinct by trailing blank lines, which do not change the notice, so that no
copy is skipped as a duplicate), converts it with ``--workers 1`` and
``--workers 2`` through the command line, and prints the wall times and their
ratio. Each count runs ``--rounds`` times, alternating, and the fastest run of
each counts, so that a passing load from other processes weighs less; the CPU
seconds show whether both counts did the same work (a ratio far below the CPU
count with equal CPU seconds means something else was using the machine).

    python benchmarks/batch_workers.py [--files 400] [--rounds 3] [--format csv]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CLI = [sys.executable, "-c", "from mszs.cli import app; app()"]


def build_batch(folder: Path, files: int) -> None:
    sources = sorted([*SAMPLES.glob("notices/*.txt"), *SAMPLES.glob("html/*.html")])
    for i in range(files):
        source = sources[i % len(sources)]
        target = folder / f"{i // 100:02d}" / f"{i:04d}{source.suffix}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes() + b"\n" * (i + 1))


def convert(inputs: Path, out: Path, workers: int, formats: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (of the batch and its workers) of one conversion."""
    shutil.rmtree(out, ignore_errors=True)
    options = [f"--format={f}" for f in formats]
    cpu_before = _children_cpu()
    started = time.perf_counter()
    subprocess.run([*CLI, "batch", str(inputs), "-o", str(out), "--workers", str(workers), "-q", *options],
                   check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--format", action="append", default=[], help="also write this combined output")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        inputs = Path(temp) / "in"
        build_batch(inputs, args.files)
        load = os.getloadavg()[0]
        best = {1: (float("inf"), 0.0), 2: (float("inf"), 0.0)}
        for _ in range(args.rounds):
            for workers in best:
                best[workers] = min(best[workers], convert(inputs, Path(temp) / "out", workers, args.format))
    print(f"{args.files} files, {os.cpu_count()} CPUs, load average {load:.2f} before, best of {args.rounds}")
    for workers, (wall, cpu) in best.items():
        print(f"  --workers {workers}: {wall:6.2f} s  ({args.files / wall:5.1f} files/s, {cpu:.1f} s CPU)")
    print(f"  speed-up: {best[1][0] / best[2][0]:.2f}x")


if __name__ == "__main__":
    main()
