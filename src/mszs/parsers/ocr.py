"""OCR of scanned pages: a page image in, a :class:`PositionedPage` of recognised text out.

The optional extra ``mszs[ocr]`` brings RapidOCR (``rapidocr-onnxruntime``, whose
Chinese detection and recognition models ship inside its wheel, so nothing is
downloaded at run time) and pypdfium2 to render PDF pages. A page image is
straightened first (scans lean by a degree or so, which would put the cells of
one table row on different lines), its ruling lines are found from long dark
runs so that a scanned table is read as a table, and every recognised character
is placed by the box RapidOCR gives it. The PDF reader's layout code then reads
the page as it reads a text PDF.
"""
from __future__ import annotations

import functools
import importlib.util

from mszs.errors import NeedsOcr
from mszs.parsers.pdf import _CJK
from mszs.parsers.positioned import PositionedPage, glyph, in_reading_order, rule

INSTALL = "pip install 'mszs[ocr]'"
# Pages are rendered at this resolution: enough for 10.5-point text, and a page stays
# under RapidOCR's 2000-pixel side, past which it would shrink the image again.
RENDER_DPI = 170
# A line recognised with less confidence than this is named in a warning.
MIN_CONFIDENCE = 0.75
# Scans lean by at most this many degrees; the lean is searched for in steps of SKEW_STEP.
MAX_SKEW = 2.0
SKEW_STEP = 0.1
# A ruling line is a dark run at least this share of the page's shorter side.
RULE_SHARE = 1 / 40
# Pixels darker than the page's threshold and thinner than this are a line, not a bar of ink.
MAX_RULE_THICKNESS = 8
# Width of a Latin letter or digit in ems, at least: digits run from 0.5 to 0.64 of the em.
HALF_WIDTH = 0.6
# The blank a glyph leaves before its ink, in ems, at most.
SIDE_BEARING = 0.1


def available() -> bool:
    """Whether the ``ocr`` extra is installed."""
    return all(importlib.util.find_spec(name) for name in ("rapidocr_onnxruntime", "pypdfium2", "cv2"))


def missing_hint(mode: str, undecodable: bool = False) -> str:
    """What to do so that a page that needs OCR gets it; ``undecodable`` for pages whose text
    layer cannot be decoded, which "auto" leaves alone."""
    if mode == "never":
        return "OCR was turned off (--ocr never)"
    if not available():
        return f"install OCR with: {INSTALL}"
    if undecodable:
        return "rerun with --ocr always to read its pages from their images"
    return "its pages hold no image for OCR to read"


def require(mode: str, what: str) -> None:
    """Raise NeedsOcr for ``what`` when OCR is off or not installed."""
    if mode == "never" or not available():
        raise NeedsOcr(f"{what} needs OCR to be read; {missing_hint(mode)}")


# Called with the page number as OCR of each page begins: a batch worker tells its parent,
# which gives the file another --timeout for each page.
_page_listeners: list = []


def on_page(listener) -> None:
    """Have ``listener(number)`` called as OCR of each page begins, in this process."""
    _page_listeners.append(listener)


_pages_begun = 0


def pages_begun() -> int:
    """How many pages OCR has begun in this process: a batch counts a file's pages by it."""
    return _pages_begun


@functools.lru_cache(maxsize=1)
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def recognise_pdf_page(data: bytes, number: int) -> PositionedPage:
    """Render page ``number`` (1-based) of a PDF and read it."""
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        page = document[number - 1]
        image = page.render(scale=RENDER_DPI / 72, grayscale=True).to_numpy()
    finally:
        document.close()
    return recognise(image, number, 72 / RENDER_DPI)


def recognise(image, number: int, points_per_pixel: float) -> PositionedPage:
    """Read a greyscale page image (a 2-D uint8 array); coordinates come out in points."""
    global _pages_begun
    _pages_begun += 1
    for listener in _page_listeners:
        listener(number)
    image = straightened(image)
    height, width = image.shape
    page = PositionedPage(number, width * points_per_pixel, height * points_per_pixel, recognised=True)
    page.edges = [rule(*(v * points_per_pixel for v in line)) for line in ruling_lines(image)]
    result, _ = _engine()(image, return_word_box=True)
    chars = []
    for box, text, confidence, char_boxes, char_texts, _ in result or []:
        if len(char_boxes) != len(char_texts) or not char_texts:
            char_boxes, char_texts = _spread(box, text)
        chars += [glyph(char, *(v * points_per_pixel for v in place))
                  for char, place in zip(char_texts, _placed(box, char_boxes, char_texts))]
        if confidence < MIN_CONFIDENCE:
            page.unsure.append((text, round(float(confidence), 2)))
    heights = sorted(c["height"] for c in chars)
    page.chars = in_reading_order(chars, heights[len(heights) // 2] / 3 if chars else 0)
    return page


def _placed(box, char_boxes, texts) -> list[tuple[float, float, float, float]]:
    """(x0, x1, top, bottom) of each character of a recognised line, in pixels, as a PDF would
    give them: RapidOCR's boxes are the inked part of a glyph and its line box is padded, while
    the layout code measures a CJK glyph a full em wide and a line as high as its type. The em
    is the step from one CJK character to the next; the characters of a run abut."""
    centres = [(min(x for x, _ in b) + max(x for x, _ in b)) / 2 for b in char_boxes]
    inked = [max(x for x, _ in b) - min(x for x, _ in b) for b in char_boxes]
    line_height = max(y for _, y in box) - min(y for _, y in box)
    steps = sorted(b - a for a, b, t, u in zip(centres, centres[1:], texts, texts[1:])
                   if _CJK.match(t) and _CJK.match(u) and b > a)
    em = min(steps[len(steps) // 2] if steps else line_height * 0.75, line_height)
    widths = [em if _CJK.match(t) else max(w, em * HALF_WIDTH) for t, w in zip(texts, inked)]
    middle = (min(y for _, y in box) + max(y for _, y in box)) / 2
    places = []
    for i, (centre, width) in enumerate(zip(centres, widths)):
        x0, x1 = centre - width / 2, centre + width / 2
        if i and x0 - places[-1][1] < em / 2:  # no space between them: they abut
            x0 = places[-1][1] = (places[-1][1] + x0) / 2
        elif not i:
            # A line starts where its ink does, give or take a glyph's side bearing: the ink of
            # （ or “ sits in the right half of its em, and the line does not start an em early.
            x0 = max(x0, min(x for x, _ in char_boxes[0]) - em * SIDE_BEARING)
        places.append([x0, x1, middle - em / 2, middle + em / 2])
    return [tuple(p) for p in places]


def _spread(box, text: str):
    """Character boxes spread evenly over the line's box, where RapidOCR gave none."""
    x0, x1 = min(x for x, _ in box), max(x for x, _ in box)
    step = (x1 - x0) / max(len(text), 1)
    boxes = [[(x0 + i * step, 0), (x0 + (i + 1) * step, 0)] for i in range(len(text))]
    return boxes, list(text)


def straightened(image):
    """The page turned upright: the lean is the angle at which rows of ink line up best."""
    import cv2
    import numpy as np

    scale = min(1.0, 800 / max(image.shape))
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    centre = (ink.shape[1] / 2, ink.shape[0] / 2)

    def sharpness(angle: float) -> float:
        turned = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, angle, 1), ink.shape[::-1])
        return float(np.var(turned.sum(axis=1, dtype=np.int64)))

    steps = int(MAX_SKEW / SKEW_STEP)
    angle = max((i * SKEW_STEP for i in range(-steps, steps + 1)), key=sharpness)
    if abs(angle) < SKEW_STEP / 2:
        return image
    full_centre = (image.shape[1] / 2, image.shape[0] / 2)
    return cv2.warpAffine(image, cv2.getRotationMatrix2D(full_centre, angle, 1), image.shape[::-1],
                          flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def ruling_lines(image) -> list[tuple[float, float, float, float]]:
    """Horizontal and vertical ruling lines as (x0, top, x1, bottom), in pixels.

    A line is what survives an opening with a long thin kernel: text strokes are
    far shorter than a table's borders. Only lines that meet a line across them
    are kept: a table's rules cross, while the stem of a large bold letter (the
    l of a title) that survives the opening stands alone, and the PDF reader
    would close such stems into a table whose page cut its borders."""
    import cv2

    _, ink = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    length = max(20, int(min(image.shape) * RULE_SHARE))
    found: dict[bool, list[tuple[float, float, float, float]]] = {True: [], False: []}
    for horizontal in (True, False):
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1) if horizontal else (1, length))
        mask = cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel)
        count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for x, y, w, h, _ in stats[1:count]:
            if horizontal and h <= MAX_RULE_THICKNESS:
                found[True].append((float(x), y + h / 2, float(x + w), y + h / 2))
            elif not horizontal and w <= MAX_RULE_THICKNESS:
                found[False].append((x + w / 2, float(y), x + w / 2, float(y + h)))
    return [line for horizontal in (True, False) for line in found[horizontal]
            if any(_meet(line if horizontal else across, across if horizontal else line)
                   for across in found[not horizontal])]


def _meet(horizontal, vertical) -> bool:
    """Whether a horizontal and a vertical line touch, within a rule's thickness."""
    x0, y, x1, _ = horizontal
    x, top, _, bottom = vertical
    return x0 - MAX_RULE_THICKNESS <= x <= x1 + MAX_RULE_THICKNESS and \
        top - MAX_RULE_THICKNESS <= y <= bottom + MAX_RULE_THICKNESS
