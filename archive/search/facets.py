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
    document has, grouped by value. Counting a facet over a set of documents is then one gather of
    whether each pair's document is in the set and one sum over each value's run of pairs,
    instead of one set intersection per value.
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
        # The computed facets' documents grouped by value, made on first count (codes: whose).
        self._groups: dict[str, tuple[np.ndarray, _Groups]] = {}

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
                _Groups(found.docs, np.asarray(found.starts)),
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
            kept = self._groups.get(field)
            if kept is None or kept[0] is not codes:
                kept = self._groups[field] = (codes, _Groups.of_codes(codes, len(values)))
            found = kept[1].count(docs)
        else:
            column = self._column(field)
            values, found = column.values, column.groups.count(docs)
        return {values[n]: int(found[n]) for n in np.flatnonzero(found)}

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
    groups: _Groups


class _Groups:
    """Documents grouped by value (value n's are docs[starts[n]:starts[n + 1]]), for counting."""

    def __init__(self, docs: np.ndarray, starts: np.ndarray):
        self.docs = docs
        self.size = len(starts) - 1
        # np.add.reduceat sums from each index to the next: given only the values holding
        # documents, each sum is exactly one value's run (an empty run between adds nothing).
        self.held = np.flatnonzero(np.diff(starts))
        self.firsts = starts[:-1][self.held]

    @classmethod
    def of_codes(cls, codes: np.ndarray, size: int) -> _Groups:
        """Group the documents of a value code per document (-1: none) by value."""
        order = np.argsort(codes, kind="stable")
        order = order[codes[order] >= 0]
        starts = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(codes[order], minlength=size), out=starts[1:])
        return cls(order.astype(np.int32 if len(codes) < 2**31 else np.int64), starts)

    def count(self, docs: np.ndarray) -> np.ndarray:
        """Count, for each value, its documents in a mask."""
        found = np.zeros(self.size, dtype=np.intp)
        if len(self.firsts):
            # take, not indexing: numpy indexes by an int32 array through its slow path.
            found[self.held] = np.add.reduceat(docs.take(self.docs), self.firsts, dtype=np.intp)
        return found
