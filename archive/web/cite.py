"""Cite a document: APA 7, Harvard (Cite Them Right), OSCOLA, BibTeX and RIS.

Pure functions of a document dict.

A document dict is what `Archive.document` returns. `url` is the address to cite: the original
publication's when it is known, else the archive's permalink. With no person named as author,
the publishing organisation (the document's source) is the corporate author of a work it
issues; an unsigned news article opens with its title in APA and OSCOLA and with the newspaper
in Harvard, as each style's rules ask. Each kind of the corpus format (archive.corpus.kinds) is
cited as that kind. A title in capitals is calmed (sentence case in APA and Harvard, title case
elsewhere, acronyms kept: archive.web.titles); other titles are kept as written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
from dataclasses import dataclass
from typing import Any

from archive.corpus.kinds import kind_of
from archive.web.titles import sentence_case, title_case

STYLES = {"apa": "APA 7th edition", "harvard": "Harvard (Cite Them Right)", "oscola": "OSCOLA"}
# How each kind is described beside its title (APA's brackets, Harvard's and OSCOLA's words).
DESCRIPTIONS = {
    "press release": "Press release",
    "speech": "Speech",
    "transcript": "Transcript",
    "policy paper": "Policy paper",
    "consultation": "Consultation paper",
    "statistics": "Statistical release",
    "letter": "Letter",
}
# RIS has no type for a speech or a transcript: GEN with the kind in M3 ("type of work").
RIS_TYPES = {
    "news": "NEWS",
    "press release": "PRESS",
    "report": "RPRT",
    "speech": "GEN",
    "transcript": "GEN",
    "policy paper": "GOVDOC",
    "consultation": "GOVDOC",
    "statistics": "RPRT",
    "letter": "PCOMM",
}
# Papers an organisation issues are reports of a kind (BibTeX's type field names which);
# what is neither an article nor a paper is @misc, described by howpublished.
PAPERS = {"report", "policy paper", "consultation", "statistics"}
BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
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


def citations(
    doc: dict[str, Any], url: str, accessed: dt.date, archive: str | None = None
) -> list[Citation]:
    """Cite a document in every style, as plain text and as HTML with italics.

    `archive` is this archive's name when `url` is its own copy, so that the citation says where
    it is.
    """
    makers = {"apa": apa, "harvard": harvard, "oscola": oscola}
    found = []
    for style, label in STYLES.items():
        parts = makers[style](doc, url, accessed, archive)
        text = "".join(parts)
        marked = "".join(
            f"<i>{html.escape(p)}</i>" if isinstance(p, Italic) else html.escape(p) for p in parts
        )
        found.append(Citation(style, label, text, marked))
    return found


# -- the three styles ------------------------------------------------------


def apa(doc: dict[str, Any], url: str, accessed: dt.date, archive: str | None = None) -> list[str]:
    """APA 7: a news article, or a work of its kind; an authorless news title goes first (9.12)."""
    person = _person(doc)
    kind = _kind(doc)
    title = sentence_case(doc["title"])
    author = f"{_surname(person)}, {_initials(person)}" if person else doc["source"]
    where = [f"{archive}. ", url] if archive else [url]
    # APA 7 dates a report by its year alone (10.4); a release, a talk or an article by its day.
    date = f"({_apa_date(doc, year_only=kind in PAPERS)}). "
    if kind == "news":
        # A newspaper article: the title in roman, the periodical in italics (APA 7, 10.1).
        opening = (
            [_end(author), " ", date, _end(title), " "] if person else [_end(title), " ", date]
        )
        return [*opening, Italic(doc["source"]), ". ", *where]
    parts: list[str] = [_end(author), " ", date, Italic(title)]
    description = _description(doc)
    if description:
        parts.append(f" [{description}]")
    parts.append(". " if description or not title.endswith(("?", "!")) else " ")
    # The publisher is left out when the organisation is already the author (APA 7, 9.11).
    if person:
        parts.append(f"{doc['source']}. ")
    return [*parts, *where]


def harvard(
    doc: dict[str, Any], url: str, accessed: dt.date, archive: str | None = None
) -> list[str]:
    """Harvard as in Cite Them Right: the publication stands in for a missing author."""
    person = _person(doc)
    kind = _kind(doc)
    title = sentence_case(doc["title"])
    year = str(doc["year"]) if doc["year"] else "n.d."  # undated (Cite Them Right)
    day_month = _day_month(doc)
    at = f"{archive}, {url}" if archive else url
    available = f"Available at: {at} (Accessed: {_long_date(accessed)})."
    if kind == "news":
        if person:
            parts: list[str] = [
                f"{_surname(person)}, {_initials(person)} ({year}) ",
                f"'{title}', ",
                Italic(doc["source"]),
            ]
        else:
            parts = [Italic(doc["source"]), f" ({year}) '{title}'"]
        parts.append(f", {day_month}. " if day_month else ". ")
    else:
        author = f"{_surname(person)}, {_initials(person)}" if person else doc["source"]
        parts = [f"{author} ({year}) ", Italic(title), " " if title.endswith(("?", "!")) else ". "]
        description = _description(doc)
        if description:
            parts.append(f"{description}. {day_month}. " if day_month else f"{description}. ")
    parts.append(available)
    return parts


def oscola(
    doc: dict[str, Any],
    url: str,
    accessed: dt.date,
    archive: str | None = None,
    bibliography: bool = False,
) -> list[str]:
    """OSCOLA 4th edition, as a footnote (or a bibliography entry): no closing full stop."""
    person = _person(doc)
    kind = _kind(doc)
    title = title_case(doc["title"])
    date = _oscola_date(doc)
    tail = (
        f", archived in {archive}" if archive else ""
    ) + f" <{url}> accessed {_long_date(accessed)}"
    description = _description(doc)
    # A footnote names a person as written in the text, given names first (OSCOLA 1.2.1);
    # the bibliography puts the surname first, with initials (oscola_author).
    name = oscola_author(person, bibliography) if person else None
    if kind == "news":
        opening = f"{name}, " if name else ""
        return [f"{opening}'{title}' ", Italic(doc["source"]), f" ({date}){tail}" if date else tail]
    author = name or doc["source"]
    # An official paper's number stands for its kind, "(CP 1234, 2025)"; OSCOLA leaves out a
    # missing date.
    numbered = next((n for n in doc.get("numbers") or [] if not n.startswith("ISBN")), "")
    if numbered and doc["year"]:
        date = str(doc["year"])  # a Command or House paper is cited by its number and year
    inside = ", ".join(part for part in (numbered or description, date) if part)
    within = f"({inside})" if inside else ""
    if not within:
        return (
            [f"{author}, ", Italic(title), tail]
            if kind in PAPERS
            else [f"{author}, '{title}'{tail}"]
        )
    if kind in PAPERS:
        return [f"{author}, ", Italic(title), f" {within}{tail}"]
    return [f"{author}, '{title}' {within}{tail}"]


def oscola_author(person: str, bibliography: bool = False) -> str:
    """Name a person for OSCOLA: Malcolm Turnbull in a footnote, Turnbull M in a bibliography."""
    surname, given = _name_parts(person)
    if bibliography:
        initials = "".join(name[0] for name in given if name)
        return f"{surname} {initials}".strip()
    return " ".join([*given, surname])


# -- reference manager formats ---------------------------------------------


def bibtex(doc: dict[str, Any], url: str, accessed: dt.date, archive: str | None = None) -> str:
    """Write one BibTeX entry; braces keep the case of titles and organisations."""
    person = _person(doc)
    kind = _kind(doc)
    entry = "article" if kind == "news" else "techreport" if kind in PAPERS else "misc"
    author = (
        _bib(f"{_surname(person)}, {_given(person)}") if person else "{" + _bib(doc["source"]) + "}"
    )
    fields = [("author", author), ("title", "{" + _bib(title_case(doc["title"])) + "}")]
    description = _description(doc)
    if entry == "article":
        fields.append(("journal", _bib(doc["source"])))
    elif entry == "techreport":
        fields.append(("institution", _bib(doc["source"])))
        if description:
            fields.append(("type", _bib(description)))
    else:
        fields.append(("publisher", _bib(doc["source"])))
        if description:
            fields.append(("howpublished", _bib(description)))
    if doc["year"]:
        fields.append(("year", str(doc["year"])))
    month = _month(doc)
    if month:
        fields.append(("month", MONTHS_BIBTEX[month - 1]))
    note = (
        f"Archived in {archive}. Accessed {_long_date(accessed)}"
        if archive
        else f"Accessed {_long_date(accessed)}"
    )
    fields += [
        ("date", doc["date"]),
        ("url", _bib_url(url)),
        ("urldate", accessed.isoformat()),
        ("note", _bib(note)),
    ]
    if doc.get("summary"):
        fields.append(("abstract", _bib(doc["summary"])))
    if doc.get("licence"):
        fields.append(("copyright", _bib(doc["licence"])))  # Zotero reads it as Rights
    keywords = [d["name"] for d in doc.get("departments", [])] + [
        p["name"] for p in doc.get("programmes", [])
    ]
    if keywords:
        # Semicolons: a department's name may hold a comma ("Children, Schools and Families").
        fields.append(("keywords", _bib("; ".join(keywords))))
    body = ",\n".join(
        f"  {name} = {{{value}}}" if name != "month" else f"  {name} = {value}"
        for name, value in fields
    )
    return f"@{entry}{{{bibtex_key(doc)},\n{body}\n}}\n"


def bibtex_key(doc: dict[str, Any]) -> str:
    """Key an entry by the document's id: unique in the archive, and the same in every export."""
    # Ids are lower-case letters, digits and hyphens, which every BibTeX tool accepts in a key.
    return doc["id"]


def ris(
    doc: dict[str, Any],
    url: str,
    accessed: dt.date,
    permalink: str | None = None,
    archive: str | None = None,
) -> str:
    """Write one RIS record, for Zotero, EndNote and Mendeley."""
    person = _person(doc)
    kind = _kind(doc)
    lines = [("TY", RIS_TYPES.get(kind, "GEN")), ("TI", title_case(doc["title"]))]
    if person:
        lines.append(("AU", f"{_surname(person)}, {_given(person)}"))
    elif kind != "news":
        lines.append(("AU", doc["source"]))  # a corporate author: one name, no comma
    if kind == "news":
        lines.append(("T2", doc["source"]))
    description = _description(doc)
    if description:
        lines.append(("M3", description))
    lines.append(("PB", doc["source"]))
    month, day = _month(doc), _day(doc)
    if doc["year"]:
        lines.append(("PY", str(doc["year"])))
        lines.append(
            (
                "DA",
                f"{doc['year']:04d}/{month:02d}/{day:02d}/"
                if day
                else f"{doc['year']:04d}/{month:02d}//"
                if month
                else f"{doc['year']:04d}///",
            )
        )
    lines += [("UR", url), ("Y2", accessed.strftime("%Y/%m/%d"))]
    if archive:
        lines.append(("DB", archive))
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


def noun(doc: dict[str, Any]) -> str:
    """Name what a document is, for "Cite this ...": article, press release, speech, or document."""
    kind = _kind(doc)
    return "article" if kind == "news" else "document" if kind == "other" else kind


def _kind(doc: dict[str, Any]) -> str:
    """Name the document's kind: one of the corpus format's, or "other"."""
    return kind_of(doc.get("type")) or "other"


def _description(doc: dict[str, Any]) -> str:
    """Describe a kind for a citation: Press release, Speech; a type not known, as written."""
    kind = _kind(doc)
    if kind == "other":
        written = " ".join(str(doc["type"]).split())
        return written[:1].upper() + written[1:]
    return DESCRIPTIONS.get(kind, "")


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
    # A title that ends in a question or exclamation mark takes no full stop after it.
    return text if text.endswith((".", "?", "!")) else text + "."


def _parts(doc: dict[str, Any]) -> list[int]:
    return [int(p) for p in doc["date"].split("-")] if doc["year"] else [0]  # undated


def _month(doc: dict[str, Any]) -> int | None:
    parts = _parts(doc)
    return parts[1] if len(parts) > 1 else None


def _day(doc: dict[str, Any]) -> int | None:
    parts = _parts(doc)
    return parts[2] if len(parts) > 2 else None


def _apa_date(doc: dict[str, Any], year_only: bool = False) -> str:
    if not doc["year"]:
        return "n.d."  # undated (APA 7, 9.17)
    month, day = (None, None) if year_only else (_month(doc), _day(doc))
    if day and month is not None:  # a day comes with its month
        return f"{doc['year']}, {calendar.month_name[month]} {day}"
    if month:
        return f"{doc['year']}, {calendar.month_name[month]}"
    return str(doc["year"])


def _day_month(doc: dict[str, Any]) -> str:
    month, day = _month(doc), _day(doc)
    if day and month is not None:  # a day comes with its month
        return f"{day} {calendar.month_name[month]}"
    return calendar.month_name[month] if month else ""


def _oscola_date(doc: dict[str, Any]) -> str:
    return f"{_day_month(doc)} {doc['year']}".lstrip() if doc["year"] else ""


def _long_date(day: dt.date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def _bib(text: str) -> str:
    return "".join(BIBTEX_SPECIALS.get(ch, ch) for ch in " ".join(str(text).split()))


def _bib_url(url: str) -> str:
    # Braces would end the field early; a URL never needs them.
    return "".join(ch for ch in url if ch not in "{}\\ \n\r\t")
