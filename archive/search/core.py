"""Search the index: filters, facet counts, sorting, pages and snippets. Knows no web."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from whoosh import index as whoosh_index
from whoosh import query

from archive.corpus import prices
from archive.corpus.amounts import band_label, band_order, split_band
from archive.corpus.country import currency_of, fiscal_year
from archive.corpus.registry import Registry
from archive.errors import BadRequest
from archive.index import generations
from archive.search import discover, heap, limits, realterms
from archive.search.docsets import Mask
from archive.search.facets import FacetValue
from archive.search.generation import Generation
from archive.search.hits import labelled, page_of_hits
from archive.search.opening import open_generation
from archive.search.placed import placed
from archive.search.query import ParsedQuery
from archive.search.ranking import rankable
from archive.search.request import MAX_EXPORT, SearchRequest, read_request, year_text

# The facets, in the order they are shown: the indexed ones, then those worked out from dates.
FACETS = (
    "year",
    "financial_year",
    "government",
    "department",
    "programme",
    "announced_by",
    "amount",
)
LABELS_KEPT = 50_000  # facet values' labels kept per generation


@dataclass
class SearchResult:
    request: SearchRequest
    total: int
    hits: list[dict[str, Any]]
    facets: dict[str, list[FacetValue]]
    reading: str
    notice: str | None = None
    sort: str = "relevance"
    # Per facet, how many documents it cannot place because their date is too loose (financial
    # year, government); and how many a date range left out for being less precise than it.
    unplaced: dict[str, int] = field(default_factory=dict)
    left_out: int = 0
    # Per facet, why those documents could not be placed: each reason and how many it holds.
    unplaced_why: dict[str, dict[str, int]] = field(default_factory=dict)
    # When not every word was required: (required, of how many words).
    most_words: tuple[int, int] | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.per_page))


class Archive:
    """The searchable archive: follows the index's current generation, reopening on a publish."""

    _closer: Any  # closes the open generation's searcher with the archive

    def __init__(self, index_dir: Path, pinned: Path | None = None):
        heap.return_large_arrays()  # a worker's own memory: a query's scratch arrays go back
        self.index_dir = Path(index_dir)
        self._lock = threading.RLock()
        self._generation: Generation | None = None
        # A kept build's generation, searched instead of the current one.
        self._pinned = pinned

    # -- opening -----------------------------------------------------------

    def _current(self) -> Generation:
        path = self._pinned or generations.require_current(self.index_dir)
        if self._generation is None or self._generation.path != path:
            opened = open_generation(self.index_dir, path)
            if self._generation is not None:
                self._closer.detach()
                self._generation.searcher.close()
            self._generation = opened
            # The index's segment files stay open while the searcher lives: close them with the
            # archive.
            self._closer = weakref.finalize(self, opened.searcher.close)
        return self._generation

    @property
    def registry(self) -> Registry:
        with self._lock:
            return self._current().registry

    @property
    def country(self) -> str:
        """The archive's country (ISO 3166), GB where none is set."""
        return self.registry.home

    @property
    def currency(self) -> str:
        """The currency the archive's own words count in: GBP, AUD."""
        return currency_of(self.country) or "GBP"

    @property
    def ministries(self) -> bool:
        """Tell whether ministries are registered, so documents and exports can name theirs."""
        return bool(self.registry.ministries)

    @property
    def real_terms(self) -> bool:
        """Tell whether amounts can be put in real terms: only where the currency has a deflator."""
        return prices.deflator(self.currency) is not None

    @property
    def generation(self) -> str:
        with self._lock:
            return self._current().path.name

    @property
    def build(self) -> dict[str, Any]:
        """Name the build being searched: its id, date and number of documents."""
        with self._lock:
            return dict(self._current().build)

    def close(self) -> None:
        """Close the searcher of the generation opened, if any."""
        with self._lock:
            if self._generation is not None:
                self._closer.detach()
                self._generation.searcher.close()
                self._generation = None

    # -- requests ----------------------------------------------------------

    def request(self, params: Mapping[str, Sequence[str]]) -> SearchRequest:
        """Validate URL-style parameters (each name to a list of values) into a request."""
        found = read_request(params, self.registry)
        if found.real and not self.real_terms:
            raise BadRequest(
                f"real terms are not offered in this archive: no deflator series for "
                f"{self.currency} is shipped (see docs/country.md); leave out real=1"
            )
        return found

    # -- searching ---------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        """Answer a request: the page of hits, the total and every facet's counts."""
        with self._lock:
            gen = self._current()
            parsed = gen.reader.read(request.q, request.money)
            # What Whoosh matches itself (phrases, ranges) has a time budget: matching, then
            # ranking.
            with limits.budget() as matching:
                matched = gen.sets.matches(parsed.query)
                filters = self._filter_masks(gen, request)
            docs = _all_of(
                matched, filters.values()
            )  # as _result_mask, keeping the parts for the facets
            facets = {facet: self._facet(gen, request, facet, matched, filters) for facet in FACETS}
            unplaced = {
                facet: int(
                    np.count_nonzero(
                        _all_of(matched, (m for n, m in filters.items() if n != facet))
                        & getattr(gen.periods, facet).unplaced
                    )
                )
                for facet in ("financial_year", "government")
            }
            unplaced_why = {
                facet: self._why(gen, facet, matched, filters)
                for facet in ("financial_year", "government")
            }
            left_out = 0
            if "date" in filters:
                overlap = gen.periods.in_range(*request.date_range)[1]
                left_out = int(
                    np.count_nonzero(
                        _all_of(matched, (m for n, m in filters.items() if n != "date")) & overlap
                    )
                )
            with limits.budget() as placing:
                hits = page_of_hits(gen, request, parsed, docs, filtered=bool(filters))
        return SearchResult(
            request,
            int(np.count_nonzero(docs)),  # a tenth of sum() over a boolean array
            hits,
            facets,
            parsed.reading,
            limits.notice(parsed.notice, matching, placing),
            request.effective_sort,
            unplaced,
            left_out,
            unplaced_why,
            parsed.most_words,
        )

    def _why(
        self, gen: Generation, facet: str, matched: Mask, filters: dict[str, Mask]
    ) -> dict[str, int]:
        """Count, for each reason a facet cannot place documents, the results it holds."""
        results = _all_of(matched, (m for k, m in filters.items() if k != facet))
        counts = {
            reason: int(np.count_nonzero(results & mask))
            for reason, mask in getattr(gen.periods, facet).why.items()
        }
        return {reason: n for reason, n in counts.items() if n}

    def _filter_masks(self, gen: Generation, request: SearchRequest) -> dict[str, Mask]:
        """Return, for each facet with a selection, a mask of the documents it lets through."""
        found: dict[str, Mask] = {}
        table = gen.facets
        if request.years:
            found["year"] = table.mask("year", _years(request.years))
        if request.departments:
            found["department"] = table.mask(
                "department", self._departments(gen, request.departments, request)
            )
        if request.programmes:
            found["programme"] = table.mask("programme", request.programmes)
        if request.amounts:
            found["amount"] = table.mask(request.money_field("amount"), request.amounts)
        if request.financial_years:
            found["financial_year"] = table.mask("financial_year", request.financial_years)
        if request.governments:
            found["government"] = table.mask("government", request.governments)
        if request.announcers:
            found["announced_by"] = table.mask("announced_by", request.announcers)
        if request.date_from or request.date_to:
            found["date"] = gen.periods.in_range(*request.date_range)[0]
        if request.real and (request.min_amount is not None or request.max_amount is not None):
            found["range"] = gen.sets.cached(
                ("real", request.money, request.min_amount, request.max_amount),
                lambda: realterms.real_range(gen, request),
            )
        elif request.min_amount is not None or request.max_amount is not None:
            # The value field holds signed 64-bit numbers; Whoosh raises on anything beyond them.
            low, high = (
                None if v is None else min(v, 2**63 - 1)
                for v in (request.min_amount, request.max_amount)
            )
            found["range"] = gen.sets.matches(
                query.NumericRange(request.money_field("value"), low, high)
            )
        return found

    def _departments(
        self, gen: Generation, keys: Sequence[str], request: SearchRequest
    ) -> set[str]:
        if not request.predecessors:
            return set(keys)
        return {k for key in keys for k in gen.registry.with_predecessors(key)}

    def _facet(
        self,
        gen: Generation,
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
                v: int(
                    np.count_nonzero(
                        docs & table.mask("department", self._departments(gen, [v], request))
                    )
                )
                for v in {*table.values("department"), *selected}
            }
        else:
            counts = table.counts(
                request.money_field("amount") if facet == "amount" else facet, docs
            )
        if facet == "year":
            for low, high in request.years:
                if low != high:
                    counts[year_text((low, high))] = int(
                        np.count_nonzero(docs & table.mask("year", _years([(low, high)])))
                    )
        values = [
            FacetValue(v, self._label(gen, facet, v), counts.get(v, 0), v in selected)
            for v in {*counts, *selected}
            if counts.get(v, 0) or v in selected
        ]
        if facet == "government":
            starts = {k: g.start for k, g in gen.registry.governments.items()}
            return sorted(values, key=lambda v: starts.get(v.value, ""), reverse=True)
        return sorted(values, key=_facet_order(facet, currency_of(gen.registry.home) or "GBP"))

    def _label(self, gen: Generation, facet: str, value: str) -> str:
        # A generation's labels do not change: each worked out once, not per value per query
        # (bounded: a selected value comes from the URL, and could be anything).
        found = gen.labels.get((facet, value))
        if found is None:
            found = self._labelled(gen, facet, value)
            if len(gen.labels) < LABELS_KEPT:
                gen.labels[(facet, value)] = found
        return found

    def _labelled(self, gen: Generation, facet: str, value: str) -> str:
        if facet == "amount":
            return band_label(value)
        if facet in ("department", "programme", "government"):
            return gen.registry.label(facet, value)
        if facet == "announced_by":
            return gen.registry.label("person", value)
        if facet == "year" and value == "0":
            return "Undated"  # year 0 is the index's mark for a document with no date
        if facet == "financial_year" and (rule := fiscal_year(gen.registry.home)):
            return rule.label(value)
        return value

    # -- documents ---------------------------------------------------------

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """Return one document's metadata and Markdown body, or None if there is none."""
        with self._lock:
            gen = self._current()
            docnum = gen.searcher.document_number(id=doc_id)
            if docnum is None:
                return None
            stored = gen.searcher.stored_fields(docnum)
            meta = realterms.with_real_terms(gen, labelled(gen, dict(stored["meta"])))
            meta["also_announced_in"] = self._reannounced(gen, meta)
            meta.update(placed(gen, docnum))
            return meta

    def _reannounced(self, gen: Generation, meta: dict[str, Any]) -> list[dict[str, Any]]:
        """Find the other documents announcing one of this one's programmes with the same amount."""
        found: dict[str, dict[str, Any]] = {}
        home = currency_of(gen.registry.home) or "GBP"
        values = sorted(
            {a["value"] for a in meta.get("amounts", []) if a["currency"] == home and a["value"]},
            reverse=True,
        )
        for programme in meta.get("programmes", []):
            for value in values:
                q = query.And(
                    [
                        query.Term("programme", programme["key"]),
                        query.NumericRange("value", value, value),
                    ]
                )
                for docnum in np.flatnonzero(gen.sets.matches(q)).tolist():
                    other = gen.searcher.stored_fields(docnum)["meta"]
                    if other["id"] == meta["id"]:
                        continue
                    # The value field holds every currency: the match must be in the same one too.
                    text = next(
                        (
                            a["text"]
                            for a in other["amounts"]
                            if a["value"] == value and a["currency"] == home
                        ),
                        None,
                    )
                    if text is None:
                        continue
                    entry = found.setdefault(
                        other["id"],
                        {
                            "id": other["id"],
                            "title": other["title"],
                            "date": other["date"],
                            "date_display": other.get("date_display"),
                            "amounts": [],
                        },
                    )
                    entry["amounts"].append(
                        {
                            "text": text,
                            "value": value,
                            "programme": programme["key"],
                            "programme_name": programme["name"],
                        }
                    )
        return sorted(found.values(), key=lambda d: d["date"])

    def metas(self, q: query.Query) -> list[dict[str, Any]]:
        """Return every document a query matches, oldest first, without bodies (for ledgers)."""
        with self._lock:
            gen = self._current()
            docnums = np.flatnonzero(gen.sets.matches(q))
            order = docnums[
                np.argsort(gen.sets.column("sortdate")[docnums], kind="stable")
            ].tolist()
            found = []
            for docnum in order:
                meta = dict(gen.searcher.stored_fields(docnum)["meta"])
                meta.pop("body", None)
                found.append(realterms.with_real_terms(gen, labelled(gen, meta)))
            return found

    # -- discovery and export (issue 3) --

    def iter_hits(self, request: SearchRequest) -> Iterator[dict[str, Any]]:
        """Yield every hit of a request in order, without bodies, one document at a time."""
        with self._lock:
            gen = self._current()
            parsed = gen.reader.read(request.q, request.money)
            with limits.budget():
                order = self._order(gen, request, parsed, self._result_mask(gen, request, parsed))[
                    :MAX_EXPORT
                ]

        def rows() -> Iterator[dict[str, Any]]:
            own = None
            try:
                for docnum in order:
                    with self._lock:
                        if own is None and self._generation is not gen:
                            # A build was published mid-export and the shared searcher closed:
                            # finish on the generation we started on, whose files are kept for
                            # a while.
                            own = whoosh_index.open_dir(str(gen.path)).searcher()
                        meta = dict((own or gen.searcher).stored_fields(docnum)["meta"])
                    meta.pop("body", None)
                    meta.update(placed(gen, docnum))
                    yield realterms.with_real_terms(gen, labelled(gen, meta))
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
                found.append(labelled(gen, meta))
            return found

    def timeline(self, request: SearchRequest) -> list[discover.YearTotal]:
        """Count a request's documents and their headline pound amounts per year."""
        with self._lock:
            gen = self._current()
            with limits.budget():
                docs = self._result_mask(gen, request, gen.reader.read(request.q, request.money))
            if not request.real:
                return discover.timeline(
                    gen.searcher, gen.facets, set(np.flatnonzero(docs).tolist()), request.money
                )
            # In real terms: each document's largest pound amount in the latest year's prices.
            real = gen.sets.column(request.money_field("real_largest"))
            # Each sum once, as in cash: a headline an earlier document had is not added again.
            pounds = discover.largest_by_currency(gen.searcher, gen.facets, money=request.money)
            first = np.zeros(gen.sets.size, dtype=bool)
            first[
                list(
                    discover.first_headlines(
                        gen.searcher, gen.facets, pounds, set(np.flatnonzero(docs).tolist())
                    )
                )
            ] = True
            found = []
            for value, holders in gen.facets.postings("year").items():
                if value == "0":
                    continue  # undated: no place on a timeline
                mine = np.fromiter(holders, dtype=np.int64, count=len(holders))
                mine = mine[docs[mine]]
                if len(mine):
                    counted = mine[first[mine]]
                    found.append(
                        discover.YearTotal(
                            int(value), len(mine), int(np.maximum(real[counted], 0).sum())
                        )
                    )
            return sorted(found, key=lambda y: y.year)

    def _result_mask(self, gen: Generation, request: SearchRequest, parsed: ParsedQuery) -> Mask:
        return _all_of(gen.sets.matches(parsed.query), self._filter_masks(gen, request).values())

    def _order(
        self, gen: Generation, request: SearchRequest, parsed: ParsedQuery, docs: Mask
    ) -> list[int]:
        count = int(np.count_nonzero(docs))
        if not count:
            return []
        # The order the pages show: from the same arrays where the pages use them.
        sort = request.effective_sort
        if sort != "relevance":
            field = (
                request.money_field("real_largest" if request.real else "largest")
                if sort == "largest"
                else "sortdate"
            )
            return gen.sets.top(docs, field, reverse=sort != "oldest", limit=count).tolist()
        if rankable(parsed.query):
            return gen.ranker.top(parsed.query, docs, count)[0].tolist()
        results = limits.search(
            gen.searcher, parsed.query, filter=set(np.flatnonzero(docs).tolist()), limit=None
        )
        return [docnum for _, docnum in results.top_n]


def _all_of(first: Mask, others: Iterable[Mask]) -> Mask:
    result = first
    for mask in others:
        result = result & mask
    return result


def _years(ranges: Iterable[tuple[int, int]]) -> set[str]:
    return {str(y) for low, high in ranges for y in range(low, high + 1)}


def _facet_order(facet: str, home: str = "GBP") -> Callable[[FacetValue], Any]:
    if facet in ("year", "financial_year"):
        return lambda v: (-int(v.value[:4]), v.value)
    if facet == "amount":
        # The archive's own currency first (pounds in a UK archive, AUD in an Australian one).
        return lambda v: ((split_band(v.value) or (home,))[0] != home, band_order(v.value))
    return lambda v: (-v.count, v.label.lower())
