"""Write a paper's cleaned pages as Markdown blocks: the running text first, then the page's
captions, chart notes and boxes, then its footnotes marked as notes; a paragraph or a footnote that
runs on to the next page stays one block, with the next page's marker inside it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from archive.ingest.hyphens import join_lines
from archive.ingest.marks import PAGE_MARKER, escape
from archive.ingest.marks import SENTENCE_END as _SENTENCE_END

_NUMBERED_NOTE = re.compile(
    r"^(?:(?P<n>\d{1,3})|\[(?P<b>\d{1,3})\]|(?P<s>[*†‡§]))\s*(?P<rest>\S.*)$", re.S
)
Units = list[tuple[str, str]]


def write_pages(
    paper: Any, pages: list[tuple[int, list]], units_of: Callable[[list], Units]
) -> None:
    """Append each page's blocks to the paper, keeping runs over page breaks whole."""
    tail: list[str] = []
    open_paragraph, tail_page = False, 0
    for number, items in pages:
        paper.pages.append(number)
        marker = PAGE_MARKER.format(number)
        body = units_of([i for i in items if _role(i) not in ("aside", "note")])
        asides = units_of([i for i in items if _role(i) == "aside"])
        notes = units_of([i for i in items if _role(i) == "note"])
        if notes and tail and not _NUMBERED_NOTE.match(notes[0][1]) and tail[-1].startswith("Note"):
            tail[-1] += (
                f" {marker} {escape(notes[0][1])}"  # a footnote runs on from the page before
            )
            notes = notes[1:]
        if open_paragraph:
            body = _table_first(body)
        # The paragraph runs on: the page ended inside a sentence, and the next begins in lower
        # case, or the page ended on a word or a hyphen, not on a heading's or a label's colon.
        runs_on = (
            open_paragraph
            and body
            and body[0][0] == "p"
            and (body[0][1][:1].islower() or re.search(r"[a-z,;\-–]$", paper.blocks[-1]))
        )
        if runs_on:
            paper.blocks[-1] = _run_on(paper.blocks[-1], marker, escape(body[0][1]))
            body = body[1:]
            if tail:  # the page before's notes follow the paragraph they belong to
                paper.blocks += [PAGE_MARKER.format(tail_page), *tail, marker]
        else:
            paper.blocks += tail
            paper.blocks.append(marker)
        for kind, text in body:
            paper.blocks.append(text if kind in ("h", "list") else escape(text))
        open_paragraph = bool(body) and body[-1][0] == "p" and not _SENTENCE_END.search(body[-1][1])
        tail = [text if kind in ("h", "list") else escape(text) for kind, text in asides]
        tail += [_note(text) for kind, text in notes]
        tail_page = number
    paper.blocks += tail


def _table_first(body: Units) -> Units:
    """A table or figure set at the head of the page (with its caption and headings) before the
    rest of a paragraph that runs on from the page before: that rest, begun in lower case, is
    read first, and what stood above it follows."""
    for at, (kind, text) in enumerate(body[:60]):
        if kind == "p" and text[:1].islower():
            return [body[at], *body[:at], *body[at + 1 :]] if at else body
        if kind == "p" and _prose(text):
            break
    return body


def _prose(text: str) -> bool:
    """Running text, not a table's row or a label: words, most of them in lower case."""
    words = text.split()
    return len(words) >= 6 and sum(w.isalpha() and w.islower() for w in words) >= len(words) / 2


def _run_on(before: str, marker: str, after: str) -> str:
    """Join a paragraph's next page to it; a word broken over the break is mended first."""
    if before.endswith("-") and before[-2:-1].isalpha():
        first, _, rest = after.partition(" ")
        return f"{join_lines(before, first)} {marker} {rest}".rstrip()
    return f"{before} {marker} {after}"


def _role(item: object) -> str | None:
    """A line's role; a table (a list of rows) has none."""
    return getattr(item, "role", None)


def _note(text: str) -> str:
    """Mark a footnote as a note: "Note 3: text"."""
    match = _NUMBERED_NOTE.match(text)
    if match:
        mark = match["n"] or match["b"] or match["s"]
        return f"Note {mark}: {escape(match['rest'])}"
    return f"Note: {escape(text)}"
