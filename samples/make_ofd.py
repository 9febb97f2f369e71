"""Make the OFD samples (ofd/) from the PDF samples, writing OFD XML (GB/T 33190-2016) directly.

    python samples/make_ofd.py            # every seed PDF in samples/pdf
    python samples/make_ofd.py 003_*      # only matching stems

Every character and ruling line of the PDF (read with pdfplumber) is written
where the PDF has it, in the structures OFD producers use:

* ``OFD.xml`` → ``Doc_0/Document.xml`` (CommonData with PageArea, PublicRes,
  DocumentRes and a TemplatePage; the page list) → ``Pages/Page_N/Content.xml``;
* fonts declared in ``PublicRes.xml`` and referred to by ID;
* a template (``Tpls/Tpl_0/Content.xml``, ZOrder Background) drawing the red
  rule of a 红头 document, which every page uses;
* each page's objects inside a ``PageBlock`` of a ``Layer``;
* text objects in point units brought to millimetres by a ``CTM`` (as
  converters from PDF write them), one per run of characters, with a
  ``DeltaX`` list compressed by ``g N V`` runs where steps repeat;
* table borders as ``PathObject``s with ``AbbreviatedData`` (``M … L …``;
  rectangles closed with ``C``).

The files are deterministic: the same PDF gives the same bytes.
"""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pdfplumber

HERE = Path(__file__).parent
NS = "http://www.ofdspec.org/2016"
MM_PER_POINT = 25.4 / 72
CTM = f"{MM_PER_POINT:.6f} 0 0 {MM_PER_POINT:.6f} 0 0"
ASCENT = 0.88  # of the font size above the baseline, as the reader assumes


def number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def deltas(steps: list[float]) -> str:
    """A DeltaX list, repeated steps written as ``g N V``."""
    out, i = [], 0
    while i < len(steps):
        j = i
        while j < len(steps) and number(steps[j]) == number(steps[i]):
            j += 1
        out.append(f"g {j - i} {number(steps[i])}" if j - i > 2 else " ".join([number(steps[i])] * (j - i)))
        i = j
    return " ".join(out)


def runs(chars: list[dict]) -> list[list[dict]]:
    """Characters in runs that share a line, a font and a size, left to right."""
    out: list[list[dict]] = []
    for char in chars:
        last = out[-1][-1] if out else None
        if (last and abs(char["top"] - last["top"]) < 0.5 and char["fontname"] == last["fontname"]
                and char["size"] == last["size"] and char["x0"] >= last["x0"]):
            out[-1].append(char)
        else:
            out.append([char])
    return out


class Writer:
    def __init__(self):
        self.next_id = 1
        self.fonts: dict[str, int] = {}

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def font(self, name: str) -> int:
        if name not in self.fonts:
            self.fonts[name] = self.new_id()
        return self.fonts[name]

    def text_object(self, run: list[dict]) -> str:
        size = run[0]["size"]
        x, top = run[0]["x0"], run[0]["top"]
        steps = [b["x0"] - a["x0"] for a, b in zip(run, run[1:])]
        width = run[-1]["x1"] - x
        text = "".join(c["text"] for c in run)
        boundary = " ".join(number(v * MM_PER_POINT) for v in (x, top, width + size, size * 1.2))
        return (f'<ofd:TextObject ID="{self.new_id()}" Boundary="{boundary}" CTM="{CTM}" '
                f'Font="{self.font(run[0]["fontname"])}" Size="{number(size)}">'
                f'<ofd:TextCode X="0" Y="{number(size * ASCENT)}"'
                + (f' DeltaX="{deltas(steps)}"' if steps else "")
                + f">{escape(text)}</ofd:TextCode></ofd:TextObject>")

    def path_object(self, x0: float, top: float, x1: float, bottom: float, closed: bool) -> str:
        w, h = (x1 - x0) * MM_PER_POINT, (bottom - top) * MM_PER_POINT
        data = (f"M 0 0 L {number(w)} 0 L {number(w)} {number(h)} L 0 {number(h)} C" if closed
                else f"M 0 0 L {number(w)} {number(h)}")
        boundary = " ".join(number(v) for v in (x0 * MM_PER_POINT, top * MM_PER_POINT, max(w, 0.1), max(h, 0.1)))
        return (f'<ofd:PathObject ID="{self.new_id()}" Boundary="{boundary}" LineWidth="0.176">'
                f"<ofd:AbbreviatedData>{data}</ofd:AbbreviatedData></ofd:PathObject>")


def page_xml(writer: Writer, page) -> str:
    clean = page.dedupe_chars()
    objects = [writer.text_object(run) for run in runs([c for c in clean.chars if c["upright"]])]
    objects += [writer.path_object(line["x0"], line["top"], line["x1"], line["bottom"], False) for line in page.lines]
    objects += [writer.path_object(rect["x0"], rect["top"], rect["x1"], rect["bottom"], True) for rect in page.rects]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="{NS}">'
            f'<ofd:Template TemplateID="1" ZOrder="Background"/>'
            f'<ofd:Content><ofd:Layer ID="{writer.new_id()}"><ofd:PageBlock ID="{writer.new_id()}">'
            + "".join(objects) + "</ofd:PageBlock></ofd:Layer></ofd:Content></ofd:Page>")


def template_xml(width: float) -> str:
    """The red rule under a 红头 document's masthead, drawn on every page."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
            f'<ofd:Layer ID="2" Type="Background"><ofd:PathObject ID="3" Boundary="20 12 {number(width - 40)} 1" '
            f'LineWidth="0.5" StrokeColor="255 0 0"><ofd:StrokeColor Value="255 0 0"/>'
            f'<ofd:AbbreviatedData>M 0 0.5 L {number(width - 40)} 0.5</ofd:AbbreviatedData></ofd:PathObject>'
            f"</ofd:Layer></ofd:Content></ofd:Page>")


def convert(pdf_path: Path, out: Path) -> None:
    writer = Writer()
    writer.next_id = 10
    with pdfplumber.open(pdf_path) as pdf:
        width, height = (float(pdf.pages[0].width) * MM_PER_POINT, float(pdf.pages[0].height) * MM_PER_POINT)
        pages = [page_xml(writer, page) for page in pdf.pages]
    box = f"0 0 {number(width)} {number(height)}"
    page_list = "".join(f'<ofd:Page ID="{writer.new_id()}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                        for i in range(len(pages)))
    fonts = "".join(f"<ofd:Font ID=\"{font_id}\" FontName={quoteattr(name.split('+')[-1])} "
                    f"FamilyName={quoteattr(name.split('+')[-1])}/>" for name, font_id in writer.fonts.items())
    parts = {
        "OFD.xml": (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
                    f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>{pdf_path.stem.split('_')[1]}</ofd:DocID>"
                    f"<ofd:Creator>mszs samples/make_ofd.py</ofd:Creator></ofd:DocInfo>"
                    f"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
        "Doc_0/Document.xml": (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document xmlns:ofd="{NS}">'
                               f"<ofd:CommonData><ofd:MaxUnitID>{writer.next_id}</ofd:MaxUnitID>"
                               f"<ofd:PageArea><ofd:PhysicalBox>{box}</ofd:PhysicalBox></ofd:PageArea>"
                               f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
                               f"<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>"
                               f'<ofd:TemplatePage ID="1" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
                               f"<ofd:Pages>{page_list}</ofd:Pages></ofd:Document>"),
        "Doc_0/PublicRes.xml": (f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
                                f"<ofd:Fonts>{fonts}</ofd:Fonts></ofd:Res>"),
        "Doc_0/DocumentRes.xml": f'<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res xmlns:ofd="{NS}" BaseLoc="Res"/>',
        "Doc_0/Tpls/Tpl_0/Content.xml": template_xml(width),
        **{f"Doc_0/Pages/Page_{i}/Content.xml": xml for i, xml in enumerate(pages)},
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=(2021, 1, 19, 0, 0, 0)), text.encode(),
                             compress_type=zipfile.ZIP_DEFLATED)


def main(patterns: list[str]) -> None:
    (HERE / "ofd").mkdir(exist_ok=True)
    for pattern in patterns or ["[0-9][0-9][0-9]_*"]:
        for pdf in sorted((HERE / "pdf").glob(pattern + ".pdf")):
            convert(pdf, HERE / "ofd" / (pdf.stem + ".ofd"))
            print(HERE / "ofd" / (pdf.stem + ".ofd"))


if __name__ == "__main__":
    main(sys.argv[1:])
