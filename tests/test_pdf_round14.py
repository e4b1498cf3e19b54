"""Shapes of layout met in real published PDFs (bench/real_pdfs.py, round 14), made here so the
tests prove the reading without the real files: a one-off imprint foot on a paper's last page,
a financial year printed only in the running foot, and a table's unit set in a heading cell that
spans the columns under it."""

from __future__ import annotations

from pathlib import Path

from papers import BODY
from pdfpages import canvas_pages, draw_lines, end_with_body, pdf_amounts, read_pdf

IMPRINT = "https://floodfund.example.gov | FF1201 · VERSION 2 · NEW"
NOTE = "1 The returns are published at https://floodfund.example.gov/returns each spring."


def _imprint_pdf(path: Path) -> None:
    """Three pages of a brief under a running head; page 2 closes with a footnote carrying a web
    address, and the last page alone with the product's imprint in small type at its foot."""
    pdf, width, height = canvas_pages(path, "letter")
    for number in range(3):
        pdf.setFont("Helvetica", 8)
        pdf.drawRightString(width - 72, height - 40, "Flood Fund Brief")
        y = height - 100
        pdf.setFont("Times-Roman", 10)
        y = draw_lines(pdf, y, BODY[number % 2 :] + BODY[:2], 13)
        if number == 1:
            pdf.setFont("Times-Roman", 8)
            pdf.drawString(72, 60, NOTE)
        if number == 2:
            pdf.setFont("Helvetica", 7)
            pdf.drawCentredString(width / 2, 30, IMPRINT)
        pdf.showPage()
    pdf.save()


def test_a_one_off_imprint_foot_is_left_out_and_a_footnote_kept(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    _imprint_pdf(path)
    article, _, text = read_pdf(path)
    assert "VERSION 2" not in text
    assert "FF1201" not in text
    # a footnote at a page's foot carrying a web address is the paper's, not furniture
    assert NOTE[2:] in text
    for sentence in BODY:
        assert sentence in text


def _financial_year_foot_pdf(path: Path) -> None:
    """A budget paper whose pages print no date, only its financial year in the running foot."""
    pdf, width, height = canvas_pages(path, "A4")
    for number in range(4):
        pdf.setFont("Helvetica-Bold", 14 if number == 0 else 10)
        pdf.drawString(72, height - 90, "Financial Policy Objectives and Strategies")
        y = height - 130
        pdf.setFont("Times-Roman", 10)
        y = draw_lines(pdf, y, BODY, 13)
        pdf.setFont("Helvetica", 8)
        pdf.drawString(72, 30, "2005-06 Budget Paper No. 3")
        pdf.drawRightString(width - 72, 30, str(number + 1))
        pdf.showPage()
    pdf.save()


def test_a_financial_year_in_the_running_foot_dates_the_paper(tmp_path: Path) -> None:
    path = tmp_path / "budget-paper.pdf"
    _financial_year_foot_pdf(path)
    article, found, _ = read_pdf(path)
    # the file was made today: the financial year the foot prints dates the paper instead
    assert found.date == "2005"
    assert "2005-06 Budget Paper" in found.date_by
    assert "Budget Paper No. 3" not in " ".join(article.text.split())


def test_two_financial_years_in_the_heads_date_nothing(tmp_path: Path) -> None:
    from archive.ingest.papers import _running_financial_year

    assert _running_financial_year(["2005-06 Budget Paper", "2005-06 Budget Paper"]) == (
        "2005",
        "2005-06 Budget Paper",
    )
    # two years side by side in every foot (a comparison's heads) name no one year
    heads = ["2019/20 and 2020/21 estimates"] * 3
    assert _running_financial_year(heads) is None
    # a year printed once is no running foot's
    assert _running_financial_year(["2019/20 estimates"]) is None


SPANNED = [("2022", "1,447,094", "2,486,123"), ("2023", "1,512,330", "2,590,417")]


def _spanned_unit_pdf(path: Path) -> None:
    """A ruled table whose heading cell "$'000" is drawn over its two columns of figures."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    rows = [
        ["30 June", "Assets and liabilities", ""],
        ["", "$'000", ""],
        *[list(row) for row in SPANNED],
    ]
    table = Table(rows, colWidths=[90, 110, 110])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("SPAN", (1, 0), (2, 0)),
                ("SPAN", (1, 1), (2, 1)),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ]
        )
    )
    story = [Paragraph(sentence, styles["BodyText"]) for sentence in BODY[:2]]
    story += [table, *[Paragraph(sentence, styles["BodyText"]) for sentence in BODY[2:]]]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_a_unit_in_a_heading_cell_over_two_columns_applies_to_both(tmp_path: Path) -> None:
    path = tmp_path / "funding.pdf"
    _spanned_unit_pdf(path)
    values = pdf_amounts(path)
    assert {1_447_094_000, 2_486_123_000, 1_512_330_000, 2_590_417_000} <= values
    assert not values & {2_486_123, 2_590_417}


ACCOUNTS = [("Supreme Court", "174.5", "225.1"), ("Court of International Trade", "22.4", "22.9")]


def _unit_over_heads_pdf(path: Path, heads: bool = True) -> None:
    """A brief's table without rules: its caption, the unit on a line of its own under it ("(in
    millions of dollars)"), the columns' heads in bold over two lines, then rows of figures."""
    pdf, width, height = canvas_pages(path, "letter")
    y = height - 90
    pdf.setFont("Times-Roman", 10)
    y = draw_lines(pdf, y, BODY[:2], 13)
    y -= 14
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawCentredString(width / 2, y, "Table 1. Discretionary Appropriations by Account")
    y -= 13
    pdf.setFont("Helvetica", 9)
    pdf.drawCentredString(width / 2, y, "(in millions of dollars)")
    y -= 18
    pdf.setFont("Helvetica-Bold", 9)
    for first, second in (("FY2026", "FY2027"), ("Enacted", "Request")) if heads else ():
        pdf.drawRightString(400, y, first)
        pdf.drawRightString(480, y, second)
        y -= 11
    if heads:
        pdf.drawString(150, y + 5, "Account")
        y -= 8
    pdf.setFont("Helvetica", 9)
    for account, enacted, request in ACCOUNTS:
        pdf.drawString(150, y, account)
        pdf.drawRightString(400, y, enacted)
        pdf.drawRightString(480, y, request)
        y -= 16
    y -= 14
    end_with_body(pdf, y, 13)


def test_a_unit_on_its_own_line_over_the_columns_heads_applies(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    _unit_over_heads_pdf(path)
    values = pdf_amounts(path)
    assert {174_500_000, 225_100_000, 22_400_000, 22_900_000} <= values


OPENING = [
    "he fund pays councils a grant for each flood scheme they",
    "complete in the year, and each claim is checked against",
    "the scheme's audited return before any of it is paid out.",
]


def _drop_cap_pdf(path: Path) -> None:
    """A report's text opening with a drop capital: "T" in large type beside its first three
    lines, which are set in from the column's edge by the letter's width."""
    pdf, width, height = canvas_pages(path, "letter")
    y = height - 100
    pdf.setFont("Times-Roman", 44)
    pdf.drawString(72, y - 24, "T")
    indent = 72 + pdf.stringWidth("T", "Times-Roman", 44) + 1
    pdf.setFont("Times-Roman", 11)
    for line in OPENING:
        pdf.drawString(indent, y, line)
        y -= 13
    y = draw_lines(pdf, y, BODY, 13)
    pdf.showPage()
    pdf.save()


def test_a_drop_capital_opens_its_first_word(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    _drop_cap_pdf(path)
    article, _, text = read_pdf(path)
    assert "The fund pays councils a grant for each flood scheme they complete in the year" in text
    assert "before any of it is paid out." in text
    for sentence in BODY:
        assert sentence in text


def test_a_units_first_row_of_figures_takes_the_unit_too(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    _unit_over_heads_pdf(path, heads=False)
    values = pdf_amounts(path)
    # no heads over the figures: the first row is figures, not the table's header
    assert {174_500_000, 225_100_000, 22_400_000, 22_900_000} <= values
