"""Shapes met in real published PDFs (bench/real_pdfs.py, fifth round), made here so the tests
prove the reading without the real files."""

from __future__ import annotations

from pathlib import Path

from papers import BODY
from pdfpages import draw_body

from archive.ingest.papers import from_pdf


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
        draw_body(c, 720, times=5, gap=10, grant=n + 1)
        c.showPage()
    c.save()


def test_a_journals_issue_date_in_the_running_foot_dates_the_paper(tmp_path: Path) -> None:
    path = tmp_path / "weekly.pdf"
    _journal_pages(path, "Weekly Report / March 3, 2011 / Vol. 60")
    article, found = from_pdf(path.read_bytes())
    assert found.date == "2011-03-03", (found.date, found.date_by)
    assert "running head or foot" in found.date_by
    assert "Weekly Report" not in article.text  # the foot itself is still left out


def test_a_running_foot_naming_no_month_does_not_date_the_paper(tmp_path: Path) -> None:
    # "Spring 2009" in a running foot names an issue, not a day or a month: the file's date stands.
    path = tmp_path / "volume.pdf"
    _journal_pages(path, "Grants Review / Spring 2009 / Vol. 60")
    _, found = from_pdf(path.read_bytes())
    assert found.date == "2000-01-01", (found.date, found.date_by)


COLUMN = [
    "Severe disability and",
    "the need for help also",
    "rose with age. Among",
    "the oldest group, more",
    "than half had a severe",
    "disability in 2010.",
    "The share needing help",
    "was five times as large",
    "for those aged 80 and",
    "older as for those aged",
    "55 to 64 years old.",
]


def test_a_charts_labels_in_a_box_beside_a_narrow_column_are_no_table(tmp_path: Path) -> None:
    # A bar chart in a drawn box, its labels text ("70 to 74", "29.6"), beside a narrow column
    # whose short lines share their baselines: the column is read whole, the chart apart.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "chart.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792))
    c.rect(52, 250, 330, 480, stroke=1, fill=0)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(62, 712, "Figure 2.")
    ages = ["Under 15", "15 to 24", "25 to 44", "45 to 54", "55 to 64", "65 to 69", "70 to 74"]
    c.setFont("Helvetica", 9)
    for n, line in enumerate(COLUMN):
        # each of the chart's rows on a baseline of the column's: a label or a bar's value
        y = 700 - 12.8 * n
        value = 4.2 + 3.1 * n
        c.rect(116, y - 2, 5 * value, 9, stroke=1, fill=0)
        c.drawString(120 + 5 * value, y, f"{value:.1f}")
        if n % 2 == 0:
            c.drawString(62, y, ages[n // 2])
        c.drawString(400, y, line)
    c.showPage()
    c.save()
    article, _ = from_pdf(path.read_bytes())
    body = " ".join(article.text.split())
    assert " ".join(COLUMN) in body, body


def test_a_paragraph_runs_on_past_a_table_heading_the_next_page(tmp_path: Path) -> None:
    # The page ends inside a sentence; the next page opens with a table's label, its title and
    # unruled rows of figures, and only then the rest of the sentence in lower case.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "over.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792))
    c.setFont("Times-Roman", 11)
    y = draw_body(c, 720, times=4, gap=10)
    c.drawString(72, y, "The probability of a claim being paid late was one in twenty. Among the")
    c.showPage()
    c.setFont("Times-Bold", 10)
    c.drawString(72, 740, "Table 2.")
    c.drawString(72, 727, "Claims paid by region: 2005 and 2010")
    c.setFont("Helvetica", 8)
    y = 705
    for region, a, b in (("North", 12.1, 13.4), ("South", 9.8, 10.2), ("East", 7.7, 8.9)):
        for x, cell in ((72, region), (200, f"{a:.1f}"), (260, f"{b:.1f}"), (320, f"{b - a:.1f}")):
            c.drawString(x, y, cell)
        y -= 11
    c.setFont("Times-Roman", 11)
    y -= 20
    c.drawString(72, y, "largest councils, more than half of all claims were paid within a month.")
    draw_body(c, y - 14)
    c.showPage()
    c.save()
    article, _ = from_pdf(path.read_bytes())
    body = " ".join(article.text.split())
    assert (
        "Among the largest councils, more than half of all claims were paid within a month." in body
    ), body
    assert "North" in body  # the table is still read, after the sentence


def test_a_tables_label_under_the_columns_is_not_a_columns_last_line(tmp_path: Path) -> None:
    # Two columns over a table across the page; the table's label ("Table 1.") stands under
    # the left column, close over the table's title. A sentence runs from the left column to the
    # right one and must stay whole.
    from reportlab.pdfgen import canvas as pdfcanvas

    left = [
        "Councils may claim the grant for",
        "each approved scheme once a year,",
        "and the department pays each claim",
        "within six weeks of receiving the",
    ]
    right = [
        "audited return from the council.",
        "A scheme that overruns its budget",
        "may ask for a second payment in",
        "the next year of the programme.",
    ]
    path = tmp_path / "label.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792))
    c.setFont("Times-Roman", 10)
    for x, lines in ((72, left), (320, right)):
        y = 720
        for line in lines:
            c.drawString(x, y, line)
            y -= 13
    c.drawString(72, 640, "Table 1.")
    c.setFont("Times-Bold", 11)
    c.drawString(72, 627, "Grants paid to councils by year of the programme: 2005 and 2010")
    c.setFont("Helvetica", 8)
    y = 610
    for row in (("North", "12.1", "13.4", "1.3"), ("South", "9.8", "10.2", "0.4")):
        for x, cell in zip((72, 250, 350, 450), row):
            c.drawString(x, y, cell)
        y -= 11
    c.showPage()
    c.save()
    article, _ = from_pdf(path.read_bytes())
    body = " ".join(article.text.split())
    assert " ".join(left + right) in body, body


def test_a_notes_last_line_of_an_address_in_capitals_is_no_heading(tmp_path: Path) -> None:
    # A note in small type whose last line is the tail of an address, all capitals and figures
    # ("/ACS/10_1YR/S2601A>."): no small-capital heading, so not left in the running text.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "note.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792))
    c.setFont("Times-Roman", 11)
    y = draw_body(c, 720, times=3)
    # a source note in small type between paragraphs, not at the foot of the page; its type
    # two-thirds of the text's or more, as small capitals are
    c.setFont("Times-Roman", 7.5)
    c.drawString(72, y - 4, "Source: Characteristics of the group quarters population, at")
    c.drawString(72, y - 13, "<factfinder2.census.gov/bkmk/table/1.0/en")
    c.drawString(72, y - 22, "/ACS/10_1YR/S2601A>.")
    c.setFont("Times-Roman", 11)
    draw_body(c, y - 50)
    c.showPage()
    c.save()
    article, _ = from_pdf(path.read_bytes())
    paragraphs = [" ".join(p.split()) for p in article.paragraphs]
    tail = [p for p in paragraphs if "S2601A" in p]
    # read with the rest of its note, apart from the running text
    assert tail and all("Source:" in p and "Councils" not in p for p in tail), paragraphs


def test_a_scanned_titles_lines_in_one_type_are_measured_alike(tmp_path: Path) -> None:
    # A council's scanned agenda: its heading in capitals over the meeting's date, both in one
    # large type. A line's size is read from its words' heights against the letters they hold
    # (the date's descenders make its words taller, not its type larger), so both lines are the
    # title, not the date alone.
    import os
    import shutil

    import pytest
    from scans import scan

    if not shutil.which("tesseract"):
        if os.environ.get("CI") == "true":
            pytest.fail("Tesseract is not installed: CI must read the test scans")
        pytest.skip("Tesseract is not installed (apt-get install tesseract-ocr)")
    from reportlab.pdfgen import canvas as pdfcanvas

    printed = tmp_path / "agenda.pdf"
    c = pdfcanvas.Canvas(str(printed), pagesize=(612, 792))
    c.setFont("Helvetica-Bold", 18)
    c.drawCentredString(250, 700, "COUNCIL AGENDA")
    c.drawCentredString(250, 676, "Tuesday, April 16, 2024")
    c.setFont("Helvetica", 11)
    y = 630
    for n, line in enumerate(BODY, 1):
        c.drawString(72, y, f"{n}. {line}")
        y -= 24
    c.showPage()
    c.save()
    _, found = from_pdf(scan(printed, tmp_path / "scan.pdf", 300).read_bytes())
    assert found.title and "AGENDA" in found.title and "April" in found.title, found.title


def test_a_chapter_heading_over_two_lines_opening_page_one_is_the_title(tmp_path: Path) -> None:
    # A chapter cut from a study: its heading in bold capitals a little larger than the text,
    # over two lines, and no larger type, no cover and no Title property.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "chapter.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Times-Bold", 12)
    c.drawCentredString(297, 760, "CHAPTER 6 – AN OVERVIEW OF GRANTS TO COUNCILS")
    c.drawCentredString(297, 744, "BASED UPON EXISTING SOURCES")
    c.setFont("Times-Roman", 11)
    draw_body(c, 710, times=4, gap=10)
    c.showPage()
    c.save()
    article, found = from_pdf(path.read_bytes())
    assert found.title == (
        "CHAPTER 6 – AN OVERVIEW OF GRANTS TO COUNCILS BASED UPON EXISTING SOURCES"
    ), (found.title, article.paragraphs[:3])


def test_a_numbered_sections_heading_opening_page_one_is_no_title(tmp_path: Path) -> None:
    # Pages cut from the middle of a report open with a numbered section: no title of the paper.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "section.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Times-Bold", 12)
    c.drawString(72, 760, "2. BACKGROUND")
    c.setFont("Times-Roman", 11)
    draw_body(c, 730, times=3)
    c.showPage()
    c.save()
    _, found = from_pdf(path.read_bytes())
    assert found.title is None, found.title


def _memo(path: Path, dated: str) -> None:
    from reportlab.pdfgen import canvas as pdfcanvas

    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792), invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(72, 720, "MEMORANDUM")
    c.setFont("Helvetica", 11)
    y = 690
    for line in ("To: All councils", "From: Grants team", dated, "Subject: Flood grants"):
        c.drawString(72, y, line)
        y -= 16
    draw_body(c, y - 10)
    c.showPage()
    c.save()


def test_a_memorandums_date_in_figures_after_its_label_dates_it(tmp_path: Path) -> None:
    for printed, want in (
        ("Date: 25/04/2013", "2013-04-25"),
        ("DATE: 04/25/2013", "2013-04-25"),
        ("Date: 2013-04-10", "2013-04-10"),
        ("Date: 04/05/2013", "2013"),  # which is the month? only the year is sure
    ):
        path = tmp_path / "memo.pdf"
        _memo(path, printed)
        _, found = from_pdf(path.read_bytes())
        assert found.date == want, (printed, found.date, found.date_by)
