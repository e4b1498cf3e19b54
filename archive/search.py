"""Search the index: filters, facet counts, sorting, pages and snippets. Knows nothing of the web."""

from __future__ import annotations

import html
import re
import threading
import weakref
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh import query
from whoosh.highlight import ContextFragmenter, HtmlFormatter
from whoosh.scoring import BM25F
from whoosh.searching import Hit, Results, Searcher

from archive import discover, generations, ranking
from archive.docsets import DocSets, Mask
from archive.errors import BadRequest, IndexMissing
from archive.facets import FacetTable, FacetValue, band_label, band_order, split_band
from archive.query import ParsedQuery, QueryReader
from archive.ranking import Ranker, positive_terms, rankable
from archive.registry import Registry
from archive.snippets import FastHighlighter

SORTS = ("relevance", "newest", "oldest", "largest")
PER_PAGE = 10
MAX_PER_PAGE = 100
MAX_PAGE = 1000  # deeper pages cost memory and help nobody
YEAR = re.compile(r"^(\d{4})(?:\s*(?:-|–|\.\.)\s*(\d{4}))?$")
MONEY = re.compile(r"^[£$€]?\s*(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)\s*(k|m|bn|b)?$", re.IGNORECASE)
MULTIPLIERS = {None: 1, "k": 10**3, "m": 10**6, "b": 10**9, "bn": 10**9}
SNIPPET_CHARS = 240


@dataclass(frozen=True)
class SearchRequest:
    """What a user asked for: the query, the filters, the order and the page."""

    q: str = ""
    years: tuple[tuple[int, int], ...] = ()
    departments: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()
    min_amount: int | None = None
    max_amount: int | None = None
    predecessors: bool = False
    sort: str | None = None
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def effective_sort(self) -> str:
        if self.sort and (self.sort != "relevance" or self.q.strip()):
            return self.sort
        return "relevance" if self.q.strip() else "newest"

    def selected(self, facet: str) -> tuple[str, ...]:
        """Return the values selected in one facet, as they appear in URLs."""
        if facet == "year":
            return tuple(str(a) if a == b else f"{a}-{b}" for a, b in self.years)
        return {"department": self.departments, "programme": self.programmes, "amount": self.amounts}[facet]

    def params(self) -> list[tuple[str, str]]:
        """Write the request back as URL parameters, leaving out defaults."""
        pairs: list[tuple[str, str]] = [("q", self.q)] if self.q else []
        for facet in ("year", "department", "programme", "amount"):
            pairs += [(facet, value) for value in self.selected(facet)]
        if self.min_amount is not None:
            pairs.append(("min_amount", str(self.min_amount)))
        if self.max_amount is not None:
            pairs.append(("max_amount", str(self.max_amount)))
        if self.predecessors:
            pairs.append(("predecessors", "1"))
        if self.sort:
            pairs.append(("sort", self.sort))
        if self.page != 1:
            pairs.append(("page", str(self.page)))
        if self.per_page != PER_PAGE:
            pairs.append(("per_page", str(self.per_page)))
        return pairs

    def toggled(self, facet: str, value: str) -> SearchRequest:
        """Return this request with one facet value switched on or off, back on page 1."""
        if facet == "year":
            years = tuple(y for y in self.years if _year_text(y) != value)
            if len(years) == len(self.years):
                years += (parse_year(value),)
            return replace(self, years=years, page=1)
        name = {"department": "departments", "programme": "programmes", "amount": "amounts"}[facet]
        current = getattr(self, name)
        values = tuple(v for v in current if v != value) if value in current else (*current, value)
        return replace(self, **{name: values}, page=1)


@dataclass
class SearchResult:
    request: SearchRequest
    total: int
    hits: list[dict[str, Any]]
    facets: dict[str, list[FacetValue]]
    reading: str
    notice: str | None = None
    sort: str = "relevance"

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.per_page))


def parse_year(text: str) -> tuple[int, int]:
    """Read a year or a range of years such as 2010-2013."""
    match = YEAR.match(text.strip())
    if not match:
        raise BadRequest(f"year must be a year such as 2013 or a range such as 2010-2013, not '{text}'")
    low, high = int(match.group(1)), int(match.group(2) or match.group(1))
    if low > high:
        raise BadRequest(f"year range '{text}' runs backwards: write the earlier year first")
    return low, high


def parse_money(text: str, name: str) -> int:
    """Read an amount such as 5000000, 5m, £2.5bn or 250k, in whole units."""
    match = MONEY.match(text.strip().replace(" ", ""))
    if not match:
        raise BadRequest(f"{name} must be an amount such as 500000, 250k, 5m or 1.5bn, not '{text}'")
    number, unit = match.groups()
    return int(round(float(number.replace(",", "")) * MULTIPLIERS[unit.lower() if unit else None]))


def _year_text(years: tuple[int, int]) -> str:
    return str(years[0]) if years[0] == years[1] else f"{years[0]}-{years[1]}"


def _integer(text: str, name: str, low: int, high: int) -> int:
    # ASCII digits only: isdigit() also passes "²" and int() then raises.
    if not re.fullmatch(r"[0-9]{1,12}", text.strip()) or not low <= int(text.strip()) <= high:
        raise BadRequest(f"{name} must be a whole number from {low} to {high}, not '{text}'")
    return int(text.strip())


class MarkFormatter(HtmlFormatter):
    """Wrap matched terms in <mark>, escaping all other text."""

    template = "<%(tag)s>%(t)s</%(tag)s>"

    def __init__(self) -> None:
        super().__init__(tagname="mark", between=" … ")


SNIPPETS = FastHighlighter(
    fragmenter=ContextFragmenter(maxchars=SNIPPET_CHARS, surround=70), formatter=MarkFormatter()
)


@dataclass
class _Generation:
    """One opened index generation and what is cached for it."""

    path: Path
    searcher: Searcher
    registry: Registry
    reader: QueryReader
    facets: FacetTable
    # Masks of what queries and filters match, cached for this generation only: a researcher
    # clicking through facets repeats the same query and filters.
    sets: DocSets
    ranker: Ranker


class Archive:
    """The searchable archive: follows the index's current generation, reopening when a build publishes."""

    def __init__(self, index_dir: Path):
        self.index_dir = Path(index_dir)
        self._lock = threading.RLock()
        self._generation: _Generation | None = None

    # -- opening -----------------------------------------------------------

    def _current(self) -> _Generation:
        path = generations.require_current(self.index_dir)
        if self._generation is None or self._generation.path != path:
            opened = self._open(path)
            if self._generation is not None:
                self._closer.detach()
                self._generation.searcher.close()
            self._generation = opened
            # The index's segment files stay open while the searcher lives: close them with the archive.
            self._closer = weakref.finalize(self, opened.searcher.close)
        return self._generation

    def _open(self, path: Path) -> _Generation:
        try:
            manifest = generations.read_manifest(path)
            generations.check_files(path, manifest)
            registry = Registry.from_dict(manifest["registry"])
            ix = whoosh_index.open_dir(str(path))
            searcher = ix.searcher(weighting=BM25F())
            sets = DocSets(searcher)
            facets = FacetTable(searcher.reader(), sets.live)
        except Exception as error:  # Whoosh raises many kinds of error on damaged files.
            raise IndexMissing(
                f"the index in {self.index_dir} is damaged ({type(error).__name__}: {error}); "
                "run `archive build --full` to rebuild it"
            ) from error
        reader = QueryReader(searcher.schema, registry)
        return _Generation(path, searcher, registry, reader, facets, sets, Ranker(searcher, sets))

    @property
    def registry(self) -> Registry:
        with self._lock:
            return self._current().registry

    @property
    def generation(self) -> str:
        with self._lock:
            return self._current().path.name

    # -- requests ----------------------------------------------------------

    def request(self, params: Mapping[str, Sequence[str]]) -> SearchRequest:
        """Validate URL-style parameters (each name to a list of values) into a request."""
        first = lambda name, default="": (params.get(name) or [default])[0]  # noqa: E731
        registry = self.registry
        years = tuple(dict.fromkeys(parse_year(v) for v in _values(params, "year")))
        departments = _keys(params, "department", registry)
        programmes = _keys(params, "programme", registry)
        amounts = tuple(dict.fromkeys(v.strip().lower() for v in _values(params, "amount")))
        for band in amounts:
            if split_band(band) is None:
                raise BadRequest(
                    f"amount must be a band such as under-1m, 1m-10m, 10m-100m, 100m-1bn or 1bn-plus "
                    f"(usd:1m-10m for another currency), not '{band}'"
                )
        min_amount = parse_money(first("min_amount"), "min_amount") if first("min_amount").strip() else None
        max_amount = parse_money(first("max_amount"), "max_amount") if first("max_amount").strip() else None
        if min_amount is not None and max_amount is not None and min_amount > max_amount:
            raise BadRequest("min_amount is larger than max_amount")
        sort = first("sort").strip().lower() or None
        if sort is not None and sort not in SORTS:
            raise BadRequest(f"sort must be one of {', '.join(SORTS)}, not '{sort}'")
        return SearchRequest(
            q=first("q")[:1000],
            years=years,
            departments=departments,
            programmes=programmes,
            amounts=amounts,
            min_amount=min_amount,
            max_amount=max_amount,
            predecessors=first("predecessors").strip().lower() in ("1", "true", "yes", "on"),
            sort=sort,
            page=_integer(first("page", "1"), "page", 1, MAX_PAGE),
            per_page=_integer(first("per_page", str(PER_PAGE)), "per_page", 1, MAX_PER_PAGE),
        )

    # -- searching ---------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        """Answer a request: the page of hits, the total and every facet's counts."""
        with self._lock:
            gen = self._current()
            parsed = gen.reader.read(request.q)
            matched = gen.sets.matches(parsed.query)
            filters = self._filter_masks(gen, request)
            docs = _all_of(matched, filters.values())  # as _result_mask, keeping the parts for the facets
            facets = {
                facet: self._facet(gen, request, facet, matched, filters)
                for facet in ("year", "department", "programme", "amount")
            }
            hits = self._page(gen, request, parsed, docs, filtered=bool(filters))
        return SearchResult(request, int(docs.sum()), hits, facets, parsed.reading, parsed.notice,
                            request.effective_sort)

    def _filter_masks(self, gen: _Generation, request: SearchRequest) -> dict[str, Mask]:
        """Return, for each facet with a selection, a mask of the documents it lets through."""
        found: dict[str, Mask] = {}
        table = gen.facets
        if request.years:
            found["year"] = table.mask("year", _years(request.years))
        if request.departments:
            found["department"] = table.mask("department", self._departments(gen, request.departments, request))
        if request.programmes:
            found["programme"] = table.mask("programme", request.programmes)
        if request.amounts:
            found["amount"] = table.mask("amount", request.amounts)
        if request.min_amount is not None or request.max_amount is not None:
            # The value field holds signed 64-bit numbers; Whoosh raises on anything beyond them.
            low, high = (None if v is None else min(v, 2**63 - 1) for v in (request.min_amount, request.max_amount))
            found["range"] = gen.sets.matches(query.NumericRange("value", low, high))
        return found

    def _departments(self, gen: _Generation, keys: Sequence[str], request: SearchRequest) -> set[str]:
        if not request.predecessors:
            return set(keys)
        return {k for key in keys for k in gen.registry.with_predecessors(key)}

    def _facet(
        self,
        gen: _Generation,
        request: SearchRequest,
        facet: str,
        matched: Mask,
        filters: dict[str, Mask],
    ) -> list[FacetValue]:
        # Counted without the facet's own selection: each count is what selecting it would give.
        docs = _all_of(matched, (mask for name, mask in filters.items() if name != facet))
        selected = request.selected(facet)
        table = gen.facets
        if facet == "department" and request.predecessors:
            counts = {
                v: int(np.count_nonzero(docs & table.mask("department", self._departments(gen, [v], request))))
                for v in {*table.values("department"), *selected}
            }
        else:
            counts = table.counts(facet, docs)
        if facet == "year":
            for low, high in request.years:
                if low != high:
                    counts[_year_text((low, high))] = int(np.count_nonzero(docs & table.mask("year", _years([(low, high)]))))
        values = [
            FacetValue(v, self._label(gen, facet, v), counts.get(v, 0), v in selected)
            for v in {*counts, *selected}
            if counts.get(v, 0) or v in selected
        ]
        return sorted(values, key=_facet_order(facet))

    def _label(self, gen: _Generation, facet: str, value: str) -> str:
        if facet == "amount":
            return band_label(value)
        if facet in ("department", "programme"):
            return gen.registry.label(facet, value)
        return value

    def _page(
        self, gen: _Generation, request: SearchRequest, parsed: ParsedQuery, docs: Mask, filtered: bool = True
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
            return self._snippeted(gen, parsed, ids[start:end].tolist(), page_scores)
        if sort == "relevance":
            # Anything else Whoosh ranks itself, quickest without a filter.
            # Whoosh's NOT can let a deleted document through at a segment's end, so a negating
            # query over an index with deletions is filtered too.
            if filtered or (_negates(parsed.query) and not gen.sets.live.all()):
                allow = set(np.flatnonzero(docs).tolist())
            else:
                allow = None
            results = _snippeting(searcher.search(parsed.query, filter=allow, limit=end, terms=True))
            return [self._hit(gen, hit.fields(), _highlights(hit), round(hit.score, 4)) for hit in results[start:end]]
        field = "largest" if sort == "largest" else "sortdate"
        # The same order as Whoosh's sortedby, from the column arrays instead of a Python sort.
        order = gen.sets.top(docs, field, reverse=sort != "oldest", limit=end)[start:end].tolist()
        if not order:
            return []
        if parsed.empty:
            return [self._hit(gen, searcher.stored_fields(docnum), "", None) for docnum in order]
        if rankable(parsed.query):
            return self._snippeted(gen, parsed, order, [None] * len(order))
        # Highlighting needs Whoosh's hits: search again, only among the page's documents.
        results = _snippeting(searcher.search(parsed.query, filter=set(order), limit=len(order), terms=True))
        found = {hit.docnum: hit for hit in results}
        return [self._hit(gen, found[docnum].fields(), _highlights(found[docnum]), None) for docnum in order]

    def _snippeted(self, gen: _Generation, parsed: ParsedQuery, order: list[int], scores: list) -> list[dict[str, Any]]:
        """Return hits of a rankable query, highlighting its words without asking Whoosh to match again."""
        words = positive_terms(parsed.query, "body")
        analyzer = gen.searcher.schema["body"].analyzer
        hits = []
        for docnum, score in zip(order, scores):
            stored = gen.searcher.stored_fields(docnum)
            hits.append(self._hit(gen, stored, SNIPPETS.snippet(analyzer, stored["body"], words, top=2), score))
        return hits

    def _hit(self, gen: _Generation, stored: Mapping[str, Any], snippet: str, score: float | None) -> dict[str, Any]:
        meta = dict(stored["meta"])
        meta.pop("body", None)
        meta["snippet"] = snippet or _opening(stored["body"])
        meta["score"] = score
        return self._labelled(gen, meta)

    def _labelled(self, gen: _Generation, meta: dict[str, Any]) -> dict[str, Any]:
        for kind, name in (("department", "departments"), ("programme", "programmes")):
            meta[name] = [
                {"key": k, "label": gen.registry.label(kind, k), "name": _name(gen.registry, kind, k)}
                for k in meta[name]
            ]
        return meta

    # -- documents ---------------------------------------------------------

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """Return one document's metadata and Markdown body, or None if there is none."""
        with self._lock:
            gen = self._current()
            stored = gen.searcher.document(id=doc_id)
            return self._labelled(gen, dict(stored["meta"])) if stored else None

    # -- discovery and export (issue 3) --

    def iter_hits(self, request: SearchRequest) -> Iterator[dict[str, Any]]:
        """Yield every hit of a request in its order, without bodies, reading one document at a time."""
        with self._lock:
            gen = self._current()
            parsed = gen.reader.read(request.q)
            order = self._order(gen, request, parsed, self._result_mask(gen, request, parsed))

        def rows() -> Iterator[dict[str, Any]]:
            own = None
            try:
                for docnum in order:
                    with self._lock:
                        if own is None and self._generation is not gen:
                            # A build was published mid-export and the shared searcher closed: finish
                            # on the generation we started on, whose files are kept for a while.
                            own = whoosh_index.open_dir(str(gen.path)).searcher()
                        meta = dict((own or gen.searcher).stored_fields(docnum)["meta"])
                    meta.pop("body", None)
                    yield self._labelled(gen, meta)
            finally:
                if own is not None:
                    own.close()

        return rows()

    def suggest(self, text: str) -> discover.Suggestion | None:
        """Suggest a spelling of the query from the index's own words, or None."""
        with self._lock:
            return discover.suggest(self._current().searcher, text)

    def related(self, doc_id: str, limit: int = 5) -> list[dict[str, Any]]:
        """Return the documents most like one by content, without bodies."""
        with self._lock:
            gen = self._current()
            docnum = gen.searcher.document_number(id=doc_id)
            if docnum is None:
                return []
            found = []
            for other in discover.related(gen.searcher, docnum, limit):
                meta = dict(gen.searcher.stored_fields(other)["meta"])
                meta.pop("body", None)
                found.append(self._labelled(gen, meta))
            return found

    def timeline(self, request: SearchRequest) -> list[discover.YearTotal]:
        """Count a request's documents and their headline pound amounts per year."""
        with self._lock:
            gen = self._current()
            docs = self._result_mask(gen, request, gen.reader.read(request.q))
            return discover.timeline(gen.searcher, gen.facets, set(np.flatnonzero(docs).tolist()))

    def _result_mask(self, gen: _Generation, request: SearchRequest, parsed: ParsedQuery) -> Mask:
        return _all_of(gen.sets.matches(parsed.query), self._filter_masks(gen, request).values())

    def _order(self, gen: _Generation, request: SearchRequest, parsed: ParsedQuery, docs: Mask) -> list[int]:
        count = int(docs.sum())
        if not count:
            return []
        # The order the pages show: from the same arrays where the pages use them.
        sort = request.effective_sort
        if sort != "relevance":
            field = "largest" if sort == "largest" else "sortdate"
            return gen.sets.top(docs, field, reverse=sort != "oldest", limit=count).tolist()
        if rankable(parsed.query):
            return ranking.top(gen.ranker.cached(parsed.query), docs, count)[0].tolist()
        results = gen.searcher.search(parsed.query, filter=set(np.flatnonzero(docs).tolist()), limit=None)
        return [docnum for _, docnum in results.top_n]


def _snippeting(results: Results) -> Results:
    results.highlighter = SNIPPETS
    return results


def _highlights(hit: Hit) -> str:
    return hit.highlights("body", top=2)


def _negates(q: query.Query) -> bool:
    return isinstance(q, (query.Not, query.AndNot)) or any(_negates(sub) for sub in q.children())


def _all_of(first: Mask, others: Iterable[Mask]) -> Mask:
    result = first
    for mask in others:
        result = result & mask
    return result


def _years(ranges: Iterable[tuple[int, int]]) -> set[str]:
    return {str(y) for low, high in ranges for y in range(low, high + 1)}


def _values(params: Mapping[str, Sequence[str]], name: str) -> list[str]:
    # Accept repeated parameters and comma-separated lists alike.
    return [part.strip() for value in params.get(name, []) for part in value.split(",") if part.strip()]


def _keys(params: Mapping[str, Sequence[str]], kind: str, registry: Registry) -> tuple[str, ...]:
    keys = []
    for value in _values(params, kind):
        key = registry.resolve(kind, value)
        if key is None:
            raise BadRequest(registry.unknown(kind, value))
        keys.append(key)
    return tuple(dict.fromkeys(keys))


def _name(registry: Registry, kind: str, key: str) -> str:
    entry = (registry.departments if kind == "department" else registry.programmes).get(key)
    return entry.name if entry else key


def _opening(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return html.escape(text)
    cut = text[:SNIPPET_CHARS].rsplit(" ", 1)[0]
    return html.escape(cut) + " …"


def _facet_order(facet: str):
    if facet == "year":
        return lambda v: (-int(v.value[:4]), v.value)
    if facet == "amount":
        return lambda v: band_order(v.value)
    return lambda v: (-v.count, v.label.lower())
