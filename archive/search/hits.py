"""A page of hits: the documents of one page in order, each with its labels, snippet and score."""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping
from typing import Any

import numpy as np
from whoosh import query
from whoosh.reading import IndexReader

from archive.corpus.registry import Registry
from archive.search import limits
from archive.search.docsets import Mask
from archive.search.generation import Generation
from archive.search.query import ParsedQuery
from archive.search.ranking import rankable
from archive.search.request import SearchRequest
from archive.search.snippets import SNIPPET_CHARS, find, snippet

MAX_SNIPPET_WORDS = 64  # of a prefix's or wildcard's expansions, the first ones marked


def page_of_hits(
    gen: Generation, request: SearchRequest, parsed: ParsedQuery, docs: Mask, filtered: bool = True
) -> list[dict[str, Any]]:
    """Return one page of hits with snippets; filtered: docs is narrower than the matches."""
    if not docs.any():
        return []
    end = request.page * request.per_page
    start = end - request.per_page
    sort = request.effective_sort
    searcher = gen.searcher
    if sort == "relevance" and rankable(parsed.query):
        # Words joined by AND and OR, the usual query: scored over arrays (archive/ranking.py).
        ids, scores = gen.ranker.top(parsed.query, docs, end)
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
        results = limits.search(searcher, parsed.query, filter=allow, limit=end)[start:end]
        return _snippeted(
            gen, parsed, [hit.docnum for hit in results], [round(hit.score, 4) for hit in results]
        )
    field = (
        request.money_field("real_largest" if request.real else "largest")
        if sort == "largest"
        else "sortdate"
    )
    # The same order as Whoosh's sortedby, from the column arrays instead of a Python sort.
    order = gen.sets.top(docs, field, reverse=sort != "oldest", limit=end)[start:end].tolist()
    if not order:
        return []
    if parsed.empty:
        return [as_hit(gen, gen.sets.documents.stored(docnum), "", None) for docnum in order]
    return _snippeted(gen, parsed, order, [None] * len(order))


def _snippeted(
    gen: Generation, parsed: ParsedQuery, order: list[int], scores: list[float] | list[None]
) -> list[dict[str, Any]]:
    """Return hits with snippets of the query's words, found in stored text without re-matching."""
    words = snippet_words(parsed.query, gen.searcher.reader())
    hits = []
    for docnum, score in zip(order, scores):
        stored = gen.sets.documents.stored(docnum)
        text = stored["body"]
        hits.append(as_hit(gen, stored, snippet(text, find(text, words, gen.forms)), score))
    return hits


def snippet_words(q: query.Query, reader: IndexReader, field: str = "body") -> tuple[str, ...]:
    """Return the words a query seeks in a field, wildcards expanded, but not those it negates."""
    found: dict[str, None] = {}

    def walk(node: query.Query) -> None:
        if isinstance(node, query.Not):
            return
        if isinstance(node, query.AndNot):
            walk(node.a)
            return
        if isinstance(node, query.Phrase):
            if node.fieldname == field:
                found.update(dict.fromkeys(node.words))
            return
        if isinstance(node, query.MultiTerm):
            if node.fieldname == field:
                for btext in itertools.islice(node._btexts(reader), MAX_SNIPPET_WORDS):
                    found[btext.decode("utf-8") if isinstance(btext, bytes) else btext] = None
            return
        if isinstance(node, query.Term):
            if node.fieldname == field and isinstance(node.text, str):
                found[node.text] = None
            return
        for child in node.children():
            walk(child)

    walk(q)
    return tuple(found)


def as_hit(
    gen: Generation, stored: Mapping[str, Any], snippet: str, score: float | None
) -> dict[str, Any]:
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
