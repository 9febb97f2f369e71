"""OCR: seconds per page against RapidOCR alone, peak memory of a 20-page scan, and the
scanned seeds' outputs for scoring.

    python benchmarks/ocr.py speed                  # a few minutes: the scanned seeds' first 2 pages each
    python benchmarks/ocr.py memory                 # a 20-page scan in a child process, its peak RSS
    python benchmarks/ocr.py outputs OUT            # every scanned seed parsed into OUT/<stem>.json
    python /path/to/score.py --gold GOLD --pred OUT --details

Needs the ``ocr`` extra. The floor for speed is what no OCR'd notice can do
without: rendering the page with pypdfium2 at mszs's resolution and running
RapidOCR on it with its defaults. mszs adds straightening the page, finding its
ruling lines, asking RapidOCR for character boxes, the layout code, the
interpreter and the normalisers.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANS = sorted((ROOT / "samples" / "scan").glob("*.pdf"))


def one_page_pdfs(pages_per_file: int) -> list[bytes]:
    import pypdfium2

    out = []
    for path in SCANS:
        source = pypdfium2.PdfDocument(path)
        for index in range(min(pages_per_file, len(source))):
            single = pypdfium2.PdfDocument.new()
            single.import_pages(source, [index])
            out.append(_saved(single))
    return out


def _saved(document) -> bytes:
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def floor(data: bytes) -> None:
    import pypdfium2

    from mszs.parsers.ocr import RENDER_DPI, _engine

    document = pypdfium2.PdfDocument(data)
    image = document[0].render(scale=RENDER_DPI / 72, grayscale=True).to_numpy()
    _engine()(image)


def speed(pages_per_file: int, rounds: int) -> None:
    from mszs.api import parse_bytes
    from mszs.parsers.ocr import _engine

    pages = one_page_pdfs(pages_per_file)
    _engine()  # load the models once, outside the timing
    parse_bytes(pages[0])
    # Wall time, and CPU time of all the process's threads: on a machine others keep busy the
    # wall time says more about them than about mszs, the CPU time much less so.
    best = {(name, clock): float("inf") for name in ("rapidocr", "mszs") for clock in ("wall", "cpu")}
    for _ in range(rounds):
        for name, run in (("rapidocr", floor), ("mszs", parse_bytes)):
            wall, cpu = time.perf_counter(), time.process_time()
            for page in pages:
                run(page)
            best[name, "wall"] = min(best[name, "wall"], time.perf_counter() - wall)
            best[name, "cpu"] = min(best[name, "cpu"], time.process_time() - cpu)
    for clock in ("wall", "cpu"):
        floor_s, mszs_s = best["rapidocr", clock] / len(pages), best["mszs", clock] / len(pages)
        print(f"{len(pages)} pages, best of {rounds}, {clock} time: RapidOCR alone {floor_s:.2f} s/page, "
              f"mszs {mszs_s:.2f} s/page, ratio {mszs_s / floor_s:.2f}x")


def memory(page_count: int) -> None:
    import pypdfium2

    scan = pypdfium2.PdfDocument.new()
    for path in SCANS:
        source = pypdfium2.PdfDocument(path)
        take = min(len(source), page_count - len(scan))
        scan.import_pages(source, list(range(take)))
        if len(scan) >= page_count:
            break
    target = Path("/tmp") / f"mszs-{page_count}-page-scan.pdf"
    target.write_bytes(_saved(scan))
    started = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", "import sys; from mszs import parse; "
                            "n = parse(sys.argv[1]); print(sum(len(p.tasks) for p in n.projects))", str(target)],
                           capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{page_count}-page scan ({target.stat().st_size / 1e6:.1f} MB): {seconds:.0f} s, "
          f"{seconds / page_count:.2f} s/page, {child.stdout.strip()} tasks, peak memory {peak:.0f} MB")


def outputs(out: Path) -> None:
    from mszs import parse
    from mszs.emit import to_json

    out.mkdir(parents=True, exist_ok=True)
    for path in SCANS:
        started = time.perf_counter()
        notice = parse(path)
        data = json.loads(to_json(notice))
        data["source"]["path"] = path.name
        (out / f"{path.stem}.json").write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"{path.name}: {time.perf_counter() - started:.0f} s, {len(notice.projects)} projects, "
              f"{len(notice.warnings)} warnings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    timing = commands.add_parser("speed")
    timing.add_argument("--pages-per-file", type=int, default=2)
    timing.add_argument("--rounds", type=int, default=2)
    peak = commands.add_parser("memory")
    peak.add_argument("--pages", type=int, default=20)
    written = commands.add_parser("outputs")
    written.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "speed":
        speed(args.pages_per_file, args.rounds)
    elif args.command == "memory":
        memory(args.pages)
    else:
        outputs(args.out)


if __name__ == "__main__":
    main()
