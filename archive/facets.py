"""Facet values and their counts: years, departments, programmes and amount bands."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from whoosh.reading import IndexReader

# (key, lowest value, first value above the band); values in whole units of a currency.
BANDS = (
    ("under-1m", 0, 10**6),
    ("1m-10m", 10**6, 10**7),
    ("10m-100m", 10**7, 10**8),
    ("100m-1bn", 10**8, 10**9),
    ("1bn-plus", 10**9, None),
)
BAND_NAMES = tuple(key for key, _, _ in BANDS)
BAND_LABELS = {
    "under-1m": "under {s}1m",
    "1m-10m": "{s}1m–{s}10m",
    "10m-100m": "{s}10m–{s}100m",
    "100m-1bn": "{s}100m–{s}1bn",
    "1bn-plus": "{s}1bn and over",
}
SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "AUD": "A$", "NZD": "NZ$", "CAD": "C$"}
HOME_CURRENCY = "GBP"


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def band_key(value: int, currency: str) -> str:
    """Name the band a value falls in; bands of other currencies carry their code."""
    name = next(key for key, low, high in BANDS if value >= low and (high is None or value < high))
    return name if currency == HOME_CURRENCY else f"{currency.lower()}:{name}"


def split_band(key: str) -> tuple[str, str] | None:
    """Return (currency, band) for a band key, or None if it is not one."""
    currency, _, name = key.rpartition(":")
    currency = currency.upper() or HOME_CURRENCY
    if name not in BAND_NAMES or not (currency.isalpha() and len(currency) == 3):
        return None
    return currency, name


def band_label(key: str) -> str:
    """Label a band key for people, e.g. "£10m–£100m" or "JPY under 1m"."""
    currency, name = split_band(key) or (HOME_CURRENCY, key)
    symbol = SYMBOLS.get(currency, "")
    text = BAND_LABELS.get(name, name).format(s=symbol)
    return text if symbol else f"{currency} {text}"


def band_order(key: str) -> tuple[int, str, int]:
    """Sort pounds first, then other currencies by code, each band from small to large."""
    currency, name = split_band(key) or (HOME_CURRENCY, key)
    return (currency != HOME_CURRENCY, currency, BAND_NAMES.index(name) if name in BAND_NAMES else 99)


class FacetTable:
    """Which documents hold each facet value, read once per index generation."""

    def __init__(self, reader: IndexReader):
        self._reader = reader
        self._postings: dict[str, dict[str, frozenset[int]]] = {}

    def postings(self, field: str) -> dict[str, frozenset[int]]:
        """Map each value of a facet field to the documents that hold it."""
        if field not in self._postings:
            reader = self._reader
            self._postings[field] = {
                term.decode("utf-8"): frozenset(reader.postings(field, term).all_ids())
                for term in reader.lexicon(field)
            }
        return self._postings[field]

    def docs(self, field: str, values: Iterable[str]) -> set[int]:
        """Return the documents holding any of the values."""
        table = self.postings(field)
        found: set[int] = set()
        for value in values:
            found |= table.get(value, frozenset())
        return found
