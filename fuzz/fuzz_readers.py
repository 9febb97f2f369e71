"""Coverage-guided fuzzing of the text, HTML and DOCX readers with atheris.

    python fuzz/fuzz_readers.py text --minutes 10
    python fuzz/fuzz_readers.py html --minutes 10
    python fuzz/fuzz_readers.py docx --minutes 10

Each input goes through the whole of ``mszs.api.parse_bytes`` (reader, clean-up,
interpreter, normalisers): anything but an ``MszsError`` is a crash, and so is an
input that takes longer than ``--timeout`` seconds or more than ``--rss-mb`` of
memory. The corpus starts from the sample notices; for DOCX the fuzzer mutates
the XML of one part (document.xml, numbering.xml or styles.xml, chosen by the
first byte) and the harness zips it back into the sample's package, since
mutating the zip itself mostly gives archives python-docx never opens.
Crashing inputs are written to fuzz/crashes/ (see fuzz/README.md).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import atheris
from inputs import DOCX_TEMPLATE, as_parsed, seeds

with atheris.instrument_imports(include=["mszs"]):
    import mszs.parsers.docx
    import mszs.parsers.html
    import mszs.parsers.text  # noqa: F401 (readers are imported lazily; import them here to instrument them)
    from mszs.api import parse_bytes
    from mszs.errors import MszsError

CRASHES = Path(__file__).resolve().parent / "crashes"


def target(reader: str):
    template = DOCX_TEMPLATE.read_bytes()

    def one_input(data: bytes) -> None:
        try:
            parse_bytes(as_parsed(reader, data, template))
        except MszsError:
            pass

    return one_input


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("reader", choices=("text", "html", "docx"))
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take")
    parser.add_argument("--rss-mb", type=int, default=1024, help="memory one run may use")
    parser.add_argument("--max-len", type=int, default=64 * 1024, help="largest input tried, in bytes")
    parser.add_argument("--corpus", type=Path, help="corpus folder kept between runs [default: a temp folder]")
    args, libfuzzer_args = parser.parse_known_args()
    corpus = args.corpus or Path(tempfile.mkdtemp(prefix=f"mszs-fuzz-{args.reader}-"))
    corpus.mkdir(parents=True, exist_ok=True)
    for n, seed in enumerate(seeds(args.reader)):
        (corpus / f"seed-{n}").write_bytes(seed)
    CRASHES.mkdir(exist_ok=True)
    atheris.Setup(
        [sys.argv[0], str(corpus), f"-max_total_time={int(args.minutes * 60)}", f"-timeout={args.timeout}",
         f"-rss_limit_mb={args.rss_mb}", f"-max_len={args.max_len}",
         f"-artifact_prefix={CRASHES}/{args.reader}-", *libfuzzer_args],
        target(args.reader),
    )
    atheris.Fuzz()


if __name__ == "__main__":
    main()
