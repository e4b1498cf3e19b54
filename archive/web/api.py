"""The JSON API: /api/search and /api/doc/<id>."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import Response, current_app, jsonify, request, url_for

from archive.errors import BadRequest
from archive.search.core import SearchResult
from archive.search.request import SearchRequest
from archive.search.words import most_words_text
from archive.web import builds, csl
from archive.web.links import (
    absolute,
    cite_address,
    current_archive,
    current_request,
    doc_url,
    feed_request,
    find_document,
    search_permalink,
    search_url,
    today,
)
from archive.web.pages import suggestion_for
from archive.web.pinpoint import accessed_on


def api_search() -> Response:
    search = current_request()
    result = current_archive().search(search)
    answer = _api_result(search, result)
    build = current_archive().build
    answer["build"] = builds.described(build, today())
    answer["links"]["permalink"] = search_permalink(search, build["id"])
    answer["links"]["csl_json"] = absolute(search_url(replace(search, page=1), "search_csl"))
    return jsonify(answer)


def api_document(doc_id: str) -> Response:
    document = find_document(doc_id)
    style = request.args.get("style", "").strip()
    url, accessed = cite_address(document), accessed_on(document, today())
    archived_in = None if document.get("url") else current_app.config["SITE_NAME"]
    item = csl.item(document, url, accessed, archived_in)
    build = builds.described(current_archive().build, today())
    extra: dict[str, Any] = {"csl_json": item, "build": build}
    if style:
        try:
            rendered = csl.render([item], style)[0]
        except csl.UnknownStyle as error:
            raise BadRequest(str(error)) from None
        extra["citation"] = {
            "style": style,
            "reference": rendered["reference"],
            "in_text": rendered["in_text"],
        }
    return jsonify(
        {
            **_api_hit(document),
            "body": document["body"],
            "summary": document.get("summary"),
            "type": document.get("type"),
            "author": document.get("author"),
            "date_evidence": document.get("date_evidence"),
            # Where ministries are registered (an AU archive): the government and ministry in
            # office on every day the date could be, or None.
            **{k: document[k] for k in ("government", "ministry") if k in document},
            "organisations": document.get("organisations", []),
            "amounts": [
                {
                    "value": a["value"],
                    "currency": a["currency"],
                    "text": a["text"],
                    "sentence": a["sentence"],
                    "page": a.get("page"),
                    "real_terms": a.get("real_terms"),
                    "part_of": a.get("part_of"),
                    "evidence": a.get("evidence"),
                    "role": a.get("role"),
                    "role_evidence": a.get("role_evidence"),
                }
                for a in document.get("amounts", [])
            ],
            "also_announced_in": [
                {**other, "links": {"html": doc_url(other)}}
                for other in document.get("also_announced_in", [])
            ],
            **_paper(document),
            **extra,
        }
    )


def _paper(document: dict[str, Any]) -> dict[str, Any]:
    """A document's pages, its original files and the day it was fetched, where it has them."""
    found: dict[str, Any] = {
        "pages": document.get("pages") or [],
        "fetched": document.get("fetched"),
    }
    # What `archive follow` keeps: a withdrawal notice, a Command paper number, earlier texts.
    for key in ("withdrawn", "withdrawn_date", "command_paper"):
        found[key] = document.get(key)
    kept = document.get("versions") or []
    found["versions"] = [{"date": v["date"], "name": v["name"]} for v in kept]
    found["originals"] = [
        {
            "type": f["type"],
            "bytes": f["bytes"],
            "url": absolute(url_for(f"original_{f['suffix'][1:]}", doc_id=document["id"])),
        }
        for f in document.get("files") or []
        if f.get("suffix") in (".pdf", ".docx")
    ]
    return found


def _api_result(search: SearchRequest, result: SearchResult) -> dict[str, Any]:
    links = {
        "html": absolute(search_url(search)),
        "csv": absolute(search_url(replace(search, page=1), "search_csv")),
        "feed": absolute(search_url(feed_request(search), "feed")),
    }
    if search.page < result.pages:
        links["next"] = absolute(search_url(replace(search, page=search.page + 1), "api_search"))
    if search.page > 1:
        links["previous"] = absolute(
            search_url(replace(search, page=search.page - 1), "api_search")
        )
    return {
        "query": {
            "q": search.q,
            "reading": result.reading,
            "notice": result.notice,
            "most_words": _most_words(result),
            "suggestion": _suggestion(search, result),
        },
        "sort": result.sort,
        "total": result.total,
        "page": search.page,
        "page_size": search.per_page,
        "pages": result.pages,
        "results": [
            {**_api_hit(hit), "snippet": hit["snippet"], "score": hit.get("score")}
            for hit in result.hits
        ],
        "facets": {
            facet: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                for v in values
            ]
            for facet, values in result.facets.items()
        },
        "links": links,
        # Documents the financial-year and government facets cannot place (a date spanning two),
        # and those a from/to range left out for being dated less precisely than it.
        "unplaced": result.unplaced,
        "unplaced_why": result.unplaced_why,
        "left_out": result.left_out,
    }


def _most_words(result: SearchResult) -> dict[str, Any] | None:
    if not result.most_words:
        return None
    required, words = result.most_words
    return {"required": required, "words": words, "text": most_words_text(result.most_words)}


def _suggestion(search: SearchRequest, result: SearchResult) -> dict[str, Any] | None:
    found = suggestion_for(search, result)
    if found is None:
        return None
    corrected = replace(search, q=found["text"], page=1)
    return {
        "q": found["text"],
        "total": found["total"],
        "links": {
            "html": absolute(found["url"]),
            "json": absolute(search_url(corrected, "api_search")),
        },
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
        "amounts": [
            {
                "value": a["value"],
                "currency": a["currency"],
                "text": a["text"],
                "role": a.get("role"),
            }
            for a in hit.get("amounts", [])
        ],
        "licence": hit.get("licence"),
        "announced_by": _speaker(hit.get("announced_by")),
        "quoted": [_speaker(q) for q in hit.get("quoted") or []],
        "links": {
            "html": doc_url(hit),
            "json": absolute(url_for("api_document", doc_id=hit["id"])),
        },
    }


def _speaker(found: dict[str, Any] | None) -> dict[str, Any] | None:
    """Describe a person announcing or quoted: key, name, role, department, and the sentence."""
    if not found:
        return None
    keys = ("person", "name", "role", "department", "sentence", "as_written")
    page = absolute(url_for("entity", kind="person", key=found["person"]))
    return {**{k: found.get(k) for k in keys}, "links": {"html": page}}
