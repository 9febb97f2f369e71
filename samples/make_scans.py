"""Make the scanned samples (scan/) from the PDF samples: each page as a photocopier would give it.

    python samples/make_scans.py            # every seed PDF in samples/pdf
    python samples/make_scans.py 003_*      # only matching stems

Every page is rendered at 150 dpi with pypdfium2, laid on a grey paper tone,
turned by a small angle (at most 0.8°, a different one per page), given mild
noise and specks of dust and saved as JPEG in a PDF with no text layer, as a scanner
writes it. The noise comes from a fixed seed, so the files are the same on
every run. Needs the ``ocr`` extra (pypdfium2) and Pillow.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
import pypdfium2
from PIL import Image

HERE = Path(__file__).parent
DPI = 150
MAX_ANGLE = 0.8
PAPER = 215  # grey of the paper; ink stays near black


def scanned_page(page, rng: random.Random) -> Image.Image:
    grey = page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    pixels = np.asarray(grey, dtype=np.float32) / 255
    toned = PAPER * pixels + 25 * (1 - pixels)  # white → paper grey, black → dark grey
    noise = np.random.default_rng(rng.randrange(2**32))
    toned += noise.normal(0, 4, toned.shape)
    toned[noise.random(toned.shape) < 0.002] = 60  # specks of dust
    toned = np.clip(toned, 0, 255).astype(np.uint8)
    angle = rng.uniform(-MAX_ANGLE, MAX_ANGLE)
    return Image.fromarray(toned).rotate(angle, resample=Image.BICUBIC, fillcolor=PAPER)


def scan(pdf: Path, out: Path) -> None:
    rng = random.Random(pdf.stem)
    document = pypdfium2.PdfDocument(pdf)
    pages = [scanned_page(page, rng) for page in document]
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=DPI, quality=50)


def main(patterns: list[str]) -> None:
    (HERE / "scan").mkdir(exist_ok=True)
    for pattern in patterns or ["[0-9][0-9][0-9]_*"]:
        for pdf in sorted((HERE / "pdf").glob(pattern + ".pdf")):
            scan(pdf, HERE / "scan" / pdf.name)
            print(HERE / "scan" / pdf.name)


if __name__ == "__main__":
    main(sys.argv[1:])
