"""The HTML pages: search with its facets, timeline and suggestion; a document; OpenSearch."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import nh3
from flask import Response, current_app, render_template, request, url_for
from markupsafe import Markup

from archive.corpus.amounts import SYMBOLS
from archive.corpus.country import money_phrase
from archive.errors import BadRequest
from archive.search.core import SearchResult
from archive.search.discover import YearTotal
from archive.search.facets import FacetValue
from archive.search.fields import exact_figure
from archive.search.request import FieldError, SearchRequest, parse_money, year_text
from archive.web import cite, csl, passages
from archive.web.builds import searched_line
from archive.web.links import (
    FACET_ENTITIES,
    absolute,
    applied_filters,
    cite_address,
    current_archive,
    doc_url,
    feed_request,
    find_document,
    search_permalink,
    search_url,
    short_money,
    today,
)
from archive.web.money import figure_url
from archive.web.pinpoint import accessed_on, page_of, paragraph_pinpoints, pinpoints
from archive.web.versions import versions_view
from archive.web.zotero import coins, is_report

RELATED = 5
# "Did you mean" is offered when a query finds fewer documents than this.
FEW_RESULTS = 3
TIMELINE_MAX_SPAN = 60  # years; a longer span shows only the years that have documents
# The facets in which a document has one value at most: one year, financial year, government.
SINGLE_VALUED = {"year", "financial_year", "government"}
AMOUNT_FIELDS = {"min_amount": "minimum", "max_amount": "maximum"}
# The boxes a search page marks when what was typed in them cannot be read (parameter: input id).
BOXES = {
    "year": "year-range",
    "from": "from",
    "to": "to",
    "min_amount": "min_amount",
    "max_amount": "max_amount",
}


def search_page() -> str | tuple[str, int]:
    search, problem = _request_keeping_the_search()
    result = current_archive().search(search)
    facets = {
        facet: [_facet_link(search, facet, value) for value in values]
        for facet, values in result.facets.items()
    }
    whole = replace(search, page=1, per_page=search.per_page)
    page = render_template(
        "search.html",
        search=search,
        result=result,
        facets=facets,
        applied=applied_filters(search, result),
        pages=_pages(search, result.pages),
        predecessors_url=search_url(replace(search, predecessors=not search.predecessors, page=1)),
        real_url=search_url(replace(search, real=not search.real, page=1)),
        money_url=search_url(
            replace(search, money="all" if search.money == "announced" else "announced", page=1)
        ),
        suggestion=suggestion_for(search, result),
        figure_link=_figure_link(search.q),
        timeline=_timeline(search, current_archive().timeline(search)),
        exports={
            "csv": search_url(whole, "search_csv"),
            "ris": search_url(whole, "search_ris"),
            "bib": search_url(whole, "search_bibtex"),
            "json": search_url(search, "api_search"),
            "csl": search_url(whole, "search_csl"),
        },
        feed_url=search_url(feed_request(search), "feed"),
        box_problem=problem,
        boxes=BOXES,
        department_example=_department_example(),
        predecessors_hint=_predecessors_hint(
            [v.value for v in result.facets.get("department", [])]
        ),
        cited=search_citation(search, result),
    )
    # The search is answered, without the value it could not read, and that box marked.
    return (page, 400) if problem else page


def search_citation(search: SearchRequest, result: SearchResult) -> dict[str, Any]:
    """Say exactly how a search was run: query, filters, sort, build, day, a permalink to rerun."""
    build = current_archive().build
    day = today()
    filters = [f"{a['facet']}: {a['label']}" for a in applied_filters(search, result)]
    permalink = search_permalink(search, build["id"])
    site = current_app.config["SITE_NAME"]
    query = f"'{search.q}'" if search.q else "all documents"
    sort = {
        "relevance": "by relevance",
        "newest": "newest first",
        "oldest": "oldest first",
        "largest": "largest amount first",
    }.get(result.sort, result.sort)
    text = (
        f"{site}, search for {query}"
        + (f" ({'; '.join(filters)})" if filters else "")
        + f", sorted {sort}: {result.total:,} result{'' if result.total == 1 else 's'}. "
        f"{searched_line(build, day)}. {permalink}"
    )
    return {
        "query": search.q,
        "reading": result.reading,
        "filters": filters,
        "sort": sort,
        "build": build,
        "day": day,
        "line": searched_line(build, day),
        "total": result.total,
        "permalink": permalink,
        "text": text,
    }


def _request_keeping_the_search() -> tuple[SearchRequest, dict[str, str] | None]:
    """Read the request; a year, date or amount that cannot be read is set aside and described."""
    params = request.args.to_dict(flat=False)
    problem = None
    for _ in range(len(BOXES) + 1):
        try:
            return current_archive().request(params), problem
        except FieldError as error:
            value = (params.pop(error.field, None) or [""])[0]
            problem = problem or {
                "field": error.field,
                "value": value,
                "message": _box_message(error, value),
            }
    return current_archive().request(params), problem


def _box_message(error: FieldError, value: str) -> str:
    field = error.field
    if field not in AMOUNT_FIELDS:
        return f"{error}. These results are without it."
    name = AMOUNT_FIELDS[field]
    try:
        parse_money(value, field)
    except BadRequest:
        return (
            f"The {name} '{value}' is not an amount: write one such as 500000, 250k, 5m or 1.5bn. "
            f"These results are without it."
        )
    return f"The {name} is smaller than the minimum. These results are without it."


def _department_example() -> str | None:
    """Name a department for the search box's example: the registry's first that still exists."""
    registry = current_archive().registry
    # Only the archive's own country's: an Australian archive never offers a British example.
    departments = {k: d for k, d in registry.departments.items() if registry.is_home(d)}
    return next(
        (key for key, d in departments.items() if not d.successor), next(iter(departments), None)
    )


def _predecessors_hint(shown: list[str]) -> str | None:
    """Give an example of a department taking in its predecessors, from the registry, or None.

    The example is the first department in the facet that has predecessors, else the registry's
    first; None if no department has any.
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
        document = dict(
            document,
            body=versions["shown_body"],
            fetched=versions["shown_date"],
            title=f"{document['title']} (version fetched {versions['shown_date']})",
        )
    page = page_of(document, request.args.get("page"))
    number = _para_of(request.args.get("para"))
    base = url_for("document", doc_id=doc_id, version=versions["shown"])  # an earlier text's own
    joiner = "&" if versions["shown"] else "?"
    body, found = passages.render(
        document["body"], lambda n: f"{base}{joiner}para={n}#cite-passage", cited=number
    )
    if number is not None and number > len(found):
        raise BadRequest(f"para: give one of this document's paragraphs, 1 to {len(found)}")
    accessed = accessed_on(document, today())
    archive_name = None if document.get("url") else current_app.config["SITE_NAME"]
    return render_template(
        "document.html",
        doc=document,
        body=body,
        passage=_passage(document, found[number - 1], accessed) if number else None,
        csl_styles=csl.COMMON,
        csl_citation=_csl_citation(document, accessed, archive_name),
        coins=coins(document, cite_address(document)),
        report=is_report(document),
        pdf_url=next(
            (
                absolute(url_for("original_pdf", doc_id=doc_id))
                for f in document.get("files") or []
                if f.get("suffix") == ".pdf"
            ),
            None,
        ),
        citations=cite.citations(
            document,
            cite_address(document),
            accessed,
            None if document.get("url") else current_app.config["SITE_NAME"],
        ),
        page=page,
        pinpoints=pinpoints(document, page, cite_address(document), accessed) if page else [],
        original={
            f["suffix"]: url_for(f"original_{f['suffix'][1:]}", doc_id=doc_id)
            for f in document.get("files") or []
            if f.get("suffix") in (".pdf", ".docx")
        },
        permalink=doc_url(document),
        cite_url=cite_address(document),
        accessed=accessed,
        kind=cite.noun(document),
        related=current_archive().related(doc_id, RELATED),
        **versions,
    )


def _para_of(value: str | None) -> int | None:
    """Read ?para=N: a paragraph's number, or a BadRequest."""
    if value is None or value == "":
        return None
    if not value.isdigit() or not 0 < int(value) < 100_000:
        raise BadRequest("para: give a paragraph's number, such as para=12")
    return int(value)


def _passage(document: dict[str, Any], found: passages.Passage, accessed: Any) -> dict[str, Any]:
    """Cite one passage: three styles with its pinpoint, and a link that finds and highlights it."""
    address = doc_url(document)
    return {
        "passage": found,
        "link": passages.fragment_link(address, found),
        "pinpoints": paragraph_pinpoints(
            document, found.number, found.page, cite_address(document), accessed
        ),
    }


def _csl_citation(
    document: dict[str, Any], accessed: Any, archive_name: str | None
) -> dict[str, Any] | None:
    """Render the document in the CSL style the picker asked for (?style=), if any."""
    style = request.args.get("style", "").strip()
    if not style:
        return None
    item = csl.item(document, cite_address(document), accessed, archive_name)
    try:
        rendered = csl.render([item], style)[0]
    except csl.UnknownStyle as error:
        raise BadRequest(str(error)) from None
    # The processor's HTML holds only <em>, <i>, <b> and entities; cleaned all the same.
    return {
        "style": style,
        "label": csl.COMMON.get(style, style),
        "reference": Markup(nh3.clean(rendered["reference"])),
        "in_text": Markup(nh3.clean(rendered["in_text"])),
    }


def opensearch() -> Response:
    xml = render_template("opensearch.xml", root=absolute(url_for("search")).rstrip("/"))
    return Response(xml, mimetype="application/opensearchdescription+xml")


def suggestion_for(search: SearchRequest, result: SearchResult) -> dict[str, Any] | None:
    """Offer a corrected query that finds more when this one finds little or misses words."""
    if not search.q.strip() or (result.total >= FEW_RESULTS and not result.most_words):
        return None
    suggestion = current_archive().suggest(search.q)
    if suggestion is None:
        return None
    corrected = replace(search, q=suggestion.text, page=1)
    found = current_archive().search(replace(corrected, per_page=1))
    total = found.total
    # Corrected, a most-words query may need more of its words: finding them is finding more.
    if total <= result.total and not (
        total and result.most_words and found.most_words != result.most_words
    ):
        return None
    return {"text": suggestion.text, "url": search_url(corrected), "total": total}


_FIGURE_IN_QUERY = re.compile(r'\bamount:(?:"([^"]+)"|(\S+))')
_PROGRAMME_IN_QUERY = re.compile(r'\bprogramme:(?:"([^"]+)"|(\S+))')


def _figure_link(q: str) -> dict[str, str] | None:
    """Offer "this figure elsewhere" for a query such as amount:"£200m" programme:innovation."""
    figure = _FIGURE_IN_QUERY.search(q)
    text = figure and (figure.group(1) or figure.group(2))
    if not text or exact_figure(text) is None:
        return None
    programme = _PROGRAMME_IN_QUERY.search(q)
    return {
        "text": text,
        "url": figure_url(text, programme and (programme.group(1) or programme.group(2))),
    }


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
    # Cuts hang below the money's line, on the same scale, in a band of their own.
    cut_panel = 30 if any(y.cuts for y in shown) else 0
    columns = []
    for i, year in enumerate(shown):
        doc_height = round(panel * year.documents / most)
        money_height = round(panel * year.pounds / richest) if year.pounds else 0
        cut_height = min(cut_panel, max(2, round(panel * year.cuts / richest))) if year.cuts else 0
        selected = (year.year, year.year) in search.years
        target = replace(search, years=((year.year, year.year),), page=1)
        columns.append(
            {
                "year": year.year,
                "documents": year.documents,
                "pounds": year.pounds,
                "currency": currency,
                "x": i * width,
                "doc_y": top + panel - doc_height,
                "doc_height": doc_height,
                "money_y": 2 * top + 2 * panel - money_height,
                "money_height": money_height,
                "cuts": year.cuts,
                "cut_y": 2 * top + 2 * panel,
                "cut_height": cut_height,
                "url": search_url(target) if year.documents else None,
                "selected": selected,
                "label": f"{year.year}: {year.documents} "
                f"document{'s' if year.documents != 1 else ''}"
                + (
                    f", {short_money(year.pounds, currency)}"
                    if year.pounds
                    else f", no {name} amounts"
                )
                + (f" announced, {short_money(year.cuts, currency)} cut" if year.cuts else ""),
            }
        )
    return {
        "columns": columns,
        "width": len(shown) * width,
        "height": 2 * top + 2 * panel + cut_panel + 24,
        "cut_panel": cut_panel,
        "money": search.money,
        "top": top,
        "panel": panel,
        "bar": width - 12,
        "years": years,
        "currency": currency,
        "money_name": name,
        "money_phrase": money_phrase(currency),
        "symbol": SYMBOLS.get(currency, currency + " "),
    }


def _facet_link(search: SearchRequest, facet: str, value: FacetValue) -> dict[str, Any]:
    """Link a facet value to the search with it switched; a year in a selected range is ticked."""
    link = {
        **value.__dict__,
        "toggle_url": search_url(search.toggled(facet, value.value)),
        "within": None,
    }
    if facet == "year" and value.value.isdigit():
        year = int(value.value)
        ranges = [(low, high) for low, high in search.years if low < high and low <= year <= high]
        if ranges and not value.selected:
            link.update(
                selected=True,
                within=year_text(ranges[0]),
                toggle_url=search_url(
                    replace(search, years=_without_year(search.years, year), page=1)
                ),
            )
    # Values in one facet combine with OR: with one selected, another adds its results to those
    # shown.
    # The count is exactly what it adds only where a document has one value at most.
    link["adds"] = facet in SINGLE_VALUED and bool(search.selected(facet)) and not link["selected"]
    # A department, programme, government or person has a page of its own.
    kind = FACET_ENTITIES.get(facet)
    link["entity_url"] = url_for("entity", kind=kind, key=value.value) if kind else None
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
    return [
        {"number": n, "url": search_url(replace(search, page=n)), "current": n == search.page}
        for n in shown
    ]
