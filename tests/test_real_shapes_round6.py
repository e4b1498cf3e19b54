"""Shapes met in real published PDFs (bench/real_pdfs.py, sixth round), made here so the tests
prove the reading without the real files."""

from __future__ import annotations

from pathlib import Path

from pdfpages import draw_body, pdf_stream, raw_pdf

from archive.ingest.papers import from_pdf, mend_months


def _ligature_pdf(path: Path, to_unicode: bool) -> None:
    """A page in Times whose encoding names ligature glyphs (code 30 "fi", 31 "T_h", 29 "f_f"),
    with a ToUnicode map giving each only its last letter, as a Garamond's in a CDC report does."""
    words = [  # \x1e is the fi glyph, \x1f T_h, \x1d ff
        b"\x1fe council will \x1enance the scheme for \x1eve years from April.",
        b"\x1fe grant is paid to e\x1dective schemes in three parts each year.",
        b"Councils may claim the grant for each approved flood scheme once a year.",
        b"\x1fe department pays each claim within six weeks of the audited return.",
    ]
    lines = []
    y = 720
    for _ in range(3):
        for text in words:
            escaped = text.replace(b"(", b"\\(").replace(b")", b"\\)")
            lines.append(b"BT /F1 11 Tf 72 %d Td (" % y + escaped + b") Tj ET")
            y -= 15
        y -= 10
    content = b"\n".join(lines)
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapType 2 def\n"
        b"/CMapName /Cut def 1 begincodespacerange <00> <ff> endcodespacerange\n"
        b"4 beginbfrange <1d> <1d> <0066> <1e> <1e> <0069> <1f> <1f> <0068> <20> <7e> <0020>\n"
        b"endbfrange endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    font = (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding"
        b" /BaseEncoding /WinAnsiEncoding /Differences [29 /f_f /fi /T_h] >>"
        + (b" /ToUnicode 6 0 R" if to_unicode else b"")
        + b" >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        pdf_stream(content),
        font,
        pdf_stream(cmap),
    ]
    path.write_bytes(raw_pdf(objects))


def test_ligatures_a_tounicode_map_cuts_to_one_letter_keep_all_their_letters(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ligatures.pdf"
    _ligature_pdf(path, to_unicode=True)
    article, _ = from_pdf(path.read_bytes())
    text = " ".join(article.text.split())
    assert "The council will finance the scheme for five years from April." in text
    assert "The grant is paid to effective schemes in three parts each year." in text
    assert "approved flood scheme once a year." in text
    assert "he council" not in text.replace("The council", "")


def test_ligature_glyphs_with_no_tounicode_map_are_given_as_letters(tmp_path: Path) -> None:
    # The glyph list gives "fi" as U+FB01: search must find "finance" all the same (this held
    # before this round too; kept as a guard for the mended map's other path).
    path = tmp_path / "ligatures.pdf"
    _ligature_pdf(path, to_unicode=False)
    article, _ = from_pdf(path.read_bytes())
    assert "finance the scheme for five years" in article.text
    assert "The council" in article.text
    assert "\ufb01" not in article.text and "\ufb00" not in article.text


def _pages(path: Path, feet: list[str], first: list[str] | None = None) -> None:
    """Pages of text, each with its foot at the bottom margin; the first page's lines first."""
    from reportlab.pdfgen import canvas as pdfcanvas

    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792), invariant=1)
    for n, foot in enumerate(feet):
        y = 720
        c.setFont("Times-Roman", 11)
        for line in first if first and n == 0 else []:
            c.drawString(72, y, line)
            y -= 14
        draw_body(c, y, times=4, gap=10, grant=n + 1)
        c.setFont("Helvetica", 8)
        c.drawRightString(540, 40, foot)
        c.showPage()
    c.save()


def test_feet_whose_words_change_by_part_are_running(tmp_path: Path) -> None:
    # Each part's name stands on a page or two only; the style (words, a dash, the page number,
    # roman in the front matter) is on every page.
    feet = [
        "Contents — i",
        "Contents — ii",
        "Abbreviations and acronyms — iii",
        "Definitions for these Guidelines — iv",
        "Introduction — 1",
        "Student eligibility — 2",
        "Student eligibility — 3",
        "Rates of allowance — 4",
    ]
    path = tmp_path / "guidelines.pdf"
    _pages(path, feet)
    article, _ = from_pdf(path.read_bytes())
    for foot in feet:
        assert foot.split(" — ")[0] not in article.text, foot
    assert "The department pays each claim within six weeks" in article.text


def test_feet_read_a_little_differently_on_each_page_are_running(tmp_path: Path) -> None:
    # OCR reads one address a little differently on each page.
    feet = [
        "HP Engineering, 400 2039 Roberison Road, Otiawa, Ontaria K2H 8R2 Office: 613-695-3737",
        "HP Engineering, 400. 2039 Robertson Road. Ottawa, Ontario K2H 8&R2 Office: 613-695-3737",
        "HP Engineering, 40}. 2039 Robertson Road, Ottawa, Ontario K2H 8R2 Office: 613-695-3737",
    ]
    path = tmp_path / "letter.pdf"
    _pages(path, feet)
    article, _ = from_pdf(path.read_bytes())
    assert "Ontari" not in article.text
    assert "Claims not made by the end of May" in article.text


def test_feet_alike_only_in_their_style_of_words_are_not_running(tmp_path: Path) -> None:
    # Closing lines that differ in their words are not made one by fuzzy matching.
    feet = [
        "Councils will be told of the outcome by letter in June",
        "Schemes that were refused may apply again next spring",
        "A list of approved schemes is published every autumn",
    ]
    path = tmp_path / "closing.pdf"
    _pages(path, feet)
    article, _ = from_pdf(path.read_bytes())
    for foot in feet:
        assert foot in article.text


def test_a_misspelt_month_in_a_running_foot_dates_the_paper(tmp_path: Path) -> None:
    path = tmp_path / "working-paper.pdf"
    _pages(path, ["ECB Working Paper Series No 1299 Febuary 2011"] * 3)
    _, found = from_pdf(path.read_bytes())
    assert found.date == "2011-02", (found.date, found.date_by)


def test_months_are_mended_only_one_letter_off_and_of_five_letters_or_more() -> None:
    assert mend_months("Febuary 2011") == "February 2011"
    assert mend_months("14 Setpember 2010") == "14 September 2010"
    assert mend_months("(Marsh 2014)") == "(Marsh 2014)"  # a name cited: a March it is not
    assert mend_months("Jnue 2011") == "Jnue 2011"  # June is too short to guess at
    assert mend_months("Febuary of the programme") == "Febuary of the programme"  # no year


def test_a_year_alone_under_a_figure_does_not_date_the_paper(tmp_path: Path) -> None:
    # A caption's last line ("2007") stands alone after the text has begun; the date is
    # the running foot's.
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "report.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792), invariant=1)
    for n in range(3):
        c.setFont("Times-Roman", 11)
        y = draw_body(c, 720, times=3, gap=10)
        if n == 0:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(72, y - 20, "FIGURE 3. Premature mortality rate and inequality in income")
            c.drawString(72, y - 31, "between states, United States, 1997-")
            c.drawString(72, y - 60, "2007")
            c.rect(72, y - 260, 300, 180)
        c.setFont("Helvetica", 8)
        c.drawRightString(540, 40, f"Weekly Report / March 3, 2011 / Vol. 60   {n + 4}")
        c.showPage()
    c.save()
    _, found = from_pdf(path.read_bytes())
    assert found.date == "2011-03-03", (found.date, found.date_by)


def test_a_covers_year_alone_still_dates_the_paper(tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas as pdfcanvas

    path = tmp_path / "cover.pdf"
    c = pdfcanvas.Canvas(str(path), pagesize=(612, 792), invariant=1)
    c.setFont("Helvetica-Bold", 24)
    c.drawString(72, 600, "Flood Grants Review")
    c.setFont("Helvetica", 14)
    c.drawString(72, 560, "2015")
    c.showPage()
    c.setFont("Times-Roman", 11)
    draw_body(c, 720, times=4)
    c.showPage()
    c.save()
    _, found = from_pdf(path.read_bytes())
    assert found.date == "2015", (found.date, found.date_by)
