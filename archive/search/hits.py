"""A page of hits: the documents of one page in order, each with its labels, snippet and score."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
from whoosh import query
from whoosh.highlight import ContextFragmenter, HtmlFormatter
from whoosh.searching import Hit, Results

from archive.corpus.registry import Registry
from archive.search import ranking
from archive.search.docsets import Mask
from archive.search.query import ParsedQuery
from archive.search.ranking import positive_terms, rankable
from archive.search.request import SearchRequest
from archive.search.snippets import FastHighlighter

if TYPE_CHECKING:
    from archive.search.core import Generation

SNIPPET_CHARS = 240


class MarkFormatter(HtmlFormatter):
    """Wrap matched terms in <mark>, escaping all other text."""

    template = "<%(tag)s>%(t)s</%(tag)s>"

    def __init__(self) -> None:
        super().__init__(tagname="mark", between=" … ")


SNIPPETS = FastHighlighter(
    fragmenter=ContextFragmenter(maxchars=SNIPPET_CHARS, surround=70), formatter=MarkFormatter()
)


def page_of_hits(
    gen: Generation, request: SearchRequest, parsed: ParsedQuery, docs: Mask, filtered: bool = True
) -> list[dict[str, Any]]:
    """Return one page of hits with snippets; filtered says whether docs is narrower than the query's matches."""
    if not docs.any():
        return []
    end = request.page * request.per_page
    start = end - request.per_page
    sort = request.effective_sort
    searcher = gen.searcher
    if sort == "relevance" and rankable(parsed.query):
        # Words joined by AND and OR, the usual query: scored over arrays (archive/ranking.py).
        ids, scores = ranking.top(gen.ranker.cached(parsed.query), docs, end)
        page_scores = [round(score, 4) for score in scores[start:end].tolist()]
        return _snippeted(gen, parsed, ids[start:end].tolist(), page_scores)
    if sort == "relevance":
        # Anything else Whoosh ranks itself, quickest without a filter.
        # Whoosh's NOT can let a deleted document through at a segment's end, so a negating
        # query over an index with deletions is filtered too.
        if filtered or (_negates(parsed.query) and not gen.sets.live.all()):
            allow = set(np.flatnonzero(docs).tolist())
        else:
            allow = None
        results = _snippeting(searcher.search(parsed.query, filter=allow, limit=end, terms=True))
        return [as_hit(gen, hit.fields(), _highlights(hit), round(hit.score, 4)) for hit in results[start:end]]
    field = ("real_largest" if request.real else "largest") if sort == "largest" else "sortdate"
    # The same order as Whoosh's sortedby, from the column arrays instead of a Python sort.
    order = gen.sets.top(docs, field, reverse=sort != "oldest", limit=end)[start:end].tolist()
    if not order:
        return []
    if parsed.empty:
        return [as_hit(gen, searcher.stored_fields(docnum), "", None) for docnum in order]
    if rankable(parsed.query):
        return _snippeted(gen, parsed, order, [None] * len(order))
    # Highlighting needs Whoosh's hits: search again, only among the page's documents.
    results = _snippeting(searcher.search(parsed.query, filter=set(order), limit=len(order), terms=True))
    found = {hit.docnum: hit for hit in results}
    return [as_hit(gen, found[docnum].fields(), _highlights(found[docnum]), None) for docnum in order]

def _snippeted(gen: Generation, parsed: ParsedQuery, order: list[int], scores: list) -> list[dict[str, Any]]:
    """Return hits of a rankable query, highlighting its words without asking Whoosh to match again."""
    words = positive_terms(parsed.query, "body")
    analyzer = gen.searcher.schema["body"].analyzer
    hits = []
    for docnum, score in zip(order, scores):
        stored = gen.searcher.stored_fields(docnum)
        hits.append(as_hit(gen, stored, SNIPPETS.snippet(analyzer, stored["body"], words, top=2), score))
    return hits

def as_hit(gen: Generation, stored: Mapping[str, Any], snippet: str, score: float | None) -> dict[str, Any]:
    meta = dict(stored["meta"])
    meta.pop("body", None)
    meta["snippet"] = snippet or _opening(stored["body"])
    meta["score"] = score
    return labelled(gen, meta)

def labelled(gen: Generation, meta: dict[str, Any]) -> dict[str, Any]:
    for kind, name in (("department", "departments"), ("programme", "programmes")):
        meta[name] = [
            {"key": k, "label": gen.registry.label(kind, k), "name": _name(gen.registry, kind, k)}
            for k in meta[name]
        ]
    return meta


def _snippeting(results: Results) -> Results:
    results.highlighter = SNIPPETS
    return results


def _highlights(hit: Hit) -> str:
    return hit.highlights("body", top=2)


def _negates(q: query.Query) -> bool:
    return isinstance(q, (query.Not, query.AndNot)) or any(_negates(sub) for sub in q.children())


def _name(registry: Registry, kind: str, key: str) -> str:
    entry = (registry.departments if kind == "department" else registry.programmes).get(key)
    return entry.name if entry else key


def _opening(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return html.escape(text)
    cut = text[:SNIPPET_CHARS].rsplit(" ", 1)[0]
    return html.escape(cut) + " …"
