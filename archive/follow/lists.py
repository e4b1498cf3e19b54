"""Read what a source lists: an Atom or RSS feed, an XML sitemap, a GOV.UK search API answer.

Each is written by someone else: feeds are read by feedparser, sitemaps by defusedxml (no DTD, so
no entity expansion), JSON by json; every address they name is fetched through the guard later.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import warnings
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_SITEMAPS = 5  # child sitemaps of an index read in one run
SEARCH_FIELDS = ("title", "link", "public_timestamp", "content_store_document_type", "description")
_ALTERNATE = re.compile(
    r"""<link\b[^>]*\btype=["']application/(?:atom|rss)\+xml["'][^>]*>""", re.IGNORECASE
)
_HREF = re.compile(r"""\bhref=["']([^"']+)["']""", re.IGNORECASE)


class ListProblem(Exception):
    """Why a source's list could not be read, in words for the report."""


@dataclass
class Item:
    """One thing a source lists: its address, and what the list says of it."""

    url: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD: published, or last changed where the list says so
    api: str | None = None  # the GOV.UK content API address of the item
    published: str | None = None  # YYYY-MM-DD, where the list gives a publication date


@dataclass
class Listing:
    kind: str  # feed, sitemap, govuk, govuk-item, page
    items: list[Item]
    children: list[str]  # a sitemap index's sitemaps
    feed: str | None = None  # a page's own feed, found in its <link rel="alternate">


def read_listing(url: str, content_type: str, data: bytes, kind: str | None = None) -> Listing:
    """Tell what the server answered (unless the kind is given) and read its items."""
    mime = content_type.split(";")[0].strip().lower()
    start = data[:512].lstrip()
    if kind == "govuk" or mime == "application/json" or start[:1] in (b"{", b"["):
        return _json(url, data)
    if mime in ("text/html", "application/xhtml+xml") and kind is None:
        text = data[:200_000].decode("utf-8", "replace")
        found = _ALTERNATE.search(text)
        href = _HREF.search(found.group(0)) if found else None
        return Listing("page", [Item(url)], [], urljoin(url, href.group(1)) if href else None)
    if kind == "sitemap" or b"sitemaps.org/schemas/sitemap" in data[:2000]:
        return _sitemap(data)
    return _feed(data)


def search_address(
    base: str, organisations: tuple[str, ...], types: tuple[str, ...], start: int, count: int
) -> str:
    """The GOV.UK search API's address for an organisation's newest documents."""
    params: list[tuple[str, str | int]] = [("filter_organisations", o) for o in organisations]
    params += [("filter_content_store_document_type", t) for t in types]
    params += [("order", "-public_timestamp"), ("start", start), ("count", count)]
    params += [("fields", f) for f in SEARCH_FIELDS]
    return f"{base}/api/search.json?{urlencode(params)}"


def content_address(base: str, link: str) -> str:
    """The GOV.UK content API's address for a page's path or address."""
    path = urlsplit(link).path if link.startswith(("http://", "https://")) else link
    return f"{base}/api/content/{path.lstrip('/')}"


def _json(url: str, data: bytes) -> Listing:
    try:
        found = json.loads(data)
    except (ValueError, UnicodeDecodeError) as error:
        raise ListProblem(f"malformed JSON: {error}") from None
    parts = urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}"
    if isinstance(found, dict) and isinstance(found.get("results"), list):
        items = []
        for result in found["results"]:
            link = result.get("link") if isinstance(result, dict) else None
            if not isinstance(link, str) or not link:
                continue
            items.append(
                Item(
                    urljoin(base + "/", link),
                    _text(result.get("title")),
                    _day(result.get("public_timestamp")),
                    content_address(base, link),
                )
            )
        return Listing("govuk", items, [])
    if isinstance(found, dict) and "base_path" in found and "document_type" in found:
        link = str(found["base_path"])
        return Listing(
            "govuk-item",
            [Item(urljoin(base + "/", link), _text(found.get("title")), None, url)],
            [],
        )
    raise ListProblem("JSON, but neither a GOV.UK search answer nor a GOV.UK content item")


def _sitemap(data: bytes) -> Listing:
    from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
    from defusedxml.ElementTree import (  # type: ignore[import-untyped]
        ParseError,
        fromstring,
    )

    try:
        root = fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise ListProblem(
            "refused XML sitemap: it declares a DTD or entities, which are never expanded"
        ) from None
    except ParseError as error:
        raise ListProblem(f"malformed XML sitemap: {error}") from None
    if root.tag == SITEMAP_NS + "sitemapindex":
        children = [loc.text.strip() for loc in root.iter(SITEMAP_NS + "loc") if loc.text]
        return Listing("sitemap", [], children[:MAX_SITEMAPS])
    if root.tag != SITEMAP_NS + "urlset":
        raise ListProblem(f"XML, but not a sitemap: its root is <{root.tag}>")
    items = []
    for entry in root.iter(SITEMAP_NS + "url"):
        loc = entry.findtext(SITEMAP_NS + "loc")
        if loc and loc.strip():
            items.append(Item(loc.strip(), None, _day(entry.findtext(SITEMAP_NS + "lastmod"))))
    # Newest first, as feeds are: a run bounded in items reads the newest.
    items.sort(key=lambda item: item.date or "", reverse=True)
    return Listing("sitemap", items, [])


def _feed(data: bytes) -> Listing:
    import feedparser  # type: ignore[import-untyped]

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if parsed.get("bozo") and not parsed.entries:
        raise ListProblem(f"malformed feed: {parsed.get('bozo_exception')}")
    if not parsed.get("version") and not parsed.entries:
        raise ListProblem("neither a feed nor a sitemap nor a GOV.UK API answer")
    items = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        with warnings.catch_warnings():  # feedparser warns of a fallback it makes between the two
            warnings.simplefilter("ignore", DeprecationWarning)
            when = entry.get("published_parsed") or entry.get("updated_parsed")
            changed = entry.get("updated_parsed") or when
        date = dt.date(*when[:3]).isoformat() if when else None
        last = dt.date(*changed[:3]).isoformat() if changed else None
        items.append(Item(link, _text(entry.get("title")), last, published=date))
    return Listing("feed", items, [])


def _text(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _day(value: Any) -> str | None:
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    return value.strip()[:10]
