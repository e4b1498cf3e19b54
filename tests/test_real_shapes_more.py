"""More shapes met in real published PDFs (bench/real_pdfs.py), made here so the tests prove the
reading without the real files: a font whose ToUnicode map gives its capitals in lower case."""

from __future__ import annotations

from pdfpages import pdf_stream, raw_pdf

from archive.ingest.papers import from_pdf


def test_capitals_a_tounicode_map_gives_in_lower_case_are_read_as_printed() -> None:
    # The map sends the codes of I, M and N to i, m and n, as an EFSA journal's font does; the
    # font's own encoding (WinAnsi) names the glyphs I, M and N, which is what is printed.
    cmap = b"\n".join(
        [
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            b"1 begincodespacerange <00> <FF> endcodespacerange",
            b"1 beginbfrange <20> <7E> <0020> endbfrange",
            b"3 beginbfchar <49> <0069> <4D> <006D> <4E> <006E> endbfchar",
            b"endcmap CMapName currentdict /CMap defineresource pop end end",
        ]
    )
    lines = [
        "In 2007, Norway and Iceland reported the highest rates of imported cases.",
        "Most Member States reported fewer cases In the summer months than before.",
        "No cases were reported by Malta, which reported None in 2006 either.",
    ]
    text = b"BT /F1 11 Tf 72 720 Td 14 TL " + b" ".join(
        b"(" + line.encode() + b") Tj T*" for line in lines
    )
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            pdf_stream(text + b" ET"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
            b" /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>",
            pdf_stream(cmap),
        ]
    )
    article, _ = from_pdf(data)
    body = " ".join(article.text.split())
    for line in lines:
        assert line in body, body


def test_a_caution_sign_set_round_the_text_stays_out_of_its_lines(tmp_path) -> None:
    # A warning sign (a large "!" over a tiny "CAUTION") with the note's first three lines set
    # beside it and the rest under it at the column's edge, in a column of ordinary text.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "caution.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792))
    lines = [
        (42, "Grants for flood defences are paid to councils once a year in arrears."),
        (42, "Each council must send its claim to the department by the end of May."),
        (73, "At the time this guide went"),
        (73, "to print, Parliament was"),
        (73, "considering a bill that would"),
        (42, "raise the grants above. See the department's website for news."),
        (42, "A council that misses the date may claim in the following year instead."),
    ]
    y = 700.0
    for x, text in lines:
        c.setFont("Helvetica", 9.5)
        c.drawString(x, y, text)
        y -= 10
    c.setFont("Helvetica-Bold", 16.9)
    c.drawString(53, 700 - 20 - 4, "!")
    c.setFont("Helvetica", 4.8)
    c.drawString(44, 700 - 40 + 1, "CAUTION")
    c.showPage()
    c.save()
    article, _ = from_pdf(path.read_bytes())
    body = " ".join(article.text.split())
    assert (
        "At the time this guide went to print, Parliament was considering a bill that would "
        "raise the grants above." in body
    ), body


def test_a_caption_at_the_head_of_a_column_does_not_part_a_broken_word(tmp_path) -> None:
    # Two columns of a paper: the left one ends on "arti-", the right one opens with a figure and
    # its caption (two lines), then "cles ..." goes on; a sentence naming a figure stays put.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "paper.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792))
    left = [
        "Most research on extraction asks a user to say",
        "in advance what kind of event is wanted and then",
        "to collect articles that report such events. We",
        "take another way and collect every article first.",
        "The articles come from the web sites of several",
        "newspapers, which publish their stories each day.",
        "We ran the crawler on several news sites every",
        "day for a year. Figure 3 shows how many pages",
        "it read from each site in that time. Then we",
        "applied a simple clustering algorithm to the",
        "articles to find a set of articles that are about the",
        "same news. Each cluster was read by two people",
        "who marked the ones about the same event. The",
        "clusters were then merged into larger sets of arti-",
    ]
    right = [
        "cles that talk about exactly the same news and form",
        "a basic cluster. We eliminate stop words and stem",
        "all the other words in each of the articles we kept.",
        "The similarity of two articles is then computed by",
        "a bag-of-words approach over the words left.",
    ]
    c.setFont("Times-Roman", 10)
    for n, line in enumerate(left):
        c.drawString(72, 700 - 12 * n, line)
    c.rect(320, 600, 220, 100)
    c.drawString(320, 585, "Figure 4: System overview of the crawler and the")
    c.drawString(320, 573, "clustering of its articles.")
    for n, line in enumerate(right):
        c.drawString(320, 548 - 12 * n, line)
    c.showPage()
    c.save()
    article, _ = from_pdf(path.read_bytes())
    body = " ".join(article.text.split())
    assert (
        "The clusters were then merged into larger sets of articles that talk about exactly the "
        "same news and form a basic cluster." in body
    ), body
    assert "Figure 3 shows how many pages it read from each site in that time." in body
    assert "Figure 4: System overview of the crawler and the clustering of its articles." in body


def test_a_word_broken_at_a_columns_foot_runs_on_below_a_figure(tmp_path) -> None:
    # The left column ends on "arti-"; the right column's text starts only under a figure that
    # stands beside the left column, so there is no gutter and a wide space before "cles".
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "paper.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792))
    c.setFont("Times-Roman", 10)
    left = [
        "Each cluster was read by two people who marked",
        "the ones about the same event, and those the two",
        "agreed on were kept. The clusters were then",
        "merged into larger sets of arti-",
    ]
    for n, line in enumerate(left):
        c.drawString(72, 700 - 12 * n, line)
    c.rect(320, 610, 220, 90)
    for n, line in enumerate(["cles that talk about the same news.", "We then stem the words."]):
        c.drawString(320, 560 - 12 * n, line)
    c.showPage()
    c.save()
    article, _ = from_pdf(path.read_bytes())
    body = " ".join(article.text.split())
    assert "The clusters were then merged into larger sets of articles that talk" in body, body


def test_a_foot_with_a_page_of_pages_and_the_number_on_alternating_sides_goes(tmp_path) -> None:
    # "114 The Flood Journal 2009 – 223 114/312" on even pages, "The Flood Journal 2009 – 223
    # 115/312 115" on odd ones: one foot, whichever side its number stands.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "journal.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(595, 842))
    for page in (114, 115, 116):
        c.setFont("Helvetica", 10)
        for n in range(20):
            c.drawString(
                85, 760 - 13 * n, f"Line {n + 1} of page {page} says that councils spent more."
            )
        c.setFont("Helvetica", 7.5)
        foot = f"The Flood Journal 2009 – 223 {page}/312"
        if page % 2:
            c.drawRightString(527, 30, f"{foot}  {page}")
        else:
            c.drawString(68, 30, f"{page}  {foot}")
        c.showPage()
    c.save()
    article, _ = from_pdf(path.read_bytes())
    assert "Flood Journal" not in article.text, article.text
    assert "Line 20 of page 116 says that councils spent more." in article.text


def test_a_date_in_a_stamp_set_sideways_in_the_margin_dates_the_paper(tmp_path) -> None:
    # A preprint's only date is its archive's stamp, set upwards in the left margin; the file's
    # own CreationDate (reportlab's invariant 2000) is not the paper's.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "preprint.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792), invariant=1)
    c.setFont("Times-Bold", 16)
    c.drawCentredString(306, 720, "Dense Retrieval of Spending Reviews")
    c.setFont("Times-Roman", 10)
    for n in range(20):
        c.drawString(90, 680 - 12 * n, f"Sentence {n + 1} of the paper says how reviews are found.")
    c.saveState()
    c.translate(30, 300)
    c.rotate(90)
    c.setFont("Times-Roman", 20)
    c.drawString(0, 0, "arXiv:2004.04906v3 [cs.CL] 30 Sep 2020")
    c.restoreState()
    c.showPage()
    c.save()
    article, found = from_pdf(path.read_bytes())
    assert found.date == "2020-09-30", found.date_by
    assert "arXiv" not in article.text


def test_a_title_naming_a_span_of_years_does_not_date_the_paper(tmp_path) -> None:
    # "Budget 2016 to 2017" on a title's first line is a span, not a year standing alone on the
    # cover; "published Autumn 2016" under it is the paper's date.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "budget.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    c.setFont("Helvetica-Bold", 30)
    c.drawString(60, 760, "Budget 2016 to 2017")
    c.drawString(60, 726, "and council tax setting")
    c.setFont("Times-Roman", 11)
    c.drawString(60, 690, "Report to full council, published Autumn 2016")
    for n in range(20):
        c.drawString(60, 650 - 14 * n, f"Paragraph {n + 1} explains a part of the budget.")
    c.showPage()
    c.save()
    _, found = from_pdf(path.read_bytes())
    assert found.date == "2016", found.date_by


def test_text_set_off_the_page_is_not_read(tmp_path) -> None:
    # A design file leaves a column of text outside the page, at negative x: never printed.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "offpage.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 10)
    for n in range(20):
        c.drawString(
            -400, 760 - 15 * n, f"Draft line {n + 1} left outside the page by the designer."
        )
        c.drawString(72, 760 - 15 * n, f"Printed line {n + 1} says the council spent more.")
    c.showPage()
    c.save()
    article, _ = from_pdf(path.read_bytes())
    assert "Printed line 20 says the council spent more." in article.text
    assert "Draft line" not in article.text


def test_columns_at_negative_places_are_cut_without_end() -> None:
    # Positions left of the page's origin (OCR of a shifted scan, a design file) are still cut into
    # columns once: a gutter at a negative place is not taken for side headings and cut again.
    from archive.ingest.frags import Word
    from archive.ingest.layout import lay_out

    names = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima".split()
    words = []
    for n, name in enumerate(names):
        for side, x in (("left", -400.0), ("right", -180.0)):
            for k, text in enumerate(f"The {side} column {name} says".split()):
                words.append(
                    Word(text, x + 30 * k, x + 30 * k + 25, 100 + 14 * n, 110 + 14 * n, 10)
                )
    laid = lay_out(words, 842, 10)
    text = [" ".join(f.text for f in row) for row in laid.lines]
    assert text.index("The left column lima says") < text.index("The right column alpha says")


def test_continued_on_next_page_over_a_foot_above_the_margin_band_goes(tmp_path) -> None:
    # "Continued on next page" at the text's size closes each page's text, with the foot (set
    # above the bottom tenth, as a real manual's was) still under it.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "manual.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(595, 842))
    for page in range(1, 7):
        c.setFont("Times-Roman", 12)
        for n in range(18):
            c.drawString(90, 760 - 15 * n, f"Rule {n + 1} of section {page} says who may claim.")
        c.drawRightString(505, 470, "Continued on next page")
        c.drawString(90, 842 * 0.115, f"Issued January 2003 GRANTS 2003 Page 7-{page}")
        c.showPage()
    c.save()
    article, _ = from_pdf(path.read_bytes())
    assert "Rule 18 of section 6 says who may claim." in article.text
    assert "Continued on next page" not in article.text, article.text
