"""Facet values and their counts: years, departments, programmes, amount bands, and the rest.

The rest are facets worked out per document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh.reading import IndexReader

from archive.index import columns
from archive.search.cache import ArrayCache


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


class FacetTable:
    """Each document's facet values as arrays of codes, read once per index generation.

    A facet is held as parallel arrays of (document number, value code), one pair for each value a
    document has. Counting a facet over a set of documents is then one `bincount` of the codes of
    the pairs whose document is in the set, instead of one set intersection per value.
    """

    def __init__(
        self,
        reader: IndexReader,
        live: np.ndarray | None = None,
        mapped: columns.MappedColumns | None = None,
    ):
        self._reader = reader
        self._mapped = mapped  # the build's columns (archive/index/columns.py), where there are
        self.size = reader.doc_count_all()
        if live is None:
            live = columns.live_mask(reader)
        self._live = live
        self._columns: dict[str, _Column] = {}
        # A facet value's mask, kept as bits: 125 KB at 1,000,000 documents.
        self._masks = ArrayCache(8 * 2**20, 256)
        # Facets not indexed but worked out from other columns (archive/search/periods.py): each
        # gives, on first use, its values and a value code per document number, -1 for none.
        self.computed: dict[str, Callable[[], Any]] = {}

    def _codes(self, field: str) -> tuple[list[str], np.ndarray] | None:
        if field not in self.computed:
            return None
        found = self.computed[field]()
        return found.values, found.codes

    def _column(self, field: str) -> _Column:
        if field not in self._columns:
            found = self._mapped.facet(field) if self._mapped is not None else None
            if found is None:
                found = columns.facet_column(self._reader, field, self._live)
            self._columns[field] = _Column(
                found.values,
                {v: n for n, v in enumerate(found.values)},
                found.docs,
                found.codes,
                found.ids(),
            )
        return self._columns[field]

    def values(self, field: str) -> list[str]:
        """Return every value a facet field holds."""
        computed = self._codes(field)
        return list(computed[0]) if computed else self._column(field).values

    def counts(self, field: str, docs: np.ndarray) -> dict[str, int]:
        """Count, for each value, the documents of a mask holding it; leave out values with none."""
        computed = self._codes(field)
        if computed:
            values, codes = computed
            found = np.bincount(codes[docs & (codes >= 0)], minlength=len(values))
            return {values[n]: int(found[n]) for n in np.flatnonzero(found)}
        column = self._column(field)
        found = np.bincount(column.codes[docs[column.docs]], minlength=len(column.values))
        return {column.values[n]: int(found[n]) for n in np.flatnonzero(found)}

    def mask(self, field: str, values: Iterable[str]) -> np.ndarray:
        """Return a mask of the live documents holding any of the values."""
        key = (field, frozenset(values))
        found = self._masks.get(key)
        if found is None:
            computed = self._codes(field)
            if computed:
                values, codes = computed
                wanted = [n for n, v in enumerate(values) if v in key[1]]
                mask = np.isin(codes, wanted) & self._live
            else:
                column = self._column(field)
                mask = np.zeros(self.size, dtype=bool)
                for value in key[1]:
                    code = column.codes_by_value.get(value)
                    if code is not None:
                        mask[column.ids[code]] = True
            self._masks.put(key, found := mask)
        return found

    def postings(self, field: str) -> dict[str, frozenset[int]]:
        """Map each value of a facet field to the documents that hold it."""
        column = self._column(field)
        return {v: frozenset(column.ids[n].tolist()) for n, v in enumerate(column.values)}

    def docs(self, field: str, values: Iterable[str]) -> set[int]:
        """Return the documents holding any of the values."""
        return set(np.flatnonzero(self.mask(field, values)).tolist())


@dataclass
class _Column:
    values: list[str]
    codes_by_value: dict[str, int]
    docs: np.ndarray  # document number of each (document, value) pair
    codes: np.ndarray  # value code of each pair
    ids: list[np.ndarray]  # for each value code, its documents in order
