"""The Flask app factory: settings, templates and static files, the routes, and one error path."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, cast

from flask import (
    Flask,
    Response,
    current_app,
    jsonify,
    render_template,
    request,
    send_from_directory,
)
from flask.json.provider import DefaultJSONProvider
from jinja2 import ChoiceLoader, FileSystemLoader
from werkzeug.exceptions import HTTPException, NotFound
from werkzeug.middleware.proxy_fix import ProxyFix

from archive import settings
from archive.errors import BadRequest, IndexMissing
from archive.home import ArchiveFolder
from archive.search.core import Archive
from archive.search.ledger import UnknownEntry
from archive.search.periods import SPANS_CHANGE, SPANS_YEARS
from archive.search.request import MAX_EXPORT
from archive.web import (
    api,
    builds,
    csl,
    downloads,
    entities,
    export,
    money,
    originals,
    pages,
    unapi,
)
from archive.web.links import (
    FACET_TITLES,
    absolute,
    coins_of,
    document_link,
    home_money,
    kept_build,
    search_url,
    short_money,
    this_url,
)
from archive.web.security import add_security_headers

# The reason the facets' hints word as "dated too loosely to place".
SPANS = {"financial_year": SPANS_YEARS, "government": SPANS_CHANGE}
TITLES = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    410: "Gone",
    503: "Index unavailable",
}
log = logging.getLogger(__name__)

ENTITY_KINDS = ", ".join(entities.KINDS)
ROUTES = (
    ("/", "search", pages.search_page),
    ("/doc/<doc_id>", "document", pages.document_page),
    ("/doc/<doc_id>.bib", "document_bibtex", downloads.document_bibtex),
    ("/doc/<doc_id>.ris", "document_ris", downloads.document_ris),
    ("/doc/<doc_id>/original.pdf", "original_pdf", originals.original_pdf),
    ("/doc/<doc_id>/original.docx", "original_docx", originals.original_docx),
    ("/api/search", "api_search", api.api_search),
    ("/api/doc/<doc_id>", "api_document", api.api_document),
    ("/search.csv", "search_csv", downloads.search_csv),
    ("/search.ris", "search_ris", downloads.search_ris),
    ("/search.bib", "search_bibtex", downloads.search_bibtex),
    ("/search.csl.json", "search_csl", downloads.search_csl),
    ("/doc/<doc_id>.csl.json", "document_csl", downloads.document_csl),
    ("/unapi", "unapi", unapi.unapi),
    ("/feed.atom", "feed", downloads.feed),
    ("/opensearch.xml", "opensearch", pages.opensearch),
    ("/programme/<key>/ledger", "programme_ledger", money.programme_ledger),
    ("/department/<key>/ledger", "department_ledger", money.department_ledger),
    ("/programme/<key>/ledger.csv", "programme_ledger_csv", money.programme_ledger_csv),
    ("/department/<key>/ledger.csv", "department_ledger_csv", money.department_ledger_csv),
    ("/api/programme/<key>/ledger", "api_programme_ledger", money.api_programme_ledger),
    ("/api/department/<key>/ledger", "api_department_ledger", money.api_department_ledger),
    ("/figure", "figure", money.figure),
    ("/api/figure", "api_figure", money.api_figure),
    (f"/<any({ENTITY_KINDS}):kind>/<key>", "entity", entities.entity_page),
    (f"/api/<any({ENTITY_KINDS}):kind>/<key>", "api_entity", entities.entity_api),
)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Create the app: defaults, then archive.toml, then ARCHIVE_* variables, then test config."""
    app = Flask(__name__, static_folder=None)
    # The settings file is found through ROOT, so ROOT and INDEX_DIR are read first.
    early = test_config or {}
    folder = ArchiveFolder.at(
        early.get("ROOT"), index=early.get("INDEX_DIR") or os.environ.get("ARCHIVE_INDEX_DIR")
    )
    app.config.from_mapping(
        ROOT=str(folder.root), INDEX_DIR=str(folder.index), **settings.defaults()
    )
    app.config.from_mapping(folder.settings())
    app.config.from_prefixed_env("ARCHIVE")
    if test_config:
        app.config.from_mapping(test_config)
    app.extensions["archive"] = Archive(Path(app.config["INDEX_DIR"]))

    # The archive's own templates/ and static/ come first, so a maintainer restyles without forking.
    own = Path(app.config["ROOT"])
    app.jinja_loader = ChoiceLoader(
        [FileSystemLoader(own / "templates"), FileSystemLoader(_shipped("templates"))]
    )
    app.config["STATIC_DIRS"] = [own / "static", _shipped("static")]
    app.jinja_env.globals.update(
        search_url=search_url, facet_titles=FACET_TITLES, money=short_money
    )
    app.jinja_env.globals.update(max_export=MAX_EXPORT, spans=SPANS, entity_url=entities.entity_url)
    app.jinja_env.globals.update(document_link=document_link)
    app.jinja_env.globals.update(coins=coins_of, absolute=absolute)
    app.jinja_env.globals.update(
        figure_url=money.figure_url,
        role_labels=money.ROLE_LABELS,
        kind_labels=money.KIND_LABELS,
        ledger_line_url=money.line_url,
    )
    # A page read on a kept build keeps it in its forms and links (search, sort, a document).
    app.context_processor(lambda: {"home": home_money(), "kept_build": kept_build()})
    # The API's keys in the order they are documented: query first.
    cast(DefaultJSONProvider, app.json).sort_keys = False

    proxies = int(app.config["PROXIES"] or 0)
    if proxies:
        # Forwarded headers are believed only from as many proxies as the maintainer says there are.
        fixed = ProxyFix(
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_prefix=proxies
        )
        app.wsgi_app = fixed  # type: ignore[method-assign]  # Flask's way to add middleware
    app.after_request(add_security_headers)
    # /doc//x must be a 404, not a redirect to another document's address.
    app.url_map.merge_slashes = False
    for rule, endpoint, view in ROUTES:
        app.add_url_rule(rule, endpoint, view)
    app.add_url_rule("/static/<path:filename>", "static", _static)
    app.register_error_handler(BadRequest, lambda e: error_response(400, str(e)))
    app.register_error_handler(UnknownEntry, lambda e: error_response(404, str(e)))
    app.register_error_handler(IndexMissing, lambda e: error_response(503, str(e)))
    app.register_error_handler(builds.BuildExpired, _expired)
    app.register_error_handler(csl.RenderError, lambda e: error_response(503, str(e)))
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
    return app


def _shipped(name: str) -> Path:
    # Shipped inside the package (in a checkout, links to the repository's own folders).
    return Path(__file__).with_name(name)


def _static(filename: str) -> Response:
    for folder in current_app.config["STATIC_DIRS"]:
        # send_from_directory refuses any name that leaves the folder.
        if (Path(folder) / filename).is_file():
            return send_from_directory(folder, filename, max_age=3600)
    raise NotFound()


def error_response(status: int, message: str) -> Response | tuple[Any, int]:
    """Answer an error in the requested form: JSON, CSV, Atom, RIS/BibTeX as text, or a page."""
    path = request.path
    if path.startswith("/api/"):
        return jsonify({"error": message, "status": status}), status
    if path.endswith(".csv"):
        return Response(export.csv_error(message), status=status, mimetype="text/csv"), status
    if path.endswith(".atom"):
        xml = export.atom_error(message, this_url(), current_app.config["SITE_NAME"])
        return Response(xml, status=status, mimetype="application/atom+xml"), status
    if path.endswith(".json"):
        return jsonify({"error": message, "status": status}), status
    if path.endswith((".ris", ".bib", ".xml")):
        return Response(
            f"Error {status}: {message}\n", status=status, mimetype="text/plain"
        ), status
    page = render_template(
        "error.html", status=status, title=TITLES.get(status, "Error"), message=message
    )
    return Response(page, status=status, mimetype="text/html"), status


def _expired(error: builds.BuildExpired) -> Response:
    """Answer 410 for a pruned build, in the form asked for, with the search on the current one."""
    current = absolute(builds.without_build())
    message = builds.expired_message(error, current)
    if request.path.startswith("/api/") or request.path.endswith((".csv", ".atom", ".ris", ".bib")):
        response = error_response(410, message)
        answer = response[0] if isinstance(response, tuple) else response
    else:
        page = render_template(
            "error.html",
            status=410,
            title="Build no longer kept",
            message=message,
            link={"href": current, "text": "Run this search on the current build"},
        )
        answer = Response(page, status=410, mimetype="text/html")
    answer.status_code = 410
    answer.headers["Link"] = f'<{current}>; rel="latest-version"'
    return answer


def _http_error(error: HTTPException) -> Response | tuple[Any, int]:
    message = error.description or ""
    if isinstance(error, NotFound) and message == NotFound.description:
        message = f"There is nothing at {request.path}. " + (
            "The API answers at /api/search and /api/doc/<id>."
            if request.path.startswith("/api/")
            else "Search the archive from its front page."
        )
    return error_response(error.code or 500, message)


def _unexpected(error: Exception) -> Response | tuple[Any, int]:
    log.exception("unexpected error", exc_info=error)
    return error_response(
        500, "Something went wrong on our side. The error has been logged; please try again."
    )
