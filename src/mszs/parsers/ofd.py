"""OFD notices (GB/T 33190, the format 党政机关 issue and archive official documents in).

An OFD is a zip of XML: ``OFD.xml`` names each document's root (``Document.xml``),
which lists its pages (``Pages/Page_N/Content.xml``), the templates pages draw on
(``Tpls``), and its resources (``PublicRes.xml``, ``DocumentRes.xml``: fonts and
images). The package is checked as a Word file is (sizes from the zip directory,
no DOCTYPE) and its XML parsed without entities, DTDs or network access.

A page's layers hold text objects: a ``Boundary`` box, an optional ``CTM``
transform, a font ``Size``, and ``TextCode`` runs placed from ``X``/``Y`` (the
baseline) by ``DeltaX``/``DeltaY`` steps (``g 3 5`` is three steps of 5). Each
character is placed on a :class:`~mszs.parsers.positioned.PositionedPage`, path
objects give the ruling lines, page blocks and templates are walked like layers,
and the PDF reader's layout code reads the page from there. A page that is only
an image (a scanned, signed copy) is read by OCR, as a scanned PDF page is.
Coordinates are millimetres, turned into points.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib

from mszs.document import Document
from mszs.errors import MszsError, UnreadableInput
from mszs.parsers.docx import check_package, inflated_part
from mszs.parsers.positioned import PositionedPage, glyph, in_reading_order, rule

NS = "{http://www.ofdspec.org/2016}"
POINTS_PER_MM = 72 / 25.4
# A4, when neither the page nor the document gives a PhysicalBox.
DEFAULT_BOX = (0.0, 0.0, 210.0, 297.0)
# Where the baseline sits in a glyph's em box: ascent above it, descent below.
ASCENT, DESCENT = 0.88, 0.12
# Width of a Latin glyph whose advance no DeltaX gives (the last of a run), in ems: digits run
# from 0.5 (SimSun) to 0.64 (DejaVu Sans); taking the widest keeps 2021 and 年 of one word.
HALF_WIDTH = 0.64
# A path segment leaning less than this (mm) is a horizontal or vertical rule.
RULE_SLACK = 0.3
# A filled path thinner than this (mm) is a rule drawn as a bar.
BAR_THICKNESS = 1.0
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_HALF_WIDTH = re.compile(r"[\x20-\x7e]")


def read_ofd(data: bytes, ocr: str = "auto") -> Document:
    from mszs.parsers.pdf import read_layout

    package = _Package(data)
    try:
        pages = list(package.pages(ocr))
    except (KeyError, ValueError, IndexError) as exc:
        raise UnreadableInput(f"a damaged OFD ({exc})") from exc
    return read_layout(pages, "ofd", ocr)


class _Package:
    """The zip and the XML parts of the first document it holds."""

    def __init__(self, data: bytes):
        from lxml import etree

        self._parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                       remove_comments=True)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            check_package(self.zip, "an OFD", "an OFD producer")
            self.names = set(self.zip.namelist())
            root = self.xml("OFD.xml")
        except MszsError:
            raise
        except (zipfile.BadZipFile, KeyError, ValueError, EOFError, zlib.error, NotImplementedError,
                etree.XMLSyntaxError) as exc:
            raise UnreadableInput(f"a damaged or incomplete OFD ({exc})") from exc
        doc_root = root.findtext(f"{NS}DocBody/{NS}DocRoot")
        if not doc_root:
            raise UnreadableInput("a damaged OFD (its OFD.xml names no DocRoot)")
        self.doc_path = self.resolve("", doc_root)
        self.document = self.xml(self.doc_path)
        common = self.document.find(f"{NS}CommonData")
        self.box = _page_box(common) or DEFAULT_BOX
        self.templates = {t.get("ID"): self.resolve(self.doc_path, t.get("BaseLoc", ""))
                          for t in (common.iterfind(f"{NS}TemplatePage") if common is not None else [])}
        self.media = self._media(common)

    def xml(self, name: str):
        from lxml import etree

        try:
            return etree.fromstring(inflated_part(self.zip, name), self._parser)
        except KeyError:
            raise UnreadableInput(f"a damaged OFD (it names {name}, which it does not hold)") from None
        except (etree.XMLSyntaxError, zlib.error, zipfile.BadZipFile, EOFError) as exc:
            raise UnreadableInput(f"a damaged OFD ({name}: {exc})") from exc

    def resolve(self, base: str, location: str) -> str:
        """A location inside the package: absolute from its root, or relative to ``base``'s folder."""
        location = location.strip()
        if location.startswith("/"):
            return posixpath.normpath(location.lstrip("/"))
        return posixpath.normpath(posixpath.join(posixpath.dirname(base), location))

    def _media(self, common) -> dict[str, str]:
        """Image resources: ID → where the file is in the package."""
        media: dict[str, str] = {}
        if common is None:
            return media
        for tag in ("PublicRes", "DocumentRes"):
            for res_location in common.iterfind(NS + tag):
                res_path = self.resolve(self.doc_path, res_location.text or "")
                if res_path not in self.names:
                    continue
                res = self.xml(res_path)
                folder = self.resolve(res_path, res.get("BaseLoc", "")) if res.get("BaseLoc") else \
                    posixpath.dirname(res_path)
                for item in res.iter(f"{NS}MultiMedia"):
                    file = item.findtext(f"{NS}MediaFile") or ""
                    media[item.get("ID")] = self.resolve(folder + "/", file)
        return media

    def pages(self, ocr: str):
        for number, entry in enumerate(self.document.iterfind(f"{NS}Pages/{NS}Page"), start=1):
            path = self.resolve(self.doc_path, entry.get("BaseLoc", ""))
            content = self.xml(path)
            box = _page_box(content.find(f"{NS}Area")) or self.box
            page = PositionedPage(number, (box[2] - box[0]) * POINTS_PER_MM, (box[3] - box[1]) * POINTS_PER_MM)
            objects = _Objects(self, box)
            for template in sorted(content.iterfind(f"{NS}Template"), key=_background_first):
                template_path = self.templates.get(template.get("TemplateID"))
                if template_path:
                    objects.walk(self.xml(template_path).find(f"{NS}Content"))
            objects.walk(content.find(f"{NS}Content"))
            yield self._recognised(page, objects, ocr) if objects.images else _filled(page, objects)

    def _recognised(self, page: PositionedPage, objects: _Objects, ocr: str) -> PositionedPage:
        """The page's text, or what OCR reads on its largest image: under "auto" when the page
        has no text, under "always" whenever it has an image."""
        from mszs.parsers import ocr as scans

        if ocr == "never" or (ocr == "auto" and (objects.chars or not scans.available())):
            return _filled(page, objects)
        scans.require(ocr, "an OFD of scanned pages")
        (x0, top, x1, _), location = max(objects.images, key=lambda image: (image[0][2] - image[0][0]))
        image = _decoded(inflated_part(self.zip, location))
        scale = (x1 - x0) / image.shape[1]
        seen = scans.recognise(image, page.page_number, scale)
        seen.width, seen.height = page.width, page.height
        for char in seen.chars:
            char.update(x0=char["x0"] + x0, x1=char["x1"] + x0, top=char["top"] + top,
                        bottom=char["bottom"] + top, doctop=char["top"] + top)
        for edge in seen.edges:
            edge.update(x0=edge["x0"] + x0, x1=edge["x1"] + x0, top=edge["top"] + top,
                        bottom=edge["bottom"] + top, doctop=edge["top"] + top)
        return seen


def _filled(page: PositionedPage, objects: _Objects) -> PositionedPage:
    heights = sorted(c["height"] for c in objects.chars)
    page.chars = in_reading_order(objects.chars, heights[len(heights) // 2] / 3 if heights else 0)
    page.edges = objects.edges
    return page


def _decoded(data: bytes):
    import numpy as np
    from PIL import Image

    try:
        return np.asarray(Image.open(io.BytesIO(data)).convert("L"), dtype=np.uint8)
    except (OSError, SyntaxError, ValueError) as exc:
        raise UnreadableInput(f"a damaged OFD (an image it holds cannot be read: {exc})") from exc


def _background_first(template) -> int:
    return {"Background": 0, "Body": 1, "Foreground": 2}.get(template.get("ZOrder", "Background"), 0)


def _page_box(area) -> tuple[float, float, float, float] | None:
    if area is None:
        return None
    text = area.findtext(f"{NS}PhysicalBox") or area.findtext(f"{NS}PageArea/{NS}PhysicalBox")
    numbers = _numbers(text or "")
    return tuple(numbers) if len(numbers) == 4 else None


def _numbers(text: str) -> list[float]:
    return [float(n) for n in _NUMBER.findall(text)]


class _Objects:
    """The characters (in points), rules (in points) and images a page's objects draw."""

    def __init__(self, package: _Package, box):
        self.package = package
        self.origin = box[:2]
        self.chars: list[dict] = []
        self.edges: list[dict] = []
        self.images: list[tuple[tuple[float, float, float, float], str]] = []

    def walk(self, parent) -> None:
        if parent is None:
            return
        for element in parent:
            tag = element.tag.replace(NS, "") if isinstance(element.tag, str) else ""
            if tag in ("Layer", "PageBlock"):
                self.walk(element)
            elif tag == "TextObject":
                self._text(element)
            elif tag == "PathObject":
                self._path(element)
            elif tag == "ImageObject" and element.get("ResourceID") in self.package.media:
                x0, top, x1, bottom = _placer(element, self.origin)((0, 0), (1, 1))
                self.images.append(((x0, top, x1, bottom), self.package.media[element.get("ResourceID")]))

    def _text(self, element) -> None:
        size = float(element.get("Size", "0") or 0)
        place = _placer(element, self.origin)
        x = y = 0.0
        for code in element.iterfind(f"{NS}TextCode"):
            text = code.text or ""
            x = float(code.get("X", x))
            y = float(code.get("Y", y))
            dx, dy = _deltas(code.get("DeltaX", ""), len(text)), _deltas(code.get("DeltaY", ""), len(text))
            for i, char in enumerate(text):
                # A glyph reaches to the next one, as a PDF's advance does, unless a gap follows it.
                width = size * (HALF_WIDTH if _HALF_WIDTH.match(char) else 1)
                if i < len(dx) and 0 < dx[i] <= size * 1.05:
                    width = dx[i]
                # Spaces are kept: the layout code reads a line broken at one as two names.
                x0, top, x1, bottom = place((x, y - size * ASCENT), (x + width, y + size * DESCENT))
                self.chars.append(glyph(char, x0, x1, top, bottom))
                x += dx[i] if i < len(dx) else width
                y += dy[i] if i < len(dy) else 0

    def _path(self, element) -> None:
        place = _placer(element, self.origin)
        tokens = _PATH_TOKEN.findall(element.findtext(f"{NS}AbbreviatedData") or "")
        points: list[tuple[float, float]] = []
        segments: list[tuple[tuple[float, float], tuple[float, float]]] = []
        command, args = None, []
        for token in tokens + ["S"]:
            if token.isalpha():
                if command in ("M", "S") and len(args) >= 2:
                    points = [(args[0], args[1])]
                elif command == "L" and len(args) >= 2 and points:
                    segments.append((points[-1], (args[0], args[1])))
                    points.append((args[0], args[1]))
                elif command in ("B", "Q", "A") and len(args) >= 2 and points:
                    points.append((args[-2], args[-1]))  # curves are no rules; go on from their end
                elif command == "C" and len(points) > 1:
                    segments.append((points[-1], points[0]))
                command, args = token, []
            else:
                args.append(float(token))
        stroked = element.get("Stroke", "true") != "false"
        filled = element.get("Fill", "false") == "true"
        for (ax, ay), (bx, by) in segments:
            x0, top, x1, bottom = place((ax, ay), (bx, by))
            if stroked and (x1 - x0 <= RULE_SLACK * POINTS_PER_MM or bottom - top <= RULE_SLACK * POINTS_PER_MM):
                self._add_rule(x0, top, x1, bottom)
        if filled and segments:
            x0, top, x1, bottom = place(*_extent(segments))
            if min(x1 - x0, bottom - top) <= BAR_THICKNESS * POINTS_PER_MM:
                self._add_rule(x0, top, x1, bottom)

    def _add_rule(self, x0: float, top: float, x1: float, bottom: float) -> None:
        if x1 - x0 >= bottom - top:
            middle = (top + bottom) / 2
            self.edges.append(rule(x0, middle, x1, middle))
        else:
            middle = (x0 + x1) / 2
            self.edges.append(rule(middle, top, middle, bottom))


def _extent(segments) -> tuple[tuple[float, float], tuple[float, float]]:
    xs = [x for segment in segments for x, _ in segment]
    ys = [y for segment in segments for _, y in segment]
    return (min(xs), min(ys)), (max(xs), max(ys))


def _placer(element, origin):
    """A function from two corners in the object's own space to (x0, top, x1, bottom) on the
    page, in points: through the object's CTM, then from its Boundary's corner."""
    boundary = _numbers(element.get("Boundary", ""))
    bx, by = (boundary[0], boundary[1]) if len(boundary) >= 2 else (0.0, 0.0)
    ctm = _numbers(element.get("CTM", "")) or [1, 0, 0, 1, 0, 0]
    a, b, c, d, e, f = ctm if len(ctm) == 6 else [1, 0, 0, 1, 0, 0]

    def place(first, second):
        corners = [(x, y) for x in (first[0], second[0]) for y in (first[1], second[1])]
        xs = [a * x + c * y + e for x, y in corners]
        ys = [b * x + d * y + f for x, y in corners]
        return ((min(xs) + bx - origin[0]) * POINTS_PER_MM, (min(ys) + by - origin[1]) * POINTS_PER_MM,
                (max(xs) + bx - origin[0]) * POINTS_PER_MM, (max(ys) + by - origin[1]) * POINTS_PER_MM)

    return place


def _deltas(text: str, count: int) -> list[float]:
    """A DeltaX/DeltaY list with its ``g N V`` runs (N steps of V) written out, at most ``count`` long."""
    out: list[float] = []
    tokens = text.split()
    i = 0
    while i < len(tokens) and len(out) < count:
        if tokens[i] == "g" and i + 2 < len(tokens):
            out += [float(tokens[i + 2])] * min(int(float(tokens[i + 1])), count)
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    return out[:count]
