"""Running heads and feet: lines that repeat, numbers blanked, in the margins of many pages, or
standing outermost or closing the text of many pages ("Continued on next page")."""

from __future__ import annotations

import re
from collections import Counter

from archive.ingest.pagetext import Line, PageText

_PAGE_NUMBER = re.compile(
    # a year alone ("2003" on a cover) is not a page number
    # a chapter's page ("7-45", "A-3") is one
    r"^[-–—]?\s*(?:(?:page|p\.?)\s*)?(?:(?:\d{1,2}|[a-z])[-–]\d{1,4}"
    r"|(?!(?:19|20)\d\d\b)\d{1,4}|[ivxlc]{1,6})"
    r"(?:\s*(?:of|/)\s*\d{1,4})?\s*[-–—]?$",
    re.IGNORECASE,
)
RULE = re.compile(r"[\s_\-–—.·=*]{5,}")  # a rule typed as characters, no text
_DIGITS = re.compile(r"\d+")
# A page number standing at either end, apart from the words ("114/312" is one figure, not "114/"
# and a page number).
# A chapter's page ("7-45", "A-3") is one number too.
_NUM = r"(?:page\s+)?(?:(?:#|[a-z])[-–])?#"
_END_NUMBER = re.compile(rf"^{_NUM}(?:\s+|\s*[|·•–-]\s*)|(?:\s+|\s*[|·•–-]\s*){_NUM}$")
_START_NUMBER = re.compile(rf"^{_NUM}(?:\s+|\s*[|·•–-]\s*)")
_PAGE = r"(?:(?!(?:19|20)\d\d\b)\d{1,4}|[ivxlc]{1,7})"
# words and a page number with a dash or bar between: "Contents — ii", "12 | Annual report"
_NUMBERED = re.compile(
    rf"^(?:(?P<first>{_PAGE})\s*(?P<sep>[—–|·•])\s*[^\W\d].{{1,80}}"
    rf"|[^\W\d].{{1,80}}?\s*(?P<sep2>[—–|·•])\s*{_PAGE})$",
    re.IGNORECASE,
)
_LAST_NUMBER = re.compile(rf"(?:\s+|\s*[|·•–-]\s*){_NUM}$")


def running_lines(pages: list[PageText]) -> set[str]:
    """Find the lines that repeat in the margins of most pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({shape for ln in _margin(page) for shape in _shapes(ln.text)})
    # Furniture repeats: on most pages of a short paper, on three or more of a long one (a chapter's
    # running head stands only on that chapter's pages).
    needed = min(max(2, (len(pages) + 1) // 2), 3)
    running = {
        shape for shape, count in seen.items() if count >= needed and not _PAGE_NUMBER.match(shape)
    }
    running |= _alike(seen, needed)
    # A short line closing (or opening) the text of many pages word for word is furniture too,
    # even above the margin: "Continued on next page", "(continued)".
    # So is a line standing outermost on many pages, though set a little inside the margin band.
    ends: Counter[str] = Counter()
    for page in pages:
        # not a sentence: furniture does not end in a full stop
        ends.update(
            {
                shape
                for ln in _ends(page)
                if len(ln.text.split()) <= 12 and not ln.text.rstrip().endswith(".")
                for shape in _shapes(ln.text)
            }
        )
    return (
        running
        | _numbered_feet(pages)
        | _banded(pages)
        | {
            shape
            for shape, count in ends.items()
            if count >= max(3, len(pages) // 10) and re.search(r"[a-z]{3}", shape)
        }
    )


def _numbered_feet(pages: list[PageText]) -> set[str]:
    """Heads or feet whose words change by part, in one style: "Contents — ii", "Definitions —
    ix", "Student eligibility — 5". Each part's name stands on a page or two, so none repeats; the
    style does (the margin's words, a dash or bar, then a page number, arabic or roman)."""
    styles: Counter[tuple[bool, bool, str]] = Counter()
    found: dict[tuple[bool, bool, str], set[str]] = {}
    for page in pages:
        half = len(page.lines) / 2
        for at, ln in enumerate(page.lines):
            match = _NUMBERED.match(" ".join(ln.text.split()))
            if not match or len(ln.text.split()) > 10 or not _in_margin(ln, page):
                continue
            style = (at < half, bool(match["first"]), match["sep"] or match["sep2"])
            styles[style] += 1
            found.setdefault(style, set()).update(_shapes(ln.text))
    # the style on a quarter of the pages, three at least: a paper's furniture, not a heading
    needed = max(3, len(pages) // 4)
    return {shape for style, count in styles.items() if count >= needed for shape in found[style]}


def _banded(pages: list[PageText]) -> set[str]:
    """Heads whose words change by section ("PART I / ITEM 1A RISK FACTORS", "ITEM 4 MINE SAFETY
    DISCLOSURES"): no line repeats, but the place does. A short line standing apart at the top of
    the margin band, at the same height and in the same type on many pages, no larger than the
    text's type, is a running head whatever it says."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for ln in page.lines:
            sizes[ln.size] += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    if not body:
        return set()
    styles: Counter[tuple[float, float, bool]] = Counter()
    found: dict[tuple[float, float, bool], set[str]] = {}
    # Where a page's text starts at the same height (a page opening with a heading set over a
    # gap), the place is the text's, not a head's.
    text_tops: set[float] = set()
    for page in pages:
        band = _top_band(page)
        for ln in page.lines:
            words = ln.text.split()
            if (
                ln not in band
                or not ln.size
                or ln.size > 1.05 * body
                or len(words) > 20  # a head may name a long item in full
                or ln.text.rstrip().endswith(".")
                or not re.search(r"[^\W\d]{2}", ln.text)
            ):
                if ln.role == "":
                    text_tops.add(round(ln.top / 2) * 2.0)
                continue
            style = (round(ln.top / 2) * 2.0, round(ln.size * 2) / 2, ln.bold)
            styles[style] += 1
            found.setdefault(style, set()).update(_shapes(ln.text))
    needed = max(3, len(pages) // 4)
    return {
        shape
        for style, count in styles.items()
        if count >= needed and not {style[0] - 2, style[0], style[0] + 2} & text_tops
        for shape in found[style]
    }


def _top_band(page: PageText) -> list[Line]:
    """The lines in the top margin band standing apart over the text: a gap wider than a line's
    step below the last of them (the first lines of a page's text run on at a line's step)."""
    lines = sorted(
        (ln for ln in page.lines if ln.role in ("", "aside") and ln.text.strip()),
        key=lambda ln: ln.top,
    )
    band = []
    for ln in lines:
        if not ln.edge:
            break
        band.append(ln)
    if not band or len(band) == len(lines):
        return []
    below = lines[len(band)]
    gap = below.top - band[-1].top
    return band if gap > 1.6 * max(band[-1].size, below.size, 1.0) else []


def _alike(seen: Counter[str], needed: int) -> set[str]:
    """Margin lines read a little differently on each page (by OCR: "Robertson Road. Ottawa",
    "Roberison Road, Otiawa"), alike in nine letters of ten: one line repeated."""
    from difflib import SequenceMatcher

    rare = [shape for shape, count in seen.items() if count < needed and len(shape) >= 15]
    if len(rare) > 300:  # a long paper's margins: exact repeats suffice, pairs would be slow
        return set()
    alike: set[str] = set()
    for at, shape in enumerate(rare):
        count = seen[shape]
        for other in rare[:at] + rare[at + 1 :]:
            match = SequenceMatcher(None, shape, other, autojunk=False)
            if match.real_quick_ratio() >= 0.9 and match.quick_ratio() >= 0.9:
                count += seen[other] if match.ratio() >= 0.9 else 0
        if count >= needed:
            alike.add(shape)
    return alike


def _ends(page: PageText) -> list[Line]:
    """The page's outermost lines, and the first and last lines of its running text and boxes."""
    lines = [ln for ln in page.lines if ln.role != "table" and ln.text]
    if not lines:
        return []
    tops = [ln.top for ln in lines]
    ends = [ln for ln in lines if ln.top <= min(tops) + 2 or ln.top >= max(tops) - 2]
    for role in ("", "aside"):
        kept = [ln for ln in lines if ln.role == role]
        # the last two: "Continued on next page" stands over a foot set above the margin band
        ends += kept[:1] + kept[-2:]
    return ends


def _margin(page: PageText) -> list[Line]:
    if any(ln.edge for ln in page.lines):
        return [ln for ln in page.lines if _in_margin(ln, page)]
    return page.lines[:2] + page.lines[-2:]  # no positions: the first and last lines


def is_running(line: Line, page: PageText, running: set[str], body: float = 0.0) -> bool:
    if line.role == "" and any(line is ln for ln in _imprint_box(page, body)):
        return True
    if any(ln.edge for ln in page.lines):
        in_margin = _in_margin(line, page)
    else:
        in_margin = line in page.lines[:2] or line in page.lines[-2:]
    shapes = _shapes(line.text)
    if not in_margin:
        ends = _ends(page) + _top_band(page)
        return any(line is ln for ln in ends) and bool(shapes & running)
    if shapes & running or _PAGE_NUMBER.match(line.text):
        return True
    # A head or foot in small type carrying the page's own number, even on a page of its own.
    words = line.text.split()
    tops = [ln.top for ln in page.lines]
    outermost = line.top in (min(tops), max(tops))  # not a footnote numbered as its page is
    if line.top == max(tops) and _one_off_foot(line, body):
        return True
    return bool(
        body
        and line.size
        and line.size < 0.95 * body
        and len(words) <= 12
        and outermost
        and line.role != "note"
        and str(page.number) in (words[0], words[-1])
    )


# A product's or publisher's imprint: a web address, a version, a copyright, a file's code.
_IMPRINT = re.compile(
    r"https?://|\bwww\.[a-z]|\bversion\s+\d|©|\bcopyright\b|\ball rights reserved\b", re.I
)
_NOTE_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§¶]+|\[\d{1,3}\]|\(\d{1,3}\))(?:\s|[.)]\s|(?=[A-Za-z]))")


def _one_off_foot(line: Line, body: float) -> bool:
    """A page's last line in the margin band in a product's imprint shape, though it stands once
    ("https://crsreports.congress.gov | IF13201 · VERSION 1 · NEW" on the last page only): not a
    footnote (no note mark, a note's role), no larger than the text, short, no sentence."""
    text = line.text.strip()
    words = text.split()
    return bool(
        _IMPRINT.search(text)
        and line.role != "note"
        and not _NOTE_MARK.match(text)
        and (not body or not line.size or line.size <= 1.05 * body)
        and len(words) <= 16
        and not (len(words) > 6 and text.endswith(".") and "©" not in text)
    )


def drop_running_rows(page: PageText, running: set[str]) -> list[str]:
    """Take out of the page's tables a first or last row that is a running head or foot read
    into the table ("Issued December 2002 | ABSTUDY 2003 | Page 2-11" under a table's last row);
    the rows taken, as text."""
    taken: list[str] = []
    for _, rows in page.tables:
        for at in (-1, 0):
            text = " ".join(" ".join(c for c in rows[at] if c).split()) if len(rows) >= 2 else ""
            if text and _shapes(text) & running:
                taken.append(text)
                del rows[at]
    return taken


def _short(line: Line) -> bool:
    text = line.text.strip()
    return 0 < len(text.split()) <= 6 and not re.search(r"[.:;,!?\u201d\"]$", text)


def _imprint_box(page: PageText, body: float) -> list[Line]:
    """An imprint box closing a first page's text above its notes ("Congressional Research
    Service" / "https://crsreports.congress.gov" / "LSB11418"): two to four short lines, no
    sentence, one in an imprint's shape, the lowest in the margin band, set off from the text
    above by its type or a gap; the one-off foot rule takes only the page's lowest line."""
    if page.number > 2:
        return []
    text = [ln for ln in page.lines if ln.role == "" and ln.text.strip()]
    run: list[Line] = []
    for ln in reversed(text):
        if not _short(ln):
            break
        run.insert(0, ln)
    if not 2 <= len(run) <= 4 or len(run) == len(text) or not run[-1].edge:
        return []
    above = text[len(text) - len(run) - 1]
    sizes = {ln.size for ln in run}
    apart = abs(above.size - run[0].size) >= 0.5 or run[0].top - above.top > 1.5 * above.size
    official = re.compile(r"\bISBN\b|\b(?:Cm|CP|HC|HL)\s+(?:Paper\s+)?\d", re.I)
    taken = bool(
        apart
        and max(sizes) - min(sizes) < 1
        and any(_IMPRINT.search(ln.text) for ln in run)
        and not any(_NOTE_MARK.match(ln.text) or official.search(ln.text) for ln in run)
        and (not body or not run[0].size or max(sizes) <= 1.05 * body)
    )
    return run if taken else []


def _in_margin(line: Line, page: PageText) -> bool:
    """In the margin band and standing apart: not the first or last line of a column's paragraph."""
    if not line.edge:
        return False
    at = page.lines.index(line)
    for other in page.lines[max(0, at - 1) : at + 2]:
        if (
            other is not line
            and not RULE.fullmatch(other.text)  # a typed rule under a head is no paragraph
            and abs(other.x0 - line.x0) < 6
            and abs(other.size - line.size) < 1
            and 0 < abs(other.top - line.top) <= 1.6 * max(line.size, 1.0)
        ):
            return False
    return True


def _shapes(text: str) -> set[str]:
    """A line's shape, and its shapes with the number at one end kept: a head ending in a number
    of its own ("Weekly Report / Vol. 60") with the page number before it on even pages and after
    it on odd ones ("4 ... Vol. 60", "... Vol. 60 5") is one head."""
    shape = _DIGITS.sub("#", " ".join(text.lower().split()))
    shapes = {_shape(text)}
    for one_end in (_START_NUMBER, _LAST_NUMBER):
        bare = one_end.sub("", shape)
        if bare != shape and re.search(r"[a-z]", bare):
            shapes.add(bare)
    return shapes


def _shape(text: str) -> str:
    """Compare lines with their numbers blanked: "Page 3 of 12" and "Page 4 of 12" are one footer,
    "12 Title of the report" on an even page and "Title of the report 13" on an odd one one head."""
    shape = _DIGITS.sub("#", " ".join(text.lower().split()))
    bare = _END_NUMBER.sub("", shape)
    return bare if re.search(r"[a-z]", bare) else shape  # "Page 4-1" is "page #-#", not "#"
