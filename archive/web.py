"""The web front end: a Flask app factory with the search page and document pages."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import markdown
import nh3
from flask import Flask, abort, current_app, render_template, request
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from archive import DEFAULT_INDEX, PROJECT_ROOT
from archive.errors import BadRequest, IndexMissing
from archive.facets import FacetValue
from archive.parse import ID_PATTERN
from archive.search import Archive, SearchRequest

FACET_TITLES = {"year": "Year", "department": "Department", "programme": "Programme", "amount": "Amount"}
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
    app.jinja_env.globals.update(search_url=search_url, facet_titles=FACET_TITLES)

    app.add_url_rule("/", "search", search_page)
    app.add_url_rule("/doc/<doc_id>", "document", document_page)
    app.register_error_handler(BadRequest, lambda e: error_page(400, str(e)))
    app.register_error_handler(IndexMissing, lambda e: error_page(503, str(e)))
    app.register_error_handler(HTTPException, lambda e: error_page(e.code or 500, e.description))
    app.register_error_handler(Exception, _unexpected)
    return app


def archive() -> Archive:
    return current_app.extensions["archive"]


def search_url(search: SearchRequest) -> str:
    """Link to the search page for a request; every search is a permalink."""
    params = search.params()
    return "/?" + urlencode(params) if params else "/"


def search_page() -> str:
    search = archive().request(request.args.to_dict(flat=False))
    result = archive().search(search)
    facets = {
        facet: [_facet_link(search, facet, value) for value in values]
        for facet, values in result.facets.items()
    }
    return render_template(
        "search.html", search=search, result=result, facets=facets,
        applied=_applied(search, result), pages=_pages(search, result.pages),
        predecessors_url=search_url(replace(search, predecessors=not search.predecessors, page=1)),
    )


def document_page(doc_id: str) -> str:
    # The id is looked up in the index, never used as a path; the pattern only refuses junk early.
    document = archive().document(doc_id) if ID_PATTERN.match(doc_id) else None
    if document is None:
        abort(404, f"There is no document '{doc_id}' in the archive.")
    body = Markup(nh3.clean(markdown.markdown(document["body"], extensions=["sane_lists"])))
    return render_template("document.html", doc=document, body=body)


def error_page(status: int, message: str) -> tuple[str, int]:
    """Answer every error the same way: a friendly page with the status and what to do."""
    return render_template("error.html", status=status, message=message), status


def _unexpected(error: Exception) -> tuple[str, int]:
    log.exception("unexpected error", exc_info=error)
    return error_page(500, "Something went wrong on our side. The error has been logged; please try again.")


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
