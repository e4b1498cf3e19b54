"""Describe documents for reference managers: COinS (OpenURL KEV) spans, MODS records. No Flask.

Zotero's connector reads one COinS span or one unAPI id per result and offers them as a pick
list. Reports, press releases and other papers an organisation issues are OpenURL "book"
contexts of genre report, the organisation as corporate author (rft.aucorp); a news article is a
Dublin Core context of type newspaperArticle with the newspaper as its source; anything else a
Dublin Core context of the Zotero item type nearest its kind.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from lxml import etree

from archive.web import cite
from archive.web.export import XML_INVALID

KEV_VERSION = "Z39.88-2004"
BOOK = "info:ofi/fmt:kev:mtx:book"
DUBLIN_CORE = "info:ofi/fmt:kev:mtx:dc"
# The organisation's own papers: a report in OpenURL, Highwire and MODS terms.
REPORTS = {"press release", "report", "policy paper", "consultation", "statistics"}
# Zotero item types (rft.type in a Dublin Core context) for the other kinds.
DC_TYPES = {
    "news": "newspaperArticle",
    "speech": "presentation",
    "transcript": "interview",
    "letter": "letter",
    "other": "document",
}
MODS_NS = "http://www.loc.gov/mods/v3"
MODS_VERSION = "3.6"
# MODS genre terms Zotero's MODS import reads as item types; the rest as the kind's name.
MODS_GENRES = {
    "news": "newspaper article",
    "report": "report",
    "press release": "report",
    "policy paper": "report",
    "consultation": "report",
    "statistics": "report",
    "speech": "speech",
    "transcript": "interview",
    "letter": "letter",
}


def kind(doc: dict[str, Any]) -> str:
    """Name the document's kind as cite does: one of the corpus format's, or "other"."""
    return cite._kind(doc)


def is_report(doc: dict[str, Any]) -> bool:
    """Tell whether a document is a paper its organisation issues (a release or a report)."""
    return kind(doc) in REPORTS


def coins(doc: dict[str, Any], url: str) -> str:
    """Write a document's COinS title attribute: an OpenURL ContextObject in KEV (Z39.88-2004)."""
    person = cite._person(doc)
    what = kind(doc)
    pairs: list[tuple[str, str]] = [("ctx_ver", KEV_VERSION), ("rfr_id", "info:sid/policy-archive")]
    if what in REPORTS:
        pairs += [("rft_val_fmt", BOOK), ("rft.genre", "report"), ("rft.btitle", doc["title"])]
        if person:
            pairs += [
                ("rft.aulast", cite._surname(person)),
                ("rft.aufirst", cite._given(person)),
                ("rft.au", _given_first(person)),
            ]
        else:
            pairs.append(("rft.aucorp", doc["source"]))
        pairs.append(("rft.pub", doc["source"]))
        description = cite._description(doc)
        if description:
            pairs.append(("rft.series", description))
    else:
        pairs += [
            ("rft_val_fmt", DUBLIN_CORE),
            ("rft.type", DC_TYPES.get(what, "document")),
            ("rft.title", doc["title"]),
        ]
        if person:
            pairs.append(("rft.creator", f"{cite._surname(person)}, {cite._given(person)}"))
        elif what != "news":
            pairs.append(("rft.creator", doc["source"]))
        pairs.append(("rft.source" if what == "news" else "rft.publisher", doc["source"]))
        if doc.get("summary"):
            pairs.append(("rft.description", doc["summary"]))
        for item in [*doc.get("departments", []), *doc.get("programmes", [])]:
            pairs.append(("rft.subject", item["name"]))
        if doc.get("licence"):
            pairs.append(("rft.rights", doc["licence"]))
        pairs += [("rft.identifier", url), ("rft.language", "en")]
    pairs += [("rft.date", doc["date"]), ("rft_id", url)]
    # Each value percent-encoded whole (spaces as %20), as KEV asks; the pairs joined by &.
    return "&".join(f"{key}={quote(' '.join(str(value).split()), safe='')}" for key, value in pairs)


def mods(doc: dict[str, Any], url: str, accessed: dt.date, permalink: str | None = None) -> bytes:
    """Write one MODS 3 record of a document, as UTF-8 XML."""
    person = cite._person(doc)
    what = kind(doc)
    root = etree.Element(f"{{{MODS_NS}}}mods", nsmap={None: MODS_NS}, version=MODS_VERSION)
    title_info = _add(root, "titleInfo")
    _add(title_info, "title", cite.title_case(doc["title"]))
    if person:
        name = _add(root, "name", type="personal")
        _add(name, "namePart", cite._surname(person), type="family")
        _add(name, "namePart", cite._given(person), type="given")
    elif what != "news":
        name = _add(root, "name", type="corporate")
        _add(name, "namePart", doc["source"])
    if person or what != "news":
        role = _add(name, "role")
        _add(role, "roleTerm", "author", type="text", authority="marcrelator")
    _add(root, "typeOfResource", "text")
    _add(root, "genre", MODS_GENRES.get(what, cite._description(doc) or "document"))
    origin = _add(root, "originInfo")
    if what != "news":
        _add(origin, "publisher", doc["source"])
    _add(origin, "dateIssued", doc["date"], encoding="w3cdtf", keyDate="yes")
    if what == "news":
        host = _add(root, "relatedItem", type="host")
        _add(_add(host, "titleInfo"), "title", doc["source"])
        _add(host, "genre", "newspaper")
    language = _add(root, "language")
    _add(language, "languageTerm", "eng", type="code", authority="iso639-2b")
    if doc.get("summary"):
        _add(root, "abstract", doc["summary"])
    for item in [*doc.get("departments", []), *doc.get("programmes", [])]:
        _add(_add(root, "subject"), "topic", item["name"])
    _add(root, "identifier", url, type="uri")
    location = _add(root, "location")
    _add(location, "url", url, dateLastAccessed=accessed.isoformat())
    if permalink and permalink != url:
        _add(location, "url", permalink, note="archived copy")
    if doc.get("licence"):
        _add(root, "accessCondition", doc["licence"], type="use and reproduction")
    record = _add(root, "recordInfo")
    _add(record, "recordIdentifier", doc["id"])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _add(
    parent: etree._Element, tag: str, text: str | None = None, **attributes: str
) -> etree._Element:
    element = etree.SubElement(parent, f"{{{MODS_NS}}}{tag}", attributes)
    if text is not None:
        element.text = XML_INVALID.sub("", " ".join(str(text).split()))
    return element


def _given_first(person: str) -> str:
    """Write a name given names first: Turnbull, Malcolm gives Malcolm Turnbull."""
    given = cite._given(person)
    return f"{given} {cite._surname(person)}".strip()
