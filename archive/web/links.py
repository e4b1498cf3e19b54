"""What every view shares: the archive, the request read from the URL, and the links it makes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from flask import abort, current_app, g, has_request_context, request, url_for

from archive.corpus.amounts import SYMBOLS
from archive.corpus.country import money_in, money_phrase
from archive.corpus.parse import ID_PATTERN
from archive.corpus.prices import deflator
from archive.errors import ArchiveError
from archive.search.core import Archive
from archive.search.request import SearchRequest
from archive.web import export

FACET_TITLES = {
    "year": "Year",
    "department": "Department",
    "programme": "Programme",
    "amount": "Amount",
    "financial_year": "Financial year",
    "government": "Government",
    "announced_by": "Announced by",
}
# The facets whose values are registry entries with pages of their own: facet to entity kind.
FACET_ENTITIES = {
    "department": "department",
    "programme": "programme",
    "government": "government",
    "announced_by": "person",
}
FEED_ENTRIES = 50


def kept_build() -> str | None:
    """Return the kept build this request names (?build=), unless it was refused."""
    if has_request_context() and request.args.get("build") and not g.get("build_refused"):
        return request.args["build"]
    return None


def current_archive() -> Archive:
    """Return the archive that answers this request: a kept build's when it names one (?build=)."""
    archive = current_app.extensions["archive"]
    if kept_build():
        from archive.web.builds import answering

        return answering(archive)
    return archive


def search_url(search: SearchRequest, endpoint: str = "search") -> str:
    """Link to a view of a request; every search is a permalink."""
    params = search.params()
    build = kept_build()
    if build:
        # A search on a kept build stays on it, page after page and filter after filter.
        params.append(("build", build))
    base = url_for(endpoint)
    return base + "?" + urlencode(params) if params else base


def document_link(doc_id: str, **params: Any) -> str:
    """Link to a document as the build answering this request holds it (for templates)."""
    # A document read from a kept build's results may be gone from the current one.
    return url_for("document", doc_id=doc_id, build=kept_build(), **params)


def search_permalink(search: SearchRequest, build_id: str) -> str:
    """Link to a search as run on one build: the same hits and counts while the build is kept."""
    params = [*search.params(), ("build", build_id)]
    return absolute(url_for("search") + "?" + urlencode(params))


def current_request() -> SearchRequest:
    return current_archive().request(request.args.to_dict(flat=False))


def find_document(doc_id: str) -> dict[str, Any]:
    # The id is looked up in the index, never used as a path; the pattern only refuses junk early.
    if not ID_PATTERN.match(doc_id):
        # Not echoed: it may be anything, and a plain-text answer is not escaped.
        abort(
            404,
            "There is no such document: a document id is lower-case letters, digits and hyphens.",
        )
    found = current_archive().document(doc_id)
    if found is None:
        abort(404, f"There is no document '{doc_id}' in the archive.")
    return found


def doc_url(doc: dict[str, Any]) -> str:
    return absolute(url_for("document", doc_id=doc["id"]))


def cite_address(doc: dict[str, Any]) -> str:
    """Cite the original publication where it is known, else this archive's copy."""
    return doc.get("url") or doc_url(doc)


def stream_links() -> tuple[export.Link, export.Link]:
    """Make permalink and citation-address functions that still work as a stream runs."""
    base = absolute(url_for("document", doc_id="x"))[:-1]

    def permalink(doc: dict[str, Any]) -> str:
        return base + doc["id"]  # ids are [a-z0-9-] only: nothing to quote

    return permalink, lambda doc: doc.get("url") or permalink(doc)


def absolute(path: str) -> str:
    """Make a path from url_for absolute: on the configured base URL, else on the request's host."""
    base = current_app.config.get("BASE_URL")
    if base:
        # The base URL names the prefix the site is served under, so the request's own is dropped.
        return str(base).rstrip("/") + path[len(request.script_root) :]
    # url_for's paths already hold any script root, so only the scheme and host are added.
    return request.host_url.rstrip("/") + path


def this_url() -> str:
    """Return the address of the current request, absolute as absolute() makes it."""
    return absolute(request.script_root + request.full_path.removesuffix("?"))


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def short_money(value: int, currency: str = "GBP") -> str:
    """Write an amount briefly: £3.9bn, £56m, £250k."""
    symbol = SYMBOLS.get(currency, currency + " ")
    for size, unit in ((10**9, "bn"), (10**6, "m"), (10**3, "k")):
        if value >= size:
            number = f"{value / size:.1f}".removesuffix(".0")
            return f"{symbol}{number}{unit}"
    return f"{symbol}{value:,}"


def home_money() -> dict[str, Any]:
    """Say what the archive's own words count money in, for every template: pounds, or A$."""
    try:
        archive = current_archive()
        currency, real = archive.currency, archive.real_terms
    except ArchiveError:  # no index yet: the error page still renders, in the default words
        currency, real = "GBP", True
    return {
        "currency": currency,
        "amounts_in": money_in(currency),
        "largest": money_phrase(currency),
        "symbol": SYMBOLS.get(currency, currency + " "),
        "real": real,
        # The financial year whose prices real terms use, named wherever they are offered.
        "prices": (series.prices if real and (series := deflator(currency)) else None),
    }


def feed_request(search: SearchRequest) -> SearchRequest:
    return replace(search, sort="newest", page=1, per_page=FEED_ENTRIES)


def _cleared(name: str) -> dict[str, Any]:
    """Return the changes that take one field of a search away, back on page 1."""
    return {name: None, "page": 1}


def applied_filters(search: SearchRequest, result: Any) -> list[dict[str, str]]:
    """List the filters in force, each with a link that removes it."""
    applied = []
    for facet, values in result.facets.items():
        for value in values:
            if value.selected:
                applied.append(
                    {
                        "facet": FACET_TITLES[facet],
                        "label": value.label,
                        "remove_url": search_url(search.toggled(facet, value.value)),
                    }
                )
    for name, day in (("date_from", search.date_from), ("date_to", search.date_to)):
        if day:
            applied.append(
                {
                    "facet": "Date",
                    "label": f"{'from' if name == 'date_from' else 'to'} {day}",
                    "remove_url": search_url(replace(search, **_cleared(name))),
                }
            )
    if search.real:
        applied.append(
            {
                "facet": "Amounts",
                "label": "in real terms",
                "remove_url": search_url(replace(search, real=False, page=1)),
            }
        )
    for name, amount in (("min_amount", search.min_amount), ("max_amount", search.max_amount)):
        if amount is not None:
            without = replace(search, **_cleared(name))
            label = f"{'at least' if name == 'min_amount' else 'at most'} {amount:,}"
            applied.append({"facet": "Amount", "label": label, "remove_url": search_url(without)})
    return applied


def coins_of(doc: dict[str, Any]) -> str:
    """Write a document's COinS for a page, citing the original's address, else this archive's."""
    from archive.web.zotero import coins

    return coins(doc, cite_address(doc))
