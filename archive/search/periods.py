"""Dates as spans of days over one generation: financial years, governments, ranges, real terms.

Everything here is worked out when a generation is opened, from the `sortdate` column
(YYYYMMDD, an unknown month or day as 0) and the facet columns: nothing is indexed for it, so an
edit to the registry of governments or to the deflator series never needs the index rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from archive.corpus import prices
from archive.corpus.amounts import split_band
from archive.corpus.country import FISCAL_YEARS, NAMES, currency_of, fiscal_year
from archive.corpus.registry import Registry
from archive.search.docsets import DocSets, Mask
from archive.search.facets import FacetTable

MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
FIRST_MONTH = {code: rule.first_month for code, rule in FISCAL_YEARS.items()}
SPANS_YEARS = "the date spans two financial years (it is known only to the year)"
SPANS_CHANGE = "the date spans a change of government"


@dataclass(frozen=True)
class Computed:
    """A facet worked out per document: a value code per document number (-1: none), and why not."""

    values: list[str]
    codes: np.ndarray
    unplaced: np.ndarray  # live documents with no value
    why: dict[str, np.ndarray] = field(default_factory=dict)  # each reason, and its documents


class Periods:
    """Each document's date as its first and last possible day, and what follows from them."""

    def __init__(self, sets: DocSets, facets: FacetTable, registry: Registry):
        self._sets, self._facets, self._registry = sets, facets, registry
        self.home = registry.home
        size = sets.size
        dates = (
            sets.column("sortdate")
            if size and sets.reader.has_column("sortdate")
            else np.zeros(size, np.int64)
        )
        year, month, day = dates // 10000, dates // 100 % 100, dates % 100
        # Days as YYYYMMDD numbers, which compare in order.
        leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
        month_days = MONTH_DAYS[month] + ((month == 2) & leap)
        first = np.where(month == 0, year * 10000 + 101, np.where(day == 0, dates + 1, dates))
        last = np.where(
            month == 0, year * 10000 + 1231, np.where(day == 0, dates + month_days, dates)
        )
        # Kept in the narrowest type that holds them: every worker keeps its own (a YYYYMMDD day
        # fits 32 bits), 11 bytes a document instead of 32.
        wide = bool(len(dates)) and not (int(dates.min()) >= 0 and int(last.max()) < 2**31)
        self.year = year if wide else year.astype(np.int16)
        self.month = month.astype(np.int8)
        self.first = first if wide else first.astype(np.int32)
        self.last = last if wide else last.astype(np.int32)
        self.live = sets.live

    @cached_property
    def countries(self) -> dict[str, Mask]:
        """Each document's country: that of a department it names, else the archive's.

        A UK archive keeps its old rule: a document is Australian when it holds an AUD amount or
        names an Australian department, and British otherwise."""
        size = self._sets.size
        named: dict[str, list[str]] = {}
        for key, department in self._registry.departments.items():
            named.setdefault(department.country, []).append(key)
        masks = {country: self._facets.mask("department", keys) for country, keys in named.items()}
        if self.home == "GB":
            values = self._facets.values("amount_all")  # any amount in AUD, announced or not
            bands = [v for v in values if (split_band(v) or ("", ""))[0] == "AUD"]
            none = np.zeros(size, dtype=bool)
            australian = self._facets.mask("amount_all", bands) | masks.get("AU", none)
            return {"AU": australian, "GB": ~australian}
        # A document naming one of the archive's own departments is the archive's, whatever else.
        taken = masks.pop(self.home, np.zeros(size, dtype=bool)).copy()
        found: dict[str, Mask] = {}
        for country in sorted(masks):
            found[country] = masks[country] & ~taken
            taken |= found[country]
        found[self.home] = ~_union(found.values(), size)
        return found

    @cached_property
    def financial_year(self) -> Computed:
        """Each document's financial year, by its country's rule (UK April, AU July, US October)."""
        size = self._sets.size
        start = np.zeros(size, dtype=np.int64)
        ruled = np.zeros(size, dtype=bool)
        why: dict[str, Mask] = {}
        for country, mask in self.countries.items():
            rule = fiscal_year(country)
            if rule is None:
                name = NAMES.get(country, country)
                why[f"no financial year is registered for {name}"] = mask & self.live
                continue
            mine = mask & (self.month > 0)
            if rule.since:
                before = mine & (self.first < _day(rule.since))
                why[
                    f"dated before {NAMES.get(country, country)}'s financial year began in "
                    f"month {rule.first_month} ({rule.since})"
                ] = before & self.live
                mine &= ~before
            own = np.where(self.month >= rule.first_month, self.year, self.year - 1)
            start = np.where(mine, own, start)
            ruled |= mine
        why[SPANS_YEARS] = (self.month == 0) & self.live
        placed = ruled & self.live
        starts = sorted(set(start[placed].tolist()))
        code_of = np.full(max(starts, default=0) + 2, -1, dtype=np.int32)
        for n, value in enumerate(starts):
            code_of[value] = n
        codes = np.where(placed, code_of[np.where(placed, start, 0)], -1)
        return _computed([prices.fy_text(s) for s in starts], codes, self.live, why)

    @cached_property
    def government(self) -> Computed:
        """Each document's government: its country's, in office on every day its date could be."""
        governments = sorted(
            self._registry.governments.values(), key=lambda g: (g.country, g.start)
        )
        size = self._sets.size
        codes = np.full(size, -1, dtype=np.int32)
        touched = np.zeros(size, dtype=np.int16)
        countries = self.countries
        for n, government in enumerate(governments):
            mine = countries.get(government.country, np.zeros(size, dtype=bool))
            start = _day(government.start)
            end = _day(government.end) if government.end else 99991231
            # The days of a change belong to both governments, so a date on one is placed under
            # neither.
            overlaps = mine & (self.last >= start) & (self.first <= end) & self.live
            touched += overlaps
            codes[overlaps & (self.first > start) & (self.last < end)] = n
        codes[touched > 1] = -1
        why = {
            SPANS_CHANGE: (touched > 1) & self.live,
            "the date is the day a government took office": (touched == 1)
            & (codes < 0)
            & self.live,
        }
        for country, mask in countries.items():
            name = NAMES.get(country, country)
            own = [g for g in governments if g.country == country]
            outside = mask & (touched == 0) & self.live
            if not own:
                why[f"no government of {name} is registered"] = outside
            else:
                first = own[0].start
                why[f"dated before the first government of {name} registered ({first})"] = outside
        return _computed([g.key for g in governments], codes, self.live, why)

    def in_range(self, low: int | None, high: int | None) -> tuple[Mask, Mask]:
        """Return the documents dated wholly inside a range of days, and those overlapping it."""
        low = low if low is not None else 0
        high = high if high is not None else 99991231
        inside = (self.first >= low) & (self.last <= high) & self.live
        overlap = (self.last >= low) & (self.first <= high) & self.live & ~inside
        return inside, overlap

    @cached_property
    def real_factor(self) -> np.ndarray:
        """Return what a unit of each document's financial year is worth in the latest prices.

        In the archive's currency; 0 where unknown, or where the currency has no deflator series."""
        series = prices.deflator(currency_of(self.home))
        factors = np.zeros(self._sets.size)
        if series is None or self.home not in FIRST_MONTH:
            return factors
        start = np.where(self.month >= FIRST_MONTH[self.home], self.year, self.year - 1)
        for value in np.unique(start[self.month > 0]).tolist():
            factor = series.factor(prices.fy_text(int(value)))
            if factor is not None:
                factors[(start == value) & (self.month > 0)] = factor
        return factors


def _union(masks: Iterable[Mask], size: int) -> Mask:
    found = np.zeros(size, dtype=bool)
    for mask in masks:
        found |= mask
    return found


def _computed(values: list[str], codes: np.ndarray, live: Mask, why: dict[str, Mask]) -> Computed:
    """Keep the reasons that hold a document; each unplaced document under its first reason only."""
    unplaced = (codes < 0) & live
    kept: dict[str, Mask] = {}
    left = unplaced.copy()
    for reason, mask in why.items():
        mine = mask & left
        if mine.any():
            kept[reason] = mine
            left &= ~mine
    if left.any():
        kept["no value could be worked out from the date"] = left
    return Computed(values, codes, unplaced, kept)


def _day(iso: str) -> int:
    return int(iso.replace("-", ""))
