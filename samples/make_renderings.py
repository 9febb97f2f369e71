"""Print every sample notice to PDF in several ways: the rendering matrix.

    python samples/make_renderings.py              # every rendering of every notice
    python samples/make_renderings.py a4-serif-10.5-narrow 003_*

A PDF knows where its lines happen to wrap, and that depends on the paper, the
margins, the font and its size, and on the program that laid the page out. Each
rendering below prints the same notices another way, into
``samples/renderings/<rendering>/<stem>.pdf``; every one must read like the
text version (``tests/test_renderings.py``). Two routes:

* ``libreoffice``: ``samples/docx/<stem>.docx`` with its page size, margins and
  fonts changed (tables scaled to the new text width, rows free to break over
  pages), converted by LibreOffice;
* ``chromium``: the notice's article (``#zoom``) of ``samples/html/<stem>.html``,
  as the site's print view serves it, printed by headless Chromium.

LibreOffice, Chromium and fonts-noto-cjk are needed to make them; the tests only
read the committed files.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

from bs4 import BeautifulSoup
from docx import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

SAMPLES = Path(__file__).resolve().parent
OUT = SAMPLES / "renderings"
SAMPLE_TEXT_WIDTH_CM = 15.6  # what make_samples.py sizes the tables for
PAPERS_CM = {"A4": (21.0, 29.7), "Letter": (21.59, 27.94)}
FONTS = {"serif": "Noto Serif CJK SC", "sans": "Noto Sans CJK SC"}
MARGINS_CM = {"narrow": 1.5, "wide": 3.2}


class Rendering(NamedTuple):
    route: str  # libreoffice | chromium
    paper: str  # A4 | Letter
    margins: str  # narrow | wide
    font: str  # serif | sans
    size: float  # body text in points

    @property
    def name(self) -> str:
        return f"{self.route}-{self.paper.lower()}-{self.margins}-{self.font}-{self.size:g}"


RENDERINGS = (
    Rendering("libreoffice", "A4", "narrow", "serif", 10.5),
    Rendering("libreoffice", "A4", "wide", "sans", 12),
    Rendering("libreoffice", "Letter", "narrow", "sans", 12),
    Rendering("libreoffice", "Letter", "wide", "serif", 10.5),
    Rendering("chromium", "A4", "narrow", "sans", 10.5),
    Rendering("chromium", "Letter", "wide", "serif", 12),
)


def main(patterns: list[str]) -> None:
    renderings = [r for r in RENDERINGS if r.name in patterns] or list(RENDERINGS)
    stems = [p for p in patterns if p not in {r.name for r in RENDERINGS}]
    notices = sorted(path.stem for path in (SAMPLES / "docx").glob("*.docx")
                     if not stems or any(path.match(f"{s}.docx") for s in stems))
    for rendering in renderings:
        folder = OUT / rendering.name
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="mszs-render-") as tmp:
            sources = [ROUTES[rendering.route][0](stem, rendering, Path(tmp)) for stem in notices]
            ROUTES[rendering.route][1](sources, folder, Path(tmp))
        print(rendering.name, len(notices))


# --- LibreOffice -------------------------------------------------------------------------------

def restyled_docx(stem: str, rendering: Rendering, tmp: Path) -> Path:
    """The sample .docx on other paper, margins and fonts, its tables scaled to the text width."""
    document = WordDocument(SAMPLES / "docx" / f"{stem}.docx")
    width, height = PAPERS_CM[rendering.paper]
    margin = MARGINS_CM[rendering.margins]
    for section in document.sections:
        section.page_width, section.page_height = Cm(width), Cm(height)
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(margin)
    for name in ("Normal", "Table Grid"):
        style = document.styles[name]
        style.font.name = FONTS[rendering.font]
        style.font.size = Pt(rendering.size)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONTS[rendering.font])
    # Rows may break over pages, as in most Word files: a row kept whole but taller than
    # the page is cut off by LibreOffice, its last lines lost from the PDF.
    for cant_split in list(document.element.body.iter(qn("w:cantSplit"))):
        cant_split.getparent().remove(cant_split)
    scale = (width - 2 * margin) / SAMPLE_TEXT_WIDTH_CM
    for element in document.element.body.iter(qn("w:gridCol"), qn("w:tcW")):
        element.set(qn("w:w"), str(int(int(element.get(qn("w:w"))) * scale)))
    path = tmp / f"{stem}.docx"
    document.save(path)
    return path


def libreoffice_to_pdf(sources: list[Path], folder: Path, tmp: Path) -> None:
    soffice = shutil.which("soffice") or sys.exit("soffice not found: install LibreOffice")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)],
                   check=True, capture_output=True, timeout=600)


# --- Chromium ----------------------------------------------------------------------------------

PRINT_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title>
<style>
@page {{ size: {paper}; margin: {margin}cm; }}
body {{ font-family: "{font}"; font-size: {size}pt; line-height: 1.6; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 1px solid #000; padding: 2px 4px; vertical-align: top; }}
</style></head>
<body>{article}</body></html>
"""


def print_view(stem: str, rendering: Rendering, tmp: Path) -> Path:
    """The notice's article from the sample web page, as a page to print."""
    data = (SAMPLES / "html" / f"{stem}.html").read_bytes()
    soup = BeautifulSoup(data, "lxml", from_encoding="gb18030")
    page = PRINT_PAGE.format(title=soup.title.get_text(), paper=rendering.paper, margin=MARGINS_CM[rendering.margins],
                             font=FONTS[rendering.font], size=rendering.size, article=soup.find(id="zoom"))
    path = tmp / f"{stem}.html"
    path.write_text(page, encoding="utf-8")
    return path


def chromium_to_pdf(sources: list[Path], folder: Path, tmp: Path) -> None:
    chromium = shutil.which("chromium") or sys.exit("chromium not found: install it (apt-get install chromium)")
    for source in sources:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--no-first-run", f"--user-data-dir={tmp / 'chromium'}", "--no-pdf-header-footer",
                        f"--print-to-pdf={folder / (source.stem + '.pdf')}", source.as_uri()],
                       check=True, capture_output=True, timeout=120)


ROUTES = {"libreoffice": (restyled_docx, libreoffice_to_pdf), "chromium": (print_view, chromium_to_pdf)}


if __name__ == "__main__":
    main(sys.argv[1:])
