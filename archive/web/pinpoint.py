"""Pinpoint citations of one page of a paper (APA, Harvard, OSCOLA), and a page's access day."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from archive.errors import BadRequest
from archive.web import cite


@dataclass(frozen=True)
class Pinpoint:
    style: str
    label: str
    in_text: str  # "(Department for Education, 2017, p. 4)"; for OSCOLA the footnote itself
    reference: cite.Citation  # the full reference (for OSCOLA, the footnote with the page)


def accessed_on(doc: dict[str, Any], today: dt.date) -> dt.date:
    """A page fetched by address was accessed on the day it was fetched; anything else, today."""
    try:
        return dt.date.fromisoformat(doc.get("fetched") or "")
    except ValueError:
        return today


def page_of(doc: dict[str, Any], value: str | None) -> int | None:
    """Read ?page=N: a page the document holds, or a BadRequest saying which pages there are."""
    if value is None or value == "":
        return None
    pages = doc.get("pages") or []
    if not pages:
        raise BadRequest(
            "page: this document has no pages to cite (it was not ingested from a PDF)"
        )
    if not value.isdigit() or int(value) not in pages:
        raise BadRequest(f"page: give one of this document's pages, {pages[0]} to {pages[-1]}")
    return int(value)


def pinpoints(doc: dict[str, Any], page: int, url: str, accessed: dt.date) -> list[Pinpoint]:
    """Cite one page in APA 7 and Harvard (in-text and reference) and OSCOLA (a footnote)."""
    return located(doc, f"p. {page}", str(page), url, accessed)


def paragraph_pinpoints(
    doc: dict[str, Any], number: int, page: int | None, url: str, accessed: dt.date
) -> list[Pinpoint]:
    """Cite one paragraph: by its page where there are pages, else "para. 12" (OSCOLA "para 12")."""
    if page is not None:
        return located(doc, f"p. {page}", str(page), url, accessed)
    return located(doc, f"para. {number}", f"para {number}", url, accessed)


def located(
    doc: dict[str, Any], locator: str, oscola_locator: str, url: str, accessed: dt.date
) -> list[Pinpoint]:
    """Cite a place in a document: APA 7 and Harvard put `locator` in the text, OSCOLA in a note."""
    person = (doc.get("author") or "").strip()
    who = cite._surname(person) if person else doc["source"]
    in_text = f"({who}, {doc['year'] or 'n.d.'}, {locator})"
    found = []
    for style, maker in (("apa", cite.apa), ("harvard", cite.harvard)):
        parts = maker(doc, url, accessed)
        found.append(Pinpoint(style, cite.STYLES[style], in_text, _citation(style, parts)))
    parts = cite.oscola(doc, url, accessed)
    # OSCOLA puts the pinpoint after the publication's date, before the address.
    where = next((i for i, part in enumerate(parts) if f" <{url}>" in part), None)
    if where is not None:
        before, _, after = parts[where].partition(f" <{url}>")
        located_part = type(parts[where])(f"{before} {oscola_locator} <{url}>{after}")
        parts = [*parts[:where], located_part, *parts[where + 1 :]]
    else:
        parts = [*parts, f", {oscola_locator}"]
    footnote = _citation("oscola", parts)
    found.append(Pinpoint("oscola", cite.STYLES["oscola"], footnote.text, footnote))
    return found


def _citation(style: str, parts: list[str]) -> cite.Citation:
    text = "".join(parts)
    marked = "".join(
        f"<i>{html.escape(p)}</i>" if isinstance(p, cite.Italic) else html.escape(p) for p in parts
    )
    return cite.Citation(style, cite.STYLES[style], text, marked)
