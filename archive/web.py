"""The web front end: a Flask app factory with the search and document pages, the API, exports and feeds."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import markdown
import nh3
from flask import Flask, Response, abort, current_app, jsonify, render_template, request, url_for
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, NotFound

from archive import DEFAULT_INDEX, PROJECT_ROOT, cite, export
from archive.discover import YearTotal
from archive.errors import BadRequest, IndexMissing
from archive.facets import SYMBOLS, FacetValue
from archive.parse import ID_PATTERN
from archive.search import Archive, SearchRequest, SearchResult
from archive.security import add_security_headers

FACET_TITLES = {"year": "Year", "department": "Department", "programme": "Programme", "amount": "Amount"}
FEED_ENTRIES = 50
RELATED = 5
# "Did you mean" is offered when a query finds fewer documents than this.
FEW_RESULTS = 3
TIMELINE_MAX_SPAN = 60  # years; a longer span shows only the years that have documents
TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 503: "Index unavailable"}
log = logging.getLogger(__name__)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the app: defaults, then an instance config file, then ARCHIVE_* variables, then test config."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
        instance_relative_config=True,
    )
    app.config.from_mapping(INDEX_DIR=str(DEFAULT_INDEX))
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("ARCHIVE")
    if test_config:
        app.config.from_mapping(test_config)
    app.extensions["archive"] = Archive(Path(app.config["INDEX_DIR"]))
    app.jinja_env.globals.update(search_url=search_url, facet_titles=FACET_TITLES, money=short_money)
    app.json.sort_keys = False  # the API's keys in the order they are documented: query first

    app.after_request(add_security_headers)
    # /doc//x must be a 404, not a redirect to another document's address.
    app.url_map.merge_slashes = False
    app.add_url_rule("/", "search", search_page)
    app.add_url_rule("/doc/<doc_id>", "document", document_page)
    app.add_url_rule("/doc/<doc_id>.bib", "document_bibtex", document_bibtex)
    app.add_url_rule("/doc/<doc_id>.ris", "document_ris", document_ris)
    app.add_url_rule("/api/search", "api_search", api_search)
    app.add_url_rule("/api/doc/<doc_id>", "api_document", api_document)
    app.add_url_rule("/search.csv", "search_csv", search_csv)
    app.add_url_rule("/search.ris", "search_ris", search_ris)
    app.add_url_rule("/search.bib", "search_bibtex", search_bibtex)
    app.add_url_rule("/feed.atom", "feed", feed)
    app.add_url_rule("/opensearch.xml", "opensearch", opensearch)
    app.register_error_handler(BadRequest, lambda e: error_response(400, str(e)))
    app.register_error_handler(IndexMissing, lambda e: error_response(503, str(e)))
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    return app


def archive() -> Archive:
    return current_app.extensions["archive"]


def search_url(search: SearchRequest, endpoint: str = "search") -> str:
    """Link to a view of a request; every search is a permalink."""
    params = search.params()
    base = url_for(endpoint)
    return base + "?" + urlencode(params) if params else base


def _request() -> SearchRequest:
    return archive().request(request.args.to_dict(flat=False))


# -- pages -----------------------------------------------------------------


def search_page() -> str:
    search = _request()
    result = archive().search(search)
    facets = {
        facet: [_facet_link(search, facet, value) for value in values]
        for facet, values in result.facets.items()
    }
    whole = replace(search, page=1, per_page=search.per_page)
    return render_template(
        "search.html", search=search, result=result, facets=facets,
        applied=_applied(search, result), pages=_pages(search, result.pages),
        predecessors_url=search_url(replace(search, predecessors=not search.predecessors, page=1)),
        suggestion=_suggestion(search, result),
        timeline=_timeline(search, archive().timeline(search)),
        exports={
            "csv": search_url(whole, "search_csv"), "ris": search_url(whole, "search_ris"),
            "bib": search_url(whole, "search_bibtex"), "json": search_url(search, "api_search"),
        },
        feed_url=search_url(_feed_request(search), "feed"),
    )


def document_page(doc_id: str) -> str:
    document = _document(doc_id)
    body = Markup(nh3.clean(markdown.markdown(document["body"], extensions=["sane_lists"])))
    accessed = _today()
    return render_template(
        "document.html", doc=document, body=body,
        citations=cite.citations(document, _cite_url(document), accessed),
        permalink=_permalink(document), cite_url=_cite_url(document), accessed=accessed,
        related=archive().related(doc_id, RELATED),
    )


def opensearch() -> Response:
    xml = render_template("opensearch.xml", root=request.url_root.rstrip("/"))
    return Response(xml, mimetype="application/opensearchdescription+xml")


# -- the JSON API ----------------------------------------------------------


def api_search() -> Response:
    search = _request()
    result = archive().search(search)
    return jsonify(_api_result(search, result))


def api_document(doc_id: str) -> Response:
    document = _document(doc_id)
    return jsonify({**_api_hit(document), "body": document["body"], "summary": document.get("summary"),
                    "type": document.get("type"), "author": document.get("author"),
                    "organisations": document.get("organisations", []),
                    "amounts": [{"value": a["value"], "currency": a["currency"], "text": a["text"],
                                 "sentence": a["sentence"]} for a in document.get("amounts", [])]})


def _api_result(search: SearchRequest, result: SearchResult) -> dict[str, Any]:
    links = {"html": _external(search_url(search)), "csv": _external(search_url(replace(search, page=1), "search_csv")),
             "feed": _external(search_url(_feed_request(search), "feed"))}
    if search.page < result.pages:
        links["next"] = _external(search_url(replace(search, page=search.page + 1), "api_search"))
    if search.page > 1:
        links["previous"] = _external(search_url(replace(search, page=search.page - 1), "api_search"))
    return {
        "query": {"q": search.q, "reading": result.reading, "notice": result.notice},
        "sort": result.sort,
        "total": result.total,
        "page": search.page,
        "page_size": search.per_page,
        "pages": result.pages,
        "results": [{**_api_hit(hit), "snippet": hit["snippet"], "score": hit.get("score")} for hit in result.hits],
        "facets": {
            facet: [{"value": v.value, "label": v.label, "count": v.count, "selected": v.selected} for v in values]
            for facet, values in result.facets.items()
        },
        "links": links,
    }


def _api_hit(hit: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": hit["id"],
        "title": hit["title"],
        "date": hit["date"],
        "precision": hit["precision"],
        "year": hit["year"],
        "source": hit["source"],
        "url": hit.get("url"),
        "departments": [{"key": d["key"], "name": d["name"]} for d in hit.get("departments", [])],
        "programmes": [{"key": p["key"], "name": p["name"]} for p in hit.get("programmes", [])],
        "amounts": [{"value": a["value"], "currency": a["currency"], "text": a["text"]} for a in hit.get("amounts", [])],
        "links": {"html": _permalink(hit), "json": url_for("api_document", doc_id=hit["id"], _external=True)},
    }


# -- exports and feeds -----------------------------------------------------


def search_csv() -> Response:
    hits = archive().iter_hits(_request())
    permalink, _ = _links()
    return _download(export.csv_stream(hits, permalink), "text/csv", "csv")


def search_ris() -> Response:
    hits = archive().iter_hits(_request())
    permalink, cite_url = _links()
    return _download(export.ris_stream(hits, cite_url, permalink, _today()), "application/x-research-info-systems", "ris")


def search_bibtex() -> Response:
    hits = archive().iter_hits(_request())
    _, cite_url = _links()
    return _download(export.bibtex_stream(hits, cite_url, _today(), request.url), "application/x-bibtex", "bib")


def document_bibtex(doc_id: str) -> Response:
    document = _document(doc_id)
    text = cite.bibtex(document, _cite_url(document), _today())
    return _attachment(Response(text, mimetype="application/x-bibtex"), doc_id, "bib")


def document_ris(doc_id: str) -> Response:
    document = _document(doc_id)
    text = cite.ris(document, _cite_url(document), _today(), _permalink(document))
    return _attachment(Response(text, mimetype="application/x-research-info-systems"), doc_id, "ris")


def feed() -> Response:
    search = _feed_request(_request())
    result = archive().search(search)
    described = search.q or "all announcements"
    filters = "; ".join(f"{a['facet']}: {a['label']}" for a in _applied(search, result))
    newest = max((export.entry_date(hit) for hit in result.hits), default=dt.datetime.now(dt.timezone.utc))
    info = export.Feed(
        title=f"Policy Archive: {described}" + (f" ({filters})" if filters else ""),
        subtitle=f"The newest of {result.total:,} matching announcement{'' if result.total == 1 else 's'}, newest first.",
        self_url=_external(search_url(search, "feed")),
        html_url=_external(search_url(replace(search, per_page=10))),
        feed_id=_external(search_url(search, "feed")),
        updated=newest,
    )
    permalink, _ = _links()
    return Response(export.atom_stream(info, result.hits, permalink), mimetype="application/atom+xml")


def _feed_request(search: SearchRequest) -> SearchRequest:
    return replace(search, sort="newest", page=1, per_page=FEED_ENTRIES)


def _download(stream: Iterator[str], mimetype: str, extension: str) -> Response:
    response = Response(stream, mimetype=mimetype)
    return _attachment(response, _export_name(), extension)


def _attachment(response: Response, name: str, extension: str) -> Response:
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def _export_name() -> str:
    """Name an export after its query, in safe characters only."""
    words = re.findall(r"[a-z0-9]+", request.args.get("q", "").lower())[:6]
    return "policy-archive" + ("-" + "-".join(words) if words else "")


# -- helpers ---------------------------------------------------------------


def _document(doc_id: str) -> dict[str, Any]:
    # The id is looked up in the index, never used as a path; the pattern only refuses junk early.
    if not ID_PATTERN.match(doc_id):
        # Not echoed: it may be anything, and a plain-text answer is not escaped.
        abort(404, "There is no such document: a document id is lower-case letters, digits and hyphens.")
    found = archive().document(doc_id)
    if found is None:
        abort(404, f"There is no document '{doc_id}' in the archive.")
    return found


def _permalink(doc: dict[str, Any]) -> str:
    return url_for("document", doc_id=doc["id"], _external=True)


def _cite_url(doc: dict[str, Any]) -> str:
    """Cite the original publication where it is known, else this archive's copy."""
    return doc.get("url") or _permalink(doc)


def _links() -> tuple[export.Link, export.Link]:
    """Make permalink and citation-address functions that work after the request, while a stream runs."""
    base = _external(url_for("document", doc_id="x"))[:-1]

    def permalink(doc: dict[str, Any]) -> str:
        return base + doc["id"]  # ids are [a-z0-9-] only: nothing to quote

    return permalink, lambda doc: doc.get("url") or permalink(doc)


def _external(path: str) -> str:
    # url_for's paths already hold any script root, so only the scheme and host are added.
    return request.host_url.rstrip("/") + path


def _today() -> dt.date:
    return dt.datetime.now(dt.timezone.utc).date()


def short_money(value: int, currency: str = "GBP") -> str:
    """Write an amount briefly: £3.9bn, £56m, £250k."""
    symbol = SYMBOLS.get(currency, currency + " ")
    for size, unit in ((10**9, "bn"), (10**6, "m"), (10**3, "k")):
        if value >= size:
            number = f"{value / size:.1f}".removesuffix(".0")
            return f"{symbol}{number}{unit}"
    return f"{symbol}{value:,}"


def _suggestion(search: SearchRequest, result: SearchResult) -> dict[str, Any] | None:
    """Offer a corrected query when this one finds little and the correction finds more."""
    if not search.q.strip() or result.total >= FEW_RESULTS:
        return None
    suggestion = archive().suggest(search.q)
    if suggestion is None:
        return None
    corrected = replace(search, q=suggestion.text, page=1)
    total = archive().search(replace(corrected, per_page=1)).total
    if total <= result.total:
        return None
    return {"text": suggestion.text, "url": search_url(corrected), "total": total}


def _timeline(search: SearchRequest, years: list[YearTotal]) -> dict[str, Any] | None:
    """Lay out the timeline's bars: documents above, headline pounds below, one column a year."""
    if not years:
        return None
    first, last = years[0].year, years[-1].year
    by_year = {y.year: y for y in years}
    if last - first < TIMELINE_MAX_SPAN:
        shown = [by_year.get(year, YearTotal(year, 0, 0)) for year in range(first, last + 1)]
    else:
        shown = years
    most = max(y.documents for y in shown) or 1
    richest = max(y.pounds for y in shown) or 1
    width, top, panel = 40, 22, 70
    columns = []
    for i, year in enumerate(shown):
        doc_height = round(panel * year.documents / most)
        money_height = round(panel * year.pounds / richest) if year.pounds else 0
        selected = (year.year, year.year) in search.years
        target = replace(search, years=((year.year, year.year),), page=1)
        columns.append({
            "year": year.year, "documents": year.documents, "pounds": year.pounds,
            "x": i * width, "doc_y": top + panel - doc_height, "doc_height": doc_height,
            "money_y": 2 * top + 2 * panel - money_height, "money_height": money_height,
            "url": search_url(target) if year.documents else None, "selected": selected,
            "label": f"{year.year}: {year.documents} document{'s' if year.documents != 1 else ''}"
                     + (f", {short_money(year.pounds)}" if year.pounds else ", no pound amounts"),
        })
    return {"columns": columns, "width": len(shown) * width, "height": 2 * top + 2 * panel + 24,
            "top": top, "panel": panel, "bar": width - 12, "years": years}


def _facet_link(search: SearchRequest, facet: str, value: FacetValue) -> dict[str, Any]:
    return {**value.__dict__, "toggle_url": search_url(search.toggled(facet, value.value))}


def _applied(search: SearchRequest, result: Any) -> list[dict[str, str]]:
    """List the filters in force, each with a link that removes it."""
    applied = []
    for facet, values in result.facets.items():
        for value in values:
            if value.selected:
                applied.append({"facet": FACET_TITLES[facet], "label": value.label,
                                "remove_url": search_url(search.toggled(facet, value.value))})
    for name, amount in (("min_amount", search.min_amount), ("max_amount", search.max_amount)):
        if amount is not None:
            without = replace(search, **{name: None}, page=1)
            label = f"{'at least' if name == 'min_amount' else 'at most'} {amount:,}"
            applied.append({"facet": "Amount", "label": label, "remove_url": search_url(without)})
    return applied


def _pages(search: SearchRequest, last: int) -> list[dict[str, Any]]:
    """Number the pages around the current one, with first and last."""
    shown = sorted({1, last, *range(max(1, search.page - 2), min(last, search.page + 2) + 1)})
    return [{"number": n, "url": search_url(replace(search, page=n)),
             "current": n == search.page} for n in shown]


# -- errors: one answer per surface, in the form that was asked for --------


def error_response(status: int, message: str) -> Response | tuple[Any, int]:
    """Answer an error in the requested form: JSON, CSV, Atom, RIS/BibTeX as text, or a page."""
    path = request.path
    if path.startswith("/api/"):
        return jsonify({"error": message, "status": status}), status
    if path.endswith(".csv"):
        return Response(export.csv_error(message), status=status, mimetype="text/csv"), status
    if path.endswith(".atom"):
        xml = export.atom_error(message, request.url)
        return Response(xml, status=status, mimetype="application/atom+xml"), status
    if path.endswith((".ris", ".bib", ".xml")):
        return Response(f"Error {status}: {message}\n", status=status, mimetype="text/plain"), status
    page = render_template("error.html", status=status, title=TITLES.get(status, "Error"), message=message)
    return Response(page, status=status, mimetype="text/html"), status


def _http_error(error: HTTPException) -> Response | tuple[Any, int]:
    message = error.description or ""
    if isinstance(error, NotFound) and message == NotFound.description:
        message = f"There is nothing at {request.path}. " + (
            "The API answers at /api/search and /api/doc/<id>." if request.path.startswith("/api/")
            else "Search the archive from its front page."
        )
    return error_response(error.code or 500, message)


def _unexpected(error: Exception) -> Response | tuple[Any, int]:
    log.exception("unexpected error", exc_info=error)
    return error_response(500, "Something went wrong on our side. The error has been logged; please try again.")
