"""Where a parse spends its time: the reader against the interpretation, per format, with profiles.

    python benchmarks/profile_parse.py                    # every format of samples/, top 25 functions
    python benchmarks/profile_parse.py html --top 40      # one format
    python benchmarks/profile_parse.py text --sort cumulative

For each format, every sample is parsed once to warm imports, then timed (best of --repeat,
mszs's caches of texts emptied before each run as readers.py does) in three parts: the reader
(bytes to the format-neutral document, clean-up included), the interpretation (document to notice
info, projects and warnings, normalisers included) and validating them into the library's output
models (mszs.schemas.from_output). A cProfile of --rounds parses of every sample follows, split
the same way, so that a hot spot is seen where it is: in a reader, or in the interpretation every
format shares.
"""
from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import pstats
import time
from pathlib import Path

from readers import clear_caches

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = {"text": ("notices", "txt"), "html": ("html", "html"), "docx": ("docx", "docx"), "pdf": ("pdf", "pdf"),
           "ofd": ("ofd", "ofd")}


def parts(data: bytes):
    """The three parts of mszs.api.parse_bytes, as callables run one after the other."""
    from mszs.interpret import interpret
    from mszs.parsers import read_bytes
    from mszs.output import Notice, Source
    from mszs.schemas import from_output

    state = {}

    def read():
        state["document"] = read_bytes(data)

    def interpretation():
        state["result"] = interpret(state["document"])

    def models():
        document = state["document"]
        info, projects, warnings = state["result"]
        source = Source(path="<bytes>", format=document.format, sha256=hashlib.sha256(data).hexdigest(),
                        encoding=document.encoding)
        from_output(Notice(source=source, notice=info, projects=projects, warnings=document.warnings + warnings))

    return read, interpretation, models


def timings(datas: list[bytes], repeat: int) -> tuple[float, float, float]:
    totals = [0.0, 0.0, 0.0]
    for data in datas:
        steps = parts(data)
        best = [float("inf")] * 3
        for _ in range(repeat):
            clear_caches()
            for i, step in enumerate(steps):
                started = time.perf_counter()
                step()
                best[i] = min(best[i], time.perf_counter() - started)
        totals = [t + b for t, b in zip(totals, best)]
    return tuple(totals)


def profile(datas: list[bytes], rounds: int, top: int, sort: str) -> str:
    profiles = {"reader": cProfile.Profile(), "interpretation and models": cProfile.Profile()}
    for _ in range(rounds):
        for data in datas:
            read, interpretation, models = parts(data)
            clear_caches()
            profiles["reader"].runcall(read)
            profiles["interpretation and models"].runcall(lambda: (interpretation(), models()))
    out = []
    for name, prof in profiles.items():
        stream = io.StringIO()
        pstats.Stats(prof, stream=stream).strip_dirs().sort_stats(sort).print_stats(top)
        out.append(f"--- {name} ---\n{stream.getvalue()}")
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("formats", nargs="*", default=list(FOLDERS), choices=list(FOLDERS))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5, help="parses of every sample under the profiler")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="tottime", help="a pstats sort key: tottime, cumulative, ncalls")
    parser.add_argument("--no-profile", action="store_true", help="the timings only")
    args = parser.parse_args()
    for fmt in args.formats:
        folder, suffix = FOLDERS[fmt]
        datas = [path.read_bytes() for path in sorted((ROOT / "samples" / folder).glob(f"*.{suffix}"))]
        if not datas:
            continue
        for data in datas:  # imports and caches warm
            for step in parts(data):
                step()
        read, interpretation, models = timings(datas, args.repeat)
        whole = read + interpretation + models
        print(f"=== {fmt}: {len(datas)} files, reader {read * 1000:.1f} ms, interpretation "
              f"{interpretation * 1000:.1f} ms, models {models * 1000:.1f} ms (whole {whole * 1000:.1f} ms)")
        if not args.no_profile:
            print(profile(datas, args.rounds, args.top, args.sort))


if __name__ == "__main__":
    main()
