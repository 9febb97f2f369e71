"""Scanned notices: OCR with the ``ocr`` extra, and a clear needs_ocr without it.

OCR takes seconds a page on two cores, so these tests read one small scan
(tests/fixtures/ocr/table_page.jpg: page 2 of the scanned seed 000, grey paper,
noise and a lean, as samples/make_scans.py makes them) and a few drawn images.
The scanned seeds are scored whole by benchmarks/ocr_scans.py.
"""
import io
from pathlib import Path

import pytest

from mszs import parse
from mszs.api import parse_bytes
from mszs.errors import NeedsOcr
from mszs.parsers import ocr
from mszs.interpret.notice import unsure_ocr_warnings
from mszs.parsers.ocr import _placed
from mszs.output import Project, Task, TaskOrigin

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "tests" / "fixtures" / "ocr" / "table_page.jpg"
SCANNED_PDF = ROOT / "samples" / "scan" / "000_cf055cc25e80d216.pdf"
needs_extra = pytest.mark.skipif(not ocr.available(), reason="the ocr extra is not installed")


def test_without_the_extra_a_scan_names_the_command_that_installs_ocr(monkeypatch):
    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(NeedsOcr, match=r"OCR is needed to read it: install OCR with: pip install 'mszs\[ocr\]'"):
        parse(SCANNED_PDF)
    with pytest.raises(NeedsOcr, match=r"an image needs OCR to be read; install OCR with: pip install 'mszs\[ocr\]'"):
        parse(SCAN)


def test_without_the_extra_a_batch_records_the_scans_and_reads_the_rest(monkeypatch, tmp_path):
    from mszs.batch import run

    monkeypatch.setattr(ocr, "available", lambda: False)  # the workers are forked: they see it too
    notice = ROOT / "samples" / "notices" / "000_cf055cc25e80d216.txt"
    summary = run([SCAN, SCANNED_PDF, notice], tmp_path / "out", workers=1)
    assert (summary.parsed, summary.failed) == (1, 2)
    assert {f.kind for f in summary.failures} == {"needs_ocr"}
    assert all("pip install 'mszs[ocr]'" in f.message for f in summary.failures)


def test_ocr_never_leaves_a_scan_unread():
    with pytest.raises(NeedsOcr, match=r"OCR was turned off \(--ocr never\)"):
        parse(SCAN, ocr="never")


def test_unknown_ocr_mode_is_refused():
    with pytest.raises(ValueError, match="auto, always, never"):
        parse_bytes(b"text", ocr="sometimes")


def test_characters_are_placed_a_full_em_wide_and_abutting():
    # RapidOCR's boxes cover the ink of each glyph; the layout code wants advances, as a PDF gives.
    line = [(95, 10), (190, 10), (190, 40), (95, 40)]
    boxes = [[(x, 12), (x + w, 12), (x + w, 38), (x, 38)] for x, w in ((100, 24), (130, 24), (162, 8), (174, 8))]
    places = _placed(line, boxes, ["县", "局", "1", "2"])
    # The em is the step from one CJK glyph to the next (30); a digit is 0.6 of it at least.
    assert places[0] == pytest.approx((97, 127, 10, 40))
    assert places[1][:2] == pytest.approx((127, 157))
    assert places[2][:2] == pytest.approx((157, 172))  # meets the digit after it halfway
    assert places[3][:2] == pytest.approx((172, 187))


def test_a_line_starts_where_its_ink_does():
    # The ink of （ sits in the right half of its em: the line starts at the ink, less a side bearing.
    line = [(95, 10), (190, 10), (190, 40), (95, 40)]
    boxes = [[(x, 12), (x + w, 12), (x + w, 38), (x, 38)] for x, w in ((112, 6), (130, 24), (160, 24))]
    places = _placed(line, boxes, ["（", "一", "）"])
    assert places[0][0] == pytest.approx(112 - 3)


def test_a_line_ocr_is_unsure_of_is_named_on_its_task_with_its_page():
    task = Task(content="改扩建中小学2处，新建西和园中学", lead_units=["县教体局"], origin=TaskOrigin(page=2, table=0, row=2))
    projects = [Project(seq=2, name="教育提升工程", tasks=[task])]
    unsure = [(2, "新建西和园 中学", 0.61), (3, "新建西和园中学", 0.7), (2, "— 2 —", 0.52)]
    assert unsure_ocr_warnings(unsure, projects) == [
        "project 2 task '改扩建中小学2处，新建西和园中学' page 2: OCR is unsure (0.61) of the line “新建西和园 中学”",
        "page 3: OCR is unsure (0.70) of the line “新建西和园中学”",  # on another page than the task
        "page 2: OCR is unsure (0.52) of the line “— 2 —”",
    ]


@pytest.mark.ocr
@needs_extra
def test_a_leaning_page_is_straightened():
    import cv2
    import numpy as np

    page = np.full((800, 600), 220, np.uint8)
    for y in range(100, 700, 30):
        cv2.rectangle(page, (60, y), (540, y + 12), 30, -1)
    leaning = cv2.warpAffine(page, cv2.getRotationMatrix2D((300, 400), 0.8, 1), (600, 800), borderValue=220)
    straight = ocr.straightened(leaning)
    rows = (straight < 128).sum(axis=1)
    assert rows.max() > 0.9 * 480  # a bar lies along one row again


@pytest.mark.ocr
@needs_extra
def test_ruling_lines_are_found_and_text_strokes_are_not():
    import cv2
    import numpy as np

    page = np.full((600, 800), 215, np.uint8)
    for y in (100, 150, 300):
        cv2.line(page, (50, y), (750, y), 20, 2)
    for x in (50, 200, 750):
        cv2.line(page, (x, 100), (x, 300), 20, 2)
    cv2.putText(page, "- = +", (300, 450), cv2.FONT_HERSHEY_SIMPLEX, 1, 20, 2)
    lines = ocr.ruling_lines(page)
    horizontal = sorted(round(top) for x0, top, x1, bottom in lines if top == bottom)
    vertical = sorted(round(x0) for x0, top, x1, bottom in lines if x0 == x1)
    assert horizontal == [100, 150, 300] and vertical == [50, 200, 750]


@pytest.mark.ocr
@needs_extra
def test_a_scanned_table_is_read_as_a_table():
    notice = parse(SCAN)
    assert notice.source.format == "image"
    assert notice.notice.issuer == "汶上县人民政府办公室" and notice.notice.issue_date == "2021-01-19"
    [project] = notice.projects
    assert (project.seq, project.name) == (1, "农村人居环境整治提升工程")
    [task] = project.tasks
    assert task.content.startswith("实施农村人居环境整治五年行动，不断提升农村基础设施建设水平")
    assert task.lead_units == ["县农村人居环境整治指挥部"]
    assert task.co_units == ["县财政局", "县自然资源和规划局", "县住房和城乡建设局", "县交通运输局", "县水务局",
                             "县农业农村局", "县卫生健康局", "各乡镇", "各街道"]
    assert task.deadline.date == "2021-12-31"
    assert task.origin.page == 1 and task.origin.table == 0


@pytest.mark.ocr
@needs_extra
def test_an_image_with_no_text_is_unreadable_and_a_batch_counts_ocr_pages(tmp_path):
    from PIL import Image

    from mszs.batch import run

    blank = io.BytesIO()
    Image.new("L", (500, 700), 225).save(blank, "PNG")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "blank.png").write_bytes(blank.getvalue())
    (tmp_path / "in" / "scan.jpg").write_bytes(SCAN.read_bytes())
    summary = run([tmp_path / "in"], tmp_path / "out", workers=1, timeout=120)
    assert (summary.parsed, summary.failed, summary.ocr_pages) == (1, 1, 2)
    assert [(f.kind, f.message) for f in summary.failures] == [("unreadable", "OCR found no text on the image")]


@pytest.mark.ocr
@needs_extra
def test_batch_timeout_counts_per_ocr_page(tmp_path):
    from mszs.batch import run

    # Far less than a page takes: the file is stopped during its first page, and says so.
    summary = run([SCAN], tmp_path / "out", workers=1, timeout=0.5)
    [failure] = summary.failures
    assert failure.kind == "timeout"
    assert failure.message == "not finished after 0.5 s per page, 1 pages read by OCR (--timeout); stopped"


@pytest.mark.ocr
@needs_extra
def test_ocr_always_reads_a_text_pdf_from_its_image():
    from mszs.parsers import read_bytes

    data = (ROOT / "tests" / "fixtures" / "pdf" / "fake_bold.pdf").read_bytes()
    typed, seen = read_bytes(data), read_bytes(data, ocr="always")
    assert (typed.ocr, seen.ocr) == (False, True)
    assert [b.text for b in seen.blocks] == [b.text for b in typed.blocks] == ["Livelihood projects", "Ten projects for 2021."]
