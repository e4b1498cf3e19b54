"""Draw and read the pages of the made real-PDF shapes (test_real_shapes_*, test_pdf_round*):
BODY's lines, wrapped sentences, reportlab canvases, raw PDF files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from papers import BODY

from archive.corpus.amounts import extract_amounts
from archive.ingest.papers import from_pdf


def draw_body(
    c: Any,
    y: float,
    times: int = 1,
    gap: float = 0,
    step: float = 14,
    grant: int | None = None,
) -> float:
    """Draw BODY's lines at the left margin from y down, `times` over; return the next line's y.

    Each run of BODY is followed by `gap` more points; `grant` numbers the first "grant" of each
    line, so that pages of one file differ in their text."""
    for _ in range(times):
        for line in BODY:
            text = line if grant is None else line.replace("grant", f"grant {grant}", 1)
            c.drawString(72, y, text)
            y -= step
        y -= gap
    return y


def raw_pdf(objects: list[bytes]) -> bytes:
    """Write numbered objects (1, 2, ...) as a PDF with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def pdf_stream(data: bytes) -> bytes:
    """Wrap data as a PDF stream object with its length."""
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most `width` characters at its spaces."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def canvas_pages(path: Path, size: str = "letter") -> tuple[Any, float, float]:
    """Open a reportlab canvas writing to path at letter or A4 size; return it, width, height."""
    from reportlab.lib.pagesizes import A4, letter
    from reportlab.pdfgen import canvas

    pagesize = A4 if size == "A4" else letter
    return canvas.Canvas(str(path), pagesize=pagesize), pagesize[0], pagesize[1]


def draw_lines(c: Any, y: float, lines: list[str], step: float, x: float = 72) -> float:
    """Draw each line at x from y down, `step` apart; return the next line's y."""
    for line in lines:
        c.drawString(x, y, line)
        y -= step
    return y


def draw_wrapped(c: Any, y: float, sentences: list[str], width: int = 90, x: float = 72) -> float:
    """Draw each sentence wrapped at `width` characters, 13 points a line and 8 more between
    sentences; return the next line's y."""
    for sentence in sentences:
        y = draw_lines(c, y, wrap(sentence, width), 13, x) - 8
    return y


def end_with_body(c: Any, y: float, step: float) -> None:
    """Draw the rest of BODY (its last two lines) in the text's type from y down, close the page
    and save the file."""
    c.setFont("Times-Roman", 10)
    draw_lines(c, y, BODY[2:], step)
    c.showPage()
    c.save()


def read_pdf(path: Path) -> tuple[Any, Any, str]:
    """Ingest the PDF at path; return its article, what was found, and its text on one line."""
    article, found = from_pdf(path.read_bytes())
    return article, found, " ".join(article.text.split())


def amounts_of(text: str) -> set[float]:
    """Return the values of the amounts found in text."""
    return {a.value for a in extract_amounts(text)}


def pdf_amounts(path: Path) -> set[float]:
    """Ingest the PDF at path; return the values of the amounts found in its text."""
    article, _ = from_pdf(path.read_bytes())
    return amounts_of(article.text)
