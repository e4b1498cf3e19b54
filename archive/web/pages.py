"""The HTML pages: search with its facets, timeline and suggestion; a document; OpenSearch."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import markdown
import nh3
from flask import Response, current_app, render_template, request, url_for
from markupsafe import Markup

from archive.corpus.amounts import SYMBOLS
from archive.corpus.country import money_phrase
from archive.search.core import SearchResult
from archive.search.discover import YearTotal
from archive.search.facets import FacetValue
from archive.errors import BadRequest
from archive.search.request import FieldError, SearchRequest, parse_money, year_text
from archive.web import cite
from archive.web.versions import versions_view
from archive.web.pinpoint import accessed_on, page_of, pinpoints
from archive.web.links import (
    absolute,
    applied_filters,
    cite_address,
    current_archive,
    doc_url,
    feed_request,
    find_document,
    search_url,
    short_money,
    today,
)

RELATED = 5
# "Did you mean" is offered when a query finds fewer documents than this.
FEW_RESULTS = 3
TIMELINE_MAX_SPAN = 60  # years; a longer span shows only the years that have documents
# The facets in which a document has one value at most: one year, financial year, government.
SINGLE_VALUED = {"year", "financial_year", "government"}
AMOUNT_FIELDS = {"min_amount": "minimum", "max_amount": "maximum"}
# The boxes a search page marks when what was typed in them cannot be read (parameter: input id).
BOXES = {"year": "year-range", "from": "from", "to": "to", "min_amount": "min_amount", "max_amount": "max_amount"}


def search_page() -> str | tuple[str, int]:
    search, problem = _request_keeping_the_search()
    result = current_archive().search(search)
    facets = {
        facet: [_facet_link(search, facet, value) for value in values]
        for facet, values in result.facets.items()
    }
    whole = replace(search, page=1, per_page=search.per_page)
    page = render_template(
        "search.html", search=search, result=result, facets=facets,
        applied=applied_filters(search, result), pages=_pages(search, result.pages),
        predecessors_url=search_url(replace(search, predecessors=not search.predecessors, page=1)),
        real_url=search_url(replace(search, real=not search.real, page=1)),
        suggestion=suggestion_for(search, result),
        timeline=_timeline(search, current_archive().timeline(search)),
        exports={
            "csv": search_url(whole, "search_csv"), "ris": search_url(whole, "search_ris"),
            "bib": search_url(whole, "search_bibtex"), "json": search_url(search, "api_search"),
        },
        feed_url=search_url(feed_request(search), "feed"),
        box_problem=problem, boxes=BOXES, department_example=_department_example(),
        predecessors_hint=_predecessors_hint([v.value for v in result.facets.get("department", [])]),
    )
    # The search is answered, without the value it could not read, and that box marked.
    return (page, 400) if problem else page


def _request_keeping_the_search() -> tuple[SearchRequest, dict[str, str] | None]:
    """Read the request; a year, date or amount that cannot be read is set aside and described."""
    params = request.args.to_dict(flat=False)
    problem = None
    for _ in range(len(BOXES) + 1):
        try:
            return current_archive().request(params), problem
        except FieldError as error:
            value = (params.pop(error.field, None) or [""])[0]
            problem = problem or {"field": error.field, "value": value, "message": _box_message(error, value)}
    return current_archive().request(params), problem


def _box_message(error: FieldError, value: str) -> str:
    field = error.field
    if field not in AMOUNT_FIELDS:
        return f"{error}. These results are without it."
    name = AMOUNT_FIELDS[field]
    try:
        parse_money(value, field)
    except BadRequest:
        return (f"The {name} '{value}' is not an amount: write one such as 500000, 250k, 5m or 1.5bn. "
                f"These results are without it.")
    return f"The {name} is smaller than the minimum. These results are without it."


def _department_example() -> str | None:
    """Name a department for the search box's example: the registry's first that still exists."""
    registry = current_archive().registry
    # Only the archive's own country's: an Australian archive never offers a British example.
    departments = {k: d for k, d in registry.departments.items() if registry.is_home(d)}
    return next((key for key, d in departments.items() if not d.successor), next(iter(departments), None))


def _predecessors_hint(shown: list[str]) -> str | None:
    """Give an example of a department taking in its predecessors, from the registry; None if none has any.

    The example is the first department in the facet that has predecessors, else the registry's first.
    """
    registry = current_archive().registry
    for key in [*shown, *registry.departments]:
        department = registry.departments.get(key)
        if department and department.predecessors and registry.is_home(department):
            earlier = [registry.label("department", p) for p in department.predecessors]
            return f"{registry.label('department', key)} takes in {', '.join(earlier)}"
    return None


def document_page(doc_id: str) -> str:
    document = find_document(doc_id)
    versions = versions_view(document, request.args)
    if versions["shown"]:  # an earlier text: shown, and cited, as of the day it was fetched
        document = dict(document, body=versions["shown_body"], fetched=versions["shown_date"],
                        title=f'{document["title"]} (version fetched {versions["shown_date"]})')
    page = page_of(document, request.args.get("page"))
    body = Markup(nh3.clean(markdown.markdown(document["body"], extensions=["sane_lists"])))
    accessed = accessed_on(document, today())
    return render_template(
        "document.html", doc=document, body=body,
        citations=cite.citations(document, cite_address(document), accessed,
                                 None if document.get("url") else current_app.config["SITE_NAME"]),
        page=page, pinpoints=pinpoints(document, page, cite_address(document), accessed) if page else [],
        original={f["suffix"]: url_for(f"original_{f['suffix'][1:]}", doc_id=doc_id)
                  for f in document.get("files") or [] if f.get("suffix") in (".pdf", ".docx")},
        permalink=doc_url(document), cite_url=cite_address(document), accessed=accessed, kind=cite.noun(document),
        related=current_archive().related(doc_id, RELATED), **versions,
    )


def opensearch() -> Response:
    xml = render_template("opensearch.xml", root=absolute(url_for("search")).rstrip("/"))
    return Response(xml, mimetype="application/opensearchdescription+xml")


def suggestion_for(search: SearchRequest, result: SearchResult) -> dict[str, Any] | None:
    """Offer a corrected query when this one finds little, or not all its words, and the correction finds more."""
    if not search.q.strip() or (result.total >= FEW_RESULTS and not result.most_words):
        return None
    suggestion = current_archive().suggest(search.q)
    if suggestion is None:
        return None
    corrected = replace(search, q=suggestion.text, page=1)
    found = current_archive().search(replace(corrected, per_page=1))
    total = found.total
    # Corrected, a most-words query may need more of its words: finding them is finding more.
    if total <= result.total and not (total and result.most_words and found.most_words != result.most_words):
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
    currency = years[0].currency  # one currency for every year: amounts in others are not added in
    name = "pound" if currency == "GBP" else currency
    width, top, panel = 40, 22, 70
    columns = []
    for i, year in enumerate(shown):
        doc_height = round(panel * year.documents / most)
        money_height = round(panel * year.pounds / richest) if year.pounds else 0
        selected = (year.year, year.year) in search.years
        target = replace(search, years=((year.year, year.year),), page=1)
        columns.append({
            "year": year.year, "documents": year.documents, "pounds": year.pounds, "currency": currency,
            "x": i * width, "doc_y": top + panel - doc_height, "doc_height": doc_height,
            "money_y": 2 * top + 2 * panel - money_height, "money_height": money_height,
            "url": search_url(target) if year.documents else None, "selected": selected,
            "label": f"{year.year}: {year.documents} document{'s' if year.documents != 1 else ''}"
                     + (f", {short_money(year.pounds, currency)}" if year.pounds else f", no {name} amounts"),
        })
    return {"columns": columns, "width": len(shown) * width, "height": 2 * top + 2 * panel + 24,
            "top": top, "panel": panel, "bar": width - 12, "years": years,
            "currency": currency, "money_name": name, "money_phrase": money_phrase(currency),
            "symbol": SYMBOLS.get(currency, currency + " ")}


def _facet_link(search: SearchRequest, facet: str, value: FacetValue) -> dict[str, Any]:
    """Link a facet value to the search with it switched; a year inside a selected range is ticked."""
    link = {**value.__dict__, "toggle_url": search_url(search.toggled(facet, value.value)), "within": None}
    if facet == "year" and value.value.isdigit():
        year = int(value.value)
        ranges = [(low, high) for low, high in search.years if low < high and low <= year <= high]
        if ranges and not value.selected:
            link.update(selected=True, within=year_text(ranges[0]),
                        toggle_url=search_url(replace(search, years=_without_year(search.years, year), page=1)))
    # Values in one facet combine with OR: with one selected, another adds its results to those shown.
    # The count is exactly what it adds only where a document has one value at most.
    link["adds"] = facet in SINGLE_VALUED and bool(search.selected(facet)) and not link["selected"]
    return link


def _without_year(years: tuple[tuple[int, int], ...], year: int) -> tuple[tuple[int, int], ...]:
    """Take one year out of the selected years, splitting the range that holds it."""
    kept: list[tuple[int, int]] = []
    for low, high in years:
        if low <= year <= high:
            kept += [part for part in ((low, year - 1), (year + 1, high)) if part[0] <= part[1]]
        else:
            kept.append((low, high))
    return tuple(dict.fromkeys(kept))


def _pages(search: SearchRequest, last: int) -> list[dict[str, Any]]:
    """Number the pages around the current one, with first and last."""
    shown = sorted({1, last, *range(max(1, search.page - 2), min(last, search.page + 2) + 1)})
    return [{"number": n, "url": search_url(replace(search, page=n)),
             "current": n == search.page} for n in shown]
