"""What an HTML page says of itself, each value with the tag it came from.

The canonical link, Open Graph and article:published_time, Highwire citation_* and Dublin Core
tags, JSON-LD, and its licence."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import lxml.etree
import lxml.html

_ISO_DATE = re.compile(r"^\s*((?:19|20)\d\d)(?:[-/](\d\d)(?:[-/](\d\d))?)?")
_LD_TYPES = {
    "newsarticle",
    "article",
    "report",
    "reportagenewsarticle",
    "blogposting",
    "webpage",
    "governmentpublication",
    "scholarlyarticle",
    "pressrelease",
    "creativework",
}
# In order of trust: what a page declares for citation first, then what it declares for sharing.
TITLE_TAGS = ("citation_title", "dc.title", "dcterms.title", "og:title")
DATE_TAGS = (
    "citation_publication_date",
    "citation_date",
    "article:published_time",
    "dcterms.issued",
    "dc.date.issued",
    "dcterms.date",
    "dc.date",
    "og:published_time",
)
AUTHOR_TAGS = ("citation_author", "author", "dc.creator", "dcterms.creator", "article:author")
PUBLISHER_TAGS = ("citation_publisher", "dc.publisher", "dcterms.publisher", "og:site_name")
LICENCE_TAGS = ("dcterms.license", "dc.rights", "dcterms.rights", "license", "copyright")


@dataclass
class PageMeta:
    values: dict[str, str] = field(
        default_factory=dict
    )  # title, date, author, source, url, licence
    by: dict[str, str] = field(default_factory=dict)  # the same keys: where each was found


def read_metadata(html: str, base_url: str | None = None) -> PageMeta:
    """Read a page's declared metadata with its evidence; nothing found is an empty PageMeta."""
    found = PageMeta()
    try:
        tree = lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1))
    except (lxml.etree.ParserError, ValueError):
        return found
    meta: dict[str, str] = {}
    for node in tree.iter("meta"):
        name = (node.get("property") or node.get("name") or "").strip().lower()
        content = " ".join((node.get("content") or "").split())
        if name and content:
            meta.setdefault(name, content)
    ld = _json_ld(tree)

    def take(key: str, value: Any, by: str) -> None:
        if key not in found.values and isinstance(value, str) and value.strip():
            found.values[key] = " ".join(value.split())
            found.by[key] = by

    for tag in TITLE_TAGS:
        take("title", meta.get(tag), f"the page's <meta {tag}>")
    take(
        "title",
        ld.get("headline") or ld.get("name"),
        f"the page's JSON-LD {ld.get('@type', '')} headline",
    )
    date_sources = [(meta.get(tag), f"the page's <meta {tag}>") for tag in DATE_TAGS]
    date_sources.insert(
        0, (ld.get("datePublished"), f"the page's JSON-LD {ld.get('@type', '')} datePublished")
    )
    for value, by in date_sources:
        date = _date(value)
        if date:
            take("date", date, by)
    for tag in AUTHOR_TAGS:
        value = meta.get(tag)
        if value and not value.startswith("http"):
            take("author", value, f"the page's <meta {tag}>")
    take("author", _name(ld.get("author")), "the page's JSON-LD author")
    for tag in PUBLISHER_TAGS:
        take("source", meta.get(tag), f"the page's <meta {tag}>")
    take("source", _name(ld.get("publisher")), "the page's JSON-LD publisher")
    canonical = tree.xpath("//link[translate(@rel,'CANONICAL','canonical')='canonical']/@href")
    for value, by in (
        (canonical[0] if canonical else None, "the page's canonical link"),
        (
            meta.get("citation_public_url") or meta.get("citation_abstract_html_url"),
            "the page's citation URL",
        ),
        (meta.get("og:url"), "the page's <meta og:url>"),
        (ld.get("url"), "the page's JSON-LD url"),
    ):
        if isinstance(value, str) and re.match(r"^https?://[^\s/]+", value.strip(), re.IGNORECASE):
            take("url", value.strip(), by)
    licence_link = tree.xpath(
        "//link[translate(@rel,'LICENSE','license')='license']/@href | "
        "//a[translate(@rel,'LICENSE','license')='license']/@href"
    )
    take("licence", licence_link[0] if licence_link else None, 'the page\'s rel="license" link')
    for tag in LICENCE_TAGS:
        take("licence", meta.get(tag), f"the page's <meta {tag}>")
    take(
        "licence",
        _name(ld.get("license"))
        or (ld.get("license") if isinstance(ld.get("license"), str) else None),
        "the page's JSON-LD license",
    )
    return found


def _json_ld(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The page's first JSON-LD item of an article or report type (or its first item)."""
    items: list[dict[str, Any]] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if isinstance(item, dict):
                items.extend(i for i in item.get("@graph", [item]) if isinstance(i, dict))
    for item in items:
        kinds = item.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(str(k).lower() in _LD_TYPES for k in kinds if k):
            return {**item, "@type": next(str(k) for k in kinds if k)}
    return items[0] if items else {}


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    return value if isinstance(value, str) and not value.startswith("http") else None


def _date(value: Any) -> str | None:
    match = _ISO_DATE.match(str(value or ""))
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)
