"""Scanned notices as image files (PNG, JPEG, TIFF with one page per frame, BMP), read by OCR.

Each frame is one page, recognised by :mod:`mszs.parsers.ocr` and laid out by the
PDF reader's layout code. Without the ``ocr`` extra, or with OCR turned off, an
image fails with ``needs_ocr`` naming the command that installs it.
"""
from __future__ import annotations

import io

from mszs.document import Document
from mszs.errors import TooLarge, UnreadableInput
from mszs.parsers import ocr as scans

# A page scanned at 600 dpi is about 35 million pixels; more is no page.
MAX_PIXELS = 60_000_000
MAX_FRAMES = 1000
# Resolution assumed when the file does not record one (scanners write 150-300).
DEFAULT_DPI = 200


def read_image(data: bytes, ocr: str = "auto") -> Document:
    scans.require(ocr, "an image")
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from mszs.parsers.pdf import read_layout

    try:
        image = Image.open(io.BytesIO(data))
        frames = getattr(image, "n_frames", 1)
        if frames > MAX_FRAMES:
            raise TooLarge(f"the image has {frames:,} frames, over the {MAX_FRAMES:,} pages a notice may have")
        pages = []
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            if frame.width * frame.height > MAX_PIXELS:
                raise TooLarge(f"page {number} of the image has {frame.width * frame.height:,} pixels, "
                               f"over the {MAX_PIXELS:,} a scanned page may have")
            dpi = frame.info.get("dpi", (DEFAULT_DPI,))[0] or DEFAULT_DPI
            grey = _array(frame.convert("L"))
            pages.append(scans.recognise(grey, number, 72 / float(dpi)))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise UnreadableInput(f"a damaged image ({exc})") from exc
    if not any(page.chars for page in pages):
        raise UnreadableInput("OCR found no text on the image")
    return read_layout(pages, "image", ocr)


def _array(image):
    import numpy as np

    return np.asarray(image, dtype=np.uint8)
