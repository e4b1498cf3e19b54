"""Shapes met in real published PDFs (bench/real_pdfs.py, second round), made here so the tests
prove the reading without the real files."""

from __future__ import annotations

from pathlib import Path

from papers import BODY
from pdfpages import draw_body, pdf_stream, raw_pdf

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


def _chapter_pages(path: Path, heads: bool) -> None:
    from reportlab.pdfgen import canvas as pdfcanvas

    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792))
    for n, page in enumerate((45, 46, 47)):
        number = f"7-{page}" if n != 2 else "A-3"
        if heads:
            # The chapter's page at the outer edge: left on even pages, right on odd ones.
            c.setFont("Helvetica", 8)
            head = "Grants to councils"
            c.drawString(72, 750, f"{number}  {head}" if page % 2 == 0 else head)
            if page % 2:
                c.drawRightString(540, 750, number)
        else:
            c.setFont("Helvetica", 9)
            c.drawCentredString(306, 40, number)
        c.setFont("Helvetica", 11)
        draw_body(c, 700, step=15, grant=n + 1)
        c.showPage()
    c.save()


def test_a_chapter_page_number_in_the_foot_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "feet.pdf"
    _chapter_pages(path, heads=False)
    article, _ = from_pdf(path.read_bytes())
    body = " ".join(article.text.split())
    assert "Councils may claim the grant 3 for each" in body, body
    for number in ("7-45", "7-46", "A-3"):
        assert number not in body, body


def test_a_running_head_with_chapter_pages_on_alternating_sides_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "heads.pdf"
    _chapter_pages(path, heads=True)
    article, _ = from_pdf(path.read_bytes())
    body = " ".join(article.text.split())
    assert "Councils may claim the grant 2 for each" in body, body
    assert "Grants to councils" not in body, body
    assert "7-4" not in body, body


def _plain_cover(path: Path, cover: list[tuple[float, str]]) -> None:
    from reportlab.pdfgen import canvas as pdfcanvas

    c = pdfcanvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Times-Roman", 11)
    for top, line in cover:
        c.drawCentredString(297, 842 - top, line)
    c.showPage()
    c.setFont("Times-Roman", 11)
    draw_body(c, 760, times=6, gap=10)
    c.showPage()
    c.save()


def test_a_cover_set_in_the_texts_own_type_gives_its_lines_as_the_title(tmp_path: Path) -> None:
    # A parliamentary paper's cover: every line in the body's type, spread down the page, the
    # sittings' years above and a note of who circulated it below.
    path = tmp_path / "cover.pdf"
    _plain_cover(
        path,
        [
            (131, "2013-2014-2015"),
            (180, "THE PARLIAMENT OF THE COMMONWEALTH"),
            (279, "HOUSE OF REPRESENTATIVES"),
            (390, "FLOOD DEFENCE GRANTS AMENDMENT BILL 2015"),
            (526, "EXPLANATORY MEMORANDUM"),
            (649, "(Circulated by the authority of the"),
            (662, "Minister for the Environment)"),
        ],
    )
    article, found = from_pdf(path.read_bytes())
    assert found.title == (
        "THE PARLIAMENT OF THE COMMONWEALTH HOUSE OF REPRESENTATIVES "
        "FLOOD DEFENCE GRANTS AMENDMENT BILL 2015 EXPLANATORY MEMORANDUM"
    ), found.title
    assert "Councils may claim the grant" in article.text


def test_a_first_page_of_text_in_one_type_gives_no_cover_title(tmp_path: Path) -> None:
    # Lines set close are a page of text, not a cover: no title is made of them.
    path = tmp_path / "text.pdf"
    _plain_cover(path, [(100 + 14 * i, line) for i, line in enumerate(BODY)])
    _, found = from_pdf(path.read_bytes())
    assert not found.title or "Councils may claim" not in found.title, found.title


def test_a_symbol_font_bullet_set_below_its_line_stays_before_that_line() -> None:
    # A word processor's bullet: a Symbol glyph mapped to U+F0B7 (private use), its box a few
    # points lower than its item's first line, the item's text indented past it.
    items = [
        ("The first programme gives councils a grant for each flood scheme they build,", "paid"),
        ("The second programme pays for the upkeep of defences built before 2010,", "on a"),
        ("The third programme helps households protect their homes from flooding,", "with"),
        ("The fourth programme pays for sandbags and pumps kept by each council,", "for"),
        ("The fifth programme pays for warnings sent to homes at risk of flooding,", "by"),
    ]
    rest = "a claim made once a year by the council to the department."
    cmap = b"\n".join(
        [
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            b"1 begincodespacerange <00> <FF> endcodespacerange",
            b"1 beginbfchar <B7> <F0B7> endbfchar",
            b"endcmap CMapName currentdict /CMap defineresource pop end end",
        ]
    )
    ops = [b"BT /F1 12 Tf 72 732 Td (Our programmes in the year were these five.) Tj ET"]
    y = 700.0
    for first, then in items:
        ops.append(b"BT /F2 12 Tf 90 %.1f Td <B7> Tj ET" % (y - 5.4))
        for line in (first, f"{then} {rest}"):
            ops.append(b"BT /F1 12 Tf 108 %.1f Td (%s) Tj ET" % (y, line.encode()))
            y -= 15.9
        y -= 16
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
            pdf_stream(b"\n".join(ops)),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Symbol /FirstChar 183 /LastChar 183"
            b" /Widths [460] /ToUnicode 7 0 R >>",
            pdf_stream(cmap),
        ]
    )
    article, _ = from_pdf(data)
    body = " ".join(article.text.split())
    for first, then in items:
        assert f"{first} {then} {rest}" in body, body
