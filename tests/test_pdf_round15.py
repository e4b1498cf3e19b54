"""Shapes of layout met in real published PDFs (bench/real_pdfs.py, round 15), made here so the
tests prove the reading without the real files: an imprint box closing a first page's text above
the page's notes, read before into the sentence running over the page break; an unruled table's
rows whose label runs over two lines, and the bold rows and total after them; a table whose last
rows stand below the column beside it."""

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


# An unruled money table: (label lines, first year, second year, bold); a label over two lines
# has its figures beside the first line or set between its two lines.
ROWS = [
    (["Flood Defence Grants (total)"], "174.5", "225.1", True),
    (["Capital Works"], "163.1", "207.0", False),
    (["Court of Appeals for the Federal", "Circuit"], "36.7", "38.7", True),
    (["Coastal Erosion Fund"], "22.4", "22.9", True),
    (["Cooperative Endangered", "Species Conservation Fund"], "8,816.3", "9,202.0", False),
    (["Drainage Boards"], "1,766.0", "1,792.8", False),
    (["Total"], "9,214.7", "9,661.8", True),
]


def _wrapped_rows_pdf(path: Path) -> None:
    """A budget brief: a paragraph, a table's caption and unit on a line of its own, the columns'
    heads, then unruled rows in plain and bold type, two of them with a label over two lines (the
    first with its figures set between the lines, the second with them beside the first), a bold
    total last, and a paragraph after."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=letter)
    width, height = letter
    y = height - 90
    pdf.setFont("Times-Roman", 10)
    for sentence in BODY:
        pdf.drawString(72, y, sentence)
        y -= 12
    y -= 14
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(72, y, "Table 1. Flood Fund Appropriations")
    y -= 12
    pdf.setFont("Helvetica", 9)
    pdf.drawString(72, y, "(in millions of dollars)")
    y -= 16
    pdf.setFont("Helvetica-Bold", 9)
    pdf.drawString(72, y, "Account")
    pdf.drawRightString(330, y, "FY2026")
    pdf.drawRightString(400, y, "FY2027")
    y -= 16
    for label, first, second, bold in ROWS:
        pdf.setFont("Helvetica-Bold" if bold else "Helvetica", 9)
        between = len(label) == 2 and bold
        figures_y = y - 5.5 if between else y
        pdf.drawRightString(330, figures_y, f"${first}")
        pdf.drawRightString(400, figures_y, f"${second}")
        for line in label:
            pdf.drawString(72, y, line)
            y -= 11
        y -= 6
    y -= 14
    pdf.setFont("Times-Roman", 10)
    for sentence in BODY[::-1]:
        pdf.drawString(72, y, sentence)
        y -= 12
    pdf.showPage()
    pdf.save()


def test_rows_with_a_label_over_two_lines_and_bold_rows_stay_in_the_table(
    tmp_path: Path,
) -> None:
    path = tmp_path / "budget.pdf"
    _wrapped_rows_pdf(path)
    article, _ = from_pdf(path.read_bytes())
    text = article.text
    for label, first, second, _ in ROWS:
        # each row whole, its label's lines joined, and the table's unit on both figures
        row = f"{' '.join(label)} — FY2026: ${first} million; FY2027: ${second} million."
        assert row in text
    assert "### Total" not in text
    assert "### Court of Appeals" not in text
    for sentence in BODY:
        assert sentence in " ".join(text.split())


COLUMN = [
    "The fund's first year was spent on the largest schemes",
    "in the north, where the floods of the last winter did",
    "the most damage; the councils there had asked for it",
    "first. The second year turns to the smaller schemes.",
]


def _table_beside_a_column_pdf(path: Path) -> None:
    """Two columns: the left one's text ends half way down the table set in the right one, so
    the table's last rows stand alone across the page and its first rows beside the text."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=letter)
    width, height = letter
    y = height - 90
    pdf.setFont("Times-Roman", 10)
    for line in COLUMN * 2:
        pdf.drawString(50, y, line)
        y -= 12
    y = height - 90
    pdf.setFont("Helvetica", 9)
    pdf.drawString(320, y, "(in millions of dollars)")
    y -= 14
    pdf.drawString(320, y, "Account")
    pdf.drawRightString(490, y, "FY2026")
    pdf.drawRightString(550, y, "FY2027")
    y -= 14
    for label, first, second, bold in ROWS:
        pdf.setFont("Helvetica-Bold" if bold else "Helvetica", 9)
        pdf.drawRightString(490, y, f"${first}")
        pdf.drawRightString(550, y, f"${second}")
        for line in label:
            pdf.drawString(320, y, line)
            y -= 11
        y -= 3
    pdf.showPage()
    pdf.save()


def test_a_tables_last_rows_below_the_column_beside_it_stay_in_one_table(
    tmp_path: Path,
) -> None:
    path = tmp_path / "beside.pdf"
    _table_beside_a_column_pdf(path)
    article, _ = from_pdf(path.read_bytes())
    text = article.text
    for label, first, second, _ in ROWS:
        row = f"{' '.join(label)} — FY2026: ${first} million; FY2027: ${second} million."
        assert row in text
    assert " ".join(" ".join(COLUMN * 2).split()) in " ".join(text.split())


def _foot_under_a_table_pdf(path: Path) -> None:
    """A manual's pages with a running foot set as cells ("Issued May 2024  Flood Manual  Page
    N"); on the last page a table of figures ends just over the foot."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number in range(1, 4):
        pdf.setFont("Times-Roman", 10)
        y = height - 90
        lines = BODY * 3 if number < 3 else BODY
        for sentence in lines:
            pdf.drawString(72, y, sentence)
            y -= 13
        foot = 110 if number == 3 else 60
        if number == 3:
            y = 210
            for label, first, second, _ in ROWS[:6]:
                pdf.drawString(72, y, " ".join(label))
                pdf.drawRightString(400, y, first)
                pdf.drawRightString(480, y, second)
                y -= 13
            foot = y - 2
        pdf.setFont("Times-Roman", 9)
        pdf.drawString(72, foot, "Issued May 2024")
        pdf.drawCentredString(width / 2, foot, "Flood Manual")
        pdf.drawRightString(width - 72, foot, f"Page 4-{number}")
        pdf.showPage()
    pdf.save()


def test_a_running_foot_read_into_a_tables_last_row_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "manual.pdf"
    _foot_under_a_table_pdf(path)
    article, _ = from_pdf(path.read_bytes())
    text = article.text
    assert "Issued May 2024" not in text
    assert "Page 4-" not in text
    assert "Drainage Boards" in text
