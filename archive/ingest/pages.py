"""Turn a paper's pages into Markdown.

Running headers, footers, page numbers and contents pages are left out, hyphenation joined,
lines reflowed into paragraphs, headings and numbered paragraphs kept, tables kept as rows.

Each page starts with a marker, `<!-- page N -->`, on a line of its own or, where a paragraph
runs on from one page to the next, inside it; the corpus parser reads the markers to give each
amount its page.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from archive.ingest.covers import HEADING_WORDS, cover_title
from archive.ingest.covers import title_lines as title_lines_of
from archive.ingest.hyphens import join_lines
from archive.ingest.marks import SENTENCE_END as _SENTENCE_END
from archive.ingest.marks import escape
from archive.ingest.pagetext import Line, PageText
from archive.ingest.running import RULE, drop_running_rows, is_running, running_lines

_LEADER = re.compile(r"(?:\.\s?){3,}\s*\d{1,4}$|…+\s*\d{1,4}$|\s{2,}\d{1,4}$")
_CONTENTS_TITLE = re.compile(r"^(?:table\s+of\s+)?contents$", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[•·▪◦‣●*]|[-–—](?=\s))\s*")
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[A-Z]\.|\([a-z0-9]{1,3}\))\s+\S")
_NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(?P<rest>[A-Z].*)$")


@dataclass
class Paper:
    """A paper as Markdown blocks with page markers, and what was learnt or left out on the way."""

    blocks: list[str]
    title: str | None = None  # the largest line of the first page
    title_page: int | None = None
    cover_title: str | None = None  # a cover's lines set in the text's own type
    heading_title: str | None = None  # the heading the first page opens with (a chapter's)
    front: list[str] = field(
        default_factory=list
    )  # the first pages' lines, for dates and publishers
    pages: list[int] = field(default_factory=list)  # the pages whose text is kept
    dropped: list[str] = field(default_factory=list)  # what was left out, one note each
    front_blocks: list[str] = field(
        default_factory=list
    )  # the first two pages' paragraphs, for dates
    imprint: list[str] = field(
        default_factory=list
    )  # the first and last pages' lines: official numbers
    heads: list[str] = field(
        default_factory=list
    )  # the running heads and feet left out of the first pages: a journal's issue date

    @property
    def markdown(self) -> str:
        return "\n\n".join(self.blocks) + "\n"

    @property
    def text(self) -> str:
        """The text without page markers, for dating, matching and duplicate checks."""
        return "\n\n".join(
            _MARKERS.sub(" ", b).strip() for b in self.blocks if not _MARKERS.fullmatch(b)
        )


_MARKERS = re.compile(r"\s*<!-- page \d{1,5} -->\s*")


def to_paper(pages: list[PageText], ocr: bool = False) -> Paper:
    """Clean a paper's pages and write them as Markdown with page markers (ocr: read by OCR)."""
    paper = Paper([])
    running = running_lines(pages)
    sizes: Counter[float] = Counter()
    for page in pages:
        for ln in page.lines:
            if ln.size:
                sizes[ln.size] += len(ln.text)
    type_size = sizes.most_common(1)[0][0] if sizes else 0.0
    if running:
        paper.dropped.append(
            "running headers and footers: " + "; ".join(f'"{t}"' for t in sorted(running)[:4])
        )
    kept_pages: list[tuple[int, list[Line | list[list[str]]]]] = []
    for page in pages:
        lines = [ln for ln in page.lines if not RULE.fullmatch(ln.text)]
        heads = {id(ln) for ln in lines if is_running(ln, page, running, type_size)}
        paper.heads += drop_running_rows(page, running)[: max(0, 12 - len(paper.heads))]
        if len(paper.heads) < 12:
            paper.heads += [ln.text for ln in lines if id(ln) in heads]
        lines = [ln for ln in lines if id(ln) not in heads]
        if _is_contents([ln for ln in lines if ln.role != "table"]):
            paper.dropped.append(f"the contents on page {page.number}")
            continue
        lines = [
            ln
            for ln in lines
            if not (_LEADER.search(ln.text) and len(ln.text.split()) <= HEADING_WORDS)
        ]
        items: list[Line | list[list[str]]] = [
            page.tables[int(ln.text[1:])][1] if ln.role == "table" else ln for ln in lines
        ]
        if not any(ln.role == "table" for ln in lines):
            for top, rows in page.tables:  # a table stands where it stands on the page
                at = next(
                    (i for i, ln in enumerate(items) if isinstance(ln, Line) and ln.top > top),
                    len(items),
                )
                items.insert(at, rows)
        if items:
            kept_pages.append((page.number, items))
    from archive.ingest.tables import carry_headers

    carry_headers(kept_pages)
    body: Counter[float] = Counter()
    for _, items in kept_pages:
        for item in items:
            if isinstance(item, Line) and item.size:
                body[item.size] += len(item.text)
    body_size = body.most_common(1)[0][0] if body else 0.0
    title_lines = title_lines_of(kept_pages, body_size, ocr)
    if title_lines:
        # a title's lines join as a paragraph's do: "Work-" / "related" is "Work-related"
        title = functools.reduce(join_lines, (ln.text.strip() for ln in title_lines))
        paper.title, paper.title_page = title, kept_pages[0][0]
    elif len(kept_pages) > 1:
        paper.cover_title = cover_title(kept_pages[0][1])
    step = _line_step(kept_pages, body_size)
    levels = _heading_levels(kept_pages, body_size, title_lines)
    paper.front = [
        item.text for _, items in kept_pages[:2] for item in items if isinstance(item, Line)
    ]
    paper.imprint = paper.front + [
        item.text for _, items in kept_pages[2:][-2:] for item in items if isinstance(item, Line)
    ]
    from archive.ingest.pagewriter import write_pages  # it writes with this module's helpers

    write_pages(
        paper,
        kept_pages,
        lambda items: _units(items, body_size, levels, title_lines, step, 0.15 if ocr else 0.06),
    )
    if not paper.title and not paper.cover_title:
        paper.heading_title = _opening_heading(paper.blocks)
    early = [b for b in paper.blocks if _MARKERS.fullmatch(b)][2:3]  # the third page's marker
    cut = paper.blocks.index(early[0]) if early else len(paper.blocks)
    # A cover's lines are read one by one too: a year set on a line of its own dates the paper.
    paper.front_blocks = (
        [(title_lines and paper.title) or ""]
        + [ln.text for ln in title_lines if len(title_lines) > 1]
        + [_MARKERS.sub(" ", b).strip().lstrip("#").strip() for b in paper.blocks[:cut]]
    )
    return paper


def _opening_heading(blocks: list[str]) -> str | None:
    """The heading the first page opens with, its lines joined ("Chapter 6 – An overview of
    market structure" over two lines): a chapter's title where the paper prints no larger one.
    Not a numbered section's ("2. Background"): a part of a longer paper."""
    lines: list[str] = []
    level = ""
    for block in blocks[1:4]:
        match = re.match(r"^(#{2,4}) (.+)$", block)
        if not match or (level and match[1] != level):
            break
        level = match[1]
        lines.append(re.sub(r"\\(?=[^\w\s])", "", match[2]))
    if not lines:
        return None
    title = " ".join(lines)
    # a numbered section's short name is a part of a longer paper; a long one names the whole
    # (a convention in a series: "23. CONVENTION ON THE RECOGNITION AND ENFORCEMENT OF ...")
    numbered = _NUMBERED_HEADING.match(lines[0]) or re.match(r"^\d", lines[0])
    if numbered and len(title.split()) < 6:
        return None
    return title if len(title.split()) <= 2 * HEADING_WORDS else None


def _is_contents(lines: list[Line]) -> bool:
    if not lines:
        return False
    leaders = sum(1 for ln in lines if _LEADER.search(ln.text))
    titled = any(_CONTENTS_TITLE.match(ln.text.strip()) for ln in lines[:3])
    return leaders >= 3 and (titled or leaders >= 0.5 * len(lines))


def _line_step(pages: list[tuple[int, list]], body_size: float) -> float:
    """The usual distance from one line of text to the next; a larger gap ends a paragraph."""
    gaps = []
    for _, items in pages:
        lines = [ln for ln in items if isinstance(ln, Line) and ln.size == body_size]
        gaps += [b.top - a.top for a, b in zip(lines, lines[1:]) if b.top > a.top]
    return sorted(gaps)[len(gaps) // 2] if gaps else 0.0


def _heading_levels(
    pages: list[tuple[int, list]], body_size: float, title: list[Line]
) -> dict[float, int]:
    """Give each size of heading a level: the largest after the title is ##."""
    sizes = {
        item.size
        for _, items in pages
        for item in items
        if isinstance(item, Line)
        and item not in title
        and body_size
        and item.size >= 1.15 * body_size
        and len(item.text.split()) <= HEADING_WORDS
    }
    return {size: min(2 + rank, 4) for rank, size in enumerate(sorted(sizes, reverse=True))}


def _units(
    items: list,
    body_size: float,
    levels: dict[float, int],
    title: list[Line],
    step: float,
    resized: float = 0.06,
) -> list[tuple[str, str]]:
    """Group a page's lines into headings ("h"), paragraphs ("p") and lists ("list"); a change
    of type size by more than `resized` (a share) starts a paragraph: OCR's sizes are estimates
    that vary by a tenth from line to line, a text layer's are exact."""
    units: list[tuple[str, str]] = []
    previous: Line | None = None
    heading: Line | None = None
    for item in items:
        if not isinstance(item, Line):
            units.append(("list", table_rows(item)))
            previous = heading = None
            continue
        line = item
        if line in title:
            previous = heading = None
            continue
        text = line.text
        level = _heading_level(line, body_size, levels)
        if level:
            mark = "#" * level + " "
            # a heading wrapped over lines in one type, a line's step apart, is one heading
            # (its first line's number may give it a level its other lines lack: "23. CONVENTION
            # ON THE ..." over "ENFORCEMENT OF ...")
            if (
                heading is not None
                and units
                and units[-1][0] == "h"
                and 0 < line.top - heading.top <= 1.6 * max(line.size, 1.0)
                and abs(line.size - heading.size) < 0.5
                and line.bold == heading.bold
            ):
                units[-1] = ("h", join_lines(units[-1][1], escape(text)))
            else:
                units.append(("h", mark + escape(text)))
            heading, previous = line, None
            continue
        heading = None
        bullet = _BULLET.match(text) or line.bullet
        # A word broken at a line's end runs on, whatever space lies between (a column's foot
        # and the next column's first line under a figure).
        broken = previous is not None and bool(
            re.search(r"[a-z]-$", previous.text) and text[:1].islower()
        )
        gap = previous is not None and (
            step
            and line.top - previous.top > 1.4 * step
            and not broken
            or abs(line.size - previous.size) > resized * max(line.size, 1.0)
        )
        new_block = (
            previous is None
            or gap
            or bool(bullet)
            or line.lead
            or (_NUMBERED.match(text) and _SENTENCE_END.search(previous.text))
            or (not step and _SENTENCE_END.search(previous.text) and not text[:1].islower())
        )
        if bullet:
            item_text = "- " + escape(_BULLET.sub("", text, count=1) if not line.bullet else text)
            if units and units[-1][0] == "list" and not gap:
                units[-1] = ("list", units[-1][1] + "\n" + item_text)
            else:
                units.append(("list", item_text))
        elif not new_block and units and units[-1][0] in ("p", "list"):
            kind, last = units[-1]
            units[-1] = (kind, join_lines(last, text))
        else:
            units.append(("p", text))
        previous = line
    return units


def _heading_level(line: Line, body_size: float, levels: dict[float, int]) -> int:
    words = len(line.text.split())
    if words > HEADING_WORDS or _SENTENCE_END.search(line.text) and not line.text.endswith(":"):
        return 0
    if line.size in levels:
        return levels[line.size]
    numbered = _NUMBERED_HEADING.match(line.text)
    if line.bold and (not body_size or line.size <= 1.15 * body_size) and words <= 10:
        return min(2 + numbered["number"].count("."), 4) if numbered else 3
    return 0


def table_rows(rows: list[list[str]]) -> str:
    """Write a table as a list, one row an item: "Row label — Column: cell; Column: cell"."""
    from archive.ingest.tables import table_rows as write

    return write(rows, escape)
