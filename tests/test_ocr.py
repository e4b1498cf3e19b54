"""Scanned papers read by OCR (Tesseract through pytesseract): words right at 200 and 300 dpi, with
and without a slight skew; pages keep their numbers; the paper says it was read by OCR."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from scans import SCAN_TEXT, SCAN_TITLE, scan, text_pdf, word_accuracy

from archive.cli import main
from archive.corpus.folder import document_files
from archive.ingest.papers import from_pdf
from archive.ingest.pdf import PdfProblem

if not shutil.which("tesseract"):
    if os.environ.get("CI") == "true":
        pytest.fail("Tesseract is not installed: CI must read the test scans", pytrace=False)
    pytestmark = pytest.mark.skip(
        reason="Tesseract is not installed (apt-get install tesseract-ocr)"
    )


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return text_pdf(tmp_path_factory.mktemp("scan") / "printed.pdf", pages=2)


@pytest.mark.parametrize(
    "dpi,skew,least",
    [
        (300, 0.0, 0.98),
        (300, 0.8, 0.98),
        pytest.param(300, 2.0, 0.98, marks=pytest.mark.slow),
        pytest.param(200, 0.0, 0.95, marks=pytest.mark.slow),
        pytest.param(200, 0.8, 0.95, marks=pytest.mark.slow),
    ],
)
def test_words_are_read_right_from_a_scan(printed: Path, tmp_path: Path, dpi, skew, least) -> None:
    article, _ = from_pdf(scan(printed, tmp_path / "scan.pdf", dpi, skew).read_bytes())
    accuracy = word_accuracy(article.text, "\n".join(SCAN_TEXT))
    assert accuracy >= least, article.text


def test_a_scan_keeps_its_pages_and_says_it_was_read_by_ocr(printed: Path, tmp_path: Path) -> None:
    article, found = from_pdf(scan(printed, tmp_path / "scan.pdf", 300).read_bytes())
    assert found.ocr == [1, 2]
    assert article.paragraphs[0].startswith("*Read by OCR from the scanned images of pages 1-2")
    assert "<!-- page 1 -->" in article.paragraphs and "<!-- page 2 -->" in article.paragraphs
    assert found.title == SCAN_TITLE and found.date == "2009-03"
    assert any("read by OCR" in point for point in found.review)
    assert any(
        point.startswith("amounts read by OCR") and "£1.5 million" in point
        for point in found.review
    )


def test_without_tesseract_ingest_says_what_to_install(
    printed: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on the path
    with pytest.raises(PdfProblem, match="apt-get install tesseract-ocr tesseract-ocr-eng"):
        from_pdf(scan(printed, tmp_path / "scan.pdf", 200).read_bytes())


def test_a_scan_without_a_printed_title_is_not_titled_by_our_ocr_notice(tmp_path: Path) -> None:
    plain = text_pdf(tmp_path / "plain.pdf", titled=False)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    result = CliRunner().invoke(
        main, ["--corpus", str(corpus), "ingest", str(scan(plain, tmp_path / "scan.pdf", 300))]
    )
    assert result.exit_code == 0, result.output
    (path,) = document_files(corpus).values()
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    assert "OCR" not in front["title"]
    assert front["title"].startswith(" ".join(SCAN_TITLE.split()[:3]))
    assert "Read by OCR" in path.read_text(encoding="utf-8")  # the notice itself stays on the page
