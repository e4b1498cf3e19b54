"""Shapes met in real published PDFs (bench/real_pdfs.py, fifth round), made here so the tests
prove the reading without the real files."""

from __future__ import annotations

from pathlib import Path

from archive.ingest.papers import from_pdf

BODY = [
    "Councils may claim the grant for each approved flood scheme once a year.",
    "The department pays each claim within six weeks of receiving the audited return.",
    "A scheme that overruns its budget may ask for a second payment in the next year.",
    "Claims not made by the end of May are carried over to the following year.",
]


def _journal_pages(path: Path, foot: str) -> None:
    """Three pages cut from a journal: no cover, the issue's date only in the running foot."""
    from reportlab.pdfgen import canvas as pdfcanvas

    # invariant: the file's CreationDate is 2000-01-01, not the issue's date
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792), invariant=1)
    for n, page in enumerate((4, 5, 6)):
        c.setFont("Helvetica", 8)
        if page % 2:
            c.drawRightString(540, 40, f"{foot}   {page}")
        else:
            c.drawString(72, 40, f"{page}   {foot}")
        c.setFont("Times-Roman", 11)
        y = 720
        for _ in range(5):
            for line in BODY:
                c.drawString(72, y, line.replace("grant", f"grant {n + 1}", 1))
                y -= 14
            y -= 10
        c.showPage()
    c.save()


def test_a_journals_issue_date_in_the_running_foot_dates_the_paper(tmp_path: Path) -> None:
    path = tmp_path / "weekly.pdf"
    _journal_pages(path, "Weekly Report / March 3, 2011 / Vol. 60")
    article, found = from_pdf(path.read_bytes())
    assert found.date == "2011-03-03", (found.date, found.date_by)
    assert "running head or foot" in found.date_by
    assert "Weekly Report" not in article.text  # the foot itself is still left out


def test_a_running_foot_with_a_year_only_does_not_date_the_paper(tmp_path: Path) -> None:
    # "Journal 2009 – 223" names a volume, not a day or a month: the file's date stands.
    path = tmp_path / "volume.pdf"
    _journal_pages(path, "The Grants Journal 2009 – 223")
    _, found = from_pdf(path.read_bytes())
    assert found.date == "2000-01-01", (found.date, found.date_by)
