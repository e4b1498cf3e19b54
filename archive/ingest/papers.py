"""Policy papers: a PDF or Word file becomes a record whose body is already Markdown (with page
markers for a PDF), its metadata suggested from the file's own properties and its first pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.ingest.boilerplate import Article
from archive.ingest.pages import to_paper

PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
PAPER_SUFFIXES = PDF_SUFFIXES | DOCX_SUFFIXES
MIME = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DATE_LINE = re.compile(
    r"^(?:(?:published|issued|date(?:d)?|updated)\s*:?\s*)?(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+)?"
    r"(?P<month>" + "|".join(_MONTHS) + r")\s+(?P<year>(?:19|20)\d\d)$",
    re.IGNORECASE,
)
# A title page names its publisher on a line of its own: "Department for Education", "HM Treasury".
_PUBLISHER_LINE = re.compile(
    r"^(?:(?:[Tt]he\s+)?(?:Department|Ministry|Office)\s+(?:for|of)\s+[A-Z][\w ,&'-]{2,80}"
    r"|HM Treasury|Cabinet Office"
    r"|Home Office|[A-Z][\w&' -]{2,60}\s(?:Council|Agency|Authority|Commission|Executive))$"
)
_AUTHOR_JUNK = re.compile(
    r"^(?:user|admin|administrator|owner|author|unknown|microsoft.*|[a-z]{1,3}\d*)$", re.IGNORECASE
)


class PaperArticle(Article):
    """An article whose paragraphs are written already; its text leaves out the page markers."""

    @property
    def text(self) -> str:
        return "\n\n".join(p for p in (_MARKER.sub(" ", b).strip() for b in self.paragraphs) if p)


_MARKER = re.compile(r"\s*<!-- page \d{1,5} -->\s*")
# The paragraph a scan's text opens with: ours, so never its title or its first words.
OCR_NOTICE = "*Read by OCR from the scanned images of "


@dataclass
class Suggested:
    """What a paper says of itself, each value with where it was found."""

    title: str | None = None
    title_by: str = ""
    date: str | None = None
    date_by: str = ""
    source: str | None = None
    source_by: str = ""
    author: str | None = None
    ocr: list[int] = field(default_factory=list)  # pages read by OCR
    review: list[str] = field(default_factory=list)  # what to check by hand
    numbers: list[tuple[str, str]] = field(
        default_factory=list
    )  # official numbers and their evidence


def paper_article(blocks: list[str], title: str | None) -> PaperArticle:
    return PaperArticle(title=title, paragraphs=[b for b in blocks if b.strip()])


def from_pdf(data: bytes) -> tuple[PaperArticle, Suggested]:
    """Read a PDF into an article and suggestions; raise PdfProblem."""
    from archive.ingest.pdf import read_pdf

    pdf = read_pdf(data)
    article, found = from_pages(pdf.pages, pdf.info, pdf.title, ocr=bool(pdf.ocr))
    if pdf.ocr:
        _read_by_ocr(article, found, pdf.ocr)
    return article, found


def _read_by_ocr(article: PaperArticle, found: Suggested, pages: list[int]) -> None:
    """Say on the page and in the front matter that the text was read by OCR; flag its amounts."""
    from archive.corpus.amounts import extract_amounts

    span = f"page {pages[0]}" if len(pages) == 1 else f"pages {pages[0]}-{pages[-1]}"
    article.paragraphs.insert(
        0,
        f"{OCR_NOTICE}{span}: the text may differ from the printed page.*",
    )
    found.ocr = pages
    found.review.append(
        f"the text was read by OCR from the scanned images of {span}: check it against the original"
    )
    amounts = list(dict.fromkeys(a.text for a in extract_amounts(article.text)))
    if amounts:
        found.review.append(
            "amounts read by OCR, check each against the page: "
            + ", ".join(amounts[:12])
            + (f" and {len(amounts) - 12} more" if len(amounts) > 12 else "")
        )


def from_pages(
    pages: list, info: dict[str, str], info_title: str | None, ocr: bool = False
) -> tuple[PaperArticle, Suggested]:
    """Clean a PDF's pages into an article and suggestions, from its pages and file properties
    (ocr: the pages were read by OCR, so their type sizes are estimates)."""
    from archive.ingest.numbers import official_numbers
    from archive.ingest.pdf import info_date

    paper = to_paper(pages, ocr)
    if not paper.text.strip():
        from archive.ingest.pdf import PdfProblem

        raise PdfProblem(
            "no text: once running headers, footers and contents are left out, nothing remains"
        )
    found = Suggested()
    found.numbers = official_numbers(paper.imprint)
    if paper.title:
        found.title, found.title_by = paper.title, f"the largest type on page {paper.title_page}"
    elif info_title:
        found.title, found.title_by = info_title, "the PDF's document properties (Title)"
    elif paper.cover_title:
        found.title, found.title_by = paper.cover_title, "the cover's lines on page 1"
    elif paper.heading_title:
        found.title, found.title_by = paper.heading_title, "the heading page 1 opens with"
    _front(found, paper.front, "the first pages")
    # A date printed on the first pages, in any common form, wins over a line that is only a date.
    printed = printed_date(paper.front_blocks)
    if printed:
        found.date, found.date_by = printed[0], f'The line "{printed[1]}" in the first pages gives'
    if not found.date:
        # A date set sideways in the first pages' margin (an arXiv stamp) before the file's own.
        stamped = printed_date([line for page in pages[:2] for line in page.sideways])
        if stamped:
            found.date, found.date_by = (
                stamped[0],
                f'The line "{stamped[1]}" set sideways in the margin gives',
            )
    if not found.date:
        # A journal prints its issue's date in the running head or foot of every page ("MMWR /
        # January 14, 2011 / Vol. 60"): a day or a month there dates the paper before the file.
        headed = printed_date(paper.heads, least=2)
        if headed:
            found.date, found.date_by = (
                headed[0],
                f'The running head or foot "{headed[1]}" gives',
            )
    if not found.date:
        created = info_date(info.get("CreationDate"))
        if created:
            found.date, found.date_by = (
                created,
                "The PDF's properties (CreationDate, the day the file was made) give",
            )
    author = info.get("Author", "").strip()
    if author and not _AUTHOR_JUNK.match(author):
        if _PUBLISHER_LINE.match(author):
            found.source = found.source or author
            found.source_by = found.source_by or "the PDF's document properties (Author)"
        else:
            found.author = author
    return paper_article(paper.blocks, found.title), found


def from_docx(data: bytes) -> tuple[PaperArticle, Suggested]:
    """Read a Word file into an article and suggestions; raise DocxProblem."""
    from archive.ingest.docx import read_docx

    document = read_docx(data)
    found = Suggested()
    if document.title:
        found.title, found.title_by = document.title, "the document's Title"
    _front(found, document.front, "the first paragraphs")
    author = document.properties.get("author", "")
    if author and not _AUTHOR_JUNK.match(author):
        if _PUBLISHER_LINE.match(author):
            found.source, found.source_by = (
                found.source or author,
                found.source_by or "the document's properties (Author)",
            )
        else:
            found.author = author
    return paper_article(document.blocks, found.title), found


def _front(found: Suggested, lines: list[str], where: str) -> None:
    """Find a date line and a publisher line among a paper's first lines."""
    for line in lines[:40]:
        line = line.strip()
        match = _DATE_LINE.match(line)
        if match and not found.date:
            month = _MONTHS.index(match["month"].lower()) + 1
            found.date = f"{match['year']}-{month:02d}" + (
                f"-{int(match['day']):02d}" if match["day"] else ""
            )
            found.date_by = f'The line "{line}" in {where} gives'
        if not found.source and _PUBLISHER_LINE.match(line):
            found.source, found.source_by = (
                line.removeprefix("the ").removeprefix("The "),
                f'the line "{line}" in {where}',
            )


_MONTHS_SHORT = {m[:3] for m in _MONTHS}
_MONTH = r"(?P<month>" + "|".join(_MONTHS) + r"|" + "|".join(m[:3] for m in _MONTHS) + r"|sept)\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# a cover's "2015", "Report 2015"; not the end of a span, "Budget 2016 to 2017"
_COVER_YEAR = re.compile(r"^(?:[A-Z][^\W\d]*(?: [^\W\d]+){0,4}\s)?(?P<year>(?:19|20)\d\d)$")
# a word before a year (and perhaps a day) that may be a misspelt month ("Febuary 2011")
_MONTHISH = re.compile(
    r"\b(?P<word>[A-Za-z]{4,10})(?=\.?,?\s+(?:[0-3]?\d(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d\b)"
)
_PRINTED = [  # (precision, pattern): the most precise date printed wins, then the first
    # a memorandum's "Date: 2013-04-10", "DATE: 10/04/2013" (figures only after a label)
    (
        3,
        re.compile(
            r"\b(?:date[ds]?|issued|published|updated)\s*:?\s*"
            r"(?:(?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)"
            r"|(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<ny>(?:19|20)\d\d))\b",
            re.I,
        ),
    ),
    # "10 April 2013", "23rd of July, 2025" (an Act's "[Certified on 23rd of July, 2025]")
    (
        3,
        re.compile(
            rf"\b(?P<day>[0-3]?\d)(?:(?:st|nd|rd|th)(?:\s+of)?)?\s+{_MONTH},?\s+{_YEAR}\b", re.I
        ),
    ),
    (3, re.compile(rf"\b{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,\s+{_YEAR}\b", re.I)),
    (2, re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.I)),
    (1, re.compile(rf"\b(?P<season>spring|summer|autumn|winter|fall)\s+{_YEAR}\b", re.I)),
    (0, re.compile(r"(?<![\d/-])(?P<year>(?:19|20)\d\d)[/–-](?P<next>\d\d)(?![\d/-])")),
    (1, _COVER_YEAR),
]
_LABEL = re.compile(
    r"\b(?:published|issued|dated?|updated|briefing|presented|ordered|report|certified)\b", re.I
)


def printed_date(blocks: list[str], least: int = 0) -> tuple[str, str] | None:
    """Find the date printed on a paper's first pages: ISO date (as precise as printed), words;
    only one printed at least to the month (2) or day (3) if asked."""
    best: tuple[int, int, str, str] | None = None
    # A table's row ("- 1309 S. Mary Avenue — April 6, 2016: 7:30 a.m.") is read cell by cell:
    # a date standing in a cell of its own is printed as the paper's date, as on a line.
    # Only a day or a month counts so: a year or "2024-25" in a cell is a column's heading.
    cells = [
        [(block, False)]
        + [
            (cell, True)
            for cell in (
                re.split(r" — |; |: ", block[2:])
                if block.startswith("- ") and " — " in block
                else []
            )
        ]
        for block in blocks
    ]
    prose = False  # a paragraph of running text read: a cover's lone year lies before it
    for order, (block, cell) in enumerate(b for row in cells for b in row):
        block = mend_months(block)
        words = len(block.split())
        prose = prose or (words >= 25 and block.rstrip().endswith((".", ".)", '."')))
        if not block or words > 40:
            continue
        for precision, pattern in _PRINTED:
            if precision < least or (prose and pattern is _COVER_YEAR):
                continue  # after the text has begun, a year alone is a caption's or a chart's
            for match in pattern.finditer(block):
                # A date in a line of its own, or after "Published", "Briefing": not one in a
                # sentence of text.
                # A sentence of text (a full stop at its end) names dates it is about, not its own.
                sentence = words > 14 or (words > 6 and block.rstrip().endswith("."))
                if sentence and not _LABEL.search(
                    block[max(0, match.start() - 40) : match.start()]
                ):
                    continue
                iso = _iso(match, precision)
                # figures read only to the year ("04/05/2013": which is the month?) rank as a year
                got = 1 if iso and precision == 3 and len(iso) == 4 else precision
                if cell and got < 2 or got < least:
                    continue
                if iso and (best is None or got > best[0]):
                    best = (got, order, iso, block if len(block) <= 120 else match.group())
            if best and best[0] == precision:
                break
    return (best[2], best[3]) if best else None


def mend_months(text: str) -> str:
    """Spell a month misspelt before a year by one letter ("Febuary 2011") as the month."""

    def month(match: re.Match[str]) -> str:
        word = match["word"]
        lower = word.lower()
        if lower in _MONTHS or lower in _MONTHS_SHORT or lower == "sept":
            return word
        for name in _MONTHS:
            # five letters at least: a month of four ("June") is one letter from many words
            # and a month of five only by a letter left out, put in or swapped: "Marsh 2014"
            # is a name cited
            near = _one_edit(lower, name) and (
                len(name) > 5 or len(lower) != 5 or _swapped(lower, name)
            )
            if len(name) >= 5 and name[0] == lower[0] and near:
                return name.capitalize() if word[0].isupper() else name
        return word

    return _MONTHISH.sub(month, text)


def _one_edit(a: str, b: str) -> bool:
    """Say whether a is b with one letter left out, put in, changed or two swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _swapped(a: str, b: str) -> bool:
    """Say whether a is b with two letters side by side swapped."""
    return sorted(a) == sorted(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 2


def _iso(match: re.Match[str], precision: int) -> str | None:
    groups = match.groupdict()
    if groups.get("iy") or groups.get("ny"):
        return _figures(match)
    year = int(match["year"])
    if precision == 0 and int(match["next"]) != (year + 1) % 100:
        return None  # "2019/20" is a financial year; "2019-07" is not
    if precision < 2:
        return str(year)
    month = next(
        i for i, m in enumerate(_MONTHS, 1) if m.startswith(match["month"].lower().rstrip("."))
    )
    if precision == 2:
        return f"{year}-{month:02d}"
    import calendar

    day = int(match["day"])
    return (
        f"{year}-{month:02d}-{day:02d}" if 1 <= day <= calendar.monthrange(year, month)[1] else None
    )


def _figures(match: re.Match[str]) -> str | None:
    """A date in figures after a label: ISO, or day and month in either order when one of them
    cannot be a month ("25/04/2013", "04/25/2013"); when both could be, only the year is sure."""
    import calendar

    if match["iy"]:
        year, month, day = int(match["iy"]), int(match["im"]), int(match["id"])
    else:
        year, a, b = int(match["ny"]), int(match["a"]), int(match["b"])
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        else:
            return str(year) if min(a, b) >= 1 else None
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year}-{month:02d}-{day:02d}"
