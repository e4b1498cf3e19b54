"""Shapes of layout met in real published PDFs (bench/real_pdfs.py, round 13), made here so the
tests prove the reading without the real files: running heads whose words change with the
section, a title broken at a hyphen, a caption over a ruled table, an amount over two lines of
a table's cell, and amounts in a table whose unit stands in its heading."""

from __future__ import annotations

from pathlib import Path

from papers import BODY
from pdfpages import (
    amounts_of,
    canvas_pages,
    draw_lines,
    draw_wrapped,
    end_with_body,
    pdf_amounts,
    read_pdf,
    wrap,
)

PARAGRAPHS = [
    "The fund pays councils a grant for each flood scheme they complete in the year.",
    "Each claim is checked against the scheme's audited return before it is paid.",
    "A council that overspends may ask for a second payment in the following year.",
    "Schemes that protect homes are paid before schemes that protect farmland.",
]

SECTIONS = [
    "ITEM 1A RISK FACTORS",
    "ITEM 2 PROPERTIES",
    "ITEM 3 LEGAL PROCEEDINGS",
    "ITEM 5 MARKET FOR THE FUND'S SHARES, RELATED HOLDER MATTERS AND PURCHASES OF ITS SHARES",
    "ITEM 7 MANAGEMENT'S DISCUSSION",
]


def _section_heads_pdf(path: Path) -> None:
    """Five pages of a report under heads naming the page's part and item, in small capitals at
    the top of the page on alternating sides: no two pages' heads read the same."""
    pdf, width, height = canvas_pages(path, "letter")
    for number, section in enumerate(SECTIONS):
        pdf.setFont("Helvetica", 8)
        part = "PART I" if number < 3 else "PART II"
        for at, text in enumerate((part, section)):
            y = height - 30 - 11 * at
            if number % 2:
                pdf.drawRightString(width - 50, y, text)
            else:
                pdf.drawString(50, y, text)
        y = height - 110
        pdf.setFont("Times-Roman", 10)
        y = draw_wrapped(pdf, y, PARAGRAPHS[number % 2 :] + BODY[: 2 + number % 3])
        pdf.setFont("Helvetica", 7)
        pdf.drawCentredString(width / 2, 30, f"FLOOD FUND ANNUAL REPORT {18 + number}")
        pdf.showPage()
    pdf.save()


def test_running_heads_that_change_by_section_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    _section_heads_pdf(path)
    article, _, text = read_pdf(path)
    for section in SECTIONS:
        assert section not in text
    assert "PART I" not in text
    assert "FLOOD FUND ANNUAL REPORT" not in text
    for sentence in PARAGRAPHS + BODY:
        assert sentence in text


def _hyphen_title_pdf(path: Path) -> None:
    """A booklet's cover: its title in large type over three lines, broken at a compound's own
    hyphen and at a word's syllable, then a page of text."""
    pdf, width, height = canvas_pages(path, "A4")
    pdf.setFont("Helvetica-Bold", 22)
    for at, line in enumerate(
        ("Guidelines to the Tables for Work-", "related Impairment and the", "Pension Assess-")
    ):
        pdf.drawString(72, height - 200 - 28 * at, line)
    pdf.drawString(72, height - 200 - 28 * 3, "ment Rules")
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, height - 360, "September 2017")
    pdf.showPage()
    y = height - 90
    pdf.setFont("Times-Roman", 10)
    y = draw_wrapped(pdf, y, BODY + PARAGRAPHS)
    pdf.showPage()
    pdf.save()


def test_a_title_broken_at_a_hyphen_is_joined_as_its_words(tmp_path: Path) -> None:
    path = tmp_path / "booklet.pdf"
    _hyphen_title_pdf(path)
    _, found, _ = read_pdf(path)
    assert found.title == (
        "Guidelines to the Tables for Work-related Impairment and the Pension Assessment Rules"
    )


def _captioned_table_pdf(path: Path) -> None:
    """A ruled money table with its caption set tight on the top rule (the caption's descenders
    cross it), a sentence before and after."""
    pdf, width, height = canvas_pages(path, "A4")
    pdf.setFont("Times-Roman", 10)
    y = height - 90
    y = draw_lines(pdf, y, BODY[:2], 18)
    top = y - 30
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(72, top + 1.5, "Table 3. Grants to councils by year, approved and paid")
    rows = [("Year", "Approved", "Paid"), ("2022-23", "£4,100,000", "£3,900,000")]
    rows += [("2023-24", "£4,650,000", "£4,200,000"), ("2024-25", "£5,250,000", "£5,000,000")]
    xs = [72, 200, 330, 460]
    pdf.setLineWidth(0.8)
    for at in range(len(rows) + 1):
        pdf.line(xs[0], top - 18 * at, xs[-1], top - 18 * at)
    for x in xs:
        pdf.line(x, top, x, top - 18 * len(rows))
    pdf.setFont("Helvetica", 9)
    for at, row in enumerate(rows):
        for x, cell in zip(xs, row):
            pdf.drawString(x + 4, top - 18 * at - 13, cell)
    y = top - 18 * len(rows) - 30
    end_with_body(pdf, y, 18)


def test_a_caption_set_tight_on_a_ruled_table_keeps_its_words(tmp_path: Path) -> None:
    path = tmp_path / "table.pdf"
    _captioned_table_pdf(path)
    article, _, text = read_pdf(path)
    assert "Table 3. Grants to councils by year, approved and paid" in text
    assert "£4,650,000" in text
    for sentence in BODY:
        assert sentence in text


WRAPPED = [
    ("Programme", "2023-24", "2024-25"),
    ("Flood defence grants", "£1.2", "£1.5"),
    ("", "million", "million"),
    ("Coastal path grants", "£800,000", "£950,000"),
    ("Roads maintenance fund", "£2.4", "£2.6"),
    ("", "million", "million"),
    ("Bus service support", "£640,000", "£700,000"),
]


def _wrapped_cells_pdf(path: Path) -> None:
    """A table without rules whose narrow money columns wrap "£1.2" / "million" over two lines
    of a cell, between paragraphs."""
    pdf, width, height = canvas_pages(path, "A4")
    pdf.setFont("Times-Roman", 10)
    y = height - 90
    y = draw_lines(pdf, y, BODY[:2], 16)
    y -= 14
    for row in WRAPPED:
        font = "Helvetica-Bold" if row[0] == "Programme" else "Helvetica"
        pdf.setFont(font, 9)
        pdf.drawString(72, y, row[0])
        for x, cell in zip((300, 400), row[1:]):
            pdf.drawRightString(x + 50, y, cell)
        y -= (
            11
            if not row[0]
            or WRAPPED.index(row) + 1 < len(WRAPPED)
            and not WRAPPED[WRAPPED.index(row) + 1][0]
            else 15
        )
    y -= 14
    end_with_body(pdf, y, 16)


def test_an_amount_wrapped_over_two_lines_of_a_cell_is_one_amount(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.pdf"
    _wrapped_cells_pdf(path)
    article, _, _ = read_pdf(path)
    values = amounts_of(article.text)
    assert {1_200_000, 1_500_000, 2_400_000, 2_600_000, 800_000, 640_000} <= values
    assert not values & {1, 2, 1.2, 1.5, 2.4, 2.6}
    text = " ".join(article.text.split())
    for sentence in BODY:
        assert sentence in text


UNIT_ROWS = [
    ("", "2023-24", "2024-25", "2025-26"),
    ("", "Actual", "Budget", "Estimate"),
    ("", "$m", "$m", "$m"),
    ("Grants to councils", "1 250", "1 310", "1 402"),
    ("Capital works in progress", "136", "218", "263"),
    ("Net interest cost", "- 31", "- 20", "- 8"),
]


def _unit_row_pdf(path: Path) -> None:
    """A budget paper's table without rules: years over "Actual" / "Budget" over a row of "$m",
    figures with their thousands spaced, a negative figure set "- 31"."""
    pdf, width, height = canvas_pages(path, "A4")
    pdf.setFont("Times-Roman", 10)
    y = height - 90
    y = draw_lines(pdf, y, BODY[:2], 16)
    y -= 14
    for row in UNIT_ROWS:
        pdf.setFont("Times-Roman", 9)
        pdf.drawString(72, y, row[0])
        for x, cell in zip((330, 410, 490), row[1:]):
            pdf.drawRightString(x, y, cell)
        y -= 13
    y -= 14
    end_with_body(pdf, y, 16)


def test_a_tables_unit_row_applies_to_its_figures(tmp_path: Path) -> None:
    path = tmp_path / "budget.pdf"
    _unit_row_pdf(path)
    values = pdf_amounts(path)
    assert {1_250_000_000, 1_310_000_000, 136_000_000, 263_000_000} <= values
    assert not values & {1, 250, 1250, 136}


RUN_IN = (
    "Support to Foreign Countries. Treasury Secretaries have also used the fund for short-term "
    "loans to countries facing economic crises, mostly in Latin America."
)
RUN_ON = (
    "Domestic Crises. Treasury Secretaries have turned to the fund to respond to fast-moving "
    "domestic crises twice: it was used to guarantee money market funds in 2008."
)


def _run_in_head_pdf(path: Path) -> None:
    """A brief's paragraphs opening with a run-in head in bold ("Support to Foreign Countries.")
    whose first line carries only one word of the text after it."""
    pdf, width, height = canvas_pages(path, "letter")
    y = height - 90
    pdf.setFont("Times-Roman", 10)
    y = draw_lines(pdf, y, BODY[:2], 13)
    y -= 8
    pdf.setFont("Times-Bold", 10)
    head = "Support to Foreign Countries."
    pdf.drawString(72, y, head)
    pdf.setFont("Times-Roman", 10)
    pdf.drawString(72 + pdf.stringWidth(head + " ", "Times-Bold", 10), y, "Treasury")
    rest = RUN_IN.split("Treasury ", 1)[1]
    for chunk in wrap(rest, 60):
        y -= 13
        pdf.drawString(72, y, chunk)
    # the next run-in paragraph follows at the line's step, no space between
    y -= 13
    second = "Domestic Crises."
    pdf.setFont("Times-Bold", 10)
    pdf.drawString(72, y, second)
    pdf.setFont("Times-Roman", 10)
    first, rest = RUN_ON[len(second) + 1 :].split(" used ", 1)
    pdf.drawString(72 + pdf.stringWidth(second + " ", "Times-Bold", 10), y, first + " used")
    for chunk in wrap(rest, 60):
        y -= 13
        pdf.drawString(72, y, chunk)
    y -= 21
    y = draw_lines(pdf, y, BODY[2:], 13)
    pdf.showPage()
    pdf.save()


def test_a_run_in_bold_head_stays_in_its_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    _run_in_head_pdf(path)
    article, _, _ = read_pdf(path)
    assert RUN_IN in " ".join(article.text.split())
    assert "### Support" not in article.markdown
    # each run-in head opens a paragraph of its own
    assert f"\n\n{RUN_ON}\n" in article.markdown


CITED = [
    ("The Emergency Economic Stabilization Act of 2008 (P.L. 110-", "343) directed the Secretary"),
    ("to reimburse the fund. Data cover the years 1978-", "2023 and were compiled by the"),
    ("Census Bureau. Figures for", "2019 are estimates."),
]


def _broken_figures_pdf(path: Path) -> None:
    """Lines that break after the hyphen of a law's number or a range of years."""
    pdf, width, height = canvas_pages(path, "letter")
    y = height - 90
    pdf.setFont("Times-Roman", 10)
    for first, second in CITED:
        for text in (first, second):
            pdf.drawString(72, y, text)
            y -= 13
    pdf.showPage()
    pdf.save()


def test_a_line_broken_after_a_figures_hyphen_joins_without_a_space(tmp_path: Path) -> None:
    path = tmp_path / "cited.pdf"
    _broken_figures_pdf(path)
    article, _, text = read_pdf(path)
    assert "(P.L. 110-343) directed" in text
    assert "the years 1978-2023 and" in text
    assert "Figures for 2019 are estimates." in text


def _two_line_heading_pdf(path: Path) -> None:
    """A bold heading wrapped over two lines in a narrow column, then its text."""
    pdf, width, height = canvas_pages(path, "letter")
    y = height - 90
    pdf.setFont("Times-Roman", 10)
    y = draw_lines(pdf, y, BODY[:2], 13)
    y -= 16
    pdf.setFont("Helvetica-Bold", 10)
    for text in ("Grants to Councils for Flood Defence", "Schemes, 2019-2025"):
        pdf.drawString(72, y, text)
        y -= 13
    y -= 4
    end_with_body(pdf, y, 13)


def test_a_heading_wrapped_over_two_lines_is_one_heading(tmp_path: Path) -> None:
    path = tmp_path / "heading.pdf"
    _two_line_heading_pdf(path)
    article, _, _ = read_pdf(path)
    assert "### Grants to Councils for Flood Defence Schemes, 2019-2025\n" in article.markdown


def _marked_cells_pdf(path: Path) -> None:
    """A ruled table of appropriations whose cells carry a raised note letter after the scale
    word ("$454 million" with a small "b"), and its notes under it."""
    pdf, width, height = canvas_pages(path, "letter")
    pdf.setFont("Times-Roman", 10)
    pdf.drawString(72, height - 90, BODY[0])
    rows = [
        ("Fiscal Year", "Appropriation", "b"),
        ("2023", "$305 million", ""),
        ("2024", "$454 million", "b"),
        ("2025", "$275 million", "a"),
    ]
    top = height - 120
    for at in range(len(rows) + 1):
        pdf.line(72, top - 18 * at, 330, top - 18 * at)
    for x in (72, 180, 330):
        pdf.line(x, top, x, top - 18 * len(rows))
    for at, (year, amount, mark) in enumerate(rows):
        y = top - 18 * at - 13
        pdf.setFont("Helvetica", 9)
        pdf.drawString(76, y, year)
        pdf.drawString(184, y, amount)
        if at and mark:
            pdf.setFont("Helvetica", 6)
            pdf.drawString(184 + pdf.stringWidth(amount, "Helvetica", 9), y + 4, mark)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(72, top - 18 * len(rows) - 14, "a. Includes a supplemental appropriation.")
    pdf.drawString(72, top - 18 * len(rows) - 26, "b. $210 million of this was provided later.")
    pdf.showPage()
    pdf.save()


def test_a_note_mark_after_a_scale_word_leaves_the_amount_whole(tmp_path: Path) -> None:
    from archive.corpus.amounts import extract_amounts

    path = tmp_path / "marked.pdf"
    _marked_cells_pdf(path)
    values = pdf_amounts(path)
    assert {305_000_000, 454_000_000, 275_000_000, 210_000_000} <= values
    assert not values & {454, 275}
    assert [a.text for a in extract_amounts("It received $3.5 million2 in 2019.")] == [
        "$3.5 million"
    ]


OPENING_HEADS = ["Eligibility", "Payments", "Appeals", "Reviews", "Records", "Contacts"]


def _pages_opening_with_headings_pdf(path: Path) -> None:
    """Six pages, every other one opening at the top of its text with a bold heading in the
    text's size over a gap: the place a running head would stand, but the text's own."""
    pdf, width, height = canvas_pages(path, "letter")
    for number, heading in enumerate(OPENING_HEADS):
        y = height - 60
        if number % 2 == 0:
            pdf.setFont("Times-Bold", 10)
            pdf.drawString(72, y, heading)
            y -= 24
        pdf.setFont("Times-Roman", 10)
        y = draw_wrapped(pdf, y, BODY + PARAGRAPHS[: 1 + number % 3])
        pdf.showPage()
    pdf.save()


def test_headings_opening_pages_at_a_heads_place_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "manual.pdf"
    _pages_opening_with_headings_pdf(path)
    article, _, _ = read_pdf(path)
    for heading in OPENING_HEADS[::2]:
        assert f"### {heading}\n" in article.markdown


def _letter_pdf(path: Path) -> None:
    """A letter under an office's letterhead in large capitals, dated, with a "RE:" line."""
    pdf, width, height = canvas_pages(path, "letter")
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(150, height - 60, "OFFICE OF THE TOWN ADMINISTRATOR")
    pdf.setFont("Helvetica", 9)
    pdf.drawString(150, height - 75, "Town Administrator")
    pdf.setFont("Helvetica", 10)
    y = height - 140
    for text in ("May 12, 2025", "", "Town of Example", "", "RE: FY26 Budget Revision #4", ""):
        pdf.drawString(72, y, text)
        y -= 14
    y = draw_lines(pdf, y, BODY, 20)
    pdf.showPage()
    pdf.save()


def test_a_letters_subject_line_wins_over_its_offices_letterhead(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    _letter_pdf(path)
    _, found, _ = read_pdf(path)
    assert found.title == "FY26 Budget Revision #4"


def _numbered_heading_pdf(path: Path, title: str | None) -> None:
    """A document opening with its numbered name in bold over two lines, a little larger than
    its text; `title` is the PDF's Title property (words run together, as some writers set it)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    if title:
        pdf.setTitle(title)
    width, height = A4
    y = height - 90
    pdf.setFont("Helvetica-Bold", 11)
    for text in ("23. CONVENTION ON THE RECOGNITION AND", "ENFORCEMENT OF GRANT DECISIONS"):
        pdf.drawCentredString(width / 2, y, text)
        y -= 14
    y -= 20
    pdf.setFont("Times-Roman", 10)
    y = draw_lines(pdf, y, BODY + PARAGRAPHS, 20)
    pdf.showPage()
    pdf.save()


def test_a_long_numbered_heading_opening_the_paper_is_its_title(tmp_path: Path) -> None:
    path = tmp_path / "convention.pdf"
    _numbered_heading_pdf(path, None)
    _, found, _ = read_pdf(path)
    assert found.title == "23. CONVENTION ON THE RECOGNITION AND ENFORCEMENT OF GRANT DECISIONS"


def test_a_title_property_run_together_is_read_as_the_page_prints_it(tmp_path: Path) -> None:
    path = tmp_path / "convention.pdf"
    _numbered_heading_pdf(
        path, "23.CONVENTION ON THE RECOGNITION AND ENFORCEMENT OF GRANT DECISIONS"
    )
    _, found, _ = read_pdf(path)
    assert found.title == "23. CONVENTION ON THE RECOGNITION AND ENFORCEMENT OF GRANT DECISIONS"


STACKED = [
    ("2022", "£1,447,094", "58%"),
    ("2023", "£1,626,868", "60%"),
    ("2024", "£1,829,509", "62%"),
]


def _stacked_cells_pdf(path: Path) -> None:
    """A table ruled only round its columns and under its heading: each column's figures stand
    one over another in a single drawn cell."""
    pdf, width, height = canvas_pages(path, "A4")
    pdf.setFont("Times-Roman", 10)
    pdf.drawString(72, height - 90, BODY[0])
    top, xs = height - 120, [72, 180, 300, 400]
    bottom = top - 20 - 14 * len(STACKED) - 6
    for y in (top, top - 20, bottom):
        pdf.line(xs[0], y, xs[-1], y)
    for x in xs:
        pdf.line(x, top, x, bottom)
    pdf.setFont("Helvetica-Bold", 9)
    for x, head in zip(xs, ("Year", "Grant paid", "Share")):
        pdf.drawString(x + 4, top - 14, head)
    pdf.setFont("Helvetica", 9)
    for at, row in enumerate(STACKED):
        for x, cell in zip(xs, row):
            pdf.drawString(x + 4, top - 34 - 14 * at, cell)
    pdf.setFont("Times-Roman", 10)
    pdf.drawString(72, bottom - 30, BODY[1])
    pdf.showPage()
    pdf.save()


def test_figures_stacked_in_one_drawn_cell_are_rows(tmp_path: Path) -> None:
    path = tmp_path / "stacked.pdf"
    _stacked_cells_pdf(path)
    article, _, text = read_pdf(path)
    for year, paid, share in STACKED:
        assert f"Year: {year}; Grant paid: {paid}; Share: {share}." in text
