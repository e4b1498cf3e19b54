"""Read scanned pages with Tesseract (through pytesseract): each page rendered from the PDF, its
words with their boxes laid out like a text layer's, so columns and notes are read the same way."""

from __future__ import annotations

import shutil
import statistics

from archive.ingest.layout import Word

DPI = 300  # Tesseract reads print best at 300 dpi; the scan tests measure 200 and 300
INSTALL = ("it needs OCR, and Tesseract is not installed: install it with "
           "`apt-get install tesseract-ocr tesseract-ocr-eng` (Debian/Ubuntu; `brew install tesseract` "
           "on macOS) and `pip install pytesseract`, then ingest the file again")


class OcrMissing(Exception):
    """Tesseract or its binding is not installed: the message says what to install."""


def available() -> str | None:
    """Say what is missing for OCR, or None when Tesseract and pytesseract are both there."""
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        return INSTALL
    return None if shutil.which("tesseract") else INSTALL


def page_words(page, dpi: int = DPI) -> tuple[list[Word], float]:
    """OCR one pdfplumber page: its words in points from the page's top left, and the mean confidence."""
    image = page.to_image(resolution=dpi).original
    return image_words(image, 72 / dpi)


def image_words(image, scale: float) -> tuple[list[Word], float]:
    """OCR an image; scale turns pixels into points."""
    import pytesseract

    data = pytesseract.image_to_data(image.convert("L"), lang="eng", config="--psm 3",
                                     output_type=pytesseract.Output.DICT)
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, text in enumerate(data["text"]):
        if text.strip() and float(data["conf"][i]) >= 0:
            lines.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
    words, confidence = [], []
    for members in lines.values():
        # A line's type size from its words' heights (capitals and ascenders are about 0.7 of it).
        size = round(statistics.median(data["height"][i] for i in members) * scale / 0.7 * 2) / 2
        for i in members:
            left, top = data["left"][i] * scale, data["top"][i] * scale
            words.append(Word(data["text"][i], left, left + data["width"][i] * scale, top,
                              top + data["height"][i] * scale, size))
            confidence.append(float(data["conf"][i]))
    return words, statistics.mean(confidence) if confidence else 0.0
