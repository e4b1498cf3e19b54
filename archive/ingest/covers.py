"""A paper's title from its first page: the largest lines in a row, the lines under an issuer's
name, or a cover's lines set in the text's own type."""

from __future__ import annotations

import re

from archive.ingest.pagetext import Line

HEADING_WORDS = 14


def title_lines(pages: list[tuple[int, list]], body_size: float, ocr: bool = False) -> list[Line]:
    """The first page's largest lines in a row, if larger than the text: the paper's title; the
    lines under an issuer's name set larger still ("PARLIAMENT OF ..." over an Act's name)."""
    if not pages or not body_size:
        return []
    lines = [item for item in pages[0][1] if isinstance(item, Line)]
    if not lines:
        return []
    lines = [ln for ln in lines if ln.role == ""]
    if not lines:
        return []
    largest = max(ln.size for ln in lines)
    if largest < 1.3 * body_size:
        return []
    if len(lines) <= 6 and all(ln.size >= 1.5 * body_size for ln in lines):
        return lines  # a cover of display type only: its lines are the title, in any sizes
    # A year or a number set large ("2007" over "Instructions for Form 1040NR") is not the title.
    lines = [ln for ln in lines if not re.fullmatch(r"\W*\d[\d\W]*", ln.text)]
    if not lines:
        return []
    largest = max(ln.size for ln in lines)
    if largest < 1.3 * body_size:
        return []
    found = _run_of(lines, largest, ocr)
    if issuer(" ".join(ln.text for ln in found)):
        # The issuer's name in the largest type, the document's own name under it in smaller
        # display type: that is the title (an Act under "PARLIAMENT OF ... SRI LANKA").
        below = lines[lines.index(found[-1]) + 1 :]
        display = [ln for ln in below if ln.size >= 1.15 * body_size]
        if display:
            return _run_of(below, max(ln.size for ln in display), ocr)
    return found


def _run_of(lines: list[Line], size: float, ocr: bool) -> list[Line]:
    """The lines set in one type round the first line of this size: a title over several lines.
    OCR's sizes are estimates from the words' boxes, a fifth either way; a wide gap (a block
    of its own) ends the run."""
    tolerance = 0.25 if ocr else 0.05
    start = next(i for i, ln in enumerate(lines) if ln.size == size)
    end = start

    def same(a: Line, b: Line) -> bool:
        return abs(b.size - size) <= tolerance * size and abs(b.top - a.top) <= 2.2 * size

    while end + 1 < len(lines) and same(lines[end], lines[end + 1]) and end - start < 5:
        end += 1
    while start > 0 and same(lines[start], lines[start - 1]) and end - start < 5:
        start -= 1
    return lines[start : end + 1]


# An issuer's name: an institution "of" or "for" a place or a field, naming no kind of document
# (not "Department for Education Annual Report").
_ISSUER = re.compile(
    r"^(?:the\s+)?(?:parliament|government|congress|senate|house|state|commonwealth|republic"
    r"|kingdom|department|ministry|office|council|assembly|legislature|city|county|township"
    r"|borough|municipality|province|region|federation)\b.*\b(?:of|for)\b",
    re.IGNORECASE,
)
_DOCUMENT_WORDS = re.compile(
    r"\b(?:act|acts|bill|report|review|strategy|plan|paper|guidance|guide|guidelines|statement"
    r"|budget|agreement|treaty|order|regulations?|rules|minutes|agenda|consultation|response"
    r"|briefing|inquiry|accounts|estimates|policy|programme|program|framework|white|green"
    r"|summary|notice|circular|code|standards?|manual)\b",
    re.IGNORECASE,
)


def issuer(text: str) -> bool:
    """Say whether a line names who issued a paper rather than the paper itself."""
    text = " ".join(text.split())
    return (
        len(text.split()) <= 12 and bool(_ISSUER.match(text)) and not _DOCUMENT_WORDS.search(text)
    )


_COVER_END = re.compile(r"^(?:\(|(?:circulated|presented|prepared|published|issued)\b|by\s)", re.I)


def cover_title(items: list) -> str | None:
    """A cover set in one type, as large as the text's (a parliamentary paper): its lines spread
    down the page, few and short. The title is its lines up to the first note of who issued it
    ("(Circulated by ...)", "Presented to ..."), leaving out lines of figures only (the sittings'
    years "2013-2014-2015"); a short run of lines, never a page of text."""
    lines = [ln for ln in items if isinstance(ln, Line) and ln.role == ""]
    if not 2 <= len(lines) <= 10 or any(len(ln.text.split()) > HEADING_WORDS for ln in lines):
        return None
    gaps = sorted(b.top - a.top for a, b in zip(lines, lines[1:]))
    size = max(ln.size for ln in lines) or 1.0
    if gaps[len(gaps) // 2] < 2.5 * size or len({round(ln.size) for ln in lines}) > 1:
        return None  # lines set close: a page of text, not a cover spread down its page
    kept = []
    for ln in lines:
        if _COVER_END.match(ln.text.strip()):
            break
        if not re.fullmatch(r"\W*\d[\d\W]*", ln.text):
            kept.append(ln.text.strip())
    words = sum(len(t.split()) for t in kept)
    return " ".join(kept) if kept and words <= 30 and len(kept) <= 6 else None
