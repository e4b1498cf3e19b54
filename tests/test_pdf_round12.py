"""Shapes of layout met in real published PDFs (bench/real_pdfs.py, round 12), made here so the
tests prove the reading without the real files: a title under an issuer's name in larger type,
side notes beside a scanned page's text, an ordinal date ("23rd of July, 2025"), ligature glyphs
a font's map gives as one letter or none, and amounts in rupees."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from papers import BODY
from pdfpages import canvas_pages, draw_wrapped, read_pdf, wrap

from archive.corpus.amounts import extract_amounts
from archive.ingest.covers import issuer
from archive.ingest.papers import from_pdf, printed_date

SECTION = [
    "This Act may be cited as the Flood Grants (Amendment) Act, No. 4 of 2024.",
    "The duration of validity of a flood grant shall be a period not exceeding five years.",
    "The competent authority may from time to time renew the validity of such grant for a "
    "further period not exceeding five years.",
    "The fee for the issue of a claim form shall be the sum fixed by the Minister by order.",
]


def _act_cover(path: Path, issuer_lines: list[str], title_lines: list[str], certified: str) -> None:
    """An Act's cover as a parliament prints it: its name in bold capitals over its lines, the
    document's own name under it in smaller bold type, the date certified, then a page of text."""
    pdf, width, height = canvas_pages(path, "A4")
    y = height - 200
    for line in issuer_lines:
        pdf.setFont("Times-Bold", 14)
        pdf.drawCentredString(width / 2, y, line)
        y -= 17
    y -= 26
    for line in title_lines:
        pdf.setFont("Times-Bold", 12)
        pdf.drawCentredString(width / 2, y, line)
        y -= 15
    pdf.setFont("Times-Bold", 10)
    pdf.drawCentredString(width / 2, y - 36, certified)
    pdf.setFont("Times-Italic", 10)
    pdf.drawCentredString(width / 2, y - 84, "Printed on the Order of Government")
    pdf.showPage()
    for text in (SECTION + BODY, BODY + SECTION[1:]):
        y = height - 90
        pdf.setFont("Times-Roman", 10)
        y = draw_wrapped(pdf, y, text, 80, 90)
        pdf.showPage()
    pdf.save()


def test_a_title_under_an_issuers_name_in_larger_type_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "act.pdf"
    _act_cover(
        path,
        ["PARLIAMENT OF THE DEMOCRATIC", "REPUBLIC OF EXAMPLE"],
        ["FLOOD GRANTS (AMENDMENT)", "ACT, No. 4 OF 2024"],
        "[Certified on 23rd of July, 2024]",
    )
    article, found, _ = read_pdf(path)
    assert found.title == "FLOOD GRANTS (AMENDMENT) ACT, No. 4 OF 2024"
    assert found.date == "2024-07-23"
    assert "first pages" in found.date_by
    assert " ".join(SECTION) in " ".join(article.text.split())


def test_a_document_named_in_the_largest_type_stays_the_title(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    _act_cover(
        path,
        ["DEPARTMENT FOR EDUCATION", "ANNUAL REPORT AND ACCOUNTS"],
        ["FOR THE YEAR ENDED", "31 MARCH 2024"],
        "[Laid before Parliament on 9th of July, 2024]",
    )
    _, found, _ = read_pdf(path)
    assert found.title == "DEPARTMENT FOR EDUCATION ANNUAL REPORT AND ACCOUNTS"


def test_an_issuer_is_told_from_a_documents_own_name() -> None:
    assert issuer("PARLIAMENT OF THE DEMOCRATIC SOCIALIST REPUBLIC OF SRI LANKA")
    assert issuer("Department for Education")
    assert issuer("The Government of the Commonwealth of Australia")
    assert not issuer("Department for Education Annual Report 2024")
    assert not issuer("Ministry of Finance Budget Statement")
    assert not issuer("Flood Grants (Amendment) Act, No. 4 of 2024")
    assert not issuer("Agreement between the Government of Australia and the United States")


@pytest.mark.parametrize(
    "line,iso",
    [
        ("[Certified on 23rd of July, 2025]", "2025-07-23"),
        ("Passed on the 1st of March 2019", "2019-03-01"),
        ("Certified on 10th January, 1980", "1980-01-10"),
        ("2nd of Febuary 2011", "2011-02-02"),
    ],
)
def test_an_ordinal_date_with_of_dates_the_paper(line: str, iso: str) -> None:
    found = printed_date([line])
    assert found is not None and found[0] == iso


def test_an_ordinal_day_in_a_sentence_of_text_does_not_date_the_paper() -> None:
    sentence = (
        "The scheme closed to new claims on the 3rd of May 2019, and the council paid the last "
        "of them in the autumn."
    )
    assert printed_date([sentence]) is None


def test_amounts_in_rupees_are_read_with_their_currency() -> None:
    found = extract_amounts("Price : Rs. 20.00 Postage : Rs. 150.00 and a grant of Rs 2 million.")
    assert [(a.value, a.currency, a.text) for a in found] == [
        (20, "INR", "Rs. 20.00"),
        (150, "INR", "Rs. 150.00"),
        (2_000_000, "INR", "Rs 2 million"),
    ]
    # where the paper's home currency is a rupee, "Rs." is that rupee
    assert [a.currency for a in extract_amounts("Price: Rs. 20.00", dollar="LKR")] == ["LKR"]
    # "Mrs. 5", "Figs. 3" and a sentence's full stop before a number are no rupees
    assert extract_amounts("Mrs. 5 came; see Figs. 3 and 4. 20 people came.") == []


def _ligature_width_pdf(path: Path, mapped: bool) -> None:
    """A page in a serif face (Times's widths) whose code 29 draws an "ff" ligature (its width is
    the ligature's) that the encoding does not name and the ToUnicode map gives as "f" (mapped)
    or not at all."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines = [
        b"The council pays the di\x1derence between the two bids each year.",
        b"The grant is paid to e\x1dective schemes in three parts each year.",
        b"Councils may claim the grant for each flood scheme once a year, for five years.",
        b"The fund is fixed for the first five years of the scheme in full.",
    ]
    content = b"\n".join(
        b"BT /F1 11 Tf 72 %d Td (%s) Tj ET" % (720 - 16 * n, line)
        for n, line in enumerate(lines * 3)
    )
    widths = [round(stringWidth("ff", "Times-Roman", 1000))] + [
        round(stringWidth(chr(code), "Times-Roman", 1000)) for code in range(30, 127)
    ]
    ranges = b"<1d> <1d> <0066> " if mapped else b""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapType 2 def\n"
        b"/CMapName /Cut def 1 begincodespacerange <00> <ff> endcodespacerange\n"
        + (b"2" if mapped else b"1")
        + b" beginbfrange "
        + ranges
        + b"<20> <7e> <0020>\nendbfrange endcmap CMapName currentdict /CMap defineresource pop"
        b" end end"
    )
    font = (
        b"<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Book-Serif"
        b" /FirstChar 29 /LastChar 126"
        b" /Widths [" + b" ".join(b"%d" % w for w in widths) + b"]"
        b" /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        font,
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))


@pytest.mark.parametrize("mapped", [True, False])
def test_a_ligature_read_short_by_the_fonts_map_is_read_by_its_width(
    tmp_path: Path, mapped: bool
) -> None:
    path = tmp_path / "ligature.pdf"
    _ligature_width_pdf(path, mapped)
    article, _, text = read_pdf(path)
    assert "The council pays the difference between the two bids each year." in text
    assert "The grant is paid to effective schemes in three parts each year." in text
    # the plain letters stay as they are: "five", "fixed", "first", "full"
    assert "once a year, for five years." in text
    assert "The fund is fixed for the first five years of the scheme in full." in text


needs_tesseract = pytest.mark.skipif(
    not shutil.which("tesseract") and os.environ.get("CI") != "true",
    reason="Tesseract is not installed (apt-get install tesseract-ocr)",
)

NOTES = ["Period of validity of grants and certificates.", "Fees for the issue of claims."]
QUOTED = [
    "The duration of validity of a grant shall be a period not exceeding five years.",
    "The competent authority may from time to time renew the validity of such grant for a "
    "further period not exceeding five years, so that the total period shall not exceed ten "
    "years from the date of its issue.",
    "The fee for the issue of a claim form shall be one hundred and the fee for its renewal "
    "shall be twenty each year.",
]


def _side_notes_pdf(path: Path) -> None:
    """An Act's page: a side note in small bold type in a narrow column at the left, beside the
    first lines of each quoted section set in from the text, as a scanned 1980 Act prints them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    _, height = A4
    y = height - 90
    pdf.setFont("Times-Roman", 12)
    for chunk in wrap(BODY[0] + " " + BODY[1], 70):
        pdf.drawString(72, y, chunk)
        y -= 16
    y -= 10
    for note, section in zip(NOTES, QUOTED[:1] + QUOTED[2:], strict=True):
        top = y
        pdf.setFont("Times-Bold", 9)
        for chunk in wrap(note, 16):
            pdf.drawString(72, top, chunk)
            top -= 9
        # a reader's pen mark down the margin beside the note, as on a library's copy: OCR
        # reads it as a word as tall as three lines
        pdf.setLineWidth(1.5)
        pdf.line(64, y + 10, 64, y - 30)
        pdf.setFont("Times-Roman", 12)
        text = section if section is QUOTED[2] else section + " " + QUOTED[1]
        for chunk in wrap(text, 52):
            pdf.drawString(170, y, chunk)
            y -= 16
        y -= 12
    pdf.setFont("Times-Roman", 12)
    for chunk in wrap(BODY[2] + " " + BODY[3], 70):
        pdf.drawString(72, y, chunk)
        y -= 16
    pdf.showPage()
    pdf.save()


@needs_tesseract
def test_side_notes_beside_a_scanned_pages_text_are_read_apart(tmp_path: Path) -> None:
    from scans import scan

    printed = tmp_path / "printed.pdf"
    _side_notes_pdf(printed)
    scanned = scan(printed, tmp_path / "scanned.pdf", 300)
    article, found = from_pdf(scanned.read_bytes())
    assert found.ocr == [1]
    text = " ".join(article.text.split())
    for sentence in QUOTED + BODY:
        assert sentence in text


def _tesseract_page() -> tuple[dict, dict[tuple[int, int, int], list[int]]]:
    """What Tesseract returned for a scanned Act's page (image_to_data's columns, in pixels at 300
    dpi), in the shape it had: a quoted section set in from the text with side notes in a narrow
    column at its left, where OCR read two lines of a note as one word whose box is as tall as
    two lines ("Mireeone"), and the next note's words are as tall as a line and a half; each
    note's words came in one line with the text line beside them. A word in small letters alone
    on its line was measured twice its size, and a speck over a word read as a full stop."""
    data: dict[str, list] = {"text": [], "left": [], "top": [], "width": [], "height": []}
    data["conf"] = []
    lines: dict[tuple[int, int, int], list[int]] = {}
    px = 300 / 72

    def line(key: tuple[int, int, int], words: list[str], x: float, top: float, bottom: float):
        for word in words:
            lines.setdefault(key, []).append(len(data["text"]))
            width = 5.2 * len(word)
            for name, value in (("text", word), ("left", x), ("top", top), ("width", width)):
                data[name].append(value if name == "text" else round(value * px))
            data["height"].append(round((bottom - top) * px))
            data["conf"].append(90.0)
            x += width + 3.5

    full = wrap(BODY[0] + " " + BODY[1], 60)
    for n, text in enumerate(full):
        line((1, 1, n), text.split(), 68, 250 + 16 * n, 260 + 16 * n)
    quoted = wrap(QUOTED[0] + " " + QUOTED[1], 44)
    for n, text in enumerate(quoted):
        line((2, 1, n), text.split(), 157, 307.5 + 16 * n, 317.3 + 16 * n)
    notes = [("“Period of", 307.0, 319.2), ("Mireeone A :", 316.6, 339.1), ("and", 337.2, 353.3)]
    notes.append(("Sei alee d", 349.4, 368.4))
    for n, (text, top, bottom) in enumerate(notes):  # Tesseract read each with a text line
        line((2, 1, n), text.split(), 66, top, bottom)
    # the next section's last word on a line of its own, its box twice a line high (a speck
    # under it), and a speck over "its" read as a mark of its own
    fee = QUOTED[2].split()
    rows = wrap(" ".join(fee[:-1]), 44)
    start = 317.3 + 16 * len(quoted) + 8
    for n, text in enumerate(rows):
        line((5, 1, n), text.split(), 157, start + 16 * n - 9.8, start + 16 * n)
    end = start + 16 * len(rows)
    line((5, 1, len(rows)), [fee[-1]], 155, end - 22, end + 6)
    its = next(
        i for key, ids in lines.items() if key[0] == 5 for i in ids if data["text"][i] == "its"
    )
    x, bottom = data["left"][its] / px, (data["top"][its] + data["height"][its]) / px
    line((6, 1, 0), ["."], x + 1.5, bottom - 6, bottom - 3)
    after = end + 20
    for n, text in enumerate(wrap(BODY[2] + " " + BODY[3], 60)):
        line((4, 1, n), text.split(), 68, after + 16 * n, after + 10 + 16 * n)
    return data, lines


def test_ocr_words_stand_on_their_lines_so_side_notes_read_apart() -> None:
    from archive.ingest.layout import body_size
    from archive.ingest.ocr import words_of
    from archive.ingest.papers import from_pages
    from archive.ingest.pdf import page_text

    data, lines = _tesseract_page()
    words, confidence = words_of(data, lines, 72 / 300)
    assert confidence == 90.0
    # every word of a line shares the line's band, a type size high, whatever its own box
    tall = [w for w in words if w.text == "Mireeone"][0]
    assert tall.bottom - tall.top <= tall.size < 14
    page = page_text(1, words, 842.0, body_size(words))
    article, _ = from_pages([page], {}, None, ocr=True)
    text = " ".join(article.text.split())
    for sentence in [QUOTED[0], QUOTED[1], QUOTED[2], BODY[0], BODY[1], BODY[2], BODY[3]]:
        assert sentence in text


def test_a_letters_subject_line_is_its_title(tmp_path: Path) -> None:
    """An engineer's letter report to a council: date, address, a subject line "RE: ..." in bold
    capitals in the text's own size, then the letter; no larger type and no Title property."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "letter.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    _, height = A4
    y = height - 90
    for font, text in [
        ("Helvetica", "May 28, 2024"),
        ("Helvetica", "Township of Example"),
        ("Helvetica", "45 Beatty Street"),
        ("Helvetica-Bold", "RE: FLOOD SCHEME BRIDGE - SITE REVIEW INSPECTION / LOAD EVALUATION"),
    ]:
        pdf.setFont(font, 11)
        pdf.drawString(72, y, text)
        y -= 28
    pdf.setFont("Helvetica", 11)
    for paragraph in [
        "Re-zoning of the site was agreed in 2020. " + " ".join(BODY),
        *[" ".join(BODY)] * 3,
    ]:
        for chunk in wrap(paragraph, 80):
            pdf.drawString(72, y, chunk)
            y -= 15
        y -= 8
    pdf.showPage()
    pdf.save()
    article, found, _ = read_pdf(path)
    assert found.title == "FLOOD SCHEME BRIDGE - SITE REVIEW INSPECTION / LOAD EVALUATION"
    assert found.title_by == "the letter's or memorandum's subject line"
    assert found.date == "2024-05-28"
    assert " ".join(BODY) in " ".join(article.text.split())


def test_a_word_starting_re_is_no_subject_line() -> None:
    from archive.ingest.papers import subject_line

    assert subject_line(["Re-zoning of the site was agreed.", "Regarding the bridge"]) is None
    assert subject_line(["Subject: Grants for flood schemes, 2024."]) == (
        "Grants for flood schemes, 2024"
    )
