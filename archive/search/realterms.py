"""Money in real terms: amounts in the latest year's prices, for documents, sorting and filters."""

from __future__ import annotations

import weakref
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from archive.corpus import prices
from archive.corpus.amounts import split_band
from archive.corpus.country import currency_of
from archive.search import discover
from archive.search.docsets import Mask
from archive.search.facets import FacetTable
from archive.search.generation import Generation
from archive.search.periods import FIRST_MONTH, Periods
from archive.search.request import SearchRequest


def with_real_terms(gen: Generation, meta: dict[str, Any]) -> dict[str, Any]:
    home = gen.registry.home
    return prices.with_real_terms(meta, currency_of(home) or "GBP", FIRST_MONTH.get(home, 4))


_values_cache: weakref.WeakKeyDictionary[Searcher, dict[str, tuple[np.ndarray, np.ndarray]]] = (
    weakref.WeakKeyDictionary()
)


def amount_values(searcher: Searcher, name: str = "value") -> tuple[np.ndarray, np.ndarray]:
    """Return (document, value) for every amount a value field holds, read once per searcher."""
    cached = _values_cache.setdefault(searcher, {})
    if name in cached:
        return cached[name]
    reader, field = searcher.reader(), searcher.schema[name]
    docs: list[int] = []
    values: list[int] = []
    for term in field.sortable_terms(reader, name):
        holders = list(reader.postings(name, term).all_ids())
        docs += holders
        values += [field.from_bytes(term)] * len(holders)
    cached[name] = (np.array(docs, dtype=np.int64), np.array(values, dtype=np.int64))
    return cached[name]


def real_largest(
    searcher: Searcher, facets: FacetTable, periods: Periods, money: str = "announced"
) -> np.ndarray:
    """Each document's largest home-currency amount in the latest year's prices; else -1."""
    keys = np.full(periods.live.shape[0], -1, dtype=np.int64)
    factors = periods.real_factor
    home = currency_of(periods.home) or "GBP"
    for docnum, pounds in discover.largest_by_currency(searcher, facets, home, money=money).items():
        if factors[docnum] > 0:
            keys[docnum] = prices.real_value(pounds, float(factors[docnum]))
    return keys


def real_range(gen: Generation, request: SearchRequest) -> Mask:
    """Return the documents with a home-currency amount whose real value is in [low, high]."""
    low, high = request.min_amount, request.max_amount
    factors = gen.periods.real_factor
    home = currency_of(gen.registry.home) or "GBP"
    bands = request.money_field("amount")
    pounds = gen.facets.mask(
        bands, [v for v in gen.facets.values(bands) if (split_band(v) or ("",))[0] == home]
    )
    # Every amount's value at once, rather than one range query per financial year: a series of
    # sixty years made that slower than the search's time budget allows.
    docs, values = amount_values(gen.searcher, request.money_field("value"))
    factor = factors[docs]
    kept = pounds[docs] & (factor > 0)
    # The same float arithmetic as prices.real_value, so a value found here is the one shown.
    real = np.floor(values[kept] * factor[kept] + 0.5)
    inside = np.ones(real.shape, dtype=bool)
    if low is not None:
        inside &= real >= low
    if high is not None:
        inside &= real <= high
    found: Mask = np.zeros(gen.sets.size, dtype=bool)
    found[docs[kept][inside]] = True
    found &= pounds
    return found
