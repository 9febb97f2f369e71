"""Time and peak memory of every memory and time bomb of issue 14, each parsed in a fresh process.

    python benchmarks/hostile.py                # every case, about a minute
    python benchmarks/hostile.py "pdf Tj"       # the cases named

The bombs are the test suite's (tests/fixtures/hostile.py), built in memory and written to a
temporary folder. Each child runs ``mszs.parse`` under a 3 GiB address-space cap and reports its
wall time, the kernel's high-water mark of its resident set (VmHWM; start-up included, about
40 MB) and
the outcome: "ok" with the project count, or the error kind and message.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import fixtures.hostile as hostile  # noqa: E402

CASES = {
    "docx gridSpan 50,000,000": (hostile.docx_grid_span, ".docx"),
    "docx gridBefore 50,000,000": (hostile.docx_grid_before, ".docx"),
    "docx lying sizes (2 GiB part)": (hostile.docx_lying_sizes, ".docx"),
    "docx 15 MB of paragraphs": (hostile.docx_many_paragraphs, ".docx"),
    "html 300 x rowspan=colspan=1000": (hostile.html_spans, ".html"),
    "html 1,000 x 5 x colspan=1000": (lambda: hostile.html_wide_rows(1000, 5, 1000), ".html"),
    "html 9.5 MB of paragraphs": (hostile.html_many_paragraphs, ".html"),
    "pdf Tj of 3,000,000 characters": (hostile.pdf_long_string, ".pdf"),
    "pdf double FlateDecode (1 GiB)": (hostile.pdf_double_flate, ".pdf"),
    "pdf 190 MB of padding": (hostile.pdf_padding, ".pdf"),
    "text 9 MB on one line": (hostile.text_one_line, ".txt"),
    "text 9 MB of short lines": (hostile.text_short_lines, ".txt"),
}
CHILD = """
import resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
from mszs.api import parse
started = time.monotonic()
try:
    outcome = f"ok, {len(parse(sys.argv[1]).projects)} projects"
except Exception as exc:
    outcome = f"{getattr(exc, 'kind', type(exc).__name__)}: {exc}"
# VmHWM, not ru_maxrss: that one keeps the high-water mark of the parent forked before exec
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM")) // 1024
print(f"{time.monotonic() - started:.2f}\\t{peak}\\t{outcome}")
"""


def main(names: list[str]) -> None:
    print("| bomb | file | time | peak RSS | outcome |\n| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for name, (build, suffix) in CASES.items():
            if names and not any(wanted in name for wanted in names):
                continue
            path = Path(folder) / f"bomb{suffix}"
            path.write_bytes(build())
            try:
                done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                                      timeout=120)
                seconds, peak, outcome = done.stdout.strip().split("\t") if done.stdout else ("-", "-", done.stderr[-200:])
            except subprocess.TimeoutExpired:
                seconds, peak, outcome = "> 120", "-", "timeout"
            print(f"| {name} | {path.stat().st_size:,} B | {seconds} s | {peak} MB | {outcome} |", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
