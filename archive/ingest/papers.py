"""Policy papers: a PDF or Word file becomes a record whose body is already Markdown (with page
markers for a PDF), its metadata suggested from the file's own properties and its first pages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.ingest.boilerplate import Article
from archive.ingest.covers import issuer
from archive.ingest.pages import to_paper
from archive.ingest.printed import MONTHS as _MONTHS
from archive.ingest.printed import mend_months as mend_months
from archive.ingest.printed import printed_date

PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
PAPER_SUFFIXES = PDF_SUFFIXES | DOCX_SUFFIXES
MIME = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

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
    subject = subject_line(paper.front_blocks) or subject_line(paper.front)
    if paper.title and subject and issuer(paper.title):
        # a letterhead naming the office ("OFFICE OF THE TOWN ADMINISTRATOR") over a subject line
        found.title, found.title_by = subject, "the letter's or memorandum's subject line"
    elif paper.title:
        found.title, found.title_by = paper.title, f"the largest type on page {paper.title_page}"
    elif (
        info_title
        and paper.heading_title
        and _squeezed(info_title) == _squeezed(paper.heading_title)
    ):
        # the properties' Title as the page prints it, its spaces kept ("1.2FINANCIAL ...")
        found.title, found.title_by = paper.heading_title, "the heading page 1 opens with"
    elif info_title:
        found.title, found.title_by = info_title, "the PDF's document properties (Title)"
    elif paper.cover_title:
        found.title, found.title_by = paper.cover_title, "the cover's lines on page 1"
    elif paper.heading_title:
        found.title, found.title_by = paper.heading_title, "the heading page 1 opens with"
    elif subject:
        found.title, found.title_by = subject, "the letter's or memorandum's subject line"
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
        # A budget paper prints only its financial year in its running foot ("2005-06 Budget
        # Paper No. 3"): the year the paper is for dates it before the file's own date does.
        year = _running_financial_year(paper.heads)
        if year:
            found.date, found.date_by = year[0], f'The running head or foot "{year[1]}" gives'
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


# A letter's or memorandum's subject: "RE: Hummel Bridge - Site Review", "Subject: Grants 2024"
_SUBJECT = re.compile(r"^(?:re|subject|subj)\s*:\s*(?P<subject>\S.*)$", re.IGNORECASE)


def subject_line(blocks: list[str]) -> str | None:
    """The subject a letter or memorandum names on its first pages, as its title: a paragraph
    of its own (the subject over two lines), or else the line."""
    for block in blocks[:30]:
        match = _SUBJECT.match(" ".join(block.split()))
        if match and len(match["subject"].split()) <= 25:
            return match["subject"].rstrip(" .")
    return None


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


def _squeezed(text: str) -> str:
    """Compare titles without their spaces and case: a Title property runs words together."""
    return "".join(text.split()).casefold()


_FINANCIAL_YEAR = re.compile(r"(?<![\d/-])(?P<year>(?:19|20)\d\d)[/–-](?P<next>\d\d)(?![\d/-])")


def _running_financial_year(heads: list[str]) -> tuple[str, str] | None:
    """Find the one financial year ("2019/20", "2005-06") that running heads or feet repeat."""
    seen: dict[int, list[str]] = {}
    for head in heads:
        for match in _FINANCIAL_YEAR.finditer(head):
            year = int(match["year"])
            if int(match["next"]) == (year + 1) % 100:
                seen.setdefault(year, []).append(head)
    repeated = [year for year, lines in seen.items() if len(lines) >= 2]
    if len(repeated) != 1:  # none, or several years side by side (a table's heads): no date
        return None
    return str(repeated[0]), seen[repeated[0]][0]
