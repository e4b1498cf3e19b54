"""Take the article out of an HTML page with readability-lxml, and the metadata it declares."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
from readability import Document
from readability.readability import Unparseable

# readability logs every page it finds hard at INFO or above; the ingest report says what matters.
logging.getLogger("readability.readability").setLevel(logging.CRITICAL)

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCKS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "dd",
    "dt",
    "section",
    "article",
    "figure",
    "ul",
    "ol",
    "table",
    "header",
    "footer",
}
_SKIP = {"script", "style", "noscript", "template", "figcaption"}
_DATE_META = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "citation_publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "og:published_time",
)
_ISO_DATE = re.compile(r"^\s*((?:19|20)\d\d-\d\d-\d\d)")


@dataclass
class Page:
    """What an HTML page holds: its article as plain lines, and the metadata the page declares."""

    text: str  # one paragraph or list item ("- ...") a line
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD, from the page's metadata
    source: str | None = None
    author: str | None = None
    url: str | None = None
    comments: str = ""  # the text of the comment thread, to date the article by


def read_page(html: str, url: str | None = None) -> Page | None:
    """Extract a page's article and metadata; None if it holds no text."""
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        tree = lxml.html.fromstring(html)
        readable = Document(html, url=url)
        article = lxml.html.fromstring(readable.summary(html_partial=True))
    except (Unparseable, lxml.etree.ParserError, ValueError):
        return None
    text = "\n".join(_lines(article))
    if not text.strip():
        return None
    meta = _meta(tree)
    title = meta.get("og:title") or _first_text(tree, "//h1") or readable.short_title() or None
    return Page(
        text=text,
        title=" ".join(title.split()) if title else None,
        date=_date(tree, meta),
        source=meta.get("og:site_name") or meta.get("application-name"),
        author=meta.get("author") or meta.get("article:author"),
        url=_first_attr(tree, "//link[@rel='canonical']/@href") or meta.get("og:url") or url,
        comments="\n".join(_comment_texts(tree)),
    )


def _lines(element: lxml.html.HtmlElement) -> list[str]:
    """Flatten HTML into lines: one a paragraph, heading or list item ("- item")."""
    parts: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP:
            parts.append(node.tail or "")
            return
        if tag == "br":
            parts.append("\n")
        elif tag == "li":
            parts.append("\n- ")
        elif tag in _BLOCKS:
            parts.append("\n")
        parts.append(node.text or "")
        for child in node:
            walk(child)
        if tag in _BLOCKS or tag == "li":
            parts.append("\n")
        parts.append(node.tail or "")

    walk(element)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line and line != "-"]


def _meta(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.iter("meta"):
        name = (
            (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        )
        content = (node.get("content") or "").strip()
        if name and content:
            found.setdefault(name, content)
    return found


def _date(tree: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    """Return the publication date the page declares: meta tags, JSON-LD, then a <time> element."""
    candidates = [meta.get(name, "") for name in _DATE_META]
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        candidates.extend(_json_ld_dates(script))
    candidates.extend(tree.xpath("//time[@datetime][1]/@datetime"))
    for value in candidates:
        match = _ISO_DATE.match(value or "")
        if match:
            return match.group(1)
    return None


def _json_ld_dates(script: str) -> list[str]:
    try:
        data = json.loads(script)
    except ValueError:
        return []
    items = (
        data
        if isinstance(data, list)
        else data.get("@graph", [data])
        if isinstance(data, dict)
        else []
    )
    return [
        str(item["datePublished"])
        for item in items
        if isinstance(item, dict) and item.get("datePublished")
    ]


def _comment_texts(tree: lxml.html.HtmlElement) -> list[str]:
    """Text of the comment thread: the outermost elements whose id or class names comments."""
    nodes = tree.xpath(
        "//*[contains(translate(@id,'COMENT','coment'),'comment') or "
        "contains(translate(@class,'COMENT','coment'),'comment')]"
        "[not(ancestor::*[contains(translate(@id,'COMENT','coment'),'comment') or "
        "contains(translate(@class,'COMENT','coment'),'comment')])]"
    )
    return [" ".join(node.text_content().split()) for node in nodes]


def _first_text(tree: lxml.html.HtmlElement, path: str) -> str | None:
    for node in tree.xpath(path):
        text = " ".join(node.text_content().split())
        if text:
            return text
    return None


def _first_attr(tree: lxml.html.HtmlElement, path: str) -> str | None:
    values = tree.xpath(path)
    return str(values[0]).strip() if values else None
