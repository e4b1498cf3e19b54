"""Read a PDF's text layer by page with pdfplumber: lines with size and place, tables as rows."""

from __future__ import annotations

import io
import logging
import re
import statistics
from dataclasses import dataclass, field
from typing import cast

from archive.ingest.fonts import MendedFonts
from archive.ingest.layout import Frag, Word, body_size, lay_out
from archive.ingest.ligatures import mend_words
from archive.ingest.pages import Line, PageText

# pdfminer warns about every odd but readable construct; what cannot be read is raised and reported.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# Of the page's height: a line this near the top or bottom may be a running header or footer.
EDGE = 0.1
# Of the type's size: a wider gap between two letters parts two words.
WORD_GAP = 0.15
_JUNK_TITLE = re.compile(
    r"^(?:untitled|microsoft word\b|document\d*$|.*\.(?:docx?|pdf|indd|rtf)$)", re.IGNORECASE
)


class PdfProblem(Exception):
    """Why a PDF cannot be ingested, in words for the report."""


@dataclass
class PdfText:
    """A PDF's pages as lines and tables, and what its document information dictionary says."""

    pages: list[PageText]
    info: dict[str, str] = field(default_factory=dict)  # Title, Author, Subject, CreationDate, ...
    ocr: list[int] = field(default_factory=list)  # the pages read from their images by OCR

    @property
    def title(self) -> str | None:
        title = " ".join(self.info.get("Title", "").split())
        return title if title and not _JUNK_TITLE.match(title) else None


def read_pdf(data: bytes) -> PdfText:
    """Extract every page's lines and tables; raise PdfProblem saying what is wrong with it."""
    import pdfplumber  # loads only when a PDF comes
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psparser import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise PdfProblem("damaged: it does not start as a PDF does (%PDF-)")
    raw: list[tuple] = []
    images = 0
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pdf.rsrcmgr = MendedFonts()  # capitals a ToUnicode map gives in lower case
            info = {str(k): _info_text(v) for k, v in (pdf.metadata or {}).items()}
            for number, page in enumerate(pdf.pages, 1):
                raw.append((number, *_read_page(page)))
                images += len(page.images)
    except PdfProblem:
        raise
    except (
        PdfminerException,
        PSException,
        PDFEncryptionError,
        PDFPasswordIncorrect,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        AssertionError,
        RecursionError,
        EOFError,
    ) as error:
        cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
        if (
            isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError))
            or "password" in str(cause).lower()
        ):
            raise PdfProblem(
                "encrypted: it needs a password to open; ingest a copy saved without one"
            ) from None
        raise PdfProblem(f"damaged or truncated: {_describe(cause)}") from None
    scanned = (
        [] if any(page[1] for page in raw) or any(page[3] for page in raw) else [n for n, *_ in raw]
    )
    if scanned and images:
        raw = _ocr(data, raw)
    body = body_size([w for page in raw for w in page[1]])
    pages = [
        page_text(number, words, height, body, tables, boxes, dots, rules, sideways)
        for number, words, height, tables, boxes, dots, rules, sideways in raw
    ]
    if not pages:
        raise PdfProblem("damaged or truncated: it has no pages")
    if not any(line.text for page in pages for line in page.lines) and not any(
        page.tables for page in pages
    ):
        if images:
            raise PdfProblem(
                f"no text layer: its {len(pages)} page(s) are images, "
                "and OCR found no words on them"
            )
        raise PdfProblem("no text: its pages hold no text and no images")
    return PdfText(pages, info, scanned if scanned and images else [])


def _ocr(data: bytes, raw: list[tuple]) -> list[tuple]:
    """Read every page of a scan by OCR, keeping page numbers; say what to install if we cannot."""
    import pdfplumber

    from archive.ingest import ocr

    missing = ocr.available()
    if missing:
        raise PdfProblem(f"no text layer: its {len(raw)} page(s) are images (a scan?); {missing}")
    read: list[tuple] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for (number, _, height, tables, *_), page in zip(raw, pdf.pages):
            words, _ = ocr.page_words(page)
            read.append((number, words, height, tables, [], [], [], []))
    return read


def _read_page(page) -> tuple[list[Word], float, list, list, list, list, list[str]]:
    """One page's words outside its ruled tables, its tables as rows, boxes, drawn bullets, the
    heights of rules drawn across most of the page, and its lines set sideways."""
    # Only what is inside the crop box is printed: a print shop's slug above it is not the paper's.
    box = tuple(float(v) for v in page.cropbox)
    if box != tuple(float(v) for v in page.bbox) and box[2] > box[0] and box[3] > box[1]:
        page = page.crop(box)
    dy = float(page.bbox[1])  # page coordinates from the top of what is printed
    height = float(page.height) or 1.0
    # A box filled in white with no stroke (a word processor's shading behind each line) is not
    # seen on the page: it rules no table and sets no text apart.
    page = page.filter(lambda obj: not _unseen(obj))
    tables, ruled, cells = [], [], []
    for table in page.find_tables():
        rows = [
            [" ".join((cell or "").split()) for cell in row]
            for stacked in table.extract()
            for row in _unstacked(stacked)
        ]
        rows = [row for row in rows if any(row)]
        if len(rows) >= 2:
            x0, top, x1, bottom = (float(v) for v in table.bbox)
            tables.append(((x0, top - dy, x1, bottom - dy), rows))
            ruled.append(table.bbox)
            cells += table.cells
    # A character is the table's when a cell holds it (its middle inside, as the table reads its
    # cells); one merely touching the table's box (a caption whose descenders cross the top rule)
    # is the page's text, else it is read by neither.
    text_page = page.filter(
        lambda obj: obj.get("object_type") != "char" or not _in_cell(obj, ruled, cells)
    )
    # A list's bullets are often drawn as small filled shapes, not written as characters.
    dots = [
        (float(c["x1"]), (float(c["top"]) + float(c["bottom"])) / 2 - dy)
        for c in (*page.curves, *page.rects)
        if float(c["width"]) <= 6 and float(c["height"]) <= 6 and c.get("fill")
    ]
    # A box drawn round text (a sidebar, a panel) sets it apart; a frame round the page does not.
    area = float(page.width) * height
    boxes = [
        (float(r["x0"]), float(r["top"]) - dy, float(r["x1"]), float(r["bottom"]) - dy)
        for r in page.rects
        if float(r["width"]) > 60
        and float(r["height"]) > 24
        and float(r["width"]) * float(r["height"]) < 0.5 * area
        and not any(_inside(r, box) for box in ruled)
    ]
    # Words split where the size changes (a raised footnote mark); bold is read from the characters,
    # so a word is not split where only the font changes.
    # A gap between letters is read against the type's size, not in points: justified lines
    # set by TeX have word spaces under 3 pt, which a fixed tolerance glues into one word.
    read = text_page.extract_words(
        extra_attrs=["size"],
        use_text_flow=False,
        return_chars=True,
        x_tolerance_ratio=WORD_GAP,
    )
    # A ligature a CID font's map gives as one letter or none ("diference") is read by its width.
    mend_words(read, text_page.chars)
    # Text set sideways in a margin (an arXiv stamp, a print shop's slug) is no part of the
    # running text, unless most of the page is set that way (a page turned as a whole).
    upright = [w for w in read if w.get("upright", True)]
    sideways: list[str] = []
    if len(upright) >= 0.8 * len(read):
        sideways = _sideways([c for c in text_page.chars if not c.get("upright", True)])
        read = upright
    left, right = float(page.bbox[0]), float(page.bbox[2])
    words = [
        Word(
            w["text"],
            float(w["x0"]),
            float(w["x1"]),
            float(w["top"]) - dy,
            float(w["bottom"]) - dy,
            round(float(w["size"]), 1),
            sum("bold" in str(c.get("fontname", "")).lower() for c in w["chars"]) * 2
            > len(w["chars"]),
        )
        for w in read
        if w["text"].strip()
        # text set wholly off the page (at a negative x, beyond its edge) is never printed
        and float(w["x1"]) > left
        and float(w["x0"]) < right
        and float(w["bottom"]) > float(page.bbox[1])
        and float(w["top"]) < float(page.bbox[3])
    ]
    # A rule drawn across most of the page parts what is above it from what is below (a
    # masthead from the columns under it); a footnote's short rule does not.
    width = float(page.width) or 1.0
    rules = sorted(
        {
            round((float(e["top"]) + float(e["bottom"])) / 2 - dy, 1)
            for e in page.edges
            if e.get("orientation") == "h"
            and float(e["x1"]) - float(e["x0"]) > 0.6 * width
            and not any(_inside(e, box) for box in ruled)
        }
    )
    return words, height, tables, boxes, dots, rules, sideways


def _unstacked(row: list) -> list[list]:
    """A row drawn as one box a column whose cells each hold the same number of lines (years
    over years, figures over figures: a table ruled only round its columns) is that many rows."""
    cells = [cell for cell in row if cell]
    counts = {len(cell.split("\n")) for cell in cells}
    if len(cells) < 2 or len(counts) != 1 or counts == {1}:
        return [row]
    lines = [(cell or "").split("\n") if cell else [] for cell in row]
    return [
        [parts[at] if parts else cell for parts, cell in zip(lines, row)]
        for at in range(max(counts))
    ]


def _run_in(words: list[Word]) -> bool:
    """Whether a line opens with a run-in head: bold words to a full stop or colon, then plain."""
    head = 0
    while head < len(words) and words[head].bold:
        head += 1
    return 0 < head < len(words) and words[head - 1].text[-1] in ".:—"


def _in_cell(char: dict, tables: list, cells: list) -> bool:
    """Whether a character's middle stands inside one of the tables' cells."""
    x = (float(char["x0"]) + float(char["x1"])) / 2
    y = (float(char["top"]) + float(char["bottom"])) / 2
    if not any(
        float(x0) <= x <= float(x1) and float(top) <= y <= float(bottom)
        for x0, top, x1, bottom in tables
    ):
        return False
    return any(
        float(x0) <= x <= float(x1) and float(top) <= y <= float(bottom)
        for x0, top, x1, bottom in cells
    )


def _sideways(chars: list[dict]) -> list[str]:
    """Lines set sideways in a margin (an arXiv stamp with its date), each read both ways up
    (letters turned to read upwards come top first, so their line is read back to front)."""
    lines: dict[int, list[dict]] = {}
    for char in chars:
        lines.setdefault(round(float(char["x0"]) / 4), []).append(char)
    read = []
    for line in lines.values():
        line.sort(key=lambda c: float(c["top"]))
        text = line[0]["text"]
        for before, char in zip(line, line[1:]):
            space = float(char["top"]) - float(before["bottom"]) > 0.2 * float(char["size"])
            text += (" " if space else "") + char["text"]
        text = " ".join(text.split())
        read += [text, text[::-1]]
    return read


def _unseen(obj: dict) -> bool:
    """A rectangle filled in white and not stroked: drawn, but not to be seen on a white page."""
    if obj.get("object_type") != "rect" or not obj.get("fill") or obj.get("stroke"):
        return False
    colour = obj.get("non_stroking_color")
    values = colour if isinstance(colour, (tuple, list)) else (colour,)
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    if len(values) == 4:  # CMYK: white is no ink
        return all(float(v) <= 0.01 for v in values)
    return all(float(v) >= 0.99 for v in values)


def _inside(rect: dict, box: tuple) -> bool:
    return (
        float(rect["x0"]) >= box[0] - 2
        and float(rect["x1"]) <= box[2] + 2
        and float(rect["top"]) >= box[1] - 2
        and float(rect["bottom"]) <= box[3] + 2
    )


def page_text(
    number: int,
    words: list[Word],
    height: float,
    body: float,
    tables: list | None = None,
    boxes: list | None = None,
    dots: list | None = None,
    rules: list | None = None,
    sideways: list[str] | None = None,
) -> PageText:
    """Lay a page's words out in reading order as lines with size, place and role; its tables."""
    laid = lay_out(words, height, body, boxes or [], tables or [], rules or [])
    lines: list[Line] = []
    found: list[tuple[float, list[list[str]]]] = []
    for laid_row in laid.lines:
        if laid_row and not isinstance(laid_row[0], Frag):  # a table, where it stands in the order
            lines.append(Line(f"\x00{len(found)}", role="table"))
            found.append((0.0, laid_row))
            continue
        row = cast(list[Frag], laid_row)
        text = " ".join(" ".join(f.text for f in row).split())
        if not text:
            continue
        first = row[0]
        top, bottom = min(f.top for f in row), max(f.bottom for f in row)
        edge = top < EDGE * height or bottom > (1 - EDGE) * height
        bullet = any(first.x0 - 24 <= x <= first.x0 and top <= y <= bottom for x, y in dots or [])
        size = statistics.median(w.size for f in row for w in f.words)
        kept = [w for f in row for w in f.words]
        bold = sum(w.bold for w in kept) > len(kept) / 2
        # A run-in head ("Support to Foreign Countries. Treasury") opens a paragraph of text: the
        # line starts in bold, the head ends in a full stop, plain type goes on after it; a
        # heading is bold to its end.
        lead = _run_in(kept)
        bold = bold and not lead
        lines.append(
            Line(text, round(size, 1), bold, edge, top, first.x0, bullet, first.role, lead)
        )
    return PageText(number, lines, found, sideways or [])


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
