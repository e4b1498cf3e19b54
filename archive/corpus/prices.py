"""Real-terms money: amounts of one financial year in the latest year's prices, by a GDP deflator.

Two series are shipped: the UK's (HM Treasury's GDP deflators) and Australia's (the ABS GDP
implicit price deflator by financial year, formed from cat. 5206.0: see deflators-aud.csv). An
archive whose currency has no series shipped is not offered real terms at all.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

SERIES_FILE = "deflators.csv"
AUD_SERIES_FILE = "deflators-aud.csv"
# Currency -> the file of its series in the package. A currency with no series has no real terms.
SERIES_FILES = {"GBP": SERIES_FILE, "AUD": AUD_SERIES_FILE}
SERIES = "HM Treasury GDP deflators at market prices, March 2026 (Quarterly National Accounts)"
AUD_SERIES = (
    "ABS GDP implicit price deflator by financial year (Australian National Accounts, "
    "cat. 5206.0, June quarter 2020)"
)
# Currency -> the name the pages and the API give its series.
SERIES_NAMES = {"GBP": SERIES, "AUD": AUD_SERIES}
SOURCE = (
    "https://www.gov.uk/government/statistics/"
    "gdp-deflators-at-market-prices-and-money-gdp-march-2026-quarterly-national-accounts"
)


def financial_year(year: int, month: int | None, first_month: int = 4) -> str | None:
    """Name the financial year a month falls in, such as 2009-10; None for a year alone."""
    if month is None:
        return None
    start = year if month >= first_month else year - 1
    return fy_text(start)


def fy_text(start: int) -> str:
    """Name the financial year that starts in a year: 2009-10."""
    return f"{start}-{(start + 1) % 100:02d}"


@dataclass(frozen=True)
class Deflator:
    """The GDP deflator for each financial year, and the latest year, whose prices amounts use."""

    index: dict[str, float]  # financial year -> deflator
    series: str = SERIES

    @property
    def prices(self) -> str:
        return max(self.index)

    def factor(self, year: str | None) -> float | None:
        """Return what one unit of a financial year is worth in the latest prices, or None."""
        level = self.index.get(year) if year else None
        return None if level is None else self.index[self.prices] / level

    def real(self, value: int, year: str | None) -> int | None:
        """Return an amount of a financial year in the latest prices, to the unit, or None."""
        factor = self.factor(year)
        return None if factor is None else real_value(value, factor)

    def real_terms(
        self, value: int, currency: str, year: str | None, home: str = "GBP"
    ) -> dict[str, Any] | None:
        """Describe an amount of the series' currency in real terms, for the API, or None."""
        real = self.real(value, year) if currency == home else None
        if real is None:
            return None
        return {"value": real, "prices": self.prices, "series": self.series, "from_year": year}


def real_value(value: int, factor: float) -> int:
    """Put a nominal amount into real terms, rounded half up to the pound."""
    return math.floor(value * factor + 0.5)


def nominal_range(
    low: int | None, high: int | None, factor: float
) -> tuple[int | None, int | None]:
    """Return the nominal amounts whose real value (rounded as real_value) is in [low, high]."""
    lo = hi = None
    if low is not None:
        lo = max(0, math.floor((low - 0.5) / factor) - 1)
        while real_value(lo, factor) < low:
            lo += 1
    if high is not None:
        hi = max(0, math.ceil((high + 0.5) / factor) + 1)
        while hi >= 0 and real_value(hi, factor) > high:
            hi -= 1
    return lo, hi


@lru_cache(maxsize=4)
def deflator(currency: str = "GBP") -> Deflator | None:
    """Read the series shipped with the package for a currency; None where there is none."""
    name = SERIES_FILES.get(currency)
    if name is None:
        return None
    text = resources.files("archive.corpus").joinpath(name).read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return Deflator(
        {row["financial_year"]: float(row["deflator"]) for row in rows}, SERIES_NAMES[currency]
    )


def document_year(meta: dict[str, Any], first_month: int = 4) -> str | None:
    """Return the financial year of a stored document's date (UK's by default), or None."""
    parts = str(meta.get("date", "")).split("-")
    if len(parts) < 2:
        return None
    return financial_year(int(parts[0]), int(parts[1]), first_month)


def with_real_terms(
    meta: dict[str, Any], currency: str = "GBP", first_month: int = 4
) -> dict[str, Any]:
    """Add each amount's value in the latest year's prices, where the currency has a series."""
    series = deflator(currency)
    year = document_year(meta, first_month)
    meta["amounts"] = [
        {
            **a,
            "real_terms": series.real_terms(a["value"], a["currency"], year, currency)
            if series
            else None,
        }
        for a in meta.get("amounts", [])
    ]
    return meta
