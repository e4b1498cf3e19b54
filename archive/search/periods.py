"""Dates as spans of days over one index generation: financial years, governments, date ranges, real terms.

Everything here is worked out when a generation is opened, from the `sortdate` column
(YYYYMMDD, an unknown month or day as 0) and the facet columns: nothing is indexed for it, so an
edit to the registry of governments or to the deflator series never needs the index rebuilt.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from archive.corpus import prices
from archive.corpus.amounts import split_band
from archive.corpus.registry import Registry
from archive.search.docsets import DocSets, Mask
from archive.search.facets import FacetTable

MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
FIRST_MONTH = {"GB": 4, "AU": 7}  # the financial year starts in April in the UK, in July in Australia


@dataclass(frozen=True)
class Computed:
    """A facet worked out per document: a value code for each document number (-1: none), and why not."""

    values: list[str]
    codes: np.ndarray
    unplaced: np.ndarray  # documents with no value because their date is too loose to place


class Periods:
    """Each document's date as its first and last possible day, and what follows from them."""

    def __init__(self, sets: DocSets, facets: FacetTable, registry: Registry):
        self._sets, self._facets, self._registry = sets, facets, registry
        size = sets.size
        dates = sets.column("sortdate") if size and sets.reader.has_column("sortdate") else np.zeros(size, np.int64)
        self.year, self.month, day = dates // 10000, dates // 100 % 100, dates % 100
        # Days as YYYYMMDD numbers, which compare in order.
        leap = (self.year % 4 == 0) & ((self.year % 100 != 0) | (self.year % 400 == 0))
        month_days = MONTH_DAYS[self.month] + ((self.month == 2) & leap)
        self.first = np.where(self.month == 0, self.year * 10000 + 101, np.where(day == 0, dates + 1, dates))
        self.last = np.where(self.month == 0, self.year * 10000 + 1231, np.where(day == 0, dates + month_days, dates))
        self.live = sets.live

    @cached_property
    def australian(self) -> Mask:
        """Documents that are Australian: amounts in AUD, or a department registered as Australia's."""
        bands = [v for v in self._facets.values("amount_all") if (split_band(v) or ("", ""))[0] == "AUD"]
        departments = [k for k, d in self._registry.departments.items() if d.country == "AU"]
        return self._facets.mask("amount_all", bands) | self._facets.mask("department", departments)

    @cached_property
    def financial_year(self) -> Computed:
        """Each document's financial year (UK: April to March; Australia: July to June)."""
        first_month = np.where(self.australian, FIRST_MONTH["AU"], FIRST_MONTH["GB"])
        start = np.where(self.month >= first_month, self.year, self.year - 1)
        placed = (self.month > 0) & self.live
        starts = sorted(set(start[placed].tolist()))
        code_of = np.full(max(starts, default=0) + 2, -1, dtype=np.int32)
        for n, value in enumerate(starts):
            code_of[value] = n
        codes = np.where(placed, code_of[np.where(placed, start, 0)], -1)
        return Computed([prices.fy_text(s) for s in starts], codes, (self.month == 0) & self.live)

    @cached_property
    def government(self) -> Computed:
        """Each document's government: the one in office on every day its date could be, and no other."""
        governments = sorted(self._registry.governments.values(), key=lambda g: (g.country, g.start))
        codes = np.full(self._sets.size, -1, dtype=np.int32)
        touched = np.zeros(self._sets.size, dtype=np.int16)
        for n, government in enumerate(governments):
            mine = self.australian if government.country == "AU" else ~self.australian
            start = _day(government.start)
            end = _day(government.end) if government.end else 99991231
            # The days of a change belong to both governments, so a date on one is placed under neither.
            overlaps = mine & (self.last >= start) & (self.first <= end) & self.live
            touched += overlaps
            codes[overlaps & (self.first > start) & (self.last < end)] = n
        codes[touched > 1] = -1
        return Computed([g.key for g in governments], codes, (touched > 1) & self.live)

    def in_range(self, low: int | None, high: int | None) -> tuple[Mask, Mask]:
        """Return the documents dated wholly inside a range of days, and those that only overlap it."""
        low = low if low is not None else 0
        high = high if high is not None else 99991231
        inside = (self.first >= low) & (self.last <= high) & self.live
        overlap = (self.last >= low) & (self.first <= high) & self.live & ~inside
        return inside, overlap

    @cached_property
    def real_factor(self) -> np.ndarray:
        """What a pound of each document's UK financial year is worth in the latest year's prices (0: unknown)."""
        series = prices.deflator()
        factors = np.zeros(self._sets.size)
        start = np.where(self.month >= FIRST_MONTH["GB"], self.year, self.year - 1)
        for value in np.unique(start[self.month > 0]).tolist():
            factor = series.factor(prices.fy_text(int(value)))
            if factor is not None:
                factors[(start == value) & (self.month > 0)] = factor
        return factors


def _day(iso: str) -> int:
    return int(iso.replace("-", ""))
