"""Read scanned pages with Tesseract (through pytesseract): each page rendered from the PDF, its
words with their boxes laid out like a text layer's, so columns and notes are read the same way."""

from __future__ import annotations

import re
import shutil
import statistics

from archive.ingest.layout import Word

DPI = 300  # Tesseract reads print best at 300 dpi; the scan tests measure 200 and 300
INSTALL = (
    "it needs OCR, and Tesseract is not installed: install it with "
    "`apt-get install tesseract-ocr tesseract-ocr-eng` (Debian/Ubuntu; `brew install tesseract` "
    "on macOS) and `pip install pytesseract`, then ingest the file again"
)


class OcrMissing(Exception):
    """Tesseract or its binding is not installed: the message says what to install."""


def available() -> str | None:
    """Say what is missing for OCR, or None when Tesseract and pytesseract are both there."""
    try:
        # pytesseract ships no type hints; this import only asks whether it is installed.
        import pytesseract  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return INSTALL
    return None if shutil.which("tesseract") else INSTALL


def page_words(page, dpi: int = DPI) -> tuple[list[Word], float]:
    """OCR one pdfplumber page: its words in points from the top left, and the mean confidence."""
    image = page.to_image(resolution=dpi).original
    return image_words(image, 72 / dpi)


def image_words(image, scale: float) -> tuple[list[Word], float]:
    """OCR an image, straightened first if it was scanned askew; scale turns pixels into points."""
    image = image.convert("L")
    data, lines = _read(image)
    angle = _skew(data, lines)
    if abs(angle) > 0.15:  # degrees: a page fed crookedly; its lines would run into the next ones
        image = image.rotate(angle, expand=False, fillcolor=255, resample=3)
        data, lines = _read(image)
    return words_of(data, lines, scale)


def words_of(
    data: dict, lines: dict[tuple[int, int, int], list[int]], scale: float
) -> tuple[list[Word], float]:
    """Tesseract's words (image_to_data's columns, grouped by line) as words in points, each on
    its line's baseline; and the mean confidence."""
    words, confidence = [], []
    sizes = {key: _size(data, members, scale) for key, members in lines.items()}
    usual = statistics.median(sizes.values()) if sizes else 0.0
    for key, members in lines.items():
        measured = [i for i in members if any(c.isalnum() for c in data["text"][i])] or members
        size = sizes[key]
        # A word or two in small letters only is measured by its x-height, where a speck above
        # or below doubles the estimate ("annum." read at 28 pt on a page of 13): the page's
        # usual size is nearer. Capitals and ascenders (a heading's "AGENDA") measure truly.
        low = not any(_TALL.search(data["text"][i]) for i in measured)
        if low and len(measured) <= 2 and size > 1.4 * usual:
            size = usual
        # Every word of a line stands on the line's baseline, a type size high: a word read from
        # a smudge or from two lines of a side note at once ("Mireeone" over two lines) has a box
        # reaching into the lines above and below, which would run them into one strip.
        flat = [i for i in measured if not any(c in "gjpqy,;" for c in data["text"][i])]
        base = statistics.median(data["top"][i] + data["height"][i] for i in flat or measured)
        top, bottom = (base * scale - 0.75 * size), (base * scale + 0.2 * size)
        for i in members:
            left = data["left"][i] * scale
            words.append(
                Word(data["text"][i], left, left + data["width"][i] * scale, top, bottom, size)
            )
            confidence.append(float(data["conf"][i]))
    return _without_specks(words), statistics.mean(confidence) if confidence else 0.0


def _without_specks(words: list[Word]) -> list[Word]:
    """Leave out marks of no letter or figure read over another word (a speck on "its" read as
    "." gives "its. renewal"): print sets no mark inside a word's box."""

    def inside(mark: Word, word: Word) -> bool:
        return (
            word is not mark
            and any(c.isalnum() for c in word.text)
            and word.x0 <= mark.x0
            and mark.x1 <= word.x1
            and mark.top < word.bottom
            and word.top < mark.bottom
        )

    return [
        w
        for w in words
        if any(c.isalnum() for c in w.text) or not any(inside(w, other) for other in words)
    ]


def _size(data: dict, members: list[int], scale: float) -> float:
    """A line's type size from its words' heights, each read against the letters it holds: only
    words with a letter or figure count ("***" round a heading is a short mark)."""
    measured = [i for i in members if any(c.isalnum() for c in data["text"][i])] or members
    return round(statistics.median(_em(data, i) for i in measured) * scale * 2) / 2


_TALL = re.compile(r"[A-Z0-9bdfhklt]")


def _em(data: dict, i: int) -> float:
    """A word's type size from its box's height as Tesseract gives it: capitals, figures and
    ascenders about 0.75 of the size, small letters 0.53; a descender (g, p, y, a comma) 0.18."""
    text = data["text"][i]
    tall = any(c.isupper() or c.isdigit() or c in "bdfhklt" for c in text)
    low = any(c in "gjpqy,;" for c in text)
    return float(data["height"][i]) / ((0.75 if tall else 0.53) + (0.18 if low else 0.0))


def _read(image) -> tuple[dict, dict[tuple[int, int, int], list[int]]]:
    import pytesseract

    data = pytesseract.image_to_data(
        image, lang="eng", config="--psm 3", output_type=pytesseract.Output.DICT
    )
    lines: dict[tuple[int, int, int], list[int]] = {}
    for i, text in enumerate(data["text"]):
        if text.strip() and float(data["conf"][i]) >= 0:
            lines.setdefault(
                (data["block_num"][i], data["par_num"][i], data["line_num"][i]), []
            ).append(i)
    return data, lines


def _skew(data: dict, lines: dict[tuple[int, int, int], list[int]]) -> float:
    """The page's tilt in degrees, from the slope of word bottoms along lines of several words."""
    import math

    slopes = []
    for members in lines.values():
        if len(members) < 5:
            continue
        xs = [data["left"][i] + data["width"][i] / 2 for i in members]
        ys = [data["top"][i] + data["height"][i] for i in members]
        mean_x, mean_y = statistics.mean(xs), statistics.mean(ys)
        spread = sum((x - mean_x) ** 2 for x in xs)
        if spread:
            slopes.append(sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread)
    return math.degrees(math.atan(statistics.median(slopes))) if slopes else 0.0
