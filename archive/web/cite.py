"""Cite a document: APA 7, Harvard (Cite Them Right), OSCOLA, BibTeX and RIS. Pure functions of a document dict.

A document dict is what `Archive.document` returns. `url` is the address to cite: the original
publication's when it is known, else the archive's permalink. With no person named as author,
the publishing organisation (the document's source) is the corporate author, as each style
allows; OSCOLA alone opens an unsigned news article with its title, as its rules ask.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Any

STYLES = {"apa": "APA 7th edition", "harvard": "Harvard (Cite Them Right)", "oscola": "OSCOLA"}
RIS_TYPES = {"news": "NEWS", "press release": "PRESS", "report": "RPRT"}
BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
MONTHS_BIBTEX = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


class Italic(str):
    """A part of a citation set in italics."""


@dataclass(frozen=True)
class Citation:
    style: str
    label: str
    text: str
    html: str


def citations(doc: dict[str, Any], url: str, accessed: dt.date) -> list[Citation]:
    """Cite a document in every style, as plain text and as HTML with italics."""
    makers = {"apa": apa, "harvard": harvard, "oscola": oscola}
    found = []
    for style, label in STYLES.items():
        parts = makers[style](doc, url, accessed)
        text = "".join(parts)
        marked = "".join(f"<i>{html.escape(p)}</i>" if isinstance(p, Italic) else html.escape(p) for p in parts)
        found.append(Citation(style, label, text, marked))
    return found


# -- the three styles ------------------------------------------------------


def apa(doc: dict[str, Any], url: str, accessed: dt.date) -> list[str]:
    """APA 7: a webpage on a news website, a press release or a report; no retrieval date for fixed works."""
    person = _person(doc)
    author = f"{_surname(person)}, {_initials(person)}" if person else doc["source"]
    kind = _kind(doc)
    parts: list[str] = [_end(author), " ", f"({_apa_date(doc)}). ", Italic(doc["title"])]
    if kind == "press release":
        parts.append(" [Press release]")
    parts.append(". " if not doc["title"].endswith(("?", "!")) or kind == "press release" else " ")
    # The site's name is left out when the organisation is already the author (APA 7, 9.11).
    if person:
        parts.append(f"{doc['source']}. ")
    parts.append(url)
    return parts


def harvard(doc: dict[str, Any], url: str, accessed: dt.date) -> list[str]:
    """Harvard as in Cite Them Right: the publication stands in for a missing author."""
    person = _person(doc)
    kind = _kind(doc)
    year = str(doc["year"])
    day_month = _day_month(doc)
    available = f"Available at: {url} (Accessed: {_long_date(accessed)})."
    if kind == "news":
        if person:
            parts: list[str] = [f"{_surname(person)}, {_initials(person)} ({year}) ",
                                f"'{doc['title']}', ", Italic(doc["source"])]
        else:
            parts = [Italic(doc["source"]), f" ({year}) '{doc['title']}'"]
        parts.append(f", {day_month}. " if day_month else ". ")
    else:
        author = f"{_surname(person)}, {_initials(person)}" if person else doc["source"]
        parts = [f"{author} ({year}) ", Italic(doc["title"]), ". "]
        if kind == "press release":
            parts.append(f"Press release. {day_month}. " if day_month else "Press release. ")
    parts.append(available)
    return parts


def oscola(doc: dict[str, Any], url: str, accessed: dt.date) -> list[str]:
    """OSCOLA 4th edition, as a footnote: no closing full stop."""
    person = _person(doc)
    kind = _kind(doc)
    date = _oscola_date(doc)
    tail = f" <{url}> accessed {_long_date(accessed)}"
    if kind == "news":
        opening = f"{person}, " if person else ""
        return [f"{opening}'{doc['title']}' ", Italic(doc["source"]), f" ({date}){tail}"]
    author = person or doc["source"]
    if kind == "press release":
        return [f"{author}, '{doc['title']}' (Press release, {date}){tail}"]
    return [f"{author}, ", Italic(doc["title"]), f" ({date}){tail}"]


# -- reference manager formats ---------------------------------------------


def bibtex(doc: dict[str, Any], url: str, accessed: dt.date) -> str:
    """Write one BibTeX entry; braces keep the case of titles and organisations."""
    person = _person(doc)
    kind = _kind(doc)
    entry = {"news": "article", "report": "techreport"}.get(kind, "misc")
    author = _bib(f"{_surname(person)}, {_given(person)}") if person else "{" + _bib(doc["source"]) + "}"
    fields = [("author", author), ("title", "{" + _bib(doc["title"]) + "}")]
    if entry == "article":
        fields.append(("journal", _bib(doc["source"])))
    elif entry == "techreport":
        fields.append(("institution", _bib(doc["source"])))
    else:
        fields.append(("publisher", _bib(doc["source"])))
        if kind == "press release":
            fields.append(("howpublished", "Press release"))
    fields.append(("year", str(doc["year"])))
    month = _month(doc)
    if month:
        fields.append(("month", MONTHS_BIBTEX[month - 1]))
    fields += [
        ("date", doc["date"]),
        ("url", _bib_url(url)),
        ("urldate", accessed.isoformat()),
        ("note", f"Accessed {_long_date(accessed)}"),
    ]
    if doc.get("summary"):
        fields.append(("abstract", _bib(doc["summary"])))
    if doc.get("licence"):
        fields.append(("copyright", _bib(doc["licence"])))  # Zotero reads it as Rights
    keywords = [d["name"] for d in doc.get("departments", [])] + [p["name"] for p in doc.get("programmes", [])]
    if keywords:
        fields.append(("keywords", _bib(", ".join(keywords))))
    body = ",\n".join(f"  {name} = {{{value}}}" if name != "month" else f"  {name} = {value}" for name, value in fields)
    return f"@{entry}{{{bibtex_key(doc)},\n{body}\n}}\n"


def bibtex_key(doc: dict[str, Any]) -> str:
    """Make a citation key such as communitycare2017innovative."""
    person = _person(doc)
    who = _surname(person) if person else doc["source"]
    first = next((w for w in re.findall(r"[A-Za-z]+", doc["title"]) if len(w) > 3), "")
    key = re.sub(r"[^a-z0-9]", "", f"{who}{doc['year']}{first}".lower())
    return key or re.sub(r"[^a-z0-9]", "", doc["id"])


def ris(doc: dict[str, Any], url: str, accessed: dt.date, permalink: str | None = None) -> str:
    """Write one RIS record, for Zotero, EndNote and Mendeley."""
    person = _person(doc)
    kind = _kind(doc)
    lines = [("TY", RIS_TYPES.get(kind, "GEN")), ("TI", doc["title"])]
    if person:
        lines.append(("AU", f"{_surname(person)}, {_given(person)}"))
    elif kind != "news":
        lines.append(("AU", doc["source"]))  # a corporate author: one name, no comma
    if kind == "news":
        lines.append(("T2", doc["source"]))
    lines += [("PB", doc["source"]), ("PY", str(doc["year"]))]
    month, day = _month(doc), _day(doc)
    lines.append(("DA", f"{doc['year']:04d}/{month:02d}/{day:02d}/" if day else
                  f"{doc['year']:04d}/{month:02d}//" if month else f"{doc['year']:04d}///"))
    lines += [("UR", url), ("Y2", accessed.strftime("%Y/%m/%d"))]
    if doc.get("summary"):
        lines.append(("AB", doc["summary"]))
    for item in [*doc.get("departments", []), *doc.get("programmes", [])]:
        lines.append(("KW", item["name"]))
    if permalink and permalink != url:
        lines.append(("N1", f"Archived at {permalink}"))
    if doc.get("licence"):
        lines.append(("N1", f"Licence: {doc['licence']}"))
    lines.append(("ID", doc["id"]))
    # One line per tag: a line break in a value would start a new tag.
    text = "".join(f"{tag}  - {' '.join(str(value).split())}\r\n" for tag, value in lines)
    return text + "ER  - \r\n"


# -- helpers ---------------------------------------------------------------


def _kind(doc: dict[str, Any]) -> str:
    kind = (doc.get("type") or "news").strip().lower()
    return kind if kind in RIS_TYPES else "news"


def _person(doc: dict[str, Any]) -> str | None:
    author = (doc.get("author") or "").strip()
    return author or None


def _name_parts(person: str) -> tuple[str, list[str]]:
    if "," in person:
        surname, given = person.split(",", 1)
        return surname.strip(), given.split()
    words = person.split()
    return words[-1], words[:-1]


def _surname(person: str) -> str:
    return _name_parts(person)[0]


def _given(person: str) -> str:
    return " ".join(_name_parts(person)[1])


def _initials(person: str) -> str:
    """Write given names as initials: Jean-Paul Sartre gives J.-P."""
    given = _name_parts(person)[1]
    return " ".join("-".join(f"{part[0]}." for part in name.split("-") if part) for name in given)


def _end(text: str) -> str:
    return text if text.endswith(".") else text + "."


def _parts(doc: dict[str, Any]) -> list[int]:
    return [int(p) for p in doc["date"].split("-")]


def _month(doc: dict[str, Any]) -> int | None:
    parts = _parts(doc)
    return parts[1] if len(parts) > 1 else None


def _day(doc: dict[str, Any]) -> int | None:
    parts = _parts(doc)
    return parts[2] if len(parts) > 2 else None


def _apa_date(doc: dict[str, Any]) -> str:
    month, day = _month(doc), _day(doc)
    if day:
        return f"{doc['year']}, {calendar.month_name[month]} {day}"
    if month:
        return f"{doc['year']}, {calendar.month_name[month]}"
    return str(doc["year"])


def _day_month(doc: dict[str, Any]) -> str:
    month, day = _month(doc), _day(doc)
    if day:
        return f"{day} {calendar.month_name[month]}"
    return calendar.month_name[month] if month else ""


def _oscola_date(doc: dict[str, Any]) -> str:
    month, day = _month(doc), _day(doc)
    if day:
        return f"{day} {calendar.month_name[month]} {doc['year']}"
    if month:
        return f"{calendar.month_name[month]} {doc['year']}"
    return str(doc["year"])


def _long_date(day: dt.date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def _bib(text: str) -> str:
    return "".join(BIBTEX_SPECIALS.get(ch, ch) for ch in " ".join(str(text).split()))


def _bib_url(url: str) -> str:
    # Braces would end the field early; a URL never needs them.
    return "".join(ch for ch in url if ch not in "{}\\ \n\r\t")
