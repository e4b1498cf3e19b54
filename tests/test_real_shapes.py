"""Shapes met in real published PDFs (bench/real_pdfs.py), made here with reportlab's canvas so the
tests prove the reading without the real files: side headings beside a manual's text, feet set
above the margin band on alternating sides, "Continued on next page", a cover of display type,
footnotes at the foot of one column, words set with narrow spaces, a compound broken at its own
hyphen, a paragraph running over a page break into a capital, raised ordinals, a typed rule under
a running head, a masthead over the columns parted by a drawn rule, and a sideways margin stamp."""

from __future__ import annotations

from pathlib import Path

from archive.ingest.papers import from_pdf

BODY = "Times-Roman"
BOLD = "Times-Bold"


def _words(canvas, x: float, y: float, text: str, size: float, space: float) -> None:
    """Set a line word by word with a chosen space, as TeX and design software place them."""
    for word in text.split():
        canvas.setFont(BODY, size)
        canvas.drawString(x, y, word)
        x += canvas.stringWidth(word, BODY, size) + space


def _manual(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdfcanvas

    c = pdfcanvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    c.setFont(BOLD, 60)
    c.drawCentredString(width / 2, height - 160, "GRANTS")
    c.setFont(BOLD, 28)
    c.drawCentredString(width / 2, height - 360, "2003")
    c.drawCentredString(width / 2, height - 420, "Policy Manual")
    c.showPage()
    entries = [
        (["4.1.1", "Housing"], "Housing grants are paid to councils each quarter in arrears."),
        (
            ["4.1.2", "Assistance for", "Isolated", "Children"],
            "Families far from a school may claim a boarding allowance for each child.",
        ),
        (
            ["4.1.3", "Reasonable", "time"],
            "A course must be finished within twice its normal length to keep the grant.",
        ),
    ]
    for page in range(1, 7):
        c.setFont(BOLD, 15)
        c.drawString(90, height - 100, f"4.{page} Grants to councils, continued")
        y = height - 160
        for n, (label, text) in enumerate(entries):
            c.setFont(BOLD, 10)
            for i, part in enumerate(label):
                c.drawString(90, y - 11 * i, part.replace("4.1", f"4.{page}"))
            c.setFont(BODY, 11)
            words = text.split()
            lines, line = [], ""
            for word in words:
                if len(line) + len(word) > 55:
                    lines.append(line)
                    line = ""
                line = f"{line} {word}".strip()
            lines.append(line)
            for i, part in enumerate(lines + [f"Entry {n + 1} of page {page} ends here."]):
                c.drawString(200, y - 13 * i, part)
            y -= 13 * max(len(label), len(lines) + 1) + 30
        c.setFont("Times-Italic", 8)
        c.drawRightString(520, y + 10, "Continued on next page")
        c.setFont(BODY, 11)
        foot = height * 0.115  # above the bottom tenth, as a real manual's foot was
        if page % 2:
            c.drawString(90, foot, f"Page 4-{page}")
            c.drawCentredString(width / 2, foot, "GRANTS 2003")
            c.drawRightString(520, foot, "Issued December 2002")
        else:
            c.drawString(90, foot, "Issued December 2002")
            c.drawCentredString(width / 2, foot, "GRANTS 2003")
            c.drawRightString(520, foot, f"Page 4-{page}")
        c.showPage()
    c.save()
    return path


def test_side_headings_are_read_before_their_text_and_manual_furniture_goes(
    tmp_path: Path,
) -> None:
    article, found = from_pdf(_manual(tmp_path / "manual.pdf").read_bytes())
    text = " ".join(article.text.split())
    assert found.title == "GRANTS 2003 Policy Manual"
    assert found.date == "2003"
    for page in range(1, 7):
        label = text.find(f"4.{page}.2")
        sentence = text.find("Families far from a school may claim a boarding allowance", label)
        assert 0 <= label < sentence < label + 120, text[label : label + 200]
        # The label's words stand before the text, not woven into it.
        assert "Isolated Children Families far" in text or "Children Families far" in text
    assert "Continued on next page" not in text
    assert "Issued December 2002" not in text
    assert "Page 4-" not in text


def _paper(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdfcanvas

    c = pdfcanvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    left, right = 60.0, 310.0
    # Page 1: a masthead over a drawn rule, two columns, notes at the foot of the left one only.
    c.setFont(BOLD, 20)
    c.drawString(left, height - 80, "Flood defence spending review")
    c.setFont(BODY, 9)
    c.drawRightString(width - 60, height - 52, "Committee Bulletin")
    c.drawRightString(width - 60, height - 84, "Vol. 12, No. 4")
    c.setLineWidth(0.8)
    c.line(left, height - 95, width - 60, height - 95)
    c.saveState()
    c.translate(30, 300)
    c.rotate(90)
    c.setFont(BODY, 14)
    c.drawString(0, 0, "stamp:2101.00042v1 [gov.LF] 12 Jan 2021")
    c.restoreState()
    column_one = [
        "The review found that spending on flood",
        "defences had risen by a third since 2015.",
        "Councils in the 3rd and 5th tiers of risk",
        "received the largest shares of the fund.",
        "The agency uses a simple dual-",
        "encoder model to rank the schemes.",
    ]
    y = height - 130
    for line in column_one:
        _words(c, left, y, line, 10, 2.2)  # narrow word spaces, as TeX sets a justified line
        y -= 13
    c.setFont(BODY, 10)
    notes = ["1 The figures are in cash terms and are not", "adjusted for inflation."]
    y = 150
    for line in notes:
        c.setFont(BODY, 8)
        c.drawString(left, y, line)
        y -= 10
    column_two = [
        "Most of the new money went to coastal",
        "towns, where the risk of flooding is",
        "highest. The committee asked whether the",
        "agency had weighed the cost of repairs",
        "against the cost of new defences, and",
        "whether the formula it uses rewards",
        "councils that already spend the most on",
        "their own flood schemes and leaves the",
        "smallest councils further behind than",
        "they were when the programme began in",
    ]
    y = height - 130
    fits = int((y - 100) / 13) + 1
    for line in [column_two[i % 8] for i in range(fits - 2)] + column_two[8:]:
        _words(c, right, y, line, 10, 2.2)
        y -= 13
    c.showPage()
    c.setFont(BODY, 9)
    c.drawString(left, height - 50, "Committee Bulletin")
    c.drawString(left, height - 60, "______________________________________")
    _words(c, left, height - 100, "England in the spring of 2015.", 10, 2.5)
    _words(c, left, height - 113, "The committee will report again next year.", 10, 2.5)
    c.showPage()
    c.save()
    return path


def test_a_two_column_paper_as_real_ones_are_set(tmp_path: Path) -> None:
    article, _ = from_pdf(_paper(tmp_path / "paper.pdf").read_bytes())
    text = " ".join(article.text.split())
    # Narrow spaces still part words; a compound broken at its hyphen keeps it.
    assert "The review found that spending on flood defences had risen by a third since 2015." in (
        text
    )
    assert "The agency uses a simple dual-encoder model to rank the schemes." in text
    # The left column's note stays out of the right column's running text, marked as a note.
    assert "Note 1: The figures are in cash terms and are not adjusted for inflation." in text
    # The masthead over the rule is read before the columns, not inside the third one.
    assert text.index("Vol. 12, No. 4") < text.index("The review found")
    # The sideways stamp is no part of the text.
    assert "stamp:" not in text and "gov.LF" not in text
    # The right column's last paragraph runs on to the next page, though it starts with a capital.
    assert "the programme began in England in the spring of 2015." in text
    assert "______" not in text


def test_a_date_beside_an_address_dates_the_agenda(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "agenda.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    c.setFont(BOLD, 16)
    c.drawCentredString(width / 2, height - 80, "Board of Education")
    c.drawCentredString(width / 2, height - 100, "Special Meeting Agenda")
    c.setFont(BODY, 11)
    for n, (left, right) in enumerate(
        [
            ("Union School District", "April 6, 2016"),
            ("1309 S. Mary Avenue", "7:30 a.m."),
            ("Sunnyvale, CA 94087", ""),
        ]
    ):
        c.drawString(70, height - 150 - 13 * n, left)
        c.drawRightString(width - 70, height - 150 - 13 * n, right)
    for n in range(6):
        c.drawString(
            70,
            height - 230 - 13 * n,
            f"Item {n + 1} will be discussed by the board in open session.",
        )
    c.showPage()
    c.save()
    _, found = from_pdf(path.read_bytes())
    assert found.date == "2016-04-06", found.date_by


def test_a_print_shops_slug_outside_the_crop_box_is_not_read(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "slug.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 1008))
    for page in range(1, 4):
        c.setCropBox((0, 0, 612, 792))
        c.setFont(BODY, 9)  # the slug, set above the printed page on every proof
        c.drawString(40, 900, f"Page {page} of 3 Userid: proofs MUST be removed before printing")
        if page == 1:
            c.setFont(BOLD, 22)
            c.drawString(60, 720, "Instructions for the grant form")
        c.setFont(BODY, 11)
        steps = [
            "Read the guidance",
            "Fill in part A",
            "Ask your council",
            "Attach the costs",
            "Sign the form",
            "Keep a copy",
            "Post it to us",
            "Wait for our letter",
        ]
        steps = steps[page:] + steps[:page]  # each page says something else
        for n, step in enumerate(steps):
            c.drawString(60, 650 - 14 * n, f"{step} before step {n + 2} of page {page}.")
        c.showPage()
    c.save()
    article, found = from_pdf(path.read_bytes())
    assert found.title == "Instructions for the grant form"
    assert "Userid" not in article.text and "MUST be removed" not in article.text
    assert "Read the guidance before step 7 of page 3." in article.text
