"""Shapes met in real published PDFs (bench/real_pdfs.py, second round), made here so the tests
prove the reading without the real files."""

from __future__ import annotations

from pathlib import Path

from archive.ingest.papers import from_pdf

LINES = [
    "We are the lead for the open data programme, which is the flagship initiative of the",
    "department's open government plan. Its goal is to make the government transparent",
    "through clear, accessible and easy-to-use online data published by every agency.",
    "The programme team makes public data available to everyone and maintains a central",
    "directory for all data published by federal agencies across the whole government.",
]


def _shaded_lines(path: Path, fill: tuple[float, float, float]) -> None:
    from reportlab.pdfgen import canvas as pdfcanvas

    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792))
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 720, "Open data")
    y = 690.0
    for line in LINES:
        # A word processor's shading: a box filled in the page's white behind each line.
        c.setFillColorRGB(*fill)
        c.rect(72, y - 4, 440 + len(line) % 30, 15, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 11)
        c.drawString(72, y, line)
        y -= 16
    c.save()


def test_lines_shaded_in_white_are_running_text_not_a_table(tmp_path: Path) -> None:
    path = tmp_path / "shaded.pdf"
    _shaded_lines(path, (1, 1, 1))
    article, _ = from_pdf(path.read_bytes())
    body = " ".join(article.text.split())
    assert " ".join(LINES) in body, body
