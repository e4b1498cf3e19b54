"""Read a PDF's text layer page by page with pdfplumber: lines with their size and place, tables as rows."""

from __future__ import annotations

import io
import logging
import re
import statistics
from dataclasses import dataclass, field

from archive.ingest.pages import Line, PageText

# pdfminer warns about every odd but readable construct; what cannot be read is raised and reported.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

EDGE = 0.1  # of the page's height: a line this near the top or bottom may be a running header or footer
_JUNK_TITLE = re.compile(r"^(?:untitled|microsoft word\b|document\d*$|.*\.(?:docx?|pdf|indd|rtf)$)", re.IGNORECASE)


class PdfProblem(Exception):
    """Why a PDF cannot be ingested, in words for the report."""


@dataclass
class PdfText:
    """A PDF's pages as lines and tables, and what its document information dictionary says."""

    pages: list[PageText]
    info: dict[str, str] = field(default_factory=dict)  # Title, Author, Subject, CreationDate, ...

    @property
    def title(self) -> str | None:
        title = " ".join(self.info.get("Title", "").split())
        return title if title and not _JUNK_TITLE.match(title) else None


def read_pdf(data: bytes) -> PdfText:
    """Extract every page's lines and tables; raise PdfProblem saying what is wrong with the file."""
    import pdfplumber  # loads only when a PDF comes
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise PdfProblem("damaged: it does not start as a PDF does (%PDF-)")
    pages: list[PageText] = []
    images = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            info = {str(k): _info_text(v) for k, v in (pdf.metadata or {}).items()}
            for number, page in enumerate(pdf.pages, 1):
                pages.append(_page(page, number))
                images += len(page.images)
    except PdfProblem:
        raise
    except (PdfminerException, PSException, PDFEncryptionError, PDFPasswordIncorrect, ValueError, KeyError,
            TypeError, AttributeError, IndexError, AssertionError, RecursionError, EOFError) as error:
        cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)) or "password" in str(cause).lower():
            raise PdfProblem("encrypted: it needs a password to open; ingest a copy saved without one") from None
        raise PdfProblem(f"damaged or truncated: {_describe(cause)}") from None
    if not pages:
        raise PdfProblem("damaged or truncated: it has no pages")
    if not any(line.text for page in pages for line in page.lines) and not any(page.tables for page in pages):
        if images:
            raise PdfProblem(f"no text layer: its {len(pages)} page(s) are images (a scan?); it needs OCR first")
        raise PdfProblem("no text: its pages hold no text and no images")
    return PdfText(pages, info)


def _page(page, number: int) -> PageText:
    """One page: its tables as rows of cells, and the lines outside them with font size and position."""
    height = float(page.height) or 1.0
    tables, boxes = [], []
    for table in page.find_tables():
        rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
        rows = [row for row in rows if any(row)]
        if len(rows) >= 2:
            tables.append((table.bbox[1], rows))
            boxes.append(table.bbox)
    text_page = page
    for box in boxes:
        text_page = text_page.outside_bbox(box)
    # A list's bullets are often drawn as small filled shapes, not written as characters.
    dots = [(float(c["x1"]), (float(c["top"]) + float(c["bottom"])) / 2) for c in (*page.curves, *page.rects)
            if float(c["width"]) <= 6 and float(c["height"]) <= 6 and c.get("fill")]
    lines = []
    for raw in text_page.extract_text_lines(return_chars=True, strip=True):
        text = " ".join(raw["text"].split())
        if not text:
            continue
        chars = [c for c in raw["chars"] if c["text"].strip()]
        size = statistics.median(c["size"] for c in chars) if chars else 0.0
        bold = bool(chars) and sum("bold" in c.get("fontname", "").lower() for c in chars) > len(chars) / 2
        edge = raw["top"] < EDGE * height or raw["bottom"] > (1 - EDGE) * height
        bullet = any(raw["x0"] - 24 <= x <= raw["x0"] and raw["top"] <= y <= raw["bottom"] for x, y in dots)
        lines.append(Line(text, round(size, 1), bold, edge, float(raw["top"]), float(raw["x0"]), bullet))
    return PageText(number, lines, [(top, rows) for top, rows in tables])


def _info_text(value: object) -> str:
    if isinstance(value, bytes):
        for codec in ("utf-16", "latin-1"):
            try:
                return value.decode(codec)
            except UnicodeDecodeError:
                continue
    return " ".join(str(value).split()) if value is not None else ""


def _describe(error: BaseException) -> str:
    text = " ".join(str(error).split())[:120]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")


def info_date(value: str | None) -> str | None:
    """Read a PDF date such as D:20170320120000Z as YYYY-MM-DD (or less)."""
    match = _PDF_DATE.match(value or "")
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)
