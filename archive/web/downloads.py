"""Downloads: results as CSV, RIS and BibTeX, a document's BibTeX and RIS, the Atom feed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace

from flask import Response, current_app, request

from archive.web import builds, cite, csl, export
from archive.web.links import (
    absolute,
    applied_filters,
    cite_address,
    current_archive,
    current_request,
    doc_url,
    feed_request,
    find_document,
    search_url,
    stream_links,
    this_url,
    today,
)
from archive.web.pinpoint import accessed_on


def search_csv() -> Response:
    search = current_request()
    hits = current_archive().iter_hits(search)
    permalink, _ = stream_links()
    archive = current_archive()
    stream = export.csv_stream(
        hits, permalink, archive.currency, _searched(), archive.ministries, search.money
    )
    return _download(stream, "text/csv", "csv")


def search_ris() -> Response:
    hits = current_archive().iter_hits(current_request())
    permalink, cite_url = stream_links()
    stream = export.ris_stream(hits, cite_url, permalink, today(), _site(), _searched())
    return _download(stream, "application/x-research-info-systems", "ris")


def search_bibtex() -> Response:
    hits = current_archive().iter_hits(current_request())
    _, cite_url = stream_links()
    stream = export.bibtex_stream(hits, cite_url, today(), this_url(), _site(), _searched())
    return _download(stream, "application/x-bibtex", "bib")


def search_csl() -> Response:
    """Give the whole result set as CSL-JSON, for Zotero, Pandoc and citeproc processors."""
    hits = current_archive().iter_hits(current_request())
    _, cite_url = stream_links()
    accessed = today()
    items = [csl.item(hit, cite_url(hit), accessed, _archived_in(hit)) for hit in hits]
    mimetype = "application/vnd.citationstyles.csl+json"
    return _download(iter([csl.dumps(items)]), mimetype, "csl.json")


def document_csl(doc_id: str) -> Response:
    document = find_document(doc_id)
    accessed = accessed_on(document, today())
    item = csl.item(document, cite_address(document), accessed, _archived_in(document))
    response = Response(csl.dumps([item]), mimetype="application/vnd.citationstyles.csl+json")
    return _attachment(response, doc_id, "csl.json")


def _searched() -> str:
    """Say which build answered this export, and when."""
    return builds.searched_line(current_archive().build, today())


def document_bibtex(doc_id: str) -> Response:
    document = find_document(doc_id)
    text = cite.bibtex(
        document, cite_address(document), accessed_on(document, today()), _archived_in(document)
    )
    return _attachment(Response(text, mimetype="application/x-bibtex"), doc_id, "bib")


def document_ris(doc_id: str) -> Response:
    document = find_document(doc_id)
    text = cite.ris(
        document,
        cite_address(document),
        accessed_on(document, today()),
        doc_url(document),
        _archived_in(document),
    )
    return _attachment(
        Response(text, mimetype="application/x-research-info-systems"), doc_id, "ris"
    )


def feed() -> Response:
    search = feed_request(current_request())
    result = current_archive().search(search)
    described = search.q or "all announcements"
    filters = "; ".join(f"{a['facet']}: {a['label']}" for a in applied_filters(search, result))
    dates = (export.entry_date(hit) for hit in result.hits)
    newest = max((d for d in dates if d is not None), default=dt.datetime.now(dt.UTC))
    info = export.Feed(
        title=f"{_site()}: {described}" + (f" ({filters})" if filters else ""),
        subtitle=f"The newest of {result.total:,} matching announcement"
        f"{'' if result.total == 1 else 's'}, newest first. {_searched()}.",
        self_url=absolute(search_url(search, "feed")),
        html_url=absolute(search_url(replace(search, per_page=10))),
        feed_id=absolute(search_url(search, "feed")),
        updated=newest,
        site=_site(),
    )
    permalink, _ = stream_links()
    return Response(
        export.atom_stream(info, result.hits, permalink), mimetype="application/atom+xml"
    )


def _site() -> str:
    return str(current_app.config["SITE_NAME"])


def _archived_in(document: dict) -> str | None:
    """Name this archive when a document is cited in its copy here, with no original's address."""
    return None if document.get("url") else _site()


def _download(stream: Iterator[str], mimetype: str, extension: str) -> Response:
    response = Response(stream, mimetype=mimetype)
    response.headers["Archive-Build"] = current_archive().build["id"]
    return _attachment(response, _export_name(), extension)


def _attachment(response: Response, name: str, extension: str) -> Response:
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{extension}"'
    return response


def _export_name() -> str:
    """Name an export after its query, in safe characters only."""
    words = re.findall(r"[a-z0-9]+", request.args.get("q", "").lower())[:6]
    site = "-".join(re.findall(r"[a-z0-9]+", _site().lower())) or "archive"
    return site + ("-" + "-".join(words) if words else "")
