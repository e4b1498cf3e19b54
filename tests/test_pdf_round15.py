"""Shapes of layout met in real published PDFs (bench/real_pdfs.py, round 15), made here so the
tests prove the reading without the real files: an imprint box closing a first page's text above
the page's notes, read before into the sentence running over the page break."""

from __future__ import annotations

from pathlib import Path

from papers import BODY

from archive.ingest.papers import from_pdf

RUNS_OVER = ("The department pays each claim within six weeks of receiving the", "audited return.")


def _imprint_box_pdf(path: Path) -> None:
    """Two pages of a sidebar: page 1's text ends mid-sentence, then a box of three short lines
    (publisher, web address, product number) in smaller type, then the page's own small notes
    below it; page 2 goes on with the sentence."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=letter)
    width, height = letter
    y = height - 100
    pdf.setFont("Times-Roman", 11)
    for sentence in BODY * 3:
        pdf.drawString(72, y, sentence)
        y -= 13
    pdf.drawString(72, y, RUNS_OVER[0])
    pdf.setFont("Times-Bold", 10)
    pdf.drawString(72, 108, "Flood Fund Research Service")
    pdf.setFont("Times-Roman", 10)
    pdf.drawString(72, 92, "https://floodfund.example.gov")
    pdf.drawString(72, 76, "FF11418")
    pdf.setFont("Helvetica", 8)
    for n, note in enumerate(("Flood Fund Sidebar", "Prepared for councils")):
        pdf.drawString(430, 62 - 10 * n, note)
    pdf.showPage()
    pdf.setFont("Times-Roman", 11)
    y = height - 100
    pdf.drawString(72, y, RUNS_OVER[1] + " " + BODY[2])
    for sentence in BODY[3:] + BODY[:2]:
        y -= 13
        pdf.drawString(72, y, sentence)
    pdf.showPage()
    pdf.save()


def test_an_imprint_box_above_a_first_pages_notes_leaves_the_sentence_whole(
    tmp_path: Path,
) -> None:
    path = tmp_path / "sidebar.pdf"
    _imprint_box_pdf(path)
    article, _ = from_pdf(path.read_bytes())
    text = " ".join(article.text.split())
    assert "floodfund.example.gov" not in text
    assert "FF11418" not in text
    assert " ".join(RUNS_OVER) in text
    for sentence in BODY:
        assert sentence in text
