"""Cold start of the command line: `mszs --version` and `mszs parse small.txt`, each a new process.

    python benchmarks/cold_start.py               # best of 5 runs each
    python benchmarks/cold_start.py --repeat 20   # on a busy machine, more runs find a quiet moment

Runs the installed `mszs` script, as a user would, and prints each command's best wall time and
best CPU time (user + system of the child) over --repeat runs, the commands taken in turn in every
round so that a load that changes during the run slows them alike. The CPU time is the steadier
figure on a machine that other processes keep busy. Then which of the libraries only other formats
need a text parse loaded (none is the goal: tests/test_startup.py checks the import graph).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "samples" / "notices" / "000_cf055cc25e80d216.txt"  # 7 KB
# Libraries only some formats need, which a text notice should not load.
HEAVY = ("docx", "pdfplumber", "pdfminer", "bs4", "lxml", "cn2an")


def run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``command`` in a new process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cold_start(repeat: int) -> list[str]:
    # The script beside this Python (its virtual environment's), else the first on PATH.
    mszs = (shutil.which("mszs", path=str(Path(sys.executable).parent)) or shutil.which("mszs")
            or sys.exit("mszs is not installed (pip install -e .)"))
    commands = {"mszs --version": [mszs, "--version"], "mszs parse small.txt": [mszs, "parse", str(SMALL)]}
    walls = {name: float("inf") for name in commands}
    cpus = dict(walls)
    for _ in range(repeat):
        for name, command in commands.items():
            wall, cpu = run(command)
            walls[name], cpus[name] = min(walls[name], wall), min(cpus[name], cpu)
    rows = [f"| command | wall time (best of {repeat}) | CPU time (best of {repeat}) |", "| --- | --- | --- |"]
    rows += [f"| `{name}` | {walls[name]:.3f} s | {cpus[name]:.3f} s |" for name in commands]
    code = ("import sys; from mszs.api import parse; parse(sys.argv[1]); "
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules) or 'none')")
    loaded = subprocess.run([sys.executable, "-c", code, str(SMALL)], check=True, capture_output=True, text=True)
    rows.append(f"| heavy libraries loaded by parsing small.txt | {loaded.stdout.strip()} | |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("\n".join(cold_start(args.repeat)))


if __name__ == "__main__":
    main()
